// The meta routes as data: method, path, who may call them (functions/api/access.ts); their schemas and handlers are
// in meta.ts, loaded on the first request for one of them.
import { type RouteSummaries, routeTable } from "#shared/http/route.ts";

export const API_INFO = {
  title: "1540 Committee desk API",
  version: "0.1.0",
  description:
    "States' reporting obligations, points of contact, assistance and correspondence for the Security Council " +
    "Committee established pursuant to resolution 1540 (2004). Errors are application/problem+json (RFC 9457).",
};

export const metaTable = routeTable({
  index: {
    method: "GET",
    path: "/",
    tag: "Service",
    access: "open",
  },
  health: {
    method: "GET",
    path: "/health",
    tag: "Service",
    access: "open",
  },
  openApi: {
    method: "GET",
    path: "/openapi.json",
    tag: "Service",
    access: "open",
  },
  docsPage: {
    method: "GET",
    path: "/docs",
    tag: "Service",
    access: "open",
  },
  docsAsset: {
    method: "GET",
    path: "/docs/{asset}",
    tag: "Service",
    access: "open",
  },
});

/** Each route's summary in the OpenAPI document: read by the document's writer only (functions/api/summaries.ts), so
 * no Lambda bundle carries it (ADR 0038). */
export const metaSummaries = {
  index: "Where to go from the API's address: the console, the documentation, the OpenAPI document and health",
  health: "Liveness: answers without touching the data",
  openApi: "This API's OpenAPI 3.1 document",
  docsPage: "The API's documentation page",
  docsAsset: "A file of the documentation page",
} satisfies RouteSummaries<typeof metaTable>;

/** The paths answered without a token (GET only): the gateway and the local server open exactly these. */
export const openPaths: readonly string[] = Object.values(metaTable)
  .filter(({ access }) => access === "open")
  .map(({ path }) => path);
