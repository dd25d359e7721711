// A route of the HTTP API in three parts: its data (method, path, who may call it: plain values, no zod, read by the
// gateway, the CDK routes and the router at cold start), its schemas (validation, types and the OpenAPI document), and
// its handler, bound to its dependencies when its module is first loaded (ADR 0024).
import type * as z from "zod";
import type { AuditContext } from "../audit/audit-entry.ts";
import type { Actor, Group } from "../auth/actor.ts";
import { Invalid, Malformed } from "../errors.ts";
import { versionFromIfMatch } from "../versioning.ts";
import { fieldIssuesOf } from "../zod-issues.ts";
import { plainWords } from "../zod-words.ts";
import { PreconditionRequired } from "./transport-errors.ts";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface JsonResponse {
  status?: number;
  body: unknown;
  /** The entity version, sent as the ETag header. */
  version?: number;
  headers?: Record<string, string>;
}

/** A response that is not JSON: the docs page, its assets, CSV exports. */
export interface RawResponse {
  status?: number;
  contentType: string;
  body: string;
  isBase64Encoded?: boolean;
  headers?: Record<string, string>;
}

export type RouteResponse = JsonResponse | { raw: RawResponse };

export interface RouteRequest<P, Q, B, V extends number | undefined = number | undefined> {
  params: P;
  query: Q;
  body: B;
  /** Undefined only on open routes. */
  actor: Actor | undefined;
  /** The version named by `If-Match`: a number on the routes that require it (the router refuses them without). */
  expectedVersion: V;
  /** What an audited write records about the caller. */
  audit: AuditContext;
}

/** Who may call a route: anyone ("open") or a signed-in caller of one of these groups (functions/api/access.ts). */
export type Access = "open" | readonly Group[];

/** A route as plain data: what routing, access and the gateway need, importable without zod or any client. */
export interface RouteData {
  method: Method;
  /** OpenAPI-style template: `/states/{iso3}`. */
  path: string;
  operationId: string;
  /**
   * The OpenAPI document's summary. A module's table leaves it out and lists it beside the table
   * (`RouteSummaries`), where only the document's writer reads it, so no Lambda bundle carries the text (ADR 0038).
   */
  summary?: string;
  tag: string;
  access: Access;
  /** Media types the body may have; JSON by default. */
  bodyTypes?: readonly string[];
  maxBodyBytes?: number;
  requiresIfMatch?: boolean;
}

export interface ResponseSpec {
  status: number;
  description: string;
  schema?: z.ZodType;
  /** Defaults to application/json when a schema is given. */
  contentType?: string;
  etag?: boolean;
}

/** What `requiresIfMatch` promises the handler: a version on the routes that require one, nothing on the others. */
export type ExpectedVersion<I extends boolean> = I extends true ? number : undefined;

/** A route's schemas: its path parameters, query and body (none given: that part must be empty), and its answers. */
export interface RouteSchemas<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  params?: P;
  query?: Q;
  body?: B;
  responses: readonly ResponseSpec[];
}

/** A route's whole declaration: its data and its schemas, what the OpenAPI document is written from. */
export type RouteDeclaration = RouteData & RouteSchemas;

export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, I extends boolean = false>
  extends Omit<RouteData, "requiresIfMatch">,
    RouteSchemas<P, Q, B> {
  requiresIfMatch?: I;
  handle(request: RouteRequest<z.output<P>, z.output<Q>, z.output<B>, ExpectedVersion<I>>): Promise<RouteResponse>;
}

/**
 * The request as the router hands it over, not yet validated. The query and the body are read when the route comes to
 * them, so a request's faults are told in the order a caller fixes them: its path, then If-Match, then what it sent.
 */
export interface UnvalidatedRequest extends Pick<RouteRequest<unknown, unknown, unknown>, "actor" | "audit"> {
  params: Record<string, string>;
  /** The If-Match header as sent. */
  ifMatch: string | undefined;
  /** The query string's parameters; throws when the query string itself is at fault (a key given twice). */
  query: () => Record<string, string>;
  /** The parsed body; throws when the body itself is at fault (its size, its media type, its JSON). */
  body: () => unknown;
}

/** What the router sees once a route is declared: its schemas for documentation and one entry point. */
export interface Route {
  readonly spec: RouteDeclaration;
  readonly run: (request: UnvalidatedRequest) => Promise<RouteResponse>;
}

/** A route known by its data alone; its module (schemas, handler, dependencies) is loaded on its first request. */
export interface LazyRoute {
  readonly data: RouteData;
  readonly load: () => Promise<Route>;
}

/** What a router serves: routes at hand, or routes loaded on first use. */
export type RouteEntry = Route | LazyRoute;

/** The data of either kind of entry. */
export const dataOf = (entry: RouteEntry): RouteData => ("spec" in entry ? entry.spec : entry.data);

type RequestPart = "params" | "query" | "body";

/** Each part of a request as a problem's detail names it (the errors' paths keep the short name). */
const PART_NAMES: Record<RequestPart, { some: string; none: string }> = {
  params: { some: "The path parameters are", none: "path parameters" },
  query: { some: "The query string is", none: "query string" },
  body: { some: "The request body is", none: "request body" },
};

/** A missing schema means the part must be empty: no params, no query keys, no body. */
function validate<S extends z.ZodType>(schema: S | undefined, value: unknown, part: RequestPart): z.output<S> {
  if (!schema) {
    const empty = value === undefined || (typeof value === "object" && value !== null && !Object.keys(value).length);
    if (empty) return undefined as z.output<S>;
    throw new Malformed(`This route takes no ${PART_NAMES[part].none}`, [{ path: part, message: "not expected here" }]);
  }
  const result = schema.safeParse(value ?? (part === "body" ? undefined : {}), { error: plainWords });
  if (result.success) return result.data;
  // zod would say "expected object, received undefined": name what to send instead.
  if (part === "body" && value == null && result.error.issues.every(wantsObject)) {
    throw new Invalid("The body must be a JSON object", [{ path: "body", message: "send a JSON object" }]);
  }
  // A body that is valid JSON but breaks its schema is 422; a bad path or query is a malformed request (400).
  const detail = `${PART_NAMES[part].some} not valid`;
  if (part === "body") throw new Invalid(detail, fieldIssuesOf(result.error, part));
  throw new Malformed(detail, fieldIssuesOf(result.error, part));
}

/** A schema's refusal of a missing value for not being an object (a union's: for none of its branches being one). */
const wantsObject = (issue: z.core.$ZodIssue): boolean =>
  issue.path.length === 0 &&
  (issue.code === "invalid_type"
    ? issue.expected === "object"
    : issue.code === "invalid_union" && issue.errors.every((branch) => branch.every(wantsObject)));

/** A route that requires If-Match is refused without one (428), so its handler never sees none; others ignore it. */
function expectedVersionOf<I extends boolean>(requiresIfMatch: I | undefined, ifMatch: string | undefined) {
  if (!requiresIfMatch) return undefined as ExpectedVersion<I>;
  if (!ifMatch)
    throw new PreconditionRequired("Send If-Match with the ETag of the version you read, so no change is lost");
  return versionFromIfMatch(ifMatch) as ExpectedVersion<I>;
}

type AnyHandler = (request: RouteRequest<unknown, unknown, unknown, number | undefined>) => Promise<RouteResponse>;

/**
 * Validates a request against its declaration, then calls the handler. The order decides which fault a caller hears of
 * first: the path parameters (PUT /programme/feeds names no year; If-Match would not help), If-Match, the query and the
 * body as sent, then as their schemas read them.
 */
function runnerOf(spec: RouteDeclaration, handle: AnyHandler): Route["run"] {
  return async (request) => {
    const params = validate(spec.params, request.params, "params");
    const expectedVersion = expectedVersionOf(spec.requiresIfMatch, request.ifMatch);
    const query = request.query();
    const body = request.body();
    return handle({
      actor: request.actor,
      audit: request.audit,
      params,
      query: validate(spec.query, query, "query"),
      body: validate(spec.body, body, "body"),
      expectedVersion,
    });
  };
}

/** Declares a route; `run` validates the request against the route's schemas before `handle` sees it. */
export function defineRoute<
  P extends z.ZodType = z.ZodUndefined,
  Q extends z.ZodType = z.ZodUndefined,
  B extends z.ZodType = z.ZodUndefined,
  const I extends boolean = false,
>(spec: RouteSpec<P, Q, B, I>): Route {
  const { handle, ...rest } = spec;
  return { spec: rest, run: runnerOf(rest, handle as AnyHandler) };
}

/** A route module's table: its routes' data keyed by operationId, in the order the document lists them. */
export type RouteTable = Readonly<Record<string, RouteData>>;

/** A summary for each route of a module's table, for the OpenAPI document only. */
export type RouteSummaries<T extends RouteTable> = { readonly [K in keyof T]: string };

/** Declares a module's routes as data; each key becomes the route's operationId. */
export function routeTable<const T extends Record<string, Omit<RouteData, "operationId">>>(
  routes: T,
): { readonly [K in keyof T & string]: T[K] & { operationId: K } } {
  return Object.fromEntries(
    Object.entries(routes).map(([operationId, data]) => [operationId, { ...data, operationId }]),
  ) as { readonly [K in keyof T & string]: T[K] & { operationId: K } };
}

/** A module's declarations: its table's routes, each with its schemas. */
export type Declarations<T extends RouteTable, S extends { [K in keyof T]: RouteSchemas }> = {
  readonly [K in keyof T]: T[K] & S[K];
};

/** Joins a module's table and its schemas, route by route, in the table's order. */
export function declareRoutes<T extends RouteTable, const S extends { [K in keyof T]: RouteSchemas }>(
  table: T,
  schemas: S,
): Declarations<T, S> {
  return Object.fromEntries(
    Object.keys(table).map((operationId) => [operationId, { ...table[operationId], ...schemas[operationId] }]),
  ) as Declarations<T, S>;
}

type Output<D, K extends "params" | "query" | "body"> = D extends { [P in K]: infer S extends z.ZodType }
  ? z.output<S>
  : undefined;

/** The handler a declaration calls for: its request typed by its schemas, and a version where it requires If-Match. */
export type HandlerOf<D> = (
  request: RouteRequest<
    Output<D, "params">,
    Output<D, "query">,
    Output<D, "body">,
    ExpectedVersion<D extends { requiresIfMatch: true } ? true : false>
  >,
) => Promise<RouteResponse>;

/** A module's routes: each declaration with its handler, in the table's order. */
export function routesOf<D extends Readonly<Record<string, RouteDeclaration>>>(
  declarations: D,
  handlers: { [K in keyof D]: HandlerOf<D[K]> },
): Route[] {
  return Object.keys(declarations).map((operationId) => {
    const spec = declarations[operationId] as RouteDeclaration;
    // Each handler was checked against its own declaration above; here they are all run alike.
    return { spec, run: runnerOf(spec, handlers[operationId] as unknown as AnyHandler) };
  });
}

/** What a route module gives its group once loaded: its declarations, and its routes bound to the group's dependencies. */
export interface LoadedRouteModule<D> {
  declarations: Readonly<Record<string, RouteDeclaration>>;
  bindRoutes: (deps: D) => Route[];
}

/** A route module as its group lists it: the table at hand, the rest loaded on first use (a dynamic import). */
export interface RouteModule<D> {
  table: RouteTable;
  load: () => Promise<LoadedRouteModule<D>>;
}

/**
 * The group's routes by their data; a module is loaded and bound to `deps` on the first request for any of its routes,
 * once (a load that fails is tried again on the next request).
 */
export function lazyRoutes<D>(modules: readonly RouteModule<D>[], deps: D): LazyRoute[] {
  return modules.flatMap((module) => {
    let bound: Promise<Route[]> | undefined;
    const routes = () => {
      bound ??= module.load().then(
        (loaded) => loaded.bindRoutes(deps),
        (error: unknown) => {
          bound = undefined;
          throw error;
        },
      );
      return bound;
    };
    return Object.values(module.table).map((data) => ({
      data,
      load: async () => {
        const route = (await routes()).find(({ spec }) => spec.operationId === data.operationId);
        if (!route) throw new Error(`${data.operationId} is in its module's table but the module has no such route`);
        return route;
      },
    }));
  });
}

/** Every declaration of these modules, in their order: what the OpenAPI document is written from. */
export async function declarationsOf<D>(modules: readonly RouteModule<D>[]): Promise<RouteDeclaration[]> {
  const loaded = await Promise.all(modules.map((module) => module.load()));
  return loaded.flatMap((module) => Object.values(module.declarations));
}
