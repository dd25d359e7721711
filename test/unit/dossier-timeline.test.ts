import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { EXPIRED_AT_DISPATCH } from "#shared/correspondence/expired-at-dispatch.ts";
import { toAuditEntry } from "#shared/dossier/audit-trail.ts";
import {
  dossierDependencies,
  organizationLetters,
  organizationTimeline,
  stateTimeline,
} from "#shared/dossier/dossier.ts";
import { auditTimelineEntry, letterTimelineEntry } from "#shared/dossier/timeline.ts";
import { NotFound } from "#shared/errors.ts";

const tableNames = { desk: "desk-test", audit: "audit-test" };
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: "us-east-1" }));
const dynamo = mockClient(DynamoDBDocumentClient);
afterAll(() => dynamo.restore());
const dependencies = dossierDependencies(doc, tableNames, fixedClock("2026-11-20T09:00:00Z"));
const timeline = stateTimeline(dependencies);
const lettersOf = organizationLetters(dependencies);
const organizationHistory = organizationTimeline(dependencies);
const secretariat: Actor = { kind: "user", id: "u1", groups: ["secretariat"] };
const page = { limit: 10 };

const auditItem = {
  pk: "state#MLI",
  sk: "2026-11-20T08:00:00.000Z#A1",
  iso3: "MLI",
  timelineKey: "2026-11-20#2026-11-20T08:00:00.000Z#A1",
  id: "A1",
  at: "2026-11-20T08:00:00.000Z",
  actor: { kind: "system", id: "seed" },
  action: "state.update",
  entity: { type: "state", id: "MLI" },
  after: { iso3: "MLI" },
};

beforeEach(() => dynamo.reset());

describe("a State's timeline, read", () => {
  it("reads no State item when the page has entries: they are only ever written about registered States", async () => {
    dynamo.on(QueryCommand).resolves({ Items: [] });
    dynamo.on(QueryCommand, { IndexName: "stateTimeline" }).resolves({ Items: [auditItem] });
    const answer = await timeline("MLI", {}, secretariat, page);
    expect(answer.items.map((entry) => entry.action)).toEqual(["state.update"]);
    expect(dynamo.commandCalls(GetCommand)).toHaveLength(0);
  });

  it("checks the State when the page is empty: 404 for an unknown code, an empty page for a quiet State", async () => {
    dynamo.on(QueryCommand).resolves({ Items: [] });
    dynamo.on(GetCommand).resolves({});
    await expect(timeline("XXX", {}, secretariat, page)).rejects.toBeInstanceOf(NotFound);
    dynamo.on(GetCommand).resolves({
      Item: {
        iso3: "MLI",
        iso2: "ML",
        name: "Mali",
        region: "african",
        regionName: "African States",
        language: "fr",
        languageBasis: "official language",
        reportingStatus: "reported",
        updatedAt: "2026-01-01T00:00:00.000Z",
        version: 1,
      },
    });
    expect(await timeline("MLI", {}, secretariat, page)).toEqual({ items: [] });
    expect(dynamo.commandCalls(GetCommand)).toHaveLength(2);
  });

  it("reads each letter's status and subject, never its rendered text and HTML", async () => {
    dynamo.on(QueryCommand).resolves({ Items: [] });
    dynamo.on(QueryCommand, { IndexName: "stateTimeline" }).resolves({ Items: [auditItem] });
    await timeline("MLI", {}, secretariat, page);
    const letters = dynamo.commandCalls(QueryCommand).find((call) => call.args[0].input.IndexName === "gsi2");
    const input = letters?.args[0].input;
    const names = input?.ExpressionAttributeNames ?? {};
    const projected = (input?.ProjectionExpression ?? "").split(", ").map((path) =>
      path
        .split(".")
        .map((alias) => names[alias])
        .join("."),
    );
    expect(projected).toEqual(expect.arrayContaining(["status", "letter.subject", "letter.language", "gsi2sk"]));
    expect(projected).not.toContain("letter");
    expect(projected.some((path) => path.endsWith("text") || path.endsWith("html"))).toBe(false);
  });

  it("reads a filtered trail in whole pages, not in what the page still misses", async () => {
    const other = {
      ...auditItem,
      action: "matrix.approve",
      sk: "2026-11-19T08:00:00.000Z#A0",
      timelineKey: "2026-11-19#2026-11-19T08:00:00.000Z#A0",
    };
    dynamo.on(QueryCommand).resolves({ Items: [] });
    dynamo
      .on(QueryCommand, { IndexName: "stateTimeline" })
      .resolvesOnce({
        Items: [auditItem],
        LastEvaluatedKey: { pk: auditItem.pk, sk: auditItem.sk, iso3: "MLI", timelineKey: auditItem.timelineKey },
      })
      .resolves({ Items: [other] });
    const answer = await timeline("MLI", { kinds: ["state", "matrix"] }, secretariat, page);
    expect(answer.items.map((entry) => entry.action)).toEqual(["state.update", "matrix.approve"]);
    const limits = dynamo
      .commandCalls(QueryCommand)
      .filter((call) => call.args[0].input.IndexName === "stateTimeline")
      .map((call) => call.args[0].input.Limit);
    expect(limits).toEqual([20, 20]);
  });
});

describe("an organization's letters, read", () => {
  const letterItem = {
    pk: "WAVE#W1",
    sk: "MESSAGE#C9",
    gsi2pk: "LETTERS#ORG:iaea",
    gsi2sk: "2026-11-20T08:00:00.000Z#W1#C9",
    waveId: "W1",
    recipient: "C9",
    contactId: "C9",
    email: "poc@iaea.example.org",
    status: "sent",
    createdAt: "2026-11-20T08:00:00.000Z",
    letter: { language: "en", subject: "Open briefing" },
  };

  it("reads the organization's part of the letters index alone, projected, and no organization item", async () => {
    dynamo.on(QueryCommand).resolves({ Items: [letterItem] });
    const answer = await lettersOf("iaea", {}, secretariat, page);
    expect(answer.items.map((entry) => entry.source.id)).toEqual(["W1/C9"]);
    const [query] = dynamo.commandCalls(QueryCommand).map((call) => call.args[0].input);
    expect(query).toMatchObject({
      IndexName: "gsi2",
      ExpressionAttributeValues: { ":owner": "LETTERS#ORG:iaea" },
      ScanIndexForward: false,
      Limit: 10,
    });
    expect(Object.values(query?.ExpressionAttributeNames ?? {})).not.toContain("text");
    expect(dynamo.commandCalls(QueryCommand)).toHaveLength(1);
    expect(dynamo.commandCalls(GetCommand)).toHaveLength(0);
  });

  it("checks the organization when the page is empty: 404 for an unknown id", async () => {
    dynamo.on(QueryCommand).resolves({ Items: [] });
    dynamo.on(GetCommand).resolves({});
    await expect(lettersOf("nowhere", {}, secretariat, page)).rejects.toBeInstanceOf(NotFound);
    expect(dynamo.commandCalls(GetCommand)[0]?.args[0].input.Key).toEqual({ pk: "ORG#nowhere", sk: "ORG" });
  });
});

describe("an organization's timeline, read", () => {
  const organizationItem = {
    ...auditItem,
    pk: "organization#iaea",
    orgId: "iaea",
    iso3: undefined,
    action: "organization.update",
    entity: { type: "organization", id: "iaea" },
    after: { id: "iaea", note: "Safeguards" },
  };

  it("reads the organization's audit index and its letters, each entry of kind organization for its own record", async () => {
    dynamo.on(QueryCommand).resolves({ Items: [] });
    dynamo.on(QueryCommand, { IndexName: "organizationTimeline" }).resolves({ Items: [organizationItem] });
    const answer = await organizationHistory("iaea", {}, secretariat, page);
    expect(answer.items).toMatchObject([
      { kind: "organization", action: "organization.update", source: { type: "organization", id: "iaea" } },
    ]);
    const queries = dynamo.commandCalls(QueryCommand).map((call) => call.args[0].input);
    expect(queries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          TableName: "audit-test",
          IndexName: "organizationTimeline",
          KeyConditionExpression: "orgId = :owner",
          ExpressionAttributeValues: { ":owner": "iaea" },
        }),
        expect.objectContaining({ IndexName: "gsi2", ExpressionAttributeValues: { ":owner": "LETTERS#ORG:iaea" } }),
      ]),
    );
    expect(queries.some((query) => query.IndexName === "stateTimeline")).toBe(false);
    expect(dynamo.commandCalls(GetCommand)).toHaveLength(0);
  });

  it("filters on the organization's kinds, and checks the organization when the page is empty", async () => {
    dynamo.on(QueryCommand).resolves({ Items: [] });
    dynamo.on(GetCommand).resolves({});
    await expect(organizationHistory("nowhere", { kinds: ["contact"] }, secretariat, page)).rejects.toBeInstanceOf(
      NotFound,
    );
    const queries = dynamo.commandCalls(QueryCommand).map((call) => call.args[0].input);
    // Contacts only: the audit index filtered on the kind, and no letters read.
    expect(queries).toHaveLength(1);
    expect(queries[0]).toMatchObject({ IndexName: "organizationTimeline", FilterExpression: "trailKind IN (:kind0)" });
    expect(dynamo.commandCalls(GetCommand)[0]?.args[0].input.Key).toEqual({ pk: "ORG#nowhere", sk: "ORG" });
  });
});

describe("a letter on the timeline", () => {
  const bounced = {
    waveId: "W1",
    recipient: "C1",
    contactId: "C1",
    email: "awa.keita@mali.example",
    status: "bounced" as const,
    reason: "smtp; 550 5.1.1 <awa.keita@mali.example>: Recipient address rejected",
    createdAt: "2026-11-20T08:00:00.000Z",
  };

  it("gives the secretariat the address and the bounce's reason as SES wrote it", () => {
    expect(letterTimelineEntry(bounced, ["secretariat"]).after).toMatchObject({
      email: bounced.email,
      reason: bounced.reason,
    });
  });

  it.each(["experts", "members"] as const)("withholds from %s the address, in the reason too (ADR 0048)", (group) => {
    const after = letterTimelineEntry(bounced, [group]).after;
    expect(after).not.toHaveProperty("email");
    expect(after).toMatchObject({ reason: "smtp; 550 5.1.1 <[address withheld]>: Recipient address rejected" });
    expect(JSON.stringify(after)).not.toContain("mali.example");
  });

  it.each(["secretariat", "members"] as const)("gives %s a letter written expired its reason whole", (group) => {
    // The console dates the row by it: "Expired <day>", not "Queued" (letter-row-words.ts).
    const expired = { ...bounced, status: "expired" as const, reason: EXPIRED_AT_DISPATCH };
    expect(letterTimelineEntry(expired, [group]).after).toMatchObject({ reason: EXPIRED_AT_DISPATCH });
  });
});

describe("an audit entry on the timeline", () => {
  it("carries the write's correlation id, which a contact's entry and the obligation it moves share", () => {
    const entry = toAuditEntry({ ...auditItem, correlationId: "ses-event-1" });
    expect(auditTimelineEntry(entry, { kind: "state", iso3: "MLI" }, ["members"])).toMatchObject({
      auditId: "A1",
      correlationId: "ses-event-1",
    });
    expect(auditTimelineEntry(toAuditEntry(auditItem), { kind: "state", iso3: "MLI" }, ["members"])).not.toHaveProperty(
      "correlationId",
    );
  });
});
