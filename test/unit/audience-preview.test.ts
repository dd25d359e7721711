// The audience preview (GET /waves/{id}/audience) on the in-memory stores, no database: every audience kind, who
// it writes to (a point of contact, or a State's Permanent Mission), who it leaves out and why, and the owners it
// cannot reach at all.
import { beforeAll, describe, expect, it } from "vitest";
import { createOffer } from "#shared/assistance/offers.ts";
import { createRequest, transitionRequest } from "#shared/assistance/requests.ts";
import type { AssistanceOffer } from "#shared/assistance/schemas.ts";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { createContact, deactivateContact } from "#shared/contacts/contacts.ts";
import type { Contact, ContactRole, EmailStatus } from "#shared/contacts/schemas.ts";
import { type ResolvedAudience, sortRecipients } from "#shared/correspondence/audiences.ts";
import type { Audience } from "#shared/correspondence/schemas.ts";
import { regionalGroups } from "#shared/registry/schemas.ts";
import type { Template } from "#shared/templates/schemas.ts";
import { createWave, previewAudience } from "#shared/waves/waves.ts";
import { inMemoryAssistance } from "../support/in-memory/assistance.ts";
import { inMemoryAudit } from "../support/in-memory/audit.ts";
import { inMemoryContacts } from "../support/in-memory/contacts.ts";
import { inMemoryHolidayStore } from "../support/in-memory/holidays.ts";
import { inMemoryLedger } from "../support/in-memory/ledger.ts";
import { inMemoryOrganizations } from "../support/in-memory/organizations.ts";
import { inMemoryRegistry } from "../support/in-memory/registry.ts";
import { inMemoryReporting } from "../support/in-memory/reporting.ts";
import { inMemoryTemplates } from "../support/in-memory/templates.ts";
import { inMemoryWaves } from "../support/in-memory/waves.ts";

const audit = { actor: systemActor("test") };
const AT = "2027-03-01T09:00:00.000Z";
const clock = fixedClock(AT);
const trail = inMemoryAudit(clock);
const registry = inMemoryRegistry(clock, trail);
const organizations = inMemoryOrganizations(clock, trail);
const contacts = inMemoryContacts(clock, trail);
const assistance = inMemoryAssistance(clock, trail);
const waves = inMemoryWaves(clock, trail);
const templates = inMemoryTemplates(clock, trail);
const ledger = inMemoryLedger(clock, trail);
const holidays = inMemoryHolidayStore(clock);
const reporting = inMemoryReporting(clock, registry, trail);
const deps = { registry, organizations, contacts, assistance, reporting, waves, templates, ledger, holidays, clock };

/** Contact ids by the test's own names for them, and back. */
const keyOf = new Map<string, string>();

const STATES = [
  ["TCD", "Chad", "non-reporting"],
  ["MLI", "Mali", "non-reporting"],
  ["AUT", "Austria", "reported"],
  ["FRA", "France", "reported"],
  ["GHA", "Ghana", "reported"],
  ["KEN", "Kenya", "reported"],
] as const;

async function contact(
  key: string,
  owner: string,
  role: ContactRole,
  details: { emailStatus?: EmailStatus; lastVerifiedOn?: string } = {},
): Promise<Contact> {
  const created = await createContact(deps)(
    {
      owner,
      role,
      name: `Contact ${key}`,
      email: `${key.toLowerCase()}@audiences.example`,
      ...(details.emailStatus ? { emailStatus: details.emailStatus } : {}),
      ...(details.lastVerifiedOn
        ? { designatedOn: details.lastVerifiedOn, lastVerifiedOn: details.lastVerifiedOn }
        : {}),
    },
    audit,
  );
  keyOf.set(created.value.id, key);
  // Ids are time-ordered: a second between contacts keeps an owner's contacts in the order they were made.
  clock.advance(1000);
  return created.value;
}

const offer = (provider: AssistanceOffer["provider"], lastUpdatedOn: string) =>
  createOffer(deps)(
    { provider, areas: ["legislation"], description: "Legislative drafting", validFrom: "2024-01-01", lastUpdatedOn },
    audit,
  );

beforeAll(async () => {
  await registry.addMissingStates(
    STATES.map(([iso3, name]) => ({
      iso3,
      iso2: iso3.slice(0, 2),
      name,
      region: "african",
      regionName: regionalGroups.african,
      language: "en",
      languageBasis: "official language",
    })),
    () => [],
    audit,
  );
  for (const [iso3, , status] of STATES) {
    contacts.givenPocObligation(iso3);
    const state = await registry.getState(iso3);
    if (state && status === "reported") await registry.updateState(state, { reportingStatus: "reported" }, audit);
  }
  await organizations.addMissingOrganizations(
    [
      { id: "iaea", kind: "international", name: "International Atomic Energy Agency", acronym: "IAEA" },
      {
        id: "opcw",
        kind: "international",
        name: "Organisation for the Prohibition of Chemical Weapons",
        acronym: "OPCW",
      },
    ],
    audit,
  );

  await contact("TCD-capital", "STATE:TCD", "capital-poc");
  await contact("MLI-capital", "STATE:MLI", "capital-poc", { emailStatus: "bounced" });
  await contact("MLI-mission", "STATE:MLI", "permanent-mission");
  const austria = await contact("AUT-capital", "STATE:AUT", "capital-poc");
  await deactivateContact(deps)(austria.id, 1, audit, "left the ministry");
  await contact("AUT-mission-poc", "STATE:AUT", "mission-poc", { emailStatus: "suppressed" });
  await contact("FRA-capital", "STATE:FRA", "capital-poc", { lastVerifiedOn: "2025-06-01" });
  await contact("FRA-provider", "STATE:FRA", "provider-poc");
  await contact("KEN-capital", "STATE:KEN", "capital-poc", { emailStatus: "complained" });
  await contact("IAEA", "ORG:iaea", "organization-poc");

  await offer({ kind: "state", iso3: "FRA" }, "2026-12-01");
  await offer({ kind: "organization", id: "iaea" }, "2025-01-10");
  const pending = await createRequest(deps)(
    {
      iso3: "KEN",
      areas: ["legislation"],
      description: "Export control law",
      receivedOn: "2027-02-01",
      symbol: "S/AC.44/2027/KEN/1",
      consentedToCirculation: false,
    },
    audit,
  );
  const closed = await createRequest(deps)(
    {
      iso3: "TCD",
      areas: ["legislation"],
      description: "Withdrawn",
      receivedOn: "2027-02-02",
      symbol: "S/AC.44/2027/TCD/1",
      consentedToCirculation: false,
    },
    audit,
  );
  await transitionRequest(deps)(closed.value.id, 1, { to: "withdrawn" }, audit);
  expect(pending.value.status).toBe("received");

  const template: Template = {
    id: "letter-2027",
    kind: "first-report-request",
    fallbackLanguage: "en",
    variants: { en: { subject: "A letter", text: "Dear {{contact.name}}", html: "<p>Dear {{contact.name}}</p>" } },
    createdAt: AT,
    updatedAt: AT,
  };
  await templates.create(template, audit);
});

/** The preview of a new draft wave to `audience`, in the test's names: recipients, skipped, unreached. */
async function preview(audience: Audience) {
  const wave = await createWave(deps)(
    {
      templateId: "letter-2027",
      audience,
      sendAt: "2027-03-15T09:00",
      timeZone: "America/New_York",
      notAfter: "2027-03-20T00:00:00Z",
    },
    audit,
  );
  return summary(await previewAudience(deps)(wave.value.id));
}

function summary(resolved: ResolvedAudience) {
  const name = (id: string) => keyOf.get(id) ?? id;
  return {
    recipients: resolved.recipients.map((r) => `${name(r.recipient)} (${r.addressedTo})`),
    skipped: resolved.skipped.map((s) => `${name(s.recipient)}: ${s.reason}`),
    unreached: resolved.unreached.map((u) => `${u.owner.owner}: ${u.reason}`),
  };
}

describe("the audience preview", () => {
  it("non-reporting-states: a point of contact, or the Permanent Mission when the PoC's address bounced", async () => {
    expect(await preview("non-reporting-states")).toEqual({
      recipients: ["MLI-mission (permanent-mission)", "TCD-capital (point-of-contact)"],
      skipped: ["MLI-capital: bounced"],
      unreached: [],
    });
  });

  it("reporting-states: skips deactivated, suppressed and complained contacts and names the owners not reached", async () => {
    expect(await preview("reporting-states")).toEqual({
      recipients: ["FRA-capital (point-of-contact)"],
      skipped: [
        "AUT-capital: inactive",
        "AUT-mission-poc: suppressed",
        "owner:STATE:GHA: no-active-contact",
        "KEN-capital: complained",
      ],
      unreached: ["STATE:AUT: no-usable-address", "STATE:GHA: no-contact", "STATE:KEN: no-usable-address"],
    });
  });

  it("all-states: every State in code order, each reached or named", async () => {
    const all = await preview("all-states");
    expect(all.recipients).toEqual([
      "FRA-capital (point-of-contact)",
      "MLI-mission (permanent-mission)",
      "TCD-capital (point-of-contact)",
    ]);
    expect(all.unreached).toEqual([
      "STATE:AUT: no-usable-address",
      "STATE:GHA: no-contact",
      "STATE:KEN: no-usable-address",
    ]);
  });

  it("states-without-current-poc: leaves out a State whose PoC is current, keeps one verified too long ago", async () => {
    const without = await preview("states-without-current-poc");
    expect(without.recipients).toEqual(["FRA-capital (point-of-contact)", "MLI-mission (permanent-mission)"]);
    expect(without.skipped.concat(without.recipients).join()).not.toContain("TCD");
  });

  it("states-with-pending-requests: only States with a request not in a final status", async () => {
    expect(await preview("states-with-pending-requests")).toEqual({
      recipients: [],
      skipped: ["KEN-capital: complained"],
      unreached: ["STATE:KEN: no-usable-address"],
    });
  });

  it("organizations: each organization's own contacts; one without any is unreached", async () => {
    expect(await preview("organizations")).toEqual({
      recipients: ["IAEA (point-of-contact)"],
      skipped: ["owner:ORG:opcw: no-active-contact"],
      unreached: ["ORG:opcw: no-contact"],
    });
  });

  it("assistance-providers: States then organizations; a provider-poc when reachable, else the usual contacts", async () => {
    expect(await preview("assistance-providers")).toEqual({
      recipients: ["FRA-provider (point-of-contact)", "IAEA (point-of-contact)"],
      skipped: [],
      unreached: [],
    });
  });

  it("stale-providers: only providers that have not updated an offer for 12 months", async () => {
    expect(await preview("stale-providers")).toEqual({
      recipients: ["IAEA (point-of-contact)"],
      skipped: [],
      unreached: [],
    });
  });
});

describe("sorting recipients", () => {
  // The stores keep active addresses unique, so a shared address comes only from data older than that rule.
  it("writes once to an address two owners share, skipping the second as duplicate-address", () => {
    const shared = (id: string, owner: string): Contact => ({
      id,
      owner,
      role: "capital-poc",
      name: id,
      email: "Shared@Example.org",
      language: "en",
      designatedOn: "2026-01-01",
      lastVerifiedOn: "2026-01-01",
      emailStatus: "ok",
      active: true,
      createdAt: AT,
      updatedAt: AT,
    });
    const resolved = sortRecipients([
      {
        owner: { kind: "state", iso3: "AUT" },
        facts: { owner: "STATE:AUT", name: "Austria" },
        contacts: [shared("a", "STATE:AUT")],
      },
      {
        owner: { kind: "state", iso3: "BEL" },
        facts: { owner: "STATE:BEL", name: "Belgium" },
        contacts: [shared("b", "STATE:BEL")],
      },
    ]);
    expect(resolved.recipients.map((r) => [r.recipient, r.email])).toEqual([["a", "shared@example.org"]]);
    expect(resolved.skipped).toMatchObject([{ recipient: "b", reason: "duplicate-address", duplicateOf: "a" }]);
    expect(resolved.unreached).toMatchObject([{ owner: { owner: "STATE:BEL" }, reason: "no-usable-address" }]);
  });
});
