// The migration of data written before its index keys (`npm run migrate`, ADR 0022) against DynamoDB Local: old-shaped
// audit entries, letters and records in, then the timelines, the audit trail and search include them; a second run
// changes nothing, and a run resumed from a printed position finishes the work.
import { Logger } from "@aws-lambda-powertools/logger";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "#shared/clock.ts";
import { messageIndexKeys, resentLetterIndexKeys } from "#shared/correspondence/ledger.ts";
import { messageSchema } from "#shared/correspondence/schemas.ts";
import { type BackfillPosition, backfillIndexKeys, decodePosition, encodePosition } from "#shared/dossier/backfill.ts";
import { seedOrganizations } from "#shared/organizations/seed.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { rebuildSearchIndex } from "#shared/search/rebuild.ts";
import { createApiHandler } from "../../functions/api/app.ts";
import { apiEvent, type EventOptions, lambdaContext } from "../support/api-event.ts";
import { everyItem } from "../support/table-items.ts";
import { freshTables } from "./fresh-tables.ts";

const clock = fixedClock("2026-10-05T09:00:00Z");
let setup: Awaited<ReturnType<typeof freshTables>>;
let handler: ReturnType<typeof createApiHandler>;

async function call(options: EventOptions) {
  const result = (await handler(apiEvent(options), lambdaContext)) as APIGatewayProxyStructuredResultV2;
  return { status: result.statusCode, body: JSON.parse(result.body || "null") };
}

const migrate = async (from?: BackfillPosition) => ({
  keys: await backfillIndexKeys(setup, from),
  search: await rebuildSearchIndex(setup),
});

const everyItemInOrder = async (table: string) =>
  (await everyItem(setup.doc, table)).sort((a, b) => `${a.pk}\u0000${a.sk}`.localeCompare(`${b.pk}\u0000${b.sk}`));

/** An entry as the audit table held it before ADR 0020: no State, actor or kind key. */
const oldAuditEntry = (id: string, at: string, action: string, after: Record<string, unknown>) => ({
  pk: `contact#${id}`,
  sk: `${at}#${id}`,
  day: at.slice(0, 10),
  id,
  at,
  actor: { kind: "user", id: "officer-1", username: "officer", groups: ["secretariat"] },
  action,
  entity: { type: "contact", id },
  route: "POST /contacts",
  after,
});

/** A letter as the ledger wrote it before gsi2: no owner key. */
const oldLetter = {
  pk: "WAVE#OLDWAVE",
  sk: "MESSAGE#c-old",
  gsi1pk: "WAVE#OLDWAVE#STATUS#delivered",
  gsi1sk: "c-old",
  entity: "message",
  waveId: "OLDWAVE",
  recipient: "c-old",
  contactId: "c-old",
  owner: "STATE:NER",
  email: "old@mfa.example.org",
  status: "delivered",
  notAfter: "2026-12-31T00:00:00.000Z",
  claims: 1,
  sentAt: "2026-09-02T10:00:00.000Z",
  deliveredAt: "2026-09-02T10:01:00.000Z",
  letter: { language: "fr", fellBack: false, subject: "Rappel", text: "Madame, Monsieur", html: "<p/>" },
  createdAt: "2026-09-02T10:00:00.000Z",
  updatedAt: "2026-09-02T10:01:00.000Z",
};

/** A letter sent again before the sweep's index of resent letters (gsi3): its owner key, no resent key. */
const {
  gsi1pk: _gsi1pk,
  deliveredAt: _deliveredAt,
  ...oldResentFields
} = {
  ...oldLetter,
  sk: "MESSAGE#c-resent",
  recipient: "c-resent",
  contactId: "c-resent",
  owner: "STATE:TCD",
  email: "resent@mfa.example.td",
  status: "queued",
  resentAt: "2026-10-01T10:00:00.000Z",
};
const oldResentLetter = {
  ...oldResentFields,
  gsi1pk: "WAVE#OLDWAVE#STATUS#queued",
  ...messageIndexKeys(messageSchema.parse(oldResentFields)),
};

/** An organization's entry as written after ADR 0020 and before ADR 0056: State, actor and kind keys, no organization key. */
const oldOrganizationEntry = {
  ...oldAuditEntry("c-org", "2026-09-02T09:00:00.000Z", "contact.create", {
    id: "c-org",
    owner: "ORG:iaea",
    role: "organization-poc",
    name: "IAEA Focal Point",
  }),
  actor: { kind: "user", id: "officer-2", username: "officer2", groups: ["secretariat"] },
  actorKey: "officer-2",
  trailKind: "contact",
};

const timeline = async (iso3: string) => (await call({ path: `/states/${iso3}/timeline`, group: "secretariat" })).body;
const organizationTimeline = async (id: string) =>
  (await call({ path: `/organizations/${id}/timeline`, group: "secretariat" })).body;

beforeAll(async () => {
  setup = await freshTables();
  await seedRegistry(setup.doc, setup.tableNames, clock);
  await seedOrganizations(setup.doc, setup.tableNames, clock);
  handler = createApiHandler({ ...setup, clock, logger: new Logger({ logLevel: "SILENT" }) });
  const put = (table: string, item: Record<string, unknown>) =>
    setup.doc.send(new PutCommand({ TableName: table, Item: item }));
  await put(
    setup.tableNames.audit,
    oldAuditEntry("c-old", "2026-09-01T08:00:00.000Z", "contact.create", {
      id: "c-old",
      owner: "STATE:NER",
      role: "capital-poc",
      name: "Old Contact",
    }),
  );
  await put(
    setup.tableNames.audit,
    oldAuditEntry("c-old", "2026-09-03T08:00:00.000Z", "contact.update", { id: "c-old", owner: "STATE:NER" }),
  );
  await put(setup.tableNames.audit, oldOrganizationEntry);
  await put(setup.tableNames.desk, oldLetter);
  await put(setup.tableNames.desk, oldResentLetter);
  // A record stored before the search index: its token items are absent.
  await put(setup.tableNames.desk, {
    pk: "ORG#zephyr",
    sk: "ORG",
    entity: "organization",
    id: "zephyr",
    name: "Zephyrine Commission",
    acronym: "ZC",
  });
}, 120_000);

describe("npm run migrate", () => {
  it("leaves old-shaped items off the indexes until it runs", async () => {
    // Only the seeds' own entries, written with their keys.
    const actions = (page: { items: { action: string }[] }) => page.items.map((entry) => entry.action);
    expect(actions(await timeline("NER"))).toEqual(["registry.seed"]);
    expect(actions(await organizationTimeline("iaea"))).toEqual(["organizations.seed"]);
    const search = await call({ path: "/search", query: "q=zephyr", group: "secretariat" });
    expect(search.body.groups.find((group: { kind: string }) => group.kind === "organization").items).toEqual([]);
  });

  it("puts old audit entries and letters on the State's timeline and trail, and old records in search", async () => {
    const result = await migrate();
    expect(result.keys.audit.updated).toBe(3);
    // The old letter its owner key; the letter sent again its key in the sweep's index of resent letters (audit 34).
    expect(result.keys.letters.updated).toBe(2);
    const resent = await setup.doc.send(
      new GetCommand({ TableName: setup.tableNames.desk, Key: { pk: oldResentLetter.pk, sk: oldResentLetter.sk } }),
    );
    expect(resent.Item).toMatchObject(resentLetterIndexKeys(messageSchema.parse(oldResentFields)));
    expect(result.search.records).toBeGreaterThan(193);

    const entries = (await timeline("NER")).items as { action: string; at: string; actor: { id: string } }[];
    // The registry's seed is this test clock's newest: it runs on a later day than the old entries are dated.
    expect(entries.map((entry) => entry.action)).toEqual([
      "registry.seed",
      "contact.update",
      "letter.delivered",
      "contact.create",
    ]);
    expect(entries[1]?.actor.id).toBe("officer-1");
    const trail = await call({ path: "/states/NER/audit", group: "secretariat" });
    expect(trail.body.items.map((entry: { action: string }) => entry.action)).toEqual([
      "registry.seed",
      "contact.update",
      "contact.create",
    ]);
    const byActor = await call({ path: "/audit", query: "actor=officer-1", group: "secretariat" });
    expect(byActor.body.items).toHaveLength(2);
    const contacts = await call({ path: "/states/NER/timeline", query: "kinds=contact", group: "secretariat" });
    expect(contacts.body.items).toHaveLength(2);
    // The organization's entry gets its key alone: its State, actor and kind keys were there.
    expect((await organizationTimeline("iaea")).items).toMatchObject([
      { action: "organizations.seed", kind: "organization" },
      { action: "contact.create", kind: "contact", source: { type: "contact", id: "c-org" } },
    ]);
    const search = await call({ path: "/search", query: "q=zephyr", group: "secretariat" });
    expect(search.body.groups.find((group: { kind: string }) => group.kind === "organization").items).toEqual([
      expect.objectContaining({ id: "zephyr", label: "Zephyrine Commission" }),
    ]);
  });

  it("changes nothing when run again", async () => {
    const before = [await everyItemInOrder(setup.tableNames.audit), await everyItemInOrder(setup.tableNames.desk)];
    const again = await migrate();
    expect(again.keys.audit.updated).toBe(0);
    expect(again.keys.letters.updated).toBe(0);
    expect(again.search.tokensRemoved).toBe(0);
    expect([await everyItemInOrder(setup.tableNames.audit), await everyItemInOrder(setup.tableNames.desk)]).toEqual(
      before,
    );
  });

  it("resumes from the position a stopped run printed, finishing what it left", async () => {
    const late = ["c-late1", "c-late2", "c-late3"].map((id, index) =>
      oldAuditEntry(id, `2026-09-0${4 + index}T08:00:00.000Z`, "contact.create", { id, owner: "STATE:NER" }),
    );
    for (const item of late) await setup.doc.send(new PutCommand({ TableName: setup.tableNames.audit, Item: item }));
    const printed: string[] = [];
    const stopped = await backfillIndexKeys(
      setup,
      undefined,
      (progress) => {
        if (progress.next) printed.push(encodePosition(progress.next));
        // The operator's session ends after the first page.
        if (printed.length === 1) throw new Error("stopped");
      },
      1,
    ).catch((error: unknown) => error);
    expect(stopped).toEqual(new Error("stopped"));
    const position = decodePosition(printed[0] ?? "");
    expect(position.step).toBe("audit");
    const resumed = await backfillIndexKeys(setup, position, () => {}, 100);
    const everyEntry = await everyItemInOrder(setup.tableNames.audit);
    // The resumed run starts after the page already read, and leaves no entry without its keys.
    expect(resumed.audit.scanned).toBe(everyEntry.length - 1);
    expect(everyEntry.filter((item) => !item.actorKey)).toEqual([]);
    const lateIds = new Set(late.map((item) => item.id));
    expect(everyEntry.filter((item) => lateIds.has(String(item.id))).map((item) => item.iso3)).toEqual([
      "NER",
      "NER",
      "NER",
    ]);
    expect((await timeline("NER")).items).toHaveLength(7);
    // A run started at the letters step leaves the audit table alone.
    expect((await backfillIndexKeys(setup, { step: "letters" })).audit).toEqual({ scanned: 0, updated: 0 });
  }, 60_000);

  it("refuses a position it did not print", () => {
    expect(() => decodePosition(encodePosition({ step: "letters" }).replace(/^./, "x"))).toThrow(
      "not a position this command printed",
    );
    const unknownStep = Buffer.from(JSON.stringify({ step: "contacts" })).toString("base64url");
    expect(() => decodePosition(unknownStep)).toThrow("not a position this command printed");
  });
});
