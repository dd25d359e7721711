// The whole api as one handler: every route group's routes behind one router, as the local stack, the bench and the
// tests call it. On AWS each group runs in its own function (groups.ts); the routes are the same.
import type { Logger } from "@aws-lambda-powertools/logger";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { systemClock } from "#shared/clock.ts";
import { openApiDocument } from "#shared/http/openapi.ts";
import type { Route } from "#shared/http/route.ts";
import { type ApiHandler, apiHandler } from "./api-handler.ts";
import type { CorrespondenceDependencies } from "./correspondence.ts";
import { type RouteGroupName, routeGroupNames, routeGroups } from "./groups.ts";
import { API_INFO } from "./routes/meta.ts";

export interface ApiDependencies extends CorrespondenceDependencies {
  logger: Logger;
}

/** The OpenAPI document of these routes, as GET /openapi.json serves it. */
export function openApiJson(routes: Route[]): string {
  return JSON.stringify(openApiDocument(routes, API_INFO));
}

/**
 * Every group's routes, in the table's order; the document describes them all, its own routes included (GET
 * /openapi.json computes it on its first call and keeps it).
 */
export function apiRoutes(deps: Omit<ApiDependencies, "logger">): Route[] {
  const routes: Route[] = routeGroupNames.flatMap((group) =>
    routeGroups[group].routes(deps, () => openApiJson(routes)),
  );
  return routes;
}

export function createApiHandler(deps: ApiDependencies) {
  return apiHandler(apiRoutes(deps), deps.logger);
}

/** Each group's own handler on the same dependencies, as the local gateway routes to them; the document is live. */
export function createGroupHandlers(deps: ApiDependencies): Record<RouteGroupName, ApiHandler> {
  const liveDocument = () => openApiJson(apiRoutes(deps));
  const handlerOf = (group: RouteGroupName) => apiHandler(routeGroups[group].routes(deps, liveDocument), deps.logger);
  return {
    records: handlerOf("records"),
    correspondence: handlerOf("correspondence"),
    reports: handlerOf("reports"),
    docs: handlerOf("docs"),
    dossier: handlerOf("dossier"),
  };
}

/**
 * The document of the whole API without a deployment: routes are declarations, so the client they are built on is
 * never called. The docs function ships it (written at synth, infra/http-api.ts).
 */
export function openApiJsonOfEveryRoute(): string {
  const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: "us-east-1" }));
  return openApiJson(apiRoutes({ doc, tableNames: { desk: "desk", audit: "audit" }, clock: systemClock }));
}
