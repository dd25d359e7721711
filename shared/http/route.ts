// A route of the HTTP API: method, path, who may call it, its zod schemas, and the use case it runs.
// The same declaration drives validation, the TypeScript types and the OpenAPI document.
import type * as z from "zod";
import type { AuditContext } from "../audit/audit-entry.ts";
import type { Actor, Group } from "../auth/actor.ts";
import { type FieldIssue, Invalid, Malformed, PreconditionRequired } from "../errors.ts";

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

export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, I extends boolean = false> {
  method: Method;
  /** OpenAPI-style template: `/states/{iso3}`. */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  access: "open" | readonly Group[];
  params?: P;
  query?: Q;
  body?: B;
  /** Media types the body may have; JSON by default. */
  bodyTypes?: readonly string[];
  maxBodyBytes?: number;
  requiresIfMatch?: I;
  responses: readonly ResponseSpec[];
  handle(request: RouteRequest<z.output<P>, z.output<Q>, z.output<B>, ExpectedVersion<I>>): Promise<RouteResponse>;
}

/** The request as the router hands it over: path params, query and JSON body, not yet validated. */
export type UnvalidatedRequest = RouteRequest<Record<string, string>, Record<string, string>, unknown>;

/** What the router sees once a route is declared: its schemas for documentation and one entry point. */
export interface Route {
  readonly spec: Omit<RouteSpec<z.ZodType, z.ZodType, z.ZodType, boolean>, "handle">;
  readonly run: (request: UnvalidatedRequest) => Promise<RouteResponse>;
}

function issuesOf(error: z.ZodError, prefix: string): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].join("."),
    message: issue.message,
  }));
}

/** A missing schema means the part must be empty: no params, no query keys, no body. */
function validate<S extends z.ZodType>(schema: S | undefined, value: unknown, part: string): z.output<S> {
  if (!schema) {
    const empty = value === undefined || (typeof value === "object" && value !== null && !Object.keys(value).length);
    if (empty) return undefined as z.output<S>;
    throw new Malformed(`This route takes no ${part}`, [{ path: part, message: "not expected here" }]);
  }
  const result = schema.safeParse(value ?? (part === "body" ? undefined : {}));
  if (result.success) return result.data;
  // A body that is valid JSON but breaks its schema is 422; a bad path or query is a malformed request (400).
  if (part === "body") throw new Invalid("The request body is not valid", issuesOf(result.error, part));
  throw new Malformed(`The request ${part} is not valid`, issuesOf(result.error, part));
}

/** The router refuses a route that requires If-Match without one (428); this keeps its handler from ever seeing none. */
function expectedVersionOf<I extends boolean>(requiresIfMatch: I | undefined, version: number | undefined) {
  if (!requiresIfMatch) return undefined as ExpectedVersion<I>;
  if (version === undefined) throw new PreconditionRequired("Send If-Match with the ETag of the version you read");
  return version as ExpectedVersion<I>;
}

/** Declares a route; `run` validates the request against the route's schemas before `handle` sees it. */
export function defineRoute<
  P extends z.ZodType = z.ZodUndefined,
  Q extends z.ZodType = z.ZodUndefined,
  B extends z.ZodType = z.ZodUndefined,
  const I extends boolean = false,
>(spec: RouteSpec<P, Q, B, I>): Route {
  const { handle, ...rest } = spec;
  return {
    spec: rest,
    run: async (request) =>
      handle({
        ...request,
        params: validate(spec.params, request.params, "params"),
        query: validate(spec.query, request.query, "query"),
        body: validate(spec.body, request.body, "body"),
        expectedVersion: expectedVersionOf(spec.requiresIfMatch, request.expectedVersion),
      }),
  };
}
