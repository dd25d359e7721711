// Turns an API Gateway HTTP API (payload 2.0) event into a call of the matching route, and its result or
// failure into the HTTP answer. Authentication happened at the gateway; the route's groups are checked here.
import type { Logger } from "@aws-lambda-powertools/logger";
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import type { Actor, Group } from "../auth/actor.ts";
import { routeRefusal } from "../auth/group-refusals.ts";
import { personNameOf } from "../auth/token-claims.ts";
import { Forbidden, Malformed, NotFound } from "../errors.ts";
import { etagOf } from "../versioning.ts";
import { charsetRefusal, encodingRefusal } from "./body-encoding.ts";
import { selectGatewayRoute } from "./gateway-routes.ts";
import { dataOf, type Method, type Route, type RouteEntry, type RouteResponse } from "./route.ts";
import { MethodNotAllowed, PayloadTooLarge, Unauthenticated, UnsupportedMediaType } from "./transport-errors.ts";

/** The event as the gateway sends it; on open routes there is no authorizer context. */
export type ApiEvent = Omit<APIGatewayProxyEventV2WithJWTAuthorizer, "requestContext"> & {
  requestContext: Omit<APIGatewayProxyEventV2WithJWTAuthorizer["requestContext"], "authorizer"> & {
    authorizer?: APIGatewayProxyEventV2WithJWTAuthorizer["requestContext"]["authorizer"];
  };
};

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/** Every method a route may have, in the order an `Allow` header lists them. */
const methods: readonly Method[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

interface CompiledRoute {
  entry: RouteEntry;
  method: string;
  /** The route's template, `/contacts/{id}`: what the gateway's matching compares. */
  path: string;
  pattern: RegExp;
  paramNames: string[];
}

/** A route at hand as it is; a lazy one loaded (its module, once). */
const routeOf = async (entry: RouteEntry): Promise<Route> => ("spec" in entry ? entry : entry.load());

function compile(entry: RouteEntry): CompiledRoute {
  const { method, path } = dataOf(entry);
  const paramNames: string[] = [];
  const source = path
    .split("/")
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      if (!param?.[1]) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      paramNames.push(param[1]);
      return "([^/]+)";
    })
    .join("/");
  return { entry, method, path, pattern: new RegExp(`^${source}$`), paramNames };
}

/**
 * The groups a token may carry (shared/auth/actor.ts's groupSchema, checked equal by test/unit/route-table.test.ts),
 * listed here so the router builds no zod schema at cold start.
 */
export const tokenGroups: readonly Group[] = ["secretariat", "experts", "members"];
const isGroup = (value: unknown): value is Group => tokenGroups.some((group) => group === value);

/**
 * API Gateway passes array claims as one string, `[secretariat experts]`; a JSON array or a real array
 * are accepted too, so the router does not depend on how the claim was flattened.
 */
export function groupsFromClaim(claim: unknown): Group[] {
  let values: unknown[];
  if (Array.isArray(claim)) values = claim;
  else if (typeof claim === "string") {
    const text = claim.trim();
    try {
      const parsed: unknown = JSON.parse(text);
      values = Array.isArray(parsed) ? parsed : [text];
    } catch {
      values = text.replace(/^\[|\]$/g, "").split(/[\s,]+/);
    }
  } else values = [];
  return values.flatMap((value) => {
    return isGroup(value) ? [value] : [];
  });
}

function actorOf(event: ApiEvent): Extract<Actor, { kind: "user" }> | undefined {
  const claims = event.requestContext.authorizer?.jwt?.claims;
  if (!claims?.sub) return undefined;
  // `sub` identifies the person (and is what the access log keeps); the e-mail claim names them (token-claims.ts).
  return {
    kind: "user",
    id: String(claims.sub),
    username: personNameOf(claims),
    groups: groupsFromClaim(claims["cognito:groups"]),
  };
}

function header(event: ApiEvent, name: string): string | undefined {
  return event.headers?.[name] ?? undefined;
}

/** The query as sent: a key given twice is refused rather than silently joined with a comma. */
function queryOf(event: ApiEvent): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(event.rawQueryString ?? "")) {
    if (key in query)
      throw new Malformed(`Query parameter ${key} is given more than once`, [
        { path: `query.${key}`, message: "repeated" },
      ]);
    query[key] = value;
  }
  return query;
}

function bodyOf(event: ApiEvent, route: Route): unknown {
  const raw = event.body ?? "";
  const bytes = event.isBase64Encoded ? Buffer.from(raw, "base64") : Buffer.from(raw, "utf8");
  if (!route.spec.body) {
    if (bytes.length) throw new Malformed("This route takes no request body");
    return undefined;
  }
  const limit = route.spec.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (bytes.length > limit)
    throw new PayloadTooLarge(`The body is ${bytes.length} bytes; this route takes at most ${limit}`);
  const accepted = route.spec.bodyTypes ?? ["application/json"];
  const contentType = header(event, "content-type") ?? "";
  const mediaType = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!accepted.includes(mediaType)) {
    throw new UnsupportedMediaType(`Send the body as ${accepted.join(" or ")}${mediaType ? `, not ${mediaType}` : ""}`);
  }
  // Every text body is UTF-8 (body-encoding.ts): a JSON body's names reach letters as a CSV's do.
  const declared = charsetRefusal(contentType, mediaType);
  if (declared) throw new UnsupportedMediaType(declared);
  if (!bytes.length) return undefined;
  const text = bytes.toString("utf8");
  const undecodable = encodingRefusal(text, mediaType);
  if (undecodable) throw new UnsupportedMediaType(undecodable);
  if (!mediaType.endsWith("json")) return text;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Malformed(`The body is not valid JSON: ${(error as Error).message}`);
  }
}

function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new Malformed(`The path segment ${segment} is not valid percent-encoding`);
  }
}

const baseHeaders = { "x-content-type-options": "nosniff" };

function respond(result: RouteResponse, correlationId: string, open: boolean): APIGatewayProxyStructuredResultV2 {
  const common = { ...baseHeaders, "x-correlation-id": correlationId };
  if ("raw" in result) {
    const { raw } = result;
    return {
      statusCode: raw.status ?? 200,
      headers: { ...common, "content-type": raw.contentType, ...raw.headers },
      body: raw.body,
      isBase64Encoded: raw.isBase64Encoded ?? false,
    };
  }
  const headers: Record<string, string> = {
    ...common,
    "content-type": "application/json",
    // Data behind a token must not be kept by shared caches.
    "cache-control": open ? "no-cache" : "private, no-store",
    ...result.headers,
  };
  if (result.version !== undefined) headers.etag = etagOf(result.version);
  const status = result.status ?? 200;
  return { statusCode: status, headers, body: status === 204 ? "" : JSON.stringify(result.body) };
}

/** Matches by the routes' data alone; a lazy route's module is loaded when a request first matches one of its routes. */
export function createRouter(routes: readonly RouteEntry[], log: Pick<Logger, "info" | "error">) {
  const compiled = routes.map(compile);

  /**
   * Picks the route as an HTTP API would if each route were its own route key (gateway-routes.ts): of the routes with
   * the request's method, the most specific, a literal segment before a parameter at the same place. So
   * GET /contacts/export is the export, and PATCH /contacts/export is PATCH /contacts/{id}, which alone has PATCH. A
   * path without the method names, once each, the methods that would find a route there.
   */
  function match(method: string, path: string) {
    const hit = selectGatewayRoute(compiled, method, path);
    if (!hit) {
      const allowed = methods.filter((candidate) => selectGatewayRoute(compiled, candidate, path));
      if (!allowed.length) throw new NotFound("Resource", path);
      throw new MethodNotAllowed(allowed.flatMap((allow) => (allow === "GET" ? ["GET", "HEAD"] : [allow])));
    }
    const values = hit.pattern.exec(path)?.slice(1) ?? [];
    const params: Record<string, string> = {};
    hit.paramNames.forEach((name, index) => {
      params[name] = decodePathSegment(values[index] ?? "");
    });
    return { entry: hit.entry, params };
  }

  /** HEAD is GET's answer without its body (RFC 9110, 9.3.2): what an uptime monitor or a link checker asks. */
  async function dispatch(event: ApiEvent, correlationId: string): Promise<APIGatewayProxyStructuredResultV2> {
    const answer = await answerOf(event, correlationId);
    return event.requestContext.http.method.toUpperCase() === "HEAD" ? { ...answer, body: "" } : answer;
  }

  async function answerOf(event: ApiEvent, correlationId: string): Promise<APIGatewayProxyStructuredResultV2> {
    const method = event.requestContext.http.method.toUpperCase();
    const path = event.rawPath;
    let open = false;
    try {
      const { entry, params } = match(method === "HEAD" ? "GET" : method, path);
      const route = await routeOf(entry);
      const { access } = route.spec;
      open = access === "open";
      const actor = actorOf(event);
      if (access !== "open") {
        if (!actor) throw new Unauthenticated("Send a valid bearer token");
        if (!actor.groups.some((group) => access.includes(group))) {
          throw new Forbidden(routeRefusal(`${method} ${route.spec.path}`, access, actor.groups));
        }
      }
      const result = await route.run({
        params,
        ifMatch: header(event, "if-match"),
        query: () => queryOf(event),
        body: () => bodyOf(event, route),
        actor,
        audit: {
          actor: actor ?? { kind: "system", id: "anonymous" },
          route: `${method} ${route.spec.path}`,
          correlationId,
        },
      });
      return respond(result, correlationId, open);
    } catch (error) {
      // Loaded on the first refusal: the problem schema and its mapping are no part of a cold start.
      const { toProblem } = await import("./problem.ts");
      const { status, problem, headers } = toProblem(error, path, correlationId);
      if (status >= 500) log.error("request failed", { method, path, error });
      else log.info("request refused", { method, path, status, kind: problem.type });
      return {
        statusCode: status,
        headers: {
          ...baseHeaders,
          "x-correlation-id": correlationId,
          "content-type": "application/problem+json",
          ...headers,
        },
        body: JSON.stringify(problem),
      };
    }
  }

  return { dispatch };
}
