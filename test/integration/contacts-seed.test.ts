import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "#shared/clock.ts";
import { contactDependencies } from "#shared/contacts/dependencies.ts";
import { pocCoverage } from "#shared/contacts/poc-coverage.ts";
import type { PocView } from "#shared/contacts/schemas.ts";
import { demoContacts, demoFigures, seedDemoContacts } from "#shared/contacts/seed-demo.ts";
import { loadOrganizations } from "#shared/organizations/catalogue.ts";
import { loadMemberStates } from "#shared/registry/member-states.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { reportingRepository } from "#shared/reporting/repository.ts";
import { freshTables } from "./fresh-tables.ts";

const clock = fixedClock("2026-11-27T09:00:00Z");
let setup: Awaited<ReturnType<typeof freshTables>>;
let firstRun: Awaited<ReturnType<typeof seedDemoContacts>>;

async function obligationCount(status: "fulfilled" | "outstanding" | "unknown") {
  const page = await reportingRepository(setup.doc, setup.tableNames, clock).statesWithObligation(
    "point-of-contact",
    status,
    { limit: 200 },
  );
  return page.items.length;
}

beforeAll(async () => {
  setup = await freshTables();
  await seedRegistry(setup.doc, setup.tableNames, clock);
  firstRun = await seedDemoContacts(setup.doc, setup.tableNames, clock);
}, 120_000);

describe("the demo contacts", () => {
  it("give 123 States an active contact, with the published mix of current, stale and unreachable", async () => {
    const deps = contactDependencies(setup.doc, setup.tableNames, clock);
    const views: Record<PocView, number> = { current: 0, stale: 0, unreachable: 0, missing: 0 };
    let withActive = 0;
    for (const state of loadMemberStates()) {
      const contacts = (await deps.contacts.contactsOf({ kind: "state", iso3: state.iso3 })).map((c) => c.value);
      if (contacts.some((contact) => contact.active && contact.role !== "permanent-mission")) withActive++;
      views[pocCoverage(contacts, clock).view]++;
      for (const contact of contacts) {
        expect(contact.demo).toBe(true);
        expect(contact.email).toMatch(/@example\.org$|@[a-z]{3}-mission\.example$/);
      }
    }
    expect(withActive).toBe(demoFigures.statesWithContact);
    expect(views).toEqual({ current: 98, stale: 15, unreachable: 10, missing: 193 - 123 });
    expect(await obligationCount("fulfilled")).toBe(98);
    expect(await obligationCount("outstanding")).toBe(95);
    expect(await obligationCount("unknown")).toBe(0);
  });

  it("give every organization an active organization point of contact", async () => {
    const deps = contactDependencies(setup.doc, setup.tableNames, clock);
    for (const organization of loadOrganizations()) {
      const contacts = await deps.contacts.contactsOf({ kind: "organization", id: organization.id });
      expect(contacts.filter((c) => c.value.active && c.value.role === "organization-poc")).toHaveLength(1);
    }
  });

  it("are the same on every run and are seeded once", async () => {
    const states = loadMemberStates();
    const organizations = loadOrganizations();
    const a = demoContacts(states, organizations, "2026-11-27", "2026-11-27T09:00:00.000Z");
    const b = demoContacts(states, organizations, "2026-11-27", "2026-11-27T09:00:00.000Z");
    expect(a).toEqual(b);
    expect(firstRun).toEqual({
      created: a.length,
      existing: 0,
      // Every State gets its Permanent Mission's address, and that write brings its obligation in step already.
      obligationsUpdated: 0,
    });
    expect(await seedDemoContacts(setup.doc, setup.tableNames, clock)).toEqual({
      created: 0,
      existing: a.length,
      obligationsUpdated: 0,
    });
    const deps = contactDependencies(setup.doc, setup.tableNames, clock);
    const stored = await deps.contacts.getContact(a[0]?.id ?? "");
    expect(stored?.value).toEqual(a[0]);
  });
});
