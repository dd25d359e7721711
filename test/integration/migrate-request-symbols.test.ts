// `npm run migrate`'s request-symbols step (ADR 0068) against DynamoDB Local: assistance requests recorded before
// their symbol's guard held them are put on it, beside a submission that holds it (whichever State's) or on a guard
// of their own; the requests and submissions are left as they were, a second run updates nothing, and a run resumed
// from a printed position finishes the work.
import { Logger } from "@aws-lambda-powertools/logger";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { beforeAll, describe, expect, it } from "vitest";
import { requestIndexKeys, requestKey, requestSymbolKey } from "#shared/assistance/keys.ts";
import { assistanceRequestSchema } from "#shared/assistance/schemas.ts";
import { fixedClock } from "#shared/clock.ts";
import { type BackfillProgress, backfillIndexKeys, decodePosition, encodePosition } from "#shared/dossier/backfill.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { symbolGuardKey } from "#shared/reporting/symbol-guard.ts";
import { symbolsSharedAcrossStates } from "#shared/reporting/symbols-shared-across-states.ts";
import { createApiHandler } from "../../functions/api/app.ts";
import { apiEvent, lambdaContext } from "../support/api-event.ts";
import { everyItem } from "../support/table-items.ts";
import { freshTables } from "./fresh-tables.ts";

type Tables = Awaited<ReturnType<typeof freshTables>>;
let setup: Tables;

const put = (on: Tables, item: Record<string, unknown>) =>
  on.doc.send(new PutCommand({ TableName: on.tableNames.desk, Item: item }));

const guard = async (symbol: string) =>
  (await setup.doc.send(new GetCommand({ TableName: setup.tableNames.desk, Key: symbolGuardKey(symbol) }))).Item;

/** What the desk table holds besides the symbols' guards, in key order: what the step must not change. */
const everythingButGuards = async () =>
  (await everyItem(setup.doc, setup.tableNames.desk))
    .filter((item) => !String(item.pk).startsWith("SYMBOL#"))
    .sort((a, b) => `${a.pk}\u0000${a.sk}`.localeCompare(`${b.pk}\u0000${b.sk}`));

/** A request as recorded before ADR 0068: its item and its own symbol's guard (ASSISTANCE-SYMBOL#), nothing else. */
async function putOldRequest(on: Tables, id: string, iso3: string, symbol: string, receivedOn: string) {
  const request = assistanceRequestSchema.parse({
    id,
    iso3,
    areas: ["legislation"],
    description: "Drafting of export control legislation",
    receivedOn,
    symbol,
    consentedToCirculation: false,
    status: "received",
    history: [],
    createdAt: `${receivedOn}T09:00:00.000Z`,
    createdBy: "officer-1",
    updatedAt: `${receivedOn}T09:00:00.000Z`,
  });
  await put(on, {
    ...requestKey(id),
    ...requestIndexKeys(request),
    entity: "assistance-request",
    version: 1,
    ...request,
  });
  await put(on, { ...requestSymbolKey(symbol), entity: "assistance-symbol", symbol, id });
}

/** A symbol's guard as a submission's recording wrote it. */
const submissionGuard = (symbol: string, iso3: string, submissionId: string) => ({
  ...symbolGuardKey(symbol),
  entity: "symbol",
  symbol,
  iso3,
  submissionId,
});

const inStepGuard = {
  ...submissionGuard("S/AC.44/2026/NOTE.4", "GHA", "SUB-GHA"),
  requestId: "R-INSTEP",
  requestIso3: "GHA",
  requestReceivedOn: "2026-03-10",
};

beforeAll(async () => {
  setup = await freshTables();
  // No document under its symbol: the step creates the guard.
  await putOldRequest(setup, "R-ALONE", "KEN", "S/AC.44/2025/note.1", "2025-04-01");
  // It arrived in its State's national report: the report's guard, written in capitals, keeps its spelling.
  await putOldRequest(setup, "R-SAME", "MLI", "S/AC.44/2025/note.2", "2025-05-02");
  await put(setup, submissionGuard("S/AC.44/2025/NOTE.2", "MLI", "SUB-MLI"));
  // Recorded before the rule under another State's document: put on the guard as it is.
  await putOldRequest(setup, "R-OTHER", "NER", "S/AC.44/2025/3", "2025-06-03");
  await put(setup, submissionGuard("S/AC.44/2025/3", "JAM", "SUB-JAM"));
  // Recorded since ADR 0068: its guard holds it already.
  await putOldRequest(setup, "R-INSTEP", "GHA", "S/AC.44/2026/note.4", "2026-03-10");
  await put(setup, inStepGuard);
}, 60_000);

describe("npm run migrate: requests on their symbol's guard", () => {
  it("puts each older request on its symbol's guard, keeping the submission that holds it", async () => {
    const before = await everythingButGuards();
    const result = await backfillIndexKeys(setup, { step: "request-symbols" });
    // Every desk item scanned; the three older requests written, the one in step not counted.
    expect(result["request-symbols"]).toEqual({ scanned: before.length + 3, updated: 3 });

    expect(await guard("S/AC.44/2025/note.1")).toEqual({
      ...symbolGuardKey("S/AC.44/2025/note.1"),
      entity: "symbol",
      symbol: "S/AC.44/2025/note.1",
      requestId: "R-ALONE",
      requestIso3: "KEN",
      requestReceivedOn: "2025-04-01",
    });
    expect(await guard("S/AC.44/2025/note.2")).toEqual({
      ...submissionGuard("S/AC.44/2025/NOTE.2", "MLI", "SUB-MLI"),
      requestId: "R-SAME",
      requestIso3: "MLI",
      requestReceivedOn: "2025-05-02",
    });
    expect(await guard("S/AC.44/2025/3")).toEqual({
      ...submissionGuard("S/AC.44/2025/3", "JAM", "SUB-JAM"),
      requestId: "R-OTHER",
      requestIso3: "NER",
      requestReceivedOn: "2025-06-03",
    });
    expect(await guard("S/AC.44/2026/note.4")).toEqual(inStepGuard);
    // What the run prints for an officer to correct: the one symbol two States hold, not Mali's own pair.
    expect(await symbolsSharedAcrossStates(setup.doc, setup.tableNames.desk)).toEqual([
      { symbol: "S/AC.44/2025/3", iso3: "JAM", submissionId: "SUB-JAM", requestIso3: "NER", requestId: "R-OTHER" },
    ]);
    // The requests, their own guards and the rest are as they were.
    expect(await everythingButGuards()).toEqual(before);
  });

  it("updates nothing when run again", async () => {
    const before = await everyItem(setup.doc, setup.tableNames.desk);
    const again = await backfillIndexKeys(setup);
    expect(again["request-symbols"].updated).toBe(0);
    expect(await everyItem(setup.doc, setup.tableNames.desk)).toEqual(before);
  });

  it("resumes from the position a stopped run printed, finishing what it left", async () => {
    const late = ["R-LATE1", "R-LATE2", "R-LATE3"];
    for (const [index, id] of late.entries()) {
      await putOldRequest(setup, id, "TCD", `S/AC.44/2026/note.${10 + index}`, `2026-09-0${1 + index}`);
    }
    const items = (await everyItem(setup.doc, setup.tableNames.desk)).length;
    const pages: BackfillProgress[] = [];
    const stopped = await backfillIndexKeys(
      setup,
      { step: "request-symbols" },
      (progress) => {
        pages.push(progress);
        // The operator's session ends after the first page.
        throw new Error("stopped");
      },
      1,
    ).catch((error: unknown) => error);
    expect(stopped).toEqual(new Error("stopped"));
    const printed = pages[0]?.next;
    expect(printed?.step).toBe("request-symbols");
    const position = decodePosition(encodePosition(printed ?? { step: "audit" }));

    const resumed = await backfillIndexKeys(setup, position, () => {}, 100);
    // It starts after the item already read (a guard that page created lies before or after it, as its key hashes),
    // leaves the audit entries and letters alone, and does what is left, once.
    const createdFirst = pages[0]?.updated ?? 0;
    expect([items - 1, items - 1 + createdFirst]).toContain(resumed["request-symbols"].scanned);
    expect(resumed.audit).toEqual({ scanned: 0, updated: 0 });
    expect(createdFirst + resumed["request-symbols"].updated).toBe(late.length);
    for (const [index, id] of late.entries()) {
      expect(await guard(`S/AC.44/2026/note.${10 + index}`)).toMatchObject({ requestId: id, requestIso3: "TCD" });
    }
  });
});

describe("a request put on its symbol's guard by the migration", () => {
  const clock = fixedClock("2026-12-07T15:00:00Z");
  let handler: ReturnType<typeof createApiHandler>;

  const recordDocument = async (iso3: string, symbol: string) => {
    const result = (await handler(
      apiEvent({
        method: "POST",
        path: `/states/${iso3}/submissions`,
        group: "experts",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ kind: "first-report", receivedOn: "2026-12-01", symbol, language: "en" }),
      }),
      lambdaContext,
    )) as APIGatewayProxyStructuredResultV2;
    return { status: result.statusCode, body: JSON.parse(result.body || "null") };
  };

  beforeAll(async () => {
    const tables = await freshTables();
    await seedRegistry(tables.doc, tables.tableNames, clock);
    handler = createApiHandler({ ...tables, clock, logger: new Logger({ logLevel: "SILENT" }) });
    await putOldRequest(tables, "R-KEN", "KEN", "S/AC.44/2025/note.1", "2025-04-01");
    await backfillIndexKeys(tables, { step: "request-symbols" });
  }, 120_000);

  it("refuses another State's document under its symbol, and takes its own State's", async () => {
    const other = await recordDocument("MLI", "S/AC.44/2025/NOTE.1");
    expect(other.status).toBe(409);
    // The refusal names the request from its guard: the State and day the step put there.
    expect(other.body.errors).toEqual([{ path: "body.symbol", message: expect.stringMatching(/Kenya.*2025-04-01/) }]);
    expect((await recordDocument("KEN", "S/AC.44/2025/note.1")).status).toBe(201);
  });
});
