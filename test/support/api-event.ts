// Builds API Gateway HTTP API (payload 2.0) events the way the gateway and its JWT authorizer send them.

import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import type { Group } from "#shared/auth/actor.ts";
import type { ApiEvent } from "#shared/http/router.ts";

export interface EventOptions {
  method?: string;
  path: string;
  query?: string;
  body?: string;
  headers?: Record<string, string>;
  /** Signed in as a member of this group; omit for an anonymous call (as on the open routes). */
  group?: Group;
  sub?: string;
}

export function apiEvent({
  method = "GET",
  path,
  query = "",
  body,
  headers = {},
  group,
  sub = "user-1",
}: EventOptions): ApiEvent {
  const now = new Date();
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath: path,
    rawQueryString: query,
    headers: Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value])),
    queryStringParameters: query ? Object.fromEntries(new URLSearchParams(query)) : undefined,
    body,
    isBase64Encoded: false,
    requestContext: {
      accountId: "123456789012",
      apiId: "api",
      domainName: "api.example",
      domainPrefix: "api",
      http: { method, path, protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "vitest" },
      requestId: `req-${Math.random().toString(36).slice(2)}`,
      routeKey: "$default",
      stage: "$default",
      time: now.toISOString(),
      timeEpoch: now.getTime(),
      authorizer: group
        ? {
            principalId: "",
            integrationLatency: 0,
            jwt: {
              claims: { sub, username: `${group}-user`, "cognito:groups": `[${group}]`, token_use: "access" },
              scopes: [],
            },
          }
        : undefined,
    },
  };
}

export const lambdaContext = {
  callbackWaitsForEmptyEventLoop: false,
  functionName: "api",
  functionVersion: "$LATEST",
  invokedFunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:api",
  memoryLimitInMB: "1024",
  awsRequestId: "request-1",
  logGroupName: "/aws/lambda/api",
  logStreamName: "stream",
  getRemainingTimeInMillis: () => 10_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
};

export interface RouterCall {
  method?: string;
  path: string;
  query?: string;
  group?: Group;
  ifMatch?: string;
  body?: unknown;
}

/** Calls a router as the gateway would, with a JSON body; answers status, ETag, headers and the parsed body. */
export function routerCaller(
  router: { dispatch(event: ApiEvent, correlationId: string): Promise<APIGatewayProxyStructuredResultV2> },
  defaultGroup: Group,
) {
  return async ({ method = "GET", path, query, group = defaultGroup, ifMatch, body }: RouterCall) => {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers["content-type"] = "application/json";
    if (ifMatch !== undefined) headers["if-match"] = ifMatch;
    const result = await router.dispatch(
      apiEvent({ method, path, query, group, headers, body: body === undefined ? undefined : JSON.stringify(body) }),
      `corr-${Math.random().toString(36).slice(2)}`,
    );
    const responseHeaders = (result.headers ?? {}) as Record<string, string>;
    const text = result.body ?? "";
    const json = responseHeaders["content-type"]?.includes("json") && text ? JSON.parse(text) : text;
    return { status: result.statusCode, etag: responseHeaders.etag, headers: responseHeaders, body: json };
  };
}
