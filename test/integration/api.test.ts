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

beforeAll(async () => {
  const { doc, tableNames } = await freshTables();
  const clock = fixedClock("2026-11-27T09:00:00Z");
  await seedRegistry(doc, tableNames, clock);
  handler = createApiHandler({ doc, tableNames, clock, logger: new Logger({ logLevel: "SILENT" }) });
});

describe("api handler against DynamoDB Local", () => {
  it("serves every State across pages of the default size", async () => {
    const codes: string[] = [];
    let query = "";
    for (let pages = 0; pages < 10; pages++) {
      const response = await call({ path: "/states", query, group: "members" });
      expect(response.status).toBe(200);
      codes.push(...response.body.items.map((state: { iso3: string }) => state.iso3));
      if (!response.body.cursor) break;
      query = `cursor=${encodeURIComponent(response.body.cursor)}`;
    }
    expect(new Set(codes).size).toBe(193);
    expect(codes).toHaveLength(193);
  });

  it("follows GET with ETag, PATCH with If-Match, and refuses the stale ETag afterwards", async () => {
    const read = await call({ path: "/states/CHE", group: "experts" });
    expect(read.body).toMatchObject({ iso3: "CHE", language: "fr" });
    const etag = read.headers.etag as string;
    const patch = (ifMatch: string, language: string) =>
      call({
        method: "PATCH",
        path: "/states/CHE",
        group: "secretariat",
        headers: { "content-type": "application/json", "if-match": ifMatch },
        body: JSON.stringify({ language }),
      });
    const changed = await patch(etag, "en");
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    const stale = await patch(etag, "es");
    expect(stale.status).toBe(412);
    expect(stale.headers.etag).toBe(changed.headers.etag);
    expect((await call({ path: "/states/CHE", group: "members" })).body.language).toBe("en");
  });

  it("answers 404 problem for a well-formed code that names no Member State", async () => {
    const response = await call({ path: "/states/VAT", group: "members" });
    expect(response.status).toBe(404);
    expect(response.headers["content-type"]).toBe("application/problem+json");
  });
});
