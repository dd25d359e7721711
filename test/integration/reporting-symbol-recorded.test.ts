// A document symbol recorded twice (audit 36, item 15): the API's 409 says where the document is recorded, at the
// symbol's field, for a new document and for a correction of another's symbol, and changes nothing.
import { Logger } from "@aws-lambda-powertools/logger";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "#shared/clock.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { createApiHandler } from "../../functions/api/app.ts";
import { apiEvent, type EventOptions, lambdaContext } from "../support/api-event.ts";
import { freshTables } from "./fresh-tables.ts";

const clock = fixedClock("2026-12-07T15:00:00Z");
let handler: ReturnType<typeof createApiHandler>;

async function call(options: EventOptions) {
  const result = (await handler(apiEvent(options), lambdaContext)) as APIGatewayProxyStructuredResultV2;
  const headers = (result.headers ?? {}) as Record<string, string>;
  return { status: result.statusCode, headers, body: JSON.parse(result.body || "null") };
}

const json = { "content-type": "application/json" };
const record = (iso3: string, body: Record<string, unknown>) =>
  call({
    method: "POST",
    path: `/states/${iso3}/submissions`,
    group: "experts",
    headers: json,
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  const setup = await freshTables();
  await seedRegistry(setup.doc, setup.tableNames, clock);
  handler = createApiHandler({ ...setup, clock, logger: new Logger({ logLevel: "SILENT" }) });
}, 120_000);

describe("a document symbol already recorded", () => {
  it("is refused with 409 saying whose document it is, its kind and day, at body.symbol; nothing is recorded", async () => {
    const first = await record("GMB", {
      kind: "first-report",
      receivedOn: "2026-11-30",
      symbol: "S/AC.44/2026/7",
      language: "en",
    });
    expect(first.status).toBe(201);

    // Another State, the symbol in another case: the symbols are one across States, case aside.
    const again = await record("MLI", {
      kind: "first-report",
      receivedOn: "2026-12-01",
      symbol: "s/ac.44/2026/7",
      language: "fr",
    });
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe(
      "The document s/ac.44/2026/7 is already recorded as Gambia's first national report, received 2026-11-30",
    );
    expect(again.body.errors).toEqual([
      {
        path: "body.symbol",
        message: "s/ac.44/2026/7 is already recorded as Gambia's first national report, received 2026-11-30.",
      },
    ]);
    const mali = await call({ path: "/states/MLI", group: "members" });
    expect(mali.body.reportingStatus).toBe("non-reporting");
    expect((await call({ path: "/states/MLI/submissions", group: "members" })).body.items).toHaveLength(0);
  });

  it("is refused the same way when a correction moves another document to it; the document keeps its symbol", async () => {
    const plan = await record("GMB", {
      kind: "action-plan",
      receivedOn: "2026-12-02",
      symbol: "S/AC.44/2026/8",
      language: "en",
    });
    expect(plan.status).toBe(201);
    const corrected = await call({
      method: "PATCH",
      path: `/states/GMB/submissions/${plan.body.id}`,
      group: "experts",
      headers: { ...json, "if-match": plan.headers.etag ?? "" },
      body: JSON.stringify({ symbol: "S/AC.44/2026/7" }),
    });
    expect(corrected.status).toBe(409);
    expect(corrected.body.errors).toEqual([
      {
        path: "body.symbol",
        message: "S/AC.44/2026/7 is already recorded as Gambia's first national report, received 2026-11-30.",
      },
    ]);
    const stands = await call({ path: `/states/GMB/submissions/${plan.body.id}`, group: "members" });
    expect(stands.body.symbol).toBe("S/AC.44/2026/8");
  });
});
