import { Logger } from "@aws-lambda-powertools/logger";
import { DynamoDBClient, TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fixedClock } from "#shared/clock.ts";
import { encodeCursor } from "#shared/dynamo/pagination.ts";
import { createApiHandler } from "../../functions/api/app.ts";
import { apiEvent, type EventOptions, lambdaContext } from "../support/api-event.ts";

const tableNames = { desk: "desk-test", audit: "audit-test" };
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: "us-east-1" }));
const dynamo = mockClient(DynamoDBDocumentClient);
afterAll(() => dynamo.restore());
const logger = new Logger({ serviceName: "desk-test", logLevel: "INFO" });
const handler = createApiHandler({ doc, tableNames, clock: fixedClock("2026-11-27T10:00:00Z"), logger });

const usa = {
  pk: "STATE#USA",
  sk: "STATE",
  version: 3,
  iso3: "USA",
  iso2: "US",
  name: "United States of America",
  region: "weog",
  regionName: "Western European and others",
  groupNote: "Not a member of any regional group",
  language: "en",
  languageBasis: "official language",
  reportingStatus: "reported",
  firstReportOn: "2004-10-12",
  updatedAt: "2026-01-01T00:00:00.000Z",
};

async function call(options: EventOptions) {
  const result = (await handler(apiEvent(options), lambdaContext)) as APIGatewayProxyStructuredResultV2;
  const headers = (result.headers ?? {}) as Record<string, string>;
  const isJson = /json/.test(headers["content-type"] ?? "");
  return { status: result.statusCode, headers, body: isJson && result.body ? JSON.parse(result.body) : result.body };
}

const patchUsa = (headers: Record<string, string>, body = '{"language":"es"}') =>
  call({ method: "PATCH", path: "/states/USA", group: "secretariat", body, headers });

// The logger writes JSON lines to stdout: kept here, so tests can read them and the run stays quiet.
let written: string[] = [];
beforeEach(() => {
  dynamo.reset();
  written = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

describe("api router", () => {
  it("answers GET /health without a token", async () => {
    const response = await call({ path: "/health" });
    expect(response).toMatchObject({ status: 200, body: { status: "ok" } });
  });

  it("answers the API's own address without a token with the paths a newcomer looks for, and touches no data", async () => {
    const response = await call({ path: "/" });
    expect(response).toMatchObject({
      status: 200,
      body: {
        name: "1540 Committee desk API",
        links: { console: "/console/", docs: "/docs", openapi: "/openapi.json", health: "/health" },
      },
    });
    expect(dynamo.calls()).toHaveLength(0);
  });

  it("refuses a data route without a token with 401 problem+json", async () => {
    const response = await call({ path: "/states" });
    expect(response.status).toBe(401);
    expect(response.headers["content-type"]).toBe("application/problem+json");
    expect(response.headers["www-authenticate"]).toContain("Bearer");
    expect(response.body).toMatchObject({ status: 401, type: "/problems/unauthenticated" });
  });

  it("refuses a write by a group that may only read with 403", async () => {
    const response = await call({ method: "PATCH", path: "/states/USA", group: "members", body: "{}" });
    expect(response).toMatchObject({
      status: 403,
      body: {
        type: "/problems/forbidden",
        detail: "PATCH /states/{iso3} is for the group secretariat; the token names the group members",
      },
    });
    expect(dynamo.calls()).toHaveLength(0);
  });

  it("tells a token naming no group of the desk that it names none, and which group the route needs", async () => {
    const response = await call({ path: "/states", group: "auditors" as "members" });
    expect(response).toMatchObject({
      status: 403,
      body: {
        detail:
          "The token names no group of the desk: GET /states needs one of the groups secretariat, experts, members",
      },
    });
  });

  it("answers an unknown path with 404 and a wrong method with 405 naming the allowed ones", async () => {
    expect((await call({ path: "/nowhere", group: "members" })).status).toBe(404);
    const wrongMethod = await call({ method: "DELETE", path: "/states/USA", group: "secretariat" });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.allow).toBe("GET, HEAD, PATCH");
  });

  it("answers HEAD as GET without the body: the status and headers a GET would have, for a monitor or a link checker", async () => {
    dynamo.on(GetCommand, { Key: { pk: "STATE#USA", sk: "STATE" } }).resolves({ Item: usa });
    dynamo.on(GetCommand, { Key: { pk: "STATE#XXX", sk: "STATE" } }).resolves({});
    const health = await call({ method: "HEAD", path: "/health" });
    expect(health).toMatchObject({ status: 200, body: "" });
    expect(health.headers["content-type"]).toBe("application/json");
    const found = await call({ method: "HEAD", path: "/states/USA", group: "members" });
    expect(found).toMatchObject({ status: 200, body: "", headers: { etag: '"3"' } });
    const missing = await call({ method: "HEAD", path: "/states/XXX", group: "members" });
    expect(missing).toMatchObject({ status: 404, body: "", headers: { "content-type": "application/problem+json" } });
    expect((await call({ method: "HEAD", path: "/states/USA" })).status).toBe(401);
    // A path with no GET has no HEAD either.
    const noGet = await call({ method: "HEAD", path: "/states/USA/submissions/S1/void", group: "secretariat" });
    expect(noGet).toMatchObject({ status: 405, body: "", headers: { allow: "POST" } });
  });

  it("returns a State with its ETag and 404 for an unknown code", async () => {
    dynamo.on(GetCommand, { Key: { pk: "STATE#USA", sk: "STATE" } }).resolves({ Item: usa });
    dynamo.on(GetCommand, { Key: { pk: "STATE#XXX", sk: "STATE" } }).resolves({});
    const found = await call({ path: "/states/usa", group: "members" });
    expect(found.status).toBe(200);
    expect(found.headers.etag).toBe('"3"');
    expect(found.body).toMatchObject({ iso3: "USA", region: "weog" });
    expect(found.body).not.toHaveProperty("pk");
    const missing = await call({ path: "/states/XXX", group: "members" });
    expect(missing).toMatchObject({ status: 404, body: { detail: "State XXX was not found" } });
  });

  it("refuses a malformed code with 400 naming the path parameter", async () => {
    const response = await call({ path: "/states/U1", group: "members" });
    expect(response.status).toBe(400);
    expect(response.body.detail).toBe("The path parameters are not valid");
    expect(response.body.errors[0].path).toBe("params.iso3");
  });

  it("refuses unknown, repeated or out-of-range query parameters with 400", async () => {
    const unknown = await call({ path: "/states", query: "regoin=weog", group: "members" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail).toBe("The query string is not valid");
    expect(JSON.stringify(unknown.body.errors)).toContain("regoin");
    const none = await call({ path: "/states/USA", query: "fields=name", group: "members" });
    expect(none).toMatchObject({ status: 400, body: { detail: "This route takes no query string" } });
    const repeated = await call({ path: "/states", query: "region=weog&region=african", group: "members" });
    expect(repeated.status).toBe(400);
    const tooMany = await call({ path: "/states", query: "limit=1000", group: "members" });
    expect(tooMany.body.errors[0].path).toBe("query.limit");
    const badRegion = await call({ path: "/states", query: "region=atlantis", group: "members" });
    expect(badRegion.status).toBe(400);
    expect(dynamo.calls()).toHaveLength(0);
  });

  it("lists by region through the region index, never a scan, and returns an opaque cursor", async () => {
    dynamo.on(QueryCommand).resolves({ Items: [usa], LastEvaluatedKey: { pk: "STATE#USA", sk: "STATE" } });
    const response = await call({ path: "/states", query: "region=weog&limit=1", group: "members" });
    expect(response.status).toBe(200);
    expect(response.body.items).toHaveLength(1);
    expect(typeof response.body.cursor).toBe("string");
    const query = dynamo.commandCalls(QueryCommand)[0]?.args[0].input;
    expect(query).toMatchObject({
      IndexName: "gsi1",
      Limit: 1,
      ExpressionAttributeValues: { ":partition": "REGION#weog" },
    });
  });

  it("refuses a cursor that was altered or made for another query", async () => {
    const forAnotherRegion = encodeCursor({ pk: "STATE#FRA" }, "states:REGION#african");
    const response = await call({ path: "/states", query: `region=weog&cursor=${forAnotherRegion}`, group: "members" });
    expect(response).toMatchObject({ status: 400, body: { errors: [{ path: "query.cursor" }] } });
    const garbage = await call({ path: "/states", query: "cursor=not-a-cursor", group: "members" });
    expect(garbage.status).toBe(400);
    expect(dynamo.calls()).toHaveLength(0);
  });

  it("refuses malformed JSON with 400, a wrong content type with 415 and an oversized body with 413", async () => {
    const malformed = await patchUsa({ "content-type": "application/json", "if-match": '"3"' }, '{"language":');
    expect(malformed).toMatchObject({ status: 400, body: { type: "/problems/malformed" } });
    const wrongType = await patchUsa({ "content-type": "text/plain", "if-match": '"3"' });
    expect(wrongType.status).toBe(415);
    const oversized = await patchUsa(
      { "content-type": "application/json", "if-match": '"3"' },
      JSON.stringify({ language: "es", padding: "x".repeat(70_000) }),
    );
    expect(oversized.status).toBe(413);
    expect(dynamo.calls()).toHaveLength(0);
  });

  it("refuses an invalid body with 422 listing each field path", async () => {
    const response = await patchUsa(
      { "content-type": "application/json", "if-match": '"3"' },
      '{"language":"de","name":"x"}',
    );
    expect(response.status).toBe(422);
    expect(response.body.detail).toBe("The request body is not valid");
    const paths = response.body.errors.map((issue: { path: string }) => issue.path);
    expect(paths).toContain("body.language");
    expect(paths).toContain("body");
    expect(dynamo.calls()).toHaveLength(0);
  });

  it("requires If-Match on an update (428) and refuses a stale one with 412 and the current ETag", async () => {
    const missing = await patchUsa({ "content-type": "application/json" });
    expect(missing.status).toBe(428);

    dynamo.on(GetCommand).resolves({ Item: { ...usa, version: 4 } });
    dynamo.on(QueryCommand).resolves({ Items: [] });
    dynamo.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({
        message: "Transaction cancelled",
        $metadata: {},
        CancellationReasons: [{ Code: "ConditionalCheckFailed", Item: { version: { N: "4" } } }, { Code: "None" }],
      }),
    );
    const stale = await patchUsa({ "content-type": "application/json", "if-match": '"3"' });
    expect(stale.status).toBe(412);
    expect(stale.headers.etag).toBe('"4"');
  });

  it("refuses a bad path parameter before a missing If-Match: PUT /programme/feeds is 400 at params.year, not 428", async () => {
    const feeds = await call({ method: "PUT", path: "/programme/feeds", group: "secretariat", body: "{}" });
    expect(feeds).toMatchObject({ status: 400, body: { type: "/problems/malformed" } });
    expect(feeds.body.errors.map((issue: { path: string }) => issue.path)).toEqual(["params.year"]);
    const year = await call({ method: "PUT", path: "/programme/2026", group: "secretariat", body: "{}" });
    expect(year.status).toBe(428);
    expect(dynamo.calls()).toHaveLength(0);
  });

  it.each([
    ["an empty body", ""],
    ["a null body", "null"],
  ])("refuses %s where an object is due with 422 saying to send a JSON object", async (_, body) => {
    const response = await patchUsa({ "content-type": "application/json", "if-match": '"3"' }, body);
    expect(response).toMatchObject({
      status: 422,
      body: { detail: "The body must be a JSON object", errors: [{ path: "body", message: "send a JSON object" }] },
    });
    expect(dynamo.calls()).toHaveLength(0);
  });

  it("refuses an If-Match no version can have with 400 naming the header, before any read or write", async () => {
    const response = await patchUsa({ "content-type": "application/json", "if-match": '"99999999999999999999999"' });
    expect(response).toMatchObject({ status: 400, body: { errors: [{ path: "headers.if-match" }] } });
    expect(dynamo.calls()).toHaveLength(0);
  });

  it("writes the change, its audit entry and the contacts that follow the State's language in one transaction", async () => {
    dynamo.on(GetCommand).resolves({ Item: usa });
    const contact = (id: string, more: Record<string, unknown>) => ({
      pk: "STATE#USA",
      sk: `CONTACT#${id}`,
      version: 2,
      id,
      owner: "STATE:USA",
      role: "capital-poc",
      name: `Poc ${id}`,
      email: `${id.toLowerCase()}@example.org`,
      language: "en",
      designatedOn: "2025-01-01",
      lastVerifiedOn: "2025-01-01",
      emailStatus: "ok",
      active: true,
      createdAt: "2025-01-01T00:00:00.000Z",
      updatedAt: "2025-01-01T00:00:00.000Z",
      ...more,
    });
    dynamo.on(QueryCommand).resolves({
      Items: [contact("FOLLOWS", {}), contact("OWN", { ownLanguage: true }), contact("FORMER", { active: false })],
    });
    dynamo.on(TransactWriteCommand).resolves({});
    const response = await patchUsa({ "content-type": "application/merge-patch+json", "if-match": '"3"' });
    expect(response.status).toBe(200);
    expect(response.headers.etag).toBe('"4"');
    expect(response.body).toMatchObject({ language: "es", languageBasis: "confirmed" });
    const items = dynamo.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems ?? [];
    expect(items).toHaveLength(4);
    expect(items[2]?.Put).toMatchObject({
      ConditionExpression: "version = :expected",
      ExpressionAttributeValues: { ":expected": 2 },
      Item: { id: "FOLLOWS", language: "es", version: 3 },
    });
    expect(items[3]?.Put?.Item).toMatchObject({
      action: "contact.language-of-record",
      entity: { type: "contact", id: "FOLLOWS" },
      before: { language: "en" },
      after: { language: "es" },
    });
    expect(items[0]?.Put).toMatchObject({ TableName: "desk-test", ConditionExpression: "version = :expected" });
    expect(items[1]?.Put?.TableName).toBe("audit-test");
    expect(items[1]?.Put?.Item).toMatchObject({
      action: "state.update",
      entity: { type: "state", id: "USA" },
      actor: { kind: "user", id: "user-1", groups: ["secretariat"] },
      route: "PATCH /states/{iso3}",
      before: { language: "en" },
      after: { language: "es" },
    });
  });

  it("answers an unexpected failure with a 500 problem that reveals nothing", async () => {
    dynamo.on(GetCommand).rejects(new Error("socket hang up at 10.0.0.1"));
    const response = await call({ path: "/states/USA", group: "members" });
    expect(response.status).toBe(500);
    expect(JSON.stringify(response.body)).not.toContain("10.0.0.1");
    expect(response.body.correlationId).toBe(response.headers["x-correlation-id"]);
  });

  it("never writes the bearer token or the request body to the logs", async () => {
    const spyConsole = (chunk: unknown) => written.push(String(chunk));
    vi.spyOn(console, "info").mockImplementation(spyConsole);
    vi.spyOn(console, "log").mockImplementation(spyConsole);
    vi.spyOn(console, "error").mockImplementation(spyConsole);
    dynamo.on(GetCommand).rejects(new Error("boom"));
    await call({
      method: "PATCH",
      path: "/states/USA",
      group: "secretariat",
      headers: { authorization: "Bearer secret.token.value", "content-type": "application/json", "if-match": '"3"' },
      body: '{"language":"es","contact":"someone@example.org"}',
    });
    await call({ path: "/states/USA", group: "members", headers: { authorization: "Bearer secret.token.value" } });
    expect(written.join("\n")).not.toMatch(/secret\.token\.value|someone@example\.org/);
    expect(written.join("\n")).toContain("request");
  });

  it("keeps a safe caller correlation id and replaces an unsafe one", async () => {
    const kept = await call({ path: "/health", headers: { "x-correlation-id": "abc-123" } });
    expect(kept.headers["x-correlation-id"]).toBe("abc-123");
    const replaced = await call({ path: "/health", headers: { "x-correlation-id": "<script>" } });
    expect(replaced.headers["x-correlation-id"]).toMatch(/^req-/);
  });
});

describe("route matching", () => {
  it("prefers a literal path segment to a parameter, whatever the declaration order", async () => {
    const { createRouter } = await import("#shared/http/router.ts");
    const { defineRoute } = await import("#shared/http/route.ts");
    const z = await import("zod");
    const route = (path: string, answer: string) =>
      defineRoute({
        method: "GET",
        path,
        operationId: answer,
        summary: answer,
        tag: "Test",
        access: "open",
        params: path.includes("{") ? z.strictObject({ id: z.string() }) : undefined,
        responses: [{ status: 200, description: answer }],
        handle: async () => ({ body: answer }),
      });
    const router = createRouter([route("/things/{id}", "one thing"), route("/things/export", "export")], logger);
    const dispatch = async (path: string) => JSON.parse(String((await router.dispatch(apiEvent({ path }), "c")).body));
    expect(await dispatch("/things/export")).toBe("export");
    expect(await dispatch("/things/42")).toBe("one thing");
  });

  // An HTTP API picks "a full match for a route and method", the most specific one (shared/http/gateway-routes.ts): a
  // route key is a method and a path, so a literal route of another method does not take the request.
  it("matches as the gateway does: the method first, then the first literal segment before a parameter", async () => {
    const { createRouter } = await import("#shared/http/router.ts");
    const { defineRoute } = await import("#shared/http/route.ts");
    const z = await import("zod");
    const route = (method: "GET" | "PATCH", path: string) =>
      defineRoute({
        method,
        path,
        operationId: `${method} ${path}`,
        tag: "Test",
        access: "open",
        params: path.includes("{") ? z.record(z.string(), z.string()) : undefined,
        responses: [{ status: 200, description: path }],
        handle: async ({ params }) => ({ body: { route: `${method} ${path}`, params: params ?? {} } }),
      });
    const router = createRouter(
      [
        route("GET", "/a/{x}/c"),
        route("GET", "/a/b/{y}"),
        route("GET", "/things/{id}"),
        route("PATCH", "/things/{id}"),
        route("GET", "/things/export"),
      ],
      logger,
    );
    const dispatch = async (method: string, path: string) => {
      const result = await router.dispatch(apiEvent({ method, path }), "c");
      return { status: result.statusCode, headers: result.headers ?? {}, body: JSON.parse(String(result.body)) };
    };
    expect((await dispatch("GET", "/a/b/c")).body.route).toBe("GET /a/b/{y}");
    expect((await dispatch("PATCH", "/things/export")).body).toEqual({
      route: "PATCH /things/{id}",
      params: { id: "export" },
    });
    const refused = await dispatch("DELETE", "/things/export");
    expect(refused.status).toBe(405);
    expect(refused.headers.allow).toBe("GET, HEAD, PATCH");
    expect(refused.body.allowed).toEqual(["GET", "HEAD", "PATCH"]);
  });

  it.each([
    ["/contacts/export", "GET, HEAD, PATCH"],
    ["/templates/variables", "GET, HEAD, PATCH"],
    ["/programme/years", "GET, HEAD, PUT"],
    ["/programme/feeds", "GET, HEAD, POST, PUT"],
    ["/states/USA", "GET, HEAD, PATCH"],
  ])("answers OPTIONS %s with 405 naming each method a request there would reach once: %s", async (path, allow) => {
    const response = await call({ method: "OPTIONS", path, group: "secretariat" });
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe(allow);
    expect(dynamo.calls()).toHaveLength(0);
  });
});
