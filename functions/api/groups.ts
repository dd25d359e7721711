// The api's route groups, one Lambda each: the route modules a group serves, its entry point, and the HTTP API routes
// that send requests to it. CDK deploys from this table (infra/http-api.ts), the local stack routes by it, and the
// combined app (app.ts) is its union. Reading it builds no client and loads no handler: a module's routes are data
// (routes/*.table.ts) until it is loaded. Each entry point imports its own group's module only, never this table, so
// no bundle carries another group's routes or clients.
import type { GatewayRouteKey } from "#shared/http/gateway-routes.ts";
import type { RouteData, RouteModule } from "#shared/http/route.ts";
import { assistanceModules } from "./assistance.ts";
import { type CorrespondenceDependencies, correspondenceModules } from "./correspondence.ts";
import { docsModules } from "./docs.ts";
import { dossierModules } from "./dossier.ts";
import { recordsModules } from "./records.ts";
import { reportsModules } from "./reports.ts";
import { openPaths } from "./routes/meta.table.ts";
import type { DocsRouteDependencies } from "./routes/meta.ts";
import { templatesModules } from "./templates.ts";

export type RouteGroupName = "records" | "assistance" | "templates" | "correspondence" | "reports" | "docs" | "dossier";

export interface GatewayRoute extends GatewayRouteKey {
  method: "ANY" | "GET" | "HEAD";
  /** Answered without a token: the gateway's none authorizer instead of the JWT one. */
  open: boolean;
}

/** What every group's routes are bound to in the combined app: the tables, the clients, the whole API's document. */
export type ApiRouteDependencies = CorrespondenceDependencies & DocsRouteDependencies;

export interface RouteGroup {
  /** The Lambda entry point, relative to the project root. */
  entry: string;
  description: string;
  /** The group's route modules: their tables at hand, the rest loaded on first use. */
  modules: readonly RouteModule<ApiRouteDependencies>[];
  /** The HTTP API routes that send requests to the group's function. */
  gateway: readonly GatewayRoute[];
}

const any = (path: string): GatewayRoute => ({ method: "ANY", path, open: false });
/** Answered without a token: GET, and HEAD, which the router answers as GET without the body (a monitor's probe). */
const openGet = (path: string): GatewayRoute[] => [
  { method: "GET", path, open: true },
  { method: "HEAD", path, open: true },
];
/** A collection and everything below it: a greedy variable takes at least one segment, so both routes. */
const under = (path: string): GatewayRoute[] => [any(path), any(`${path}/{proxy+}`)];

export const routeGroups: Record<RouteGroupName, RouteGroup> = {
  records: {
    entry: "functions/api-records/handler.ts",
    description: "The desk's HTTP API: States, reporting, matrices, organizations and contacts",
    modules: recordsModules,
    // Every path no other group claims, so an unknown one still gets the api's own 404 problem.
    gateway: [any("/{proxy+}")],
  },
  // Right after records: the groups' order is the order of the OpenAPI document and of README's access table.
  assistance: {
    entry: "functions/api-assistance/handler.ts",
    description:
      "The desk's HTTP API: assistance requests, offers, matches and reports, UN Headquarters' holidays, and the search",
    modules: assistanceModules,
    // The holidays are literal where the reports group's open feed (/calendar/{feed}) is a variable: the gateway sends
    // them here, behind the token. Here because a list recorded counts the open consent windows again (ADR 0067).
    gateway: [...under("/assistance"), ...under("/calendar/holidays"), any("/search")],
  },
  // Before correspondence, whose routes followed the templates' when one group served both (ADR 0014, amended).
  templates: {
    entry: "functions/api-templates/handler.ts",
    description: "The desk's HTTP API: letter templates, their languages and previews",
    modules: templatesModules,
    gateway: under("/templates"),
  },
  correspondence: {
    entry: "functions/api-correspondence/handler.ts",
    description: "The desk's HTTP API: correspondence waves (test copies, wave schedules)",
    modules: correspondenceModules,
    gateway: under("/waves"),
  },
  reports: {
    entry: "functions/api-reports/handler.ts",
    description: "The desk's HTTP API: quarterly snapshots and the programme of work",
    modules: reportsModules,
    gateway: [...under("/snapshots"), ...under("/programme"), ...openGet("/calendar/{feed}")],
  },
  dossier: {
    entry: "functions/api-dossier/handler.ts",
    description:
      "The desk's HTTP API: a State's and an organization's timeline, an organization's letters and the audit " +
      "trail (read-only)",
    modules: dossierModules,
    gateway: [
      any("/states/{iso3}/timeline"),
      any("/organizations/{id}/timeline"),
      any("/organizations/{id}/letters"),
      any("/states/{iso3}/audit"),
      any("/organizations/{id}/audit"),
      any("/audit"),
    ],
  },
  docs: {
    entry: "functions/api-docs/handler.ts",
    description: "The desk's HTTP API: health, the OpenAPI document and its page (open routes)",
    modules: docsModules,
    gateway: openPaths.flatMap(openGet),
  },
};

export const routeGroupNames = Object.keys(routeGroups) as RouteGroupName[];

/** Every route of the HTTP API with the group it sends requests to. */
export const gatewayRoutes: readonly (GatewayRoute & { group: RouteGroupName })[] = routeGroupNames.flatMap((group) =>
  routeGroups[group].gateway.map((route) => ({ ...route, group })),
);

/** A group's routes as data, in the order its modules declare them. */
export const routeDataOf = (group: RouteGroupName): RouteData[] =>
  routeGroups[group].modules.flatMap((module) => Object.values(module.table));
