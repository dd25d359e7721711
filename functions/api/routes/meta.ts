// The open routes: health, the OpenAPI document and the docs page that renders it (Swagger UI).
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as z from "zod";
import { NotFound } from "#shared/errors.ts";
import { defineRoute, type Route } from "#shared/http/route.ts";

/** In a Lambda package the assets are copied beside the bundle; in the source tree they come from node_modules. */
function swaggerUiDir(): URL {
  const bundled = new URL("./swagger-ui/", import.meta.url);
  if (existsSync(bundled)) return bundled;
  const packageJson = createRequire(import.meta.url).resolve("swagger-ui-dist/package.json");
  return new URL("./", `file://${packageJson}`);
}

const assets: Record<string, { contentType: string; binary?: boolean }> = {
  "swagger-ui.css": { contentType: "text/css; charset=utf-8" },
  "swagger-ui-bundle.js": { contentType: "text/javascript; charset=utf-8" },
  "swagger-ui-standalone-preset.js": { contentType: "text/javascript; charset=utf-8" },
  "favicon-32x32.png": { contentType: "image/png", binary: true },
};

// Relative URLs, so the page works under any base path; the start script is a file, so the CSP needs no inline script.
const docsPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>1540 Committee desk API</title>
<link rel="stylesheet" href="docs/swagger-ui.css">
<link rel="icon" type="image/png" href="docs/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="docs/swagger-ui-bundle.js"></script>
<script src="docs/swagger-ui-standalone-preset.js"></script>
<script src="docs/init.js"></script>
</body>
</html>
`;

const initScript = `window.ui = SwaggerUIBundle({
  url: new URL("openapi.json", window.location.href).toString(),
  dom_id: "#swagger-ui",
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: "StandaloneLayout",
  persistAuthorization: false
});
`;

const docsHeaders = {
  "cache-control": "public, max-age=3600",
  "content-security-policy":
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self' data:",
};

export const API_INFO = {
  title: "1540 Committee desk API",
  version: "0.1.0",
  description:
    "States' reporting obligations, points of contact, assistance and correspondence for the Security Council " +
    "Committee established pursuant to resolution 1540 (2004). Errors are application/problem+json (RFC 9457).",
};

/**
 * `openApiJson` gives the document of every route of the API, these included: computed from the routes where they
 * are all at hand, read from the file generated at synth where only these are (the docs function).
 */
export function metaRoutes(openApiJson: () => string): Route[] {
  let cachedDocument: string | undefined;
  return [
    defineRoute({
      method: "GET",
      path: "/health",
      operationId: "health",
      summary: "Liveness: answers without touching the data",
      tag: "Service",
      access: "open",
      responses: [{ status: 200, description: "The service is up", schema: z.object({ status: z.literal("ok") }) }],
      handle: async () => ({ body: { status: "ok" } }),
    }),
    defineRoute({
      method: "GET",
      path: "/openapi.json",
      operationId: "openApi",
      summary: "This API's OpenAPI 3.1 document",
      tag: "Service",
      access: "open",
      responses: [{ status: 200, description: "The OpenAPI document" }],
      async handle() {
        cachedDocument ??= openApiJson();
        return {
          raw: { contentType: "application/json", body: cachedDocument, headers: { "cache-control": "no-cache" } },
        };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/docs",
      operationId: "docsPage",
      summary: "The API's documentation page",
      tag: "Service",
      access: "open",
      responses: [{ status: 200, description: "An HTML page", contentType: "text/html" }],
      handle: async () => ({ raw: { contentType: "text/html; charset=utf-8", body: docsPage, headers: docsHeaders } }),
    }),
    defineRoute({
      method: "GET",
      path: "/docs/{asset}",
      operationId: "docsAsset",
      summary: "A file of the documentation page",
      tag: "Service",
      access: "open",
      params: z.strictObject({ asset: z.string() }),
      responses: [{ status: 200, description: "A script, style sheet or image" }],
      async handle({ params }) {
        if (params.asset === "init.js") {
          return { raw: { contentType: "text/javascript; charset=utf-8", body: initScript, headers: docsHeaders } };
        }
        const asset = assets[params.asset];
        if (!asset) throw new NotFound("Documentation file", params.asset);
        const content = readFileSync(new URL(params.asset, swaggerUiDir()));
        return {
          raw: {
            contentType: asset.contentType,
            body: asset.binary ? content.toString("base64") : content.toString("utf8"),
            isBase64Encoded: asset.binary ?? false,
            headers: docsHeaders,
          },
        };
      },
    }),
  ];
}

/** The paths answered without a token (GET only): the gateway and the local server open exactly these. */
export const openPaths: readonly string[] = metaRoutes(() => "")
  .filter(({ spec }) => spec.access === "open")
  .map(({ spec }) => spec.path);
