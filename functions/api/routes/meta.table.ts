// The meta routes as data: method, path, who may call them (functions/api/access.ts); their schemas and handlers are
// in meta.ts, loaded on the first request for one of them.
import { routeTable } from "#shared/http/route.ts";

export const API_INFO = {
  title: "1540 Committee desk API",
  version: "0.1.0",
  description:
    "States' reporting obligations, points of contact, assistance and correspondence for the Security Council " +
    "Committee established pursuant to resolution 1540 (2004). Errors are application/problem+json (RFC 9457).",
};

export const metaTable = routeTable({
  health: {
    method: "GET",
    path: "/health",
    summary: "Liveness: answers without touching the data",
    tag: "Service",
    access: "open",
  },
  openApi: {
    method: "GET",
    path: "/openapi.json",
    summary: "This API's OpenAPI 3.1 document",
    tag: "Service",
    access: "open",
  },
  docsPage: {
    method: "GET",
    path: "/docs",
    summary: "The API's documentation page",
    tag: "Service",
    access: "open",
  },
  docsAsset: {
    method: "GET",
    path: "/docs/{asset}",
    summary: "A file of the documentation page",
    tag: "Service",
    access: "open",
  },
});

/** The paths answered without a token (GET only): the gateway and the local server open exactly these. */
export const openPaths: readonly string[] = Object.values(metaTable)
  .filter(({ access }) => access === "open")
  .map(({ path }) => path);
