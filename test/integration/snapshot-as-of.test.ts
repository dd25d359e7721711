// Snapshots as of their quarter (issue 15): point-of-contact figures from the contacts' dated history, and the
// previous quarter whatever order the quarters were taken in; against DynamoDB Local.
import { beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { createContact, deactivateContact, verifyContact } from "#shared/contacts/contacts.ts";
import { contactDependencies } from "#shared/contacts/dependencies.ts";
import { recordEmailStatus } from "#shared/contacts/email-status.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import type { Snapshot } from "#shared/snapshots/schemas.ts";
import { getSnapshot, listSnapshots, snapshotDependencies, takeSnapshot } from "#shared/snapshots/snapshots.ts";
import { freshTables } from "./fresh-tables.ts";

const TODAY = "2024-06-15T12:00:00.000Z";
const clock = fixedClock(TODAY);
const audit = { actor: systemActor("test") };
let deps: ReturnType<typeof snapshotDependencies>;
let q1: Snapshot;

/** Runs `write` with the clock at `day`, as if it had happened then. */
async function on<T>(day: string, write: () => Promise<T>): Promise<T> {
  clock.set(`${day}T15:00:00.000Z`);
  try {
    return await write();
  } finally {
    clock.set(TODAY);
  }
}

beforeAll(async () => {
  const setup = await freshTables();
  await seedRegistry(setup.doc, setup.tableNames, clock);
  const contacts = contactDependencies(setup.doc, setup.tableNames, clock);
  const create = (iso3: string, email: string, extra: Record<string, string> = {}) =>
    createContact(contacts)(
      { owner: `STATE:${iso3}`, role: "capital-poc", name: `Officer ${iso3}`, email, ...extra },
      audit,
    );
  // FRA: designated in 2022, verified in May 2023 and again in May 2024. On 31 March 2024 the 2023 verification held.
  const fra = await on("2022-06-01", () => create("FRA", "fra@example.org"));
  const fra2 = await on("2023-05-01", () => verifyContact(contacts)(fra.value.id, fra.version, audit));
  await on("2024-05-10", () => verifyContact(contacts)(fra.value.id, fra2.version, audit));
  // DEU: verified only on designation in January 2023 (stale by the quarter's end), deactivated after it.
  const deu = await on("2023-01-10", () => create("DEU", "deu@example.org", { role: "mission-poc" }));
  await on("2024-04-15", () => deactivateContact(contacts)(deu.value.id, deu.version, audit));
  // KEN: bounced in May, after the quarter: reachable at its end.
  const ken = await on("2024-01-05", () => create("KEN", "ken@example.org"));
  await on("2024-05-02", () =>
    recordEmailStatus(contacts)(ken.value.id, { email: "ken@example.org", status: "bounced" }, audit),
  );
  // GHA: bounced in March, inside the quarter.
  const gha = await on("2024-02-01", () => create("GHA", "gha@example.org"));
  await on("2024-03-15", () =>
    recordEmailStatus(contacts)(gha.value.id, { email: "gha@example.org", status: "bounced" }, audit),
  );
  // BRA: designated in June. ITA: recorded in June, designated and verified in January. ESP: deactivated in February.
  await create("BRA", "bra@example.org", { designatedOn: "2024-06-01" });
  await on("2024-06-10", () => create("ITA", "ita@example.org", { designatedOn: "2024-01-15" }));
  const esp = await on("2023-09-01", () => create("ESP", "esp@example.org"));
  await on("2024-02-20", () => deactivateContact(contacts)(esp.value.id, esp.version, audit));
  deps = snapshotDependencies(setup.doc, setup.tableNames, clock);
  q1 = (await takeSnapshot(deps)({ period: "2024-Q1" }, audit)).snapshot;
}, 120_000);

describe("point-of-contact figures as of the quarter's end", () => {
  it("counts each contact as it stood on the last day: designated, active, verified and reachable then", () => {
    expect(q1.pointOfContact).toMatchObject({
      evaluatedOn: "2024-03-31",
      staleBefore: "2023-03-31",
      currentStates: ["FRA", "ITA", "KEN"],
      staleStates: ["DEU"],
      unreachableStates: ["GHA"],
      current: 3,
      stale: 1,
      unreachable: 1,
      missing: 188,
    });
    expect(q1.pointOfContact.missingStates).toEqual(expect.arrayContaining(["BRA", "ESP"]));
  });

  it("leaves point-of-contact coverage out of asOfComputation when every fact is dated", () => {
    expect(q1.asOfComputation).not.toContain("pointOfContact");
    expect(q1.asOfComputation).toContain("correspondence.byStatus");
  });
});

describe("the previous quarter, whatever order the quarters were taken in", () => {
  it("is the latest earlier quarter stored, on every read, with the change measured from it", async () => {
    expect(q1.previousPeriod).toBeNull();
    const q3 = await takeSnapshot(deps)({ period: "2023-Q3" }, audit);
    expect(q3.snapshot.previousPeriod).toBeNull();
    let later = await getSnapshot(deps)("2024-Q1");
    expect(later.previousPeriod).toBe("2023-Q3");
    expect(later.change).toMatchObject({ from: "2023-Q3", to: "2024-Q1" });

    const q4 = await takeSnapshot(deps)({ period: "2023-Q4" }, audit);
    expect(q4.snapshot.previousPeriod).toBe("2023-Q3");
    later = await getSnapshot(deps)("2024-Q1");
    expect(later.previousPeriod).toBe("2023-Q4");
    expect(later.change).toMatchObject({ from: "2023-Q4", to: "2024-Q1" });
    const again = await takeSnapshot(deps)({ period: "2024-Q1" }, audit);
    expect(again).toMatchObject({ created: false, snapshot: { previousPeriod: "2023-Q4" } });
  });

  it("is the entry before in the list, across pages", async () => {
    const all = await listSnapshots(deps)({ limit: 10 });
    expect(all.items.map((item) => [item.period, item.previousPeriod])).toEqual([
      ["2023-Q3", null],
      ["2023-Q4", "2023-Q3"],
      ["2024-Q1", "2023-Q4"],
    ]);
    const first = await listSnapshots(deps)({ limit: 2 });
    const second = await listSnapshots(deps)({ limit: 2, cursor: first.cursor });
    expect(second.items.map((item) => [item.period, item.previousPeriod])).toEqual([["2024-Q1", "2023-Q4"]]);
  });
});
