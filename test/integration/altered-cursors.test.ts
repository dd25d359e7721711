// Cursors a client edited, sent through the real query paths to DynamoDB Local: each is the cursor's 400, never a 500.
import { Logger } from "@aws-lambda-powertools/logger";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "#shared/clock.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { createApiHandler } from "../../functions/api/app.ts";
import { apiEvent, type EventOptions, lambdaContext } from "../support/api-event.ts";
import { freshTables } from "./fresh-tables.ts";

let handler: ReturnType<typeof createApiHandler>;

async function call(options: EventOptions) {
  const result = (await handler(apiEvent(options), lambdaContext)) as APIGatewayProxyStructuredResultV2;
  const headers = (result.headers ?? {}) as Record<string, string>;
  return { status: result.statusCode, headers, body: JSON.parse(result.body ?? "null") };
}

const read = (path: string, query: string) => call({ path, query, group: "secretariat" });

type Key = Record<string, unknown>;

/** The cursor a client sends back after editing its key, keeping the fingerprint. */
function altered(cursor: string, edit: (key: Key) => Key): string {
  const decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { k: Key; s: string };
  return Buffer.from(JSON.stringify({ k: edit(decoded.k), s: decoded.s })).toString("base64url");
}

const refusedCursor = {
  status: 400,
  body: { errors: [{ path: "query.cursor", message: "unknown or altered cursor; start again without it" }] },
};

/** The first page's cursor of a listing, checked to page on when sent back unedited. */
async function firstCursor(path: string, query: string): Promise<string> {
  const first = await read(path, query);
  expect(first.status).toBe(200);
  expect(typeof first.body.cursor).toBe("string");
  expect((await read(path, `${query}&cursor=${first.body.cursor}`)).status).toBe(200);
  return first.body.cursor;
}

beforeAll(async () => {
  const { doc, tableNames } = await freshTables();
  const clock = fixedClock("2026-11-27T09:00:00Z");
  await seedRegistry(doc, tableNames, clock);
  handler = createApiHandler({ doc, tableNames, clock, logger: new Logger({ logLevel: "SILENT" }) });
  // Three audited changes of one State, so its timeline and the day's audit trail run to more than one page.
  for (const language of ["en", "es", "fr"]) {
    const etag = (await read("/states/CHE", "")).headers.etag as string;
    const changed = await call({
      method: "PATCH",
      path: "/states/CHE",
      group: "secretariat",
      headers: { "content-type": "application/json", "if-match": etag },
      body: JSON.stringify({ language }),
    });
    expect(changed.status).toBe(200);
  }
});

describe("an altered cursor against DynamoDB Local", () => {
  it.each([
    ["a key of the table only (DynamoDB: the start key must have the index's size)", () => ({ pk: "STATE#AGO" })],
    [
      "a key of another index beside (DynamoDB: does not match the range key predicate)",
      (key: Key) => ({
        ...key,
        gsi1pk: "AUDIT",
      }),
    ],
    ["another partition of the index", (key: Key) => ({ ...key, gsi2pk: "AUDIT" })],
    ["a number where the index holds a string", (key: Key) => ({ ...key, gsi2sk: 7 })],
    // Passes the checks of the key's shape, but DynamoDB refuses an empty key value: the last line of defence.
    ["an empty value in the table's key", (key: Key) => ({ ...key, pk: "" })],
  ])("answers GET /states with the cursor's 400 for %s", async (_, edit) => {
    const cursor = await firstCursor("/states", "limit=2");
    expect(await read("/states", `limit=2&cursor=${altered(cursor, edit)}`)).toMatchObject(refusedCursor);
  });

  it("answers a State's timeline with the cursor's 400 when its audit position is moved to another State", async () => {
    const cursor = await firstCursor("/states/CHE/timeline", "limit=1");
    const toFrance = altered(cursor, (key) => ({ ...key, "audit.iso3": "FRA", "audit.pk": "state#FRA" }));
    expect(await read("/states/CHE/timeline", `limit=1&cursor=${toFrance}`)).toMatchObject(refusedCursor);
    const partial = altered(cursor, (key) => ({ ...key, "audit.iso3": undefined }));
    expect(await read("/states/CHE/timeline", `limit=1&cursor=${partial}`)).toMatchObject(refusedCursor);
  });

  it("answers the days' audit trail with the cursor's 400 when its key leaves the day it reads", async () => {
    const cursor = await firstCursor("/audit", "limit=1");
    const otherDay = altered(cursor, (key) => ({ ...key, day: "2026-11-26" }));
    expect(await read("/audit", `limit=1&cursor=${otherDay}`)).toMatchObject(refusedCursor);
    const withIndexKey = altered(cursor, (key) => ({ ...key, iso3: "CHE" }));
    expect(await read("/audit", `limit=1&cursor=${withIndexKey}`)).toMatchObject(refusedCursor);
  });
});
