// The api's route groups (functions/api/groups.ts): one table sends every route to the group that serves it, each
// group's handler answers its own routes only, and the local gateway routes by the same table.
import { Logger } from "@aws-lambda-powertools/logger";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { APIGatewayProxyStructuredResultV2, Context } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { fixedClock } from "#shared/clock.ts";
import { selectGatewayRoute } from "#shared/http/gateway-routes.ts";
import type { ApiEvent } from "#shared/http/router.ts";
import { apiRoutes, createGroupHandlers } from "../../functions/api/app.ts";
import { createDocsHandler } from "../../functions/api/docs.ts";
import { gatewayRoutes, type RouteGroupName, routeDataOf, routeGroupNames } from "../../functions/api/groups.ts";
import { createRecordsHandler } from "../../functions/api/records.ts";
import { type ApiHandler, routeByGroup } from "../../infra/local/http-server.ts";
import { apiEvent, type EventOptions, lambdaContext } from "../support/api-event.ts";

const deps = {
  doc: DynamoDBDocumentClient.from(new DynamoDBClient({ region: "us-east-1" })),
  tableNames: { desk: "desk", audit: "audit" },
  clock: fixedClock("2026-01-01T00:00:00Z"),
  logger: new Logger({ logLevel: "SILENT" }),
};

type Handler = (event: ApiEvent, context: Context) => Promise<unknown>;
async function call(handler: Handler, options: EventOptions): Promise<APIGatewayProxyStructuredResultV2> {
  return (await handler(apiEvent(options), lambdaContext)) as APIGatewayProxyStructuredResultV2;
}

const samplePath = (template: string) => template.replace(/\{\w+\}/g, "sample");

describe("the route groups", () => {
  it("serve together exactly the combined app's routes, each route in one group", () => {
    const grouped = routeGroupNames.flatMap((group) =>
      routeDataOf(group).map((route) => `${route.method} ${route.path}`),
    );
    expect(new Set(grouped).size).toBe(grouped.length);
    expect(grouped.sort()).toEqual(
      apiRoutes(deps)
        .map(({ data }) => `${data.method} ${data.path}`)
        .sort(),
    );
  });

  it("send every route, through the gateway's table, to the group that serves it", () => {
    for (const group of routeGroupNames) {
      for (const spec of routeDataOf(group)) {
        const selected = selectGatewayRoute(gatewayRoutes, spec.method, samplePath(spec.path));
        expect(selected?.group, `${spec.method} ${spec.path}`).toBe(group);
      }
    }
  });

  it("leave another group's routes unknown to a group's handler", async () => {
    const records = createRecordsHandler(deps);
    expect((await call(records, { path: "/templates", group: "members" })).statusCode).toBe(404);
    expect((await call(records, { path: "/health" })).statusCode).toBe(404);
  });

  it("give assistance and the search a function of their own, out of records (ADR 0014, amended)", () => {
    const groupOf = (method: string, path: string) => selectGatewayRoute(gatewayRoutes, method, path)?.group;
    expect(groupOf("GET", "/assistance/requests")).toBe("assistance");
    expect(groupOf("POST", "/assistance/matches/m1/transitions")).toBe("assistance");
    expect(groupOf("GET", "/search")).toBe("assistance");
    expect(groupOf("GET", "/organizations")).toBe("records");
    expect(groupOf("GET", "/assistancex")).toBe("records");
    expect(routeDataOf("records").filter((route) => /^\/(assistance|search)\b/.test(route.path))).toEqual([]);
  });

  it("give the templates a function of their own, out of correspondence (ADR 0014, amended)", () => {
    const groupOf = (method: string, path: string) => selectGatewayRoute(gatewayRoutes, method, path)?.group;
    expect(groupOf("GET", "/templates")).toBe("templates");
    expect(groupOf("POST", "/templates/t1/preview")).toBe("templates");
    expect(groupOf("POST", "/waves/w1/test")).toBe("correspondence");
    expect(routeDataOf("correspondence").filter((route) => route.path.startsWith("/templates"))).toEqual([]);
  });

  it("serve the document they are given from the docs handler, and health without a token", async () => {
    const docs = createDocsHandler({ logger: deps.logger, openApiJson: () => '{"openapi":"3.1.0"}' });
    const document = await call(docs, { path: "/openapi.json" });
    expect(document.statusCode).toBe(200);
    expect(document.body).toBe('{"openapi":"3.1.0"}');
    expect(JSON.parse(String((await call(docs, { path: "/health" })).body))).toEqual({ status: "ok" });
    expect((await call(docs, { path: "/states", group: "members" })).statusCode).toBe(404);
  });
});

describe("the local gateway", () => {
  const reached: RouteGroupName[] = [];
  const stub =
    (group: RouteGroupName): ApiHandler =>
    async () => {
      reached.push(group);
      return { statusCode: 204 };
    };
  const gateway = routeByGroup({
    records: stub("records"),
    assistance: stub("assistance"),
    templates: stub("templates"),
    correspondence: stub("correspondence"),
    reports: stub("reports"),
    docs: stub("docs"),
    dossier: stub("dossier"),
  });

  it("hands each request to its group's handler, and answers a path no route takes itself", async () => {
    for (const path of [
      "/states/FRA",
      "/waves",
      "/templates/t1/preview",
      "/snapshots/2026-Q1",
      "/health",
      "/states/MLI/timeline",
      "/audit",
      "/assistance/requests/r1/matches",
      "/search",
      "/organizations/IAEA",
    ]) {
      expect((await call(gateway, { path })).statusCode).toBe(204);
    }
    expect(reached).toEqual([
      "records",
      "correspondence",
      "templates",
      "reports",
      "docs",
      "dossier",
      "dossier",
      "assistance",
      "assistance",
      "records",
    ]);
    // The API's address is open for GET and HEAD alone; no route takes another method there.
    expect((await call(gateway, { path: "/" })).statusCode).toBe(204);
    expect(reached.at(-1)).toBe("docs");
    expect(await call(gateway, { method: "POST", path: "/" })).toMatchObject({
      statusCode: 404,
      body: '{"message":"Not Found"}',
    });
  });

  it("serves the whole API's document live from the local docs handler", async () => {
    const handlers = createGroupHandlers(deps);
    const served = await call(handlers.docs, { path: "/openapi.json" });
    const document = JSON.parse(String(served.body)) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(["/states", "/waves", "/snapshots", "/health"]));
    // Its first request loads every route module to write the document: seconds on a loaded machine.
  }, 30_000);
});
