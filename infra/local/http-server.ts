// Local HTTP API: turns requests into API Gateway v2 (payload 2.0) events for the api handler, with the JWT check; the
// gateway's route table (functions/api/groups.ts) picks which group's handler answers.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type {
  APIGatewayEventRequestContextJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from "aws-lambda";
import { gatewayRoutes, type RouteGroupName } from "../../functions/api/groups.ts";
import { selectGatewayRoute } from "../../shared/http/gateway-routes.ts";
import type { ApiEvent } from "../../shared/http/router.ts";
import { API_SCOPE } from "../api-scope.ts";
import { type BearerFailure, type JwtKeys, verifyBearer } from "./jwt.ts";
import { listen } from "./ports.ts";

/** The api's handler as the gateway invokes it; on open routes the event has no authorizer. */
export type ApiHandler = (event: ApiEvent, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * Whether the route the gateway sends `method path` to is declared without the JWT authorizer. The route chosen as the
 * gateway chooses it: `GET /calendar/holidays` is the literal route behind the token, not the open `/calendar/{feed}`.
 */
const isOpen = (method: string, rawPath: string) => selectGatewayRoute(gatewayRoutes, method, rawPath)?.open === true;

/**
 * One handler per route group behind the gateway's route table, as the HTTP API sends each request to its group's
 * function; a path no route takes gets the gateway's own 404.
 */
export function routeByGroup(handlers: Record<RouteGroupName, ApiHandler>): ApiHandler {
  return async (event, context) => {
    const route = selectGatewayRoute(gatewayRoutes, event.requestContext.http.method, event.rawPath);
    if (!route) {
      return { statusCode: 404, headers: { "content-type": "application/json" }, body: '{"message":"Not Found"}' };
    }
    return handlers[route.group](event, context);
  };
}

export interface ApiServerOptions {
  /** 0 or undefined: a free port. */
  port?: number;
  host?: string;
  handler: ApiHandler;
  jwtKeys: JwtKeys;
  /** API Gateway gives up on an integration after 30 s and answers 503. */
  timeoutMs?: number;
  /** One line per request: method, path, status, duration. Never the query, headers or body. */
  log?: (line: string) => void;
  /** Answers what is not the API before the JWT check (the console's files, infra/local/console.ts); true if it did. */
  frontDoor?: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
}

export interface ApiServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** API Gateway's payload limit; routes enforce their own smaller limits in the handler. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 30_000;

const TEXTUAL_CONTENT_TYPE =
  /^(text\/[^;]+|application\/(json|xml|javascript|x-www-form-urlencoded|[\w.-]+\+(json|xml))|multipart\/form-data)\s*(;|$)/i;

export async function startApiServer(opts: ApiServerOptions): Promise<ApiServer> {
  const host = opts.host ?? "127.0.0.1";
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  const server = createServer((req, res) => {
    const started = Date.now();
    const requestId = randomUUID();
    res.setHeader("apigw-requestid", requestId);
    res.on("finish", () => {
      const path = (req.url ?? "/").split("?")[0];
      opts.log?.(`${req.method ?? "?"} ${path} ${res.statusCode} ${Date.now() - started}ms`);
    });
    handleRequest(req, res, requestId, started).catch((error: unknown) => {
      // Only the error itself: tokens and bodies stay out of the log.
      console.error(`api request ${requestId} failed:`, error);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendProblem(res, {
        status: 500,
        type: "/problems/internal",
        title: "Internal error",
        detail: "The handler failed; see the local server's log",
      });
    });
  });

  async function handleRequest(
    req: IncomingMessage,
    res: ServerResponse,
    requestId: string,
    started: number,
  ): Promise<void> {
    if (opts.frontDoor && (await opts.frontDoor(req, res))) return;
    const method = (req.method ?? "GET").toUpperCase();
    const { rawPath, rawQueryString } = splitTarget(req.url ?? "/");

    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return rejectTooLarge(req, res);

    let authorizer: APIGatewayEventRequestContextJWTAuthorizer | undefined;
    if (!isOpen(method, rawPath)) {
      const verdict = await verifyBearer(opts.jwtKeys, req.headers.authorization);
      if (!verdict.ok) return sendUnauthorized(res, verdict.reason, verdict.detail);
      // As the deployed authorizer requires the API's scope on every closed route: an ID token has none.
      if (!verdict.scopes.includes(API_SCOPE)) return sendInsufficientScope(res);
      authorizer = { principalId: "", integrationLatency: 0, jwt: { claims: verdict.claims, scopes: verdict.scopes } };
    }

    const body = await readBody(req);
    if (body === "too-large") return rejectTooLarge(req, res);

    const event = toEvent(req, { method, rawPath, rawQueryString, body, requestId, started, authorizer });
    const deadline = started + timeoutMs;
    const context = lambdaContext(requestId, deadline);

    let timer: NodeJS.Timeout | undefined;
    let gaveUp = false;
    const timedOut = new Promise<"timeout">((done) => {
      timer = setTimeout(() => done("timeout"), Math.max(0, deadline - Date.now()));
    });
    const running = opts.handler(event, context);
    // After a 503 nobody awaits the handler any more; its late failure must still be seen, not crash the process.
    running.catch((error: unknown) => {
      if (gaveUp) console.error(`api request ${requestId} failed after its timeout:`, error);
    });
    const result = await Promise.race([running, timedOut]).finally(() => clearTimeout(timer));
    if (result === "timeout") {
      gaveUp = true;
      sendProblem(res, {
        status: 503,
        type: "/problems/unavailable",
        title: "Service unavailable",
        detail: `The handler did not answer within ${timeoutMs / 1000} s`,
      });
      return;
    }
    writeResult(res, result);
  }

  const port = await listen(server, opts.port ?? 0, host);

  async function stop(): Promise<void> {
    if (!server.listening) return;
    await new Promise<void>((done, fail) => {
      server.close((error) => (error ? fail(error) : done()));
      server.closeAllConnections();
    });
  }

  return { url: `http://${host}:${port}`, port, stop };
}

function splitTarget(target: string): { rawPath: string; rawQueryString: string } {
  // An absolute-form target (sent to proxies) still has a path and a query.
  const relative = /^https?:\/\//i.test(target) ? target.replace(/^https?:\/\/[^/?]*/i, "") || "/" : target;
  const at = relative.indexOf("?");
  return at === -1
    ? { rawPath: relative, rawQueryString: "" }
    : { rawPath: relative.slice(0, at), rawQueryString: relative.slice(at + 1) };
}

/** Counts the body as it streams and stops at the limit, so an oversized upload is never held in memory. */
function readBody(req: IncomingMessage): Promise<Buffer | "too-large"> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        // Pause rather than destroy: the socket must stay open long enough to carry the 413.
        tooLarge = true;
        req.off("data", onData);
        req.pause();
        resolve("too-large");
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => {
      if (!tooLarge) resolve(Buffer.concat(chunks));
    });
    req.once("error", reject);
  });
}

interface EventParts {
  method: string;
  rawPath: string;
  rawQueryString: string;
  body: Buffer;
  requestId: string;
  started: number;
  authorizer: APIGatewayEventRequestContextJWTAuthorizer | undefined;
}

function toEvent(req: IncomingMessage, parts: EventParts): ApiEvent {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] ?? "").toLowerCase();
    const value = raw[i + 1] ?? "";
    // Payload 2.0 moves cookies to `cookies` and joins other repeated headers with commas.
    if (name === "cookie") {
      cookies.push(
        ...value
          .split(";")
          .map((c) => c.trim())
          .filter(Boolean),
      );
      continue;
    }
    headers[name] = name in headers ? `${headers[name]},${value}` : value;
  }

  const query: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(parts.rawQueryString)) {
    query[name] = name in query ? `${query[name]},${value}` : value;
  }

  const textual = TEXTUAL_CONTENT_TYPE.test(headers["content-type"] ?? "");
  const hasBody = parts.body.length > 0;
  const time = new Date(parts.started);

  const event: ApiEvent = {
    version: "2.0",
    routeKey: "$default",
    rawPath: parts.rawPath,
    rawQueryString: parts.rawQueryString,
    headers,
    requestContext: {
      accountId: "local",
      apiId: "local",
      domainName: headers.host ?? "localhost",
      domainPrefix: (headers.host ?? "localhost").split(".")[0] ?? "localhost",
      http: {
        method: parts.method,
        path: parts.rawPath,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: normaliseIp(req.socket.remoteAddress),
        userAgent: headers["user-agent"] ?? "",
      },
      requestId: parts.requestId,
      routeKey: "$default",
      stage: "$default",
      time: apiGatewayTime(time),
      timeEpoch: time.getTime(),
    },
    isBase64Encoded: hasBody && !textual,
  };
  if (cookies.length > 0) event.cookies = cookies;
  if (Object.keys(query).length > 0) event.queryStringParameters = query;
  if (hasBody) event.body = textual ? parts.body.toString("utf8") : parts.body.toString("base64");

  // API Gateway sends no authorizer on open routes.
  if (parts.authorizer) event.requestContext.authorizer = parts.authorizer;
  return event;
}

function normaliseIp(address: string | undefined): string {
  if (!address) return "127.0.0.1";
  return address.startsWith("::ffff:") ? address.slice("::ffff:".length) : address;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `12/Mar/2020:19:03:58 +0000`, the format of requestContext.time. */
function apiGatewayTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return (
    `${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`
  );
}

function lambdaContext(requestId: string, deadline: number): Context {
  const unsupported = () => {
    throw new Error("The callback-style context methods are not supported; return a promise");
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: "api",
    functionVersion: "$LATEST",
    invokedFunctionArn: "arn:aws:lambda:us-east-1:000000000000:function:api",
    memoryLimitInMB: "1024",
    awsRequestId: requestId,
    logGroupName: "/aws/lambda/api",
    logStreamName: "local",
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}

function writeResult(res: ServerResponse, result: APIGatewayProxyStructuredResultV2): void {
  for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, String(value));
  if (result.cookies && result.cookies.length > 0) res.setHeader("set-cookie", result.cookies);
  const body =
    result.body === undefined ? Buffer.alloc(0) : Buffer.from(result.body, result.isBase64Encoded ? "base64" : "utf8");
  res.statusCode = result.statusCode ?? 200;
  res.setHeader("content-length", body.length);
  res.end(body);
}

interface GatewayProblem {
  status: number;
  /** Named like the api's own problems (shared/http/problem.ts), so clients see one vocabulary. */
  type: string;
  title: string;
  detail: string;
}

function sendProblem(res: ServerResponse, problem: GatewayProblem, headers: Record<string, string> = {}): void {
  const { status, type, title, detail } = problem;
  const instance = (res.req.url ?? "/").split("?")[0];
  // The request's id, as the api's problems carry theirs (api-handler.ts falls back to it): this refusal is quoted too.
  const correlationId = String(res.getHeader("apigw-requestid"));
  const body = JSON.stringify({ type, title, status, detail, instance, correlationId });
  res.statusCode = status;
  res.setHeader("x-correlation-id", correlationId);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader("content-type", "application/problem+json");
  res.setHeader("content-length", Buffer.byteLength(body));
  res.end(body);
}

/**
 * The real authorizer answers `{"message":"Unauthorized"}`; locally we answer problem+json, like the rest of
 * the API, so the reason is visible. The WWW-Authenticate header is what API Gateway sends too.
 */
function sendUnauthorized(res: ServerResponse, reason: BearerFailure, detail: string): void {
  const challenge =
    reason === "missing" ? "Bearer" : `Bearer error="invalid_token" error_description="${detail.replaceAll('"', "'")}"`;
  sendProblem(
    res,
    { status: 401, type: "/problems/unauthenticated", title: "Authentication required", detail },
    { "www-authenticate": challenge },
  );
}

function sendInsufficientScope(res: ServerResponse): void {
  sendProblem(
    res,
    {
      status: 403,
      type: "/problems/insufficient-scope",
      title: "Forbidden",
      detail: `The bearer token lacks the ${API_SCOPE} scope: the API takes the staff client's access tokens`,
    },
    { "www-authenticate": `Bearer error="insufficient_scope" scope="${API_SCOPE}"` },
  );
}

/** Answers 413 and drops the connection instead of reading (or buffering) the rest of the upload. */
function rejectTooLarge(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader("connection", "close");
  sendProblem(res, {
    status: 413,
    type: "/problems/payload-too-large",
    title: "Payload too large",
    detail: `Request bodies are limited to ${MAX_BODY_BYTES / 1024 / 1024} MB`,
  });
  res.once("finish", () => req.destroy());
}
