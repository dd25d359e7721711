// A State's timeline, an organization's letters and the audit trail against DynamoDB Local: what every write left,
// read back by index, in order.
import { Logger } from "@aws-lambda-powertools/logger";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "#shared/clock.ts";
import { ledgerRepository } from "#shared/correspondence/ledger.ts";
import type { Message } from "#shared/correspondence/schemas.ts";
import { seedOrganizations } from "#shared/organizations/seed.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { createApiHandler } from "../../functions/api/app.ts";
import { apiEvent, type EventOptions, lambdaContext } from "../support/api-event.ts";
import { freshTables } from "./fresh-tables.ts";

const clock = fixedClock("2026-11-20T09:00:00Z");
let handler: ReturnType<typeof createApiHandler>;
/** Every DynamoDB command the reads caused, by name: none may be a Scan. */
const commands: string[] = [];

async function call(options: EventOptions) {
  const result = (await handler(apiEvent(options), lambdaContext)) as APIGatewayProxyStructuredResultV2;
  const headers = (result.headers ?? {}) as Record<string, string>;
  return { status: result.statusCode, headers, body: JSON.parse(result.body || "null") };
}

const json = { "content-type": "application/json" };
/** Each write an hour after the last, so the order of the timeline is the order of the writes. */
async function write(path: string, body: unknown, headers: Record<string, string> = {}) {
  clock.advance(3_600_000);
  const response = await call({
    method: "POST",
    path,
    group: "secretariat",
    headers: { ...json, ...headers },
    body: JSON.stringify(body),
  });
  expect(response.status).toBeLessThan(300);
  return response;
}

/** A contacts import of CSV rows (owner, role, name, email), an hour after the last write. */
async function importContacts(rows: string) {
  clock.advance(3_600_000);
  const imported = await call({
    method: "POST",
    path: "/contacts/import",
    group: "secretariat",
    headers: { "content-type": "text/csv" },
    body: `owner,role,name,email\n${rows}`,
  });
  expect(imported.status).toBe(200);
}

interface Entry {
  at: string;
  kind: string;
  action: string;
  source: { type: string; id: string };
  actor: { kind: string; id: string };
  reason?: string;
  before?: unknown;
  after?: unknown;
}

async function everyPage(path: string, query: string, group: EventOptions["group"], limit: number) {
  const entries: Entry[] = [];
  let cursor = "";
  let pages = 0;
  do {
    const response = await call({ path, query: `${query}&limit=${limit}${cursor}`, group });
    expect(response.status).toBe(200);
    entries.push(...response.body.items);
    cursor = response.body.cursor ? `&cursor=${encodeURIComponent(response.body.cursor)}` : "";
    pages++;
  } while (cursor && pages < 100);
  return entries;
}

let contactId = "";
let informationId = "";

function letter(waveId: string, owner: string, recipient: string, status: Message["status"]): Message {
  const at = clock.now().toISOString();
  return {
    waveId,
    recipient,
    contactId: recipient,
    owner,
    email: "poc@mfa.example.org",
    status,
    notAfter: "2026-12-31T00:00:00.000Z",
    claims: 1,
    sentAt: at,
    ...(status === "delivered" ? { deliveredAt: at } : {}),
    letter: {
      language: "fr",
      fellBack: false,
      subject: "Premier rapport national",
      text: "Madame, Monsieur",
      html: "<p/>",
    },
    createdAt: at,
    updatedAt: at,
  };
}

beforeAll(async () => {
  const setup = await freshTables();
  await seedRegistry(setup.doc, setup.tableNames, clock);
  // Seeded the January before, so the days the audit trail's tests read hold none of its entries.
  await seedOrganizations(setup.doc, setup.tableNames, fixedClock("2026-01-05T09:00:00Z"));
  setup.client.middlewareStack.add(
    (next, context) => async (args) => {
      commands.push(String(context.commandName));
      return next(args);
    },
    { step: "initialize", name: "recordCommands" },
  );
  handler = createApiHandler({ ...setup, clock, logger: new Logger({ logLevel: "SILENT" }) });
  const ledger = ledgerRepository(setup.doc, setup.tableNames, clock);

  await write("/states/MLI/submissions", {
    kind: "first-report",
    receivedOn: "2026-11-20",
    symbol: "S/AC.44/2026/MLI/1",
    language: "fr",
  });
  const contact = await write("/contacts", {
    owner: "STATE:MLI",
    role: "capital-poc",
    name: "Aminata Example",
    email: "poc@mfa.example.org",
  });
  contactId = contact.body.id;
  clock.advance(3_600_000);
  await ledger.putNew(letter("WAVE1", "STATE:MLI", contactId, "delivered"));
  await ledger.putNew(letter("WAVE1", "STATE:SEN", "OTHER", "sent"));
  const information = await write("/states/MLI/submissions", {
    kind: "additional-information",
    receivedOn: "2026-11-20",
    symbol: "S/AC.44/2026/MLI/2",
    language: "fr",
  });
  informationId = information.body.id;
  await write(
    `/states/MLI/submissions/${informationId}/void`,
    { reason: "recorded twice" },
    { "if-match": information.headers.etag ?? "" },
  );
  await write(
    `/contacts/${contactId}/deactivate`,
    { reason: "left the ministry" },
    { "if-match": contact.headers.etag ?? "" },
  );
  // Two letters to the IAEA's point of contact, an hour apart, and one to the Pacific Islands Forum's.
  clock.advance(3_600_000);
  await ledger.putNew(letter("WAVE2", "ORG:iaea", "IAEA-POC", "delivered"));
  await ledger.putNew(letter("WAVE2", "ORG:pif", "PIF-POC", "sent"));
  clock.advance(3_600_000);
  await ledger.putNew(letter("WAVE3", "ORG:iaea", "IAEA-POC", "sent"));
}, 120_000);

describe("a State's timeline", () => {
  it("lists everything about the State newest first, each entry naming its record and who did it", async () => {
    commands.length = 0;
    const response = await call({ path: "/states/MLI/timeline", group: "secretariat" });
    expect(response.status).toBe(200);
    const entries: Entry[] = response.body.items;
    // Entries of one transaction share their time; their order among themselves is not defined.
    const byTime = new Map<string, string[]>();
    for (const entry of entries) byTime.set(entry.at, [...(byTime.get(entry.at) ?? []), entry.action]);
    expect([...byTime.values()].map((actions) => actions.sort())).toEqual([
      ["contact.deactivate", "obligation.point-of-contact"],
      ["submission.void"],
      ["submission.record"],
      ["letter.delivered"],
      ["contact.create", "obligation.point-of-contact"],
      ["state.reporting-status", "submission.record"],
      // The registry's seed, the State's first entry.
      ["registry.seed"],
    ]);
    expect(entries.at(-1)).toMatchObject({
      kind: "state",
      source: { type: "state", id: "MLI" },
      actor: { kind: "system", id: "seed" },
      after: { iso3: "MLI", reportingStatus: "non-reporting" },
    });
    const times = entries.map((entry) => entry.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(entries.find((entry) => entry.action === "contact.deactivate")).toMatchObject({
      kind: "contact",
      source: { type: "contact", id: contactId },
      actor: { kind: "user", id: "user-1" },
      reason: "left the ministry",
    });
    expect(entries[2]).toMatchObject({
      action: "submission.void",
      kind: "submission",
      source: { type: "submission", id: informationId },
      reason: "recorded twice",
    });
    expect(entries[4]).toMatchObject({
      kind: "letter",
      source: { type: "message", id: `WAVE1/${contactId}` },
      actor: { kind: "system", id: "wave:WAVE1" },
      after: { status: "delivered", email: "poc@mfa.example.org", subject: "Premier rapport national" },
    });
    expect(entries.find((entry) => entry.kind === "reporting-status")).toMatchObject({
      after: { reportingStatus: "reported" },
    });
    expect(response.body.cursor).toBeUndefined();
    expect(commands).not.toContain("ScanCommand");
    expect(commands).toContain("QueryCommand");
  });

  it("pages through the same entries in the same order, whatever the page size", async () => {
    const whole = await everyPage("/states/MLI/timeline", "", "secretariat", 50);
    for (const limit of [1, 2, 4]) {
      expect(await everyPage("/states/MLI/timeline", "", "secretariat", limit)).toEqual(whole);
    }
  });

  it("keeps to the kinds and the days asked for", async () => {
    const chosen = await everyPage("/states/MLI/timeline", "kinds=letter,contact", "secretariat", 2);
    expect(chosen.map((entry) => entry.kind)).toEqual(["contact", "letter", "contact"]);
    const none = await call({ path: "/states/MLI/timeline", query: "from=2026-11-22", group: "secretariat" });
    expect(none.body.items).toEqual([]);
    const firstDay = await call({ path: "/states/MLI/timeline", query: "to=2026-11-20", group: "secretariat" });
    expect(firstDay.body.items.length).toBe(10);
    const registered = await call({ path: "/states/MLI/timeline", query: "kinds=state", group: "secretariat" });
    expect(registered.body.items.map((entry: Entry) => entry.action)).toEqual(["registry.seed"]);
  });

  it("refuses an unknown kind with 400 naming it, and a period that ends before it starts", async () => {
    const unknown = await call({ path: "/states/MLI/timeline", query: "kinds=letter,gossip", group: "members" });
    expect(unknown.status).toBe(400);
    expect(unknown.headers["content-type"]).toContain("application/problem+json");
    expect(JSON.stringify(unknown.body)).toContain("gossip is not one of");
    const backwards = await call({
      path: "/states/MLI/timeline",
      query: "from=2026-11-21&to=2026-11-20",
      group: "members",
    });
    expect(backwards.status).toBe(400);
    expect((await call({ path: "/states/XXX/timeline", group: "members" })).status).toBe(404);
  });

  it("shows members no contact's personal data, in contact entries or letters", async () => {
    const response = await call({ path: "/states/MLI/timeline", group: "members" });
    expect(response.status).toBe(200);
    const text = JSON.stringify(response.body);
    expect(text).not.toContain("poc@mfa.example.org");
    expect(text).not.toContain("Aminata");
    expect(response.body.items).toHaveLength(10);
  });

  it("puts each State's part of a contacts import on its own timeline", async () => {
    await importContacts(
      "STATE:GMB,capital-poc,Lamin Example,poc@gmb.example.org\nSTATE:SEN,capital-poc,Awa Example,poc@sen.example.org\n",
    );
    for (const [iso3, address] of [
      ["GMB", "poc@gmb.example.org"],
      ["SEN", "poc@sen.example.org"],
    ] as const) {
      const timeline = await call({ path: `/states/${iso3}/timeline`, query: "kinds=contact", group: "secretariat" });
      const [entry] = timeline.body.items as Entry[];
      expect(entry).toMatchObject({ action: "contacts.import", source: { type: "contact-import" } });
      const text = JSON.stringify(entry?.after);
      expect(text).toContain(address);
      expect(text).not.toContain(iso3 === "GMB" ? "poc@sen.example.org" : "poc@gmb.example.org");
    }
  });

  it("lists no letter of another State", async () => {
    const response = await call({ path: "/states/SEN/timeline", query: "kinds=letter", group: "secretariat" });
    expect(response.body.items.map((entry: Entry) => entry.action)).toEqual(["letter.sent"]);
  });
});

describe("an organization's letters", () => {
  it("lists the letters to the organization alone, newest first, as a State's timeline lists its own", async () => {
    commands.length = 0;
    const response = await call({ path: "/organizations/iaea/letters", group: "secretariat" });
    expect(response.status).toBe(200);
    const entries: Entry[] = response.body.items;
    expect(entries.map((entry) => [entry.source.id, entry.action])).toEqual([
      ["WAVE3/IAEA-POC", "letter.sent"],
      ["WAVE2/IAEA-POC", "letter.delivered"],
    ]);
    expect(entries[1]).toMatchObject({
      kind: "letter",
      actor: { kind: "system", id: "wave:WAVE2" },
      after: { waveId: "WAVE2", email: "poc@mfa.example.org", contactId: "IAEA-POC", language: "fr" },
    });
    expect(response.body.cursor).toBeUndefined();
    expect(commands).toEqual(["QueryCommand"]);
    const forum = await call({ path: "/organizations/pif/letters", group: "secretariat" });
    expect(forum.body.items.map((entry: Entry) => entry.source.id)).toEqual(["WAVE2/PIF-POC"]);
  });

  it("pages through the same letters whatever the page size, and keeps to the days asked for", async () => {
    const whole = await everyPage("/organizations/iaea/letters", "", "secretariat", 50);
    expect(whole).toHaveLength(2);
    expect(await everyPage("/organizations/iaea/letters", "", "secretariat", 1)).toEqual(whole);
    const later = await call({ path: "/organizations/iaea/letters", query: "from=2026-11-21", group: "secretariat" });
    expect(later.body.items).toEqual([]);
  });

  it("shows members neither the address nor the contact a letter went to", async () => {
    const response = await call({ path: "/organizations/iaea/letters", group: "members" });
    expect(response.status).toBe(200);
    expect(response.body.items).toHaveLength(2);
    const text = JSON.stringify(response.body);
    expect(text).not.toContain("poc@mfa.example.org");
    expect(text).not.toContain('"contactId"');
  });

  it("answers 404 for an unknown organization and an empty page for one never written to", async () => {
    const unknown = await call({ path: "/organizations/nowhere/letters", group: "members" });
    expect(unknown.status).toBe(404);
    expect(unknown.headers["content-type"]).toContain("application/problem+json");
    const quiet = await call({ path: "/organizations/asean/letters", group: "members" });
    expect(quiet).toMatchObject({ status: 200, body: { items: [] } });
  });

  it("refuses a period that ends before it starts, and a cursor of another organization's letters", async () => {
    const backwards = await call({
      path: "/organizations/iaea/letters",
      query: "from=2026-11-21&to=2026-11-20",
      group: "members",
    });
    expect(backwards.status).toBe(400);
    const first = await call({ path: "/organizations/iaea/letters", query: "limit=1", group: "members" });
    const cursor = encodeURIComponent(first.body.cursor);
    const elsewhere = await call({
      path: "/organizations/pif/letters",
      query: `limit=1&cursor=${cursor}`,
      group: "members",
    });
    expect(elsewhere.status).toBe(400);
    expect(JSON.stringify(elsewhere.body)).toContain("query.cursor");
  });
});

describe("the audit trail", () => {
  it("gives a State's audited writes with before and after, to the secretariat alone", async () => {
    const trail = await call({ path: "/states/MLI/audit", group: "secretariat" });
    expect(trail.status).toBe(200);
    expect(trail.body.items).toHaveLength(9);
    const voided = trail.body.items.find((entry: { action: string }) => entry.action === "submission.void");
    expect(voided).toMatchObject({
      entity: { type: "state", id: "MLI" },
      reason: "recorded twice",
      before: { id: informationId },
      after: { id: informationId, voided: { reason: "recorded twice" } },
    });
    expect((await call({ path: "/states/MLI/audit", group: "members" })).status).toBe(403);
    expect((await call({ path: "/audit", group: "experts" })).status).toBe(403);
  });

  it("reads by entity, by actor and by days, paged, without a Scan", async () => {
    commands.length = 0;
    const contact = await everyPage("/audit", `entity=contact:${contactId}`, "secretariat", 1);
    expect(contact.map((entry) => entry.action)).toEqual(["contact.deactivate", "contact.create"]);
    const mine = await everyPage("/audit", "actor=user-1&from=2026-11-20", "secretariat", 3);
    // Mali's eight, and the import's two (one per State).
    expect(mine).toHaveLength(10);
    const days = await everyPage("/audit", "from=2026-11-19&to=2026-11-21", "secretariat", 2);
    // The same entries, with the registry seed's (the system's) beside them.
    expect(days.filter((entry) => entry.actor.id === "user-1")).toEqual(mine);
    expect(days.filter((entry) => entry.actor.kind === "system").length).toBeGreaterThan(0);
    const nobody = await call({ path: "/audit", query: "actor=someone-else", group: "secretariat" });
    expect(nobody.body.items).toEqual([]);
    expect(commands).not.toContain("ScanCommand");
  });

  it("refuses a span of days too long to read without an entity or an actor", async () => {
    const long = await call({ path: "/audit", query: "from=2024-01-01&to=2026-11-20", group: "secretariat" });
    expect(long.status).toBe(400);
    expect(long.body.errors[0].path).toBe("query.from");
    const badEntity = await call({ path: "/audit", query: "entity=MLI", group: "secretariat" });
    expect(badEntity.status).toBe(400);
  });
});

describe("an organization's timeline", () => {
  let iaeaContact = "";

  beforeAll(async () => {
    // A day after the letters, so each day's page can be told apart.
    clock.advance(24 * 3_600_000);
    const read = await call({ path: "/organizations/iaea", group: "secretariat" });
    const corrected = await call({
      method: "PATCH",
      path: "/organizations/iaea",
      group: "secretariat",
      headers: { ...json, "if-match": read.headers.etag ?? "" },
      body: JSON.stringify({ note: "Safeguards and nuclear security" }),
    });
    expect(corrected.status).toBe(200);
    const contact = await write("/contacts", {
      owner: "ORG:iaea",
      role: "organization-poc",
      name: "Ingrid Example",
      email: "focal.point@iaea.example.org",
    });
    iaeaContact = contact.body.id;
    await write("/assistance/offers", {
      provider: { kind: "organization", id: "iaea" },
      areas: ["export-and-licensing"],
      description: "Legislative assistance",
      validFrom: "2026-01-01",
    });
    await importContacts(
      "ORG:iaea,organization-poc,Omar Example,deputy@iaea.example.org\n" +
        "ORG:opcw,organization-poc,Olga Example,poc@opcw.example.org\nSTATE:GHA,capital-poc,Kofi Example,poc@gha.example.org\n",
    );
  });

  it("lists the organization's corrections, contacts, offers and letters, newest first, with no other's", async () => {
    commands.length = 0;
    const response = await call({ path: "/organizations/iaea/timeline", group: "secretariat" });
    expect(response.status).toBe(200);
    const entries: Entry[] = response.body.items;
    expect(entries.map((entry) => [entry.kind, entry.action])).toEqual([
      ["contact", "contacts.import"],
      ["assistance", "assistance.offer.create"],
      ["contact", "contact.create"],
      ["organization", "organization.update"],
      ["letter", "letter.sent"],
      ["letter", "letter.delivered"],
      // The catalogue's seed, the organization's first entry.
      ["organization", "organizations.seed"],
    ]);
    expect(entries[2]).toMatchObject({ source: { type: "contact", id: iaeaContact }, actor: { id: "user-1" } });
    expect(entries[3]).toMatchObject({
      source: { type: "organization", id: "iaea" },
      after: { note: "Safeguards and nuclear security" },
    });
    // The import's entry for the IAEA holds its contact alone: the OPCW's and Ghana's are on their own trails.
    const imported = JSON.stringify(entries[0]?.after);
    expect(imported).toContain("deputy@iaea.example.org");
    expect(imported).not.toContain("opcw");
    expect(imported).not.toContain("gha.example.org");
    expect(commands).toEqual(["QueryCommand", "QueryCommand"]);
    const opcw = await call({ path: "/organizations/opcw/timeline", group: "secretariat" });
    expect(opcw.body.items.map((entry: Entry) => entry.action)).toEqual(["contacts.import", "organizations.seed"]);
    expect(JSON.stringify(opcw.body.items)).not.toContain("iaea");
  });

  it("pages through the same entries whatever the page size, and keeps to the kinds and days asked for", async () => {
    const whole = await everyPage("/organizations/iaea/timeline", "", "secretariat", 50);
    expect(whole).toHaveLength(7);
    expect(await everyPage("/organizations/iaea/timeline", "", "secretariat", 1)).toEqual(whole);
    expect(await everyPage("/organizations/iaea/timeline", "", "secretariat", 4)).toEqual(whole);
    const contacts = await call({ path: "/organizations/iaea/timeline", query: "kinds=contact", group: "secretariat" });
    expect(contacts.body.items.map((entry: Entry) => entry.action)).toEqual(["contacts.import", "contact.create"]);
    const kinds = await call({
      path: "/organizations/iaea/timeline",
      query: "kinds=organization,letter",
      group: "secretariat",
    });
    expect(kinds.body.items.map((entry: Entry) => entry.action)).toEqual([
      "organization.update",
      "letter.sent",
      "letter.delivered",
      "organizations.seed",
    ]);
    // The letters' day and the writes' day: each day's page holds that day's entries alone.
    const days = [...new Set(whole.map((entry) => entry.at.slice(0, 10)))];
    expect(days.length).toBeGreaterThan(1);
    for (const day of days) {
      const ofDay = await everyPage("/organizations/iaea/timeline", `from=${day}&to=${day}`, "secretariat", 50);
      expect(ofDay).toEqual(whole.filter((entry) => entry.at.startsWith(day)));
    }
  });

  it("shows members no contact's personal data", async () => {
    const response = await call({ path: "/organizations/iaea/timeline", group: "members" });
    expect(response.body.items).toHaveLength(7);
    const text = JSON.stringify(response.body);
    for (const personal of ["Ingrid", "Omar", "focal.point@iaea", "deputy@iaea", "poc@mfa.example.org"]) {
      expect(text).not.toContain(personal);
    }
  });

  it("gives the secretariat the organization's audited writes as written, and no one else", async () => {
    const trail = await everyPage("/organizations/iaea/audit", "", "secretariat", 2);
    expect(trail.map((entry) => entry.action)).toEqual([
      "contacts.import",
      "assistance.offer.create",
      "contact.create",
      "organization.update",
      "organizations.seed",
    ]);
    expect(trail[3]).toMatchObject({
      route: "PATCH /organizations/{id}",
      before: { id: "iaea" },
      after: { note: "Safeguards and nuclear security" },
    });
    expect((await call({ path: "/organizations/iaea/audit", group: "members" })).status).toBe(403);
    expect((await call({ path: "/organizations/nowhere/audit", group: "secretariat" })).status).toBe(404);
    // One nothing was written about since the seed: its seed's entry alone.
    const quiet = await call({ path: "/organizations/asean/audit", group: "secretariat" });
    expect(quiet.status).toBe(200);
    expect(quiet.body.items).toMatchObject([
      { action: "organizations.seed", entity: { type: "organization", id: "asean" }, after: { acronym: "ASEAN" } },
    ]);
  });

  it("answers 404 for an unknown organization, and 400 for a kind no organization's timeline holds", async () => {
    const unknown = await call({ path: "/organizations/nowhere/timeline", group: "members" });
    expect(unknown.status).toBe(404);
    const quiet = await call({ path: "/organizations/asean/timeline", group: "members" });
    expect(quiet.status).toBe(200);
    expect(quiet.body.items.map((entry: Entry) => entry.action)).toEqual(["organizations.seed"]);
    const matrix = await call({ path: "/organizations/iaea/timeline", query: "kinds=matrix", group: "members" });
    expect(matrix.status).toBe(400);
    expect(JSON.stringify(matrix.body)).toContain("matrix is not one of organization, contact, assistance, letter");
    const first = await call({ path: "/organizations/iaea/timeline", query: "limit=1", group: "members" });
    const elsewhere = await call({
      path: "/organizations/opcw/timeline",
      query: `limit=1&cursor=${encodeURIComponent(first.body.cursor)}`,
      group: "members",
    });
    expect(elsewhere.status).toBe(400);
  });
});
