// The audiences against DynamoDB Local with a small data set: who each one writes to, who it leaves out and why,
// and that resolving one only reads (Queries and reads by key, never a Scan, never a write).
import { beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { type AssistanceAudienceReads, assistanceAudienceReads } from "#shared/assistance/audience-reads.ts";
import { createOffer } from "#shared/assistance/offers.ts";
import { assistanceRepository } from "#shared/assistance/repository.ts";
import { createRequest, transitionRequest } from "#shared/assistance/requests.ts";
import { systemActor } from "#shared/auth/actor.ts";
import { dynamoHolidayStore } from "#shared/calendar/store.ts";
import { fixedClock } from "#shared/clock.ts";
import { createContact } from "#shared/contacts/contacts.ts";
import { contactDependencies } from "#shared/contacts/dependencies.ts";
import type { ContactRole, EmailStatus } from "#shared/contacts/schemas.ts";
import { type AudienceDependencies, resolveAudience } from "#shared/correspondence/audiences.ts";
import { ledgerRepository } from "#shared/correspondence/ledger.ts";
import type { Audience } from "#shared/correspondence/schemas.ts";
import { seedOrganizations } from "#shared/organizations/seed.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { reportingRepository } from "#shared/reporting/repository.ts";
import { seedDemoSubmissions } from "#shared/reporting/seed-demo.ts";
import { templateRepository } from "#shared/templates/repository.ts";
import { waveRepository } from "#shared/waves/repository.ts";
import { freshTables } from "./fresh-tables.ts";

const clock = fixedClock("2026-03-05T15:00:00Z");
const audit = { actor: systemActor("test") };
const NON_REPORTING = ["GIN", "GMB", "MLI", "MRT", "PRK", "SOM", "SWZ", "TCD"];

let deps: AudienceDependencies;
/** The DynamoDB commands resolving audiences sent. */
const commands: string[] = [];
let recording = false;
const ids: Record<string, string> = {};

const owners = (resolved: Awaited<ReturnType<typeof resolveAudience>>) =>
  [...new Set([...resolved.recipients, ...resolved.skipped].map((entry) => entry.owner.owner))].sort();
const recipientsOf = (resolved: Awaited<ReturnType<typeof resolveAudience>>) =>
  resolved.recipients.map((recipient) => recipient.recipient).sort();

beforeAll(async () => {
  const setup = await freshTables();
  await seedRegistry(setup.doc, setup.tableNames, clock);
  await seedDemoSubmissions(setup.doc, setup.tableNames, clock);
  await seedOrganizations(setup.doc, setup.tableNames, clock);
  const contacts = contactDependencies(setup.doc, setup.tableNames, clock);
  const assistance = assistanceRepository(setup.doc, setup.tableNames, clock);
  const assistanceDeps = {
    ...contacts,
    assistance,
    reporting: reportingRepository(setup.doc, setup.tableNames, clock),
    holidays: dynamoHolidayStore(setup.doc, setup.tableNames, clock),
  };
  deps = {
    ...contacts,
    assistance: assistanceAudienceReads(setup.doc, setup.tableNames),
    ledger: ledgerRepository(setup.doc, setup.tableNames, clock),
    waves: waveRepository(setup.doc, setup.tableNames, clock),
    templates: templateRepository(setup.doc, setup.tableNames, clock),
  };

  const contact = async (key: string, owner: string, role: ContactRole, emailStatus: EmailStatus = "ok") => {
    const created = await createContact(contacts)(
      { owner, role, name: `Poc ${key}`, email: `${key.toLowerCase()}@audiences.example`, emailStatus },
      audit,
    );
    ids[key] = created.value.id;
  };
  await contact("TCD", "STATE:TCD", "capital-poc");
  await contact("FRA", "STATE:FRA", "capital-poc");
  await contact("FRA-provider", "STATE:FRA", "provider-poc");
  await contact("KEN", "STATE:KEN", "capital-poc");
  await contact("GHA", "STATE:GHA", "mission-poc");
  await contact("DEU", "STATE:DEU", "capital-poc");
  await contact("DEU-provider", "STATE:DEU", "provider-poc", "bounced");
  await contact("IAEA", "ORG:iaea", "organization-poc");
  await contact("OPCW", "ORG:opcw", "organization-poc");

  const request = (iso3: string, n: number) =>
    createRequest(assistanceDeps)(
      {
        iso3,
        areas: ["legislation"],
        description: "Model legislation",
        receivedOn: "2026-02-02",
        symbol: `S/AC.44/2026/${n}`,
        consentedToCirculation: false,
      },
      audit,
    );
  await request("KEN", 1);
  const withdrawn = await request("GHA", 2);
  await transitionRequest(assistanceDeps)(withdrawn.value.id, withdrawn.version, { to: "withdrawn" }, audit);
  // Circulated on `circulatedOn`: its follow-up letter falls due a year later.
  const circulated = async (iso3: string, receivedOn: string, circulatedOn: string) => {
    const created = await createRequest(assistanceDeps)(
      {
        iso3,
        areas: ["legislation"],
        description: "Border controls",
        receivedOn,
        symbol: `S/AC.44/CIRCULATED/${iso3}`,
        consentedToCirculation: true,
      },
      audit,
    );
    let version = created.version;
    for (const to of ["acknowledged", "consent-window", "circulated"] as const) {
      version = (await transitionRequest(assistanceDeps)(created.value.id, version, { to, on: circulatedOn }, audit))
        .version;
    }
  };
  await circulated("DEU", "2025-01-06", "2025-02-03");
  await circulated("BRA", "2025-01-06", "2025-02-03");
  await circulated("TCD", "2025-05-05", "2025-06-02");

  const offer = (
    provider: { kind: "state"; iso3: string } | { kind: "organization"; id: string },
    lastUpdatedOn: string,
  ) =>
    createOffer(assistanceDeps)(
      { provider, areas: ["legislation"], description: "Legislative drafting", validFrom: "2020-01-01", lastUpdatedOn },
      audit,
    );
  await offer({ kind: "state", iso3: "FRA" }, "2026-01-10");
  await offer({ kind: "state", iso3: "DEU" }, "2024-11-30");
  await offer({ kind: "organization", id: "iaea" }, "2025-09-01");
  await offer({ kind: "organization", id: "opcw" }, "2024-06-15");

  setup.doc.middlewareStack.add(
    (next, context) => async (args) => {
      if (recording) commands.push(String(context.commandName));
      return next(args);
    },
    { step: "initialize", name: "recordCommands" },
  );
  recording = true;
}, 120_000);

describe("audiences", () => {
  const resolve = (audience: Audience) => resolveAudience(deps, audience, clock.now());

  it("non-reporting-states and reporting-states split the 193 States by the reporting-status index", async () => {
    const nonReporting = await resolve("non-reporting-states");
    const reporting = await resolve("reporting-states");
    expect(owners(nonReporting)).toEqual(NON_REPORTING.map((iso3) => `STATE:${iso3}`));
    expect(owners(reporting)).toHaveLength(185);
    expect(owners(reporting)).not.toContain("STATE:TCD");
    expect(recipientsOf(reporting)).toEqual([ids.DEU, ids.FRA, ids.GHA, ids.KEN].sort());
    expect(reporting.skipped.find((skip) => skip.owner.iso3 === "USA")).toMatchObject({ reason: "no-active-contact" });
  });

  it("states-with-pending-requests: a State whose request is still open, not one that withdrew its own", async () => {
    const pending = await resolve("states-with-pending-requests");
    expect(owners(pending)).toEqual(["STATE:BRA", "STATE:DEU", "STATE:KEN", "STATE:TCD"]);
    expect(recipientsOf(pending)).toEqual([ids.DEU, ids.KEN, ids.TCD].sort());
  });

  it("states-with-follow-up-due: a request circulated a year ago or more, not one circulated since", async () => {
    const due = await resolve("states-with-follow-up-due");
    // Kenya's request is not circulated yet, Chad's falls due in June.
    expect(owners(due)).toEqual(["STATE:BRA", "STATE:DEU"]);
    expect(recipientsOf(due)).toEqual([ids.DEU]);
    expect(due.skipped).toMatchObject([{ recipient: "owner:STATE:BRA", reason: "no-active-contact" }]);
    expect(due.unreached).toMatchObject([{ owner: { owner: "STATE:BRA" }, reason: "no-contact" }]);
  });

  it("assistance-providers: States and organizations with offers, through a reachable provider-poc first", async () => {
    const providers = await resolve("assistance-providers");
    expect(owners(providers)).toEqual(["ORG:iaea", "ORG:opcw", "STATE:DEU", "STATE:FRA"]);
    // France writes through its provider-poc only; Germany's is bounced, so its capital-poc gets the letter.
    expect(recipientsOf(providers)).toEqual([ids["FRA-provider"], ids.DEU, ids.IAEA, ids.OPCW].sort());
    expect(providers.skipped).toMatchObject([{ recipient: ids["DEU-provider"], reason: "bounced" }]);
    const iaea = providers.recipients.find((recipient) => recipient.recipient === ids.IAEA);
    expect(iaea?.owner).toMatchObject({ owner: "ORG:iaea", acronym: "IAEA" });
  });

  it("stale-providers: only providers whose latest offer update is more than 12 months old", async () => {
    const stale = await resolve("stale-providers");
    expect(owners(stale)).toEqual(["ORG:opcw", "STATE:DEU"]);
    expect(recipientsOf(stale)).toEqual([ids.DEU, ids.OPCW].sort());
  });

  it("reads only through Queries and reads by key, and writes nothing", () => {
    expect(commands.length).toBeGreaterThan(0);
    expect(new Set(commands)).toEqual(new Set(["QueryCommand", "BatchGetItemCommand"]));
  });

  it("requires the assistance reads in its type, so a wiring without them fails tsc, not a dispatch", () => {
    expectTypeOf<AudienceDependencies["assistance"]>().toEqualTypeOf<AssistanceAudienceReads>();
  });
});
