// The whole api as one handler: every route group's routes behind one router, as the local stack, the bench and the
// tests call it. On AWS each group runs in its own function (groups.ts); the routes are the same.
import type { Logger } from "@aws-lambda-powertools/logger";
import { openApiDocument } from "#shared/http/openapi.ts";
import { declarationsOf, type LazyRoute, lazyRoutes } from "#shared/http/route.ts";
import { type ApiHandler, apiHandler } from "./api-handler.ts";
import type { CorrespondenceDependencies } from "./correspondence.ts";
import { type RouteGroupName, routeGroupNames, routeGroups } from "./groups.ts";
import { API_INFO } from "./routes/meta.table.ts";
import { summaryOf } from "./summaries.ts";

export interface ApiDependencies extends CorrespondenceDependencies {
  logger: Logger;
}

/**
 * The OpenAPI document of every route, as GET /openapi.json serves it: written from the route modules' declarations,
 * which build no client, so CDK writes it at synth (infra/http-api.ts) without a deployment.
 */
export async function openApiJsonOfEveryRoute(): Promise<string> {
  const declarations = await declarationsOf(routeGroupNames.flatMap((group) => routeGroups[group].modules));
  const summarized = declarations.map((declaration) => ({
    ...declaration,
    summary: summaryOf(declaration.operationId),
  }));
  return JSON.stringify(openApiDocument(summarized, API_INFO));
}

/** The document computed on its first request and kept. */
function everyRouteDocument(): () => Promise<string> {
  let document: Promise<string> | undefined;
  return () => {
    document ??= openApiJsonOfEveryRoute();
    return document;
  };
}

/** Every group's routes, in the table's order; the document describes them all, its own routes included. */
export function apiRoutes(deps: Omit<ApiDependencies, "logger">): LazyRoute[] {
  const openApiJson = everyRouteDocument();
  return routeGroupNames.flatMap((group) => lazyRoutes(routeGroups[group].modules, { ...deps, openApiJson }));
}

export function createApiHandler(deps: ApiDependencies) {
  return apiHandler(apiRoutes(deps), deps.logger);
}

/** Each group's own handler on the same dependencies, as the local gateway routes to them. */
export function createGroupHandlers(deps: ApiDependencies): Record<RouteGroupName, ApiHandler> {
  const routeDeps = { ...deps, openApiJson: everyRouteDocument() };
  const handlerOf = (group: RouteGroupName) =>
    apiHandler(lazyRoutes(routeGroups[group].modules, routeDeps), deps.logger);
  return Object.fromEntries(routeGroupNames.map((group) => [group, handlerOf(group)])) as Record<
    RouteGroupName,
    ApiHandler
  >;
}
