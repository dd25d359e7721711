// Received documents found by their symbol against DynamoDB Local (audit 36, finding 3): every write path of a
// submission (record, correction, change of kind, void) reaches the index through the table's stream, and a rebuild
// from the stored records gives the same index. States found by the names officers type (finding 16).
import { Logger } from "@aws-lambda-powertools/logger";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { fixedClock } from "#shared/clock.ts";
import { createRouter } from "#shared/http/router.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { indexStreamRecords } from "#shared/search/indexer.ts";
import { searchTokenKey } from "#shared/search/keys.ts";
import { rebuildSearchIndex } from "#shared/search/rebuild.ts";
import { apiRoutes } from "../../functions/api/app.ts";
import { ensureDeskStream, type StreamReader, streamReader } from "../../infra/local/search-stream.ts";
import { apiEvent, type EventOptions } from "../support/api-event.ts";
import { freshTables } from "./fresh-tables.ts";

const clock = fixedClock("2026-12-07T09:00:00Z");
const json = { "content-type": "application/json" };
let setup: Awaited<ReturnType<typeof freshTables>>;
let router: ReturnType<typeof createRouter>;
let stream: StreamReader;

async function call(options: EventOptions) {
  const result = await router.dispatch(apiEvent(options), "search-submissions-test");
  const headers = (result.headers ?? {}) as Record<string, string>;
  return { status: result.statusCode ?? 0, headers, body: JSON.parse(result.body || "null") };
}
const write = (method: string, path: string, body: unknown, etag?: string) =>
  call({
    method,
    path,
    group: "secretariat",
    headers: { ...json, ...(etag ? { "if-match": etag } : {}) },
    body: JSON.stringify(body),
  });

interface Hit {
  id: string;
  label: string;
  detail?: string;
  path: string;
}
/** The hits of one kind, as members (who read every State's submissions) search. */
async function found(q: string, kind = "submission"): Promise<Hit[]> {
  const answer = await call({ path: "/search", query: `q=${encodeURIComponent(q)}&kinds=${kind}`, group: "members" });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.groups[0].items;
}
const labels = async (q: string) => (await found(q)).map((hit) => hit.label);

beforeAll(async () => {
  setup = await freshTables({ streams: true });
  await seedRegistry(setup.doc, setup.tableNames, clock);
  router = createRouter(
    apiRoutes({ doc: setup.doc, tableNames: setup.tableNames, clock }),
    new Logger({ logLevel: "SILENT" }),
  );
  const { streamArn } = await ensureDeskStream(setup.client, setup.tableNames.desk);
  stream = streamReader(inject("dynamoEndpoint"), streamArn, indexStreamRecords(setup));
  await stream.drain();
}, 120_000);

describe("received documents in search, indexed from the table's stream", () => {
  let firstReport: { id: string; etag: string };

  it("finds a first report just recorded by its whole symbol and by the start of its parts", async () => {
    const recorded = await write("POST", "/states/GMB/submissions", {
      kind: "first-report",
      receivedOn: "2026-11-30",
      symbol: "S/AC.44/2026/7",
      language: "en",
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    firstReport = { id: recorded.body.id, etag: recorded.headers.etag ?? "" };
    expect(await labels("S/AC.44/2026/7")).toEqual([]); // not yet: the stream has not been read
    await stream.drain();

    const [hit] = await found("S/AC.44/2026/7");
    expect(hit).toEqual({
      kind: "submission",
      id: firstReport.id,
      label: "S/AC.44/2026/7",
      detail: "GMB first-report 2026-11-30",
      path: `/states/GMB/submissions/${firstReport.id}`,
    });
    expect(await labels("2026/7")).toEqual(["S/AC.44/2026/7"]);
    expect(await labels("s/ac.44/2026")).toEqual(["S/AC.44/2026/7"]);
    // Without kinds, a member sees the new group beside the others.
    const all = await call({ path: "/search", query: "q=2026%2F7", group: "members" });
    expect(all.body.groups.at(-1)).toMatchObject({ kind: "submission", items: [{ id: firstReport.id }] });
  });

  it("follows a corrected symbol, a change of kind and a void", async () => {
    const recorded = await write("POST", "/states/GMB/submissions", {
      kind: "effective-practices",
      receivedOn: "2026-12-01",
      symbol: "S/AC.44/2026/NOTE.12",
      language: "fr",
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    const path = `/states/GMB/submissions/${recorded.body.id}`;
    const corrected = await write("PATCH", path, { symbol: "S/AC.44/2026/NOTE.13" }, recorded.headers.etag);
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    await stream.drain();
    expect(await labels("NOTE.12")).toEqual([]);
    expect(await labels("NOTE.13")).toEqual(["S/AC.44/2026/NOTE.13"]);

    const rekinded = await write(
      "POST",
      `${path}/kind`,
      { kind: "action-plan", reason: "the note is the State's action plan" },
      corrected.headers.etag,
    );
    expect(rekinded.status, JSON.stringify(rekinded.body)).toBe(200);
    await stream.drain();
    expect((await found("NOTE.13"))[0]?.detail).toBe("GMB action-plan 2026-12-01");

    const voided = await write("POST", `${path}/void`, { reason: "recorded twice" }, rekinded.headers.etag);
    expect(voided.status, JSON.stringify(voided.body)).toBe(200);
    await stream.drain();
    // Voided, it counts as if never recorded: not found, and its symbol is free for the document it should have been.
    expect(await labels("NOTE.13")).toEqual([]);
    const again = await write("POST", "/states/MLI/submissions", {
      kind: "action-plan",
      receivedOn: "2026-12-02",
      symbol: "S/AC.44/2026/NOTE.13",
      language: "fr",
    });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    await stream.drain();
    expect((await found("NOTE.13")).map((hit) => hit.detail)).toEqual(["MLI action-plan 2026-12-02"]);
  });

  it("keeps a refused kind and a refused symbol a clear 400 at the field", async () => {
    for (const [query, field] of [
      ["q=2026&kinds=submissions", "query.kinds"],
      ["q=%2F7&kinds=submission", "query.q"],
    ] as const) {
      const answer = await call({ path: "/search", query, group: "members" });
      expect(answer.status, query).toBe(400);
      expect(answer.body.errors.map((error: { path: string }) => error.path)).toContain(field);
    }
  });

  it("finds States by their former UN names and common English names, a leading 'the' ignored", async () => {
    expect((await found("Turkey", "state")).map((hit) => hit.id)).toEqual(["TUR"]);
    expect((await found("Czech Republic", "state")).map((hit) => hit.id)).toEqual(["CZE"]);
    expect((await found("the Gambia", "state")).map((hit) => hit.id)).toEqual(["GMB"]);
    expect((await found("UK", "state")).map((hit) => hit.id)).toEqual(["GBR", "UKR"]);
  });

  it("rebuilds the same index from the stored records, and removes a voided document's tokens the stream missed", async () => {
    const before = await labels("2026");
    expect((await rebuildSearchIndex(setup)).tokensRemoved).toBe(0);
    expect(await labels("2026")).toEqual(before);

    // A token of a voided document left behind (a stream record lost past its 24 hours): the rebuild removes it.
    const ghost = searchTokenKey("submission", "ghost", "01GHOST");
    await setup.doc.send(
      new PutCommand({
        TableName: setup.tableNames.desk,
        Item: {
          ...ghost,
          entity: "search-token",
          kind: "submission",
          id: "01GHOST",
          label: "S/AC.44/2026/GHOST",
          path: "/states/GMB/submissions/01GHOST",
        },
      }),
    );
    expect(await labels("ghost")).toEqual(["S/AC.44/2026/GHOST"]);
    expect((await rebuildSearchIndex(setup)).tokensRemoved).toBe(1);
    expect(await labels("ghost")).toEqual([]);
    expect(await labels("2026")).toEqual(before);
  });
});
