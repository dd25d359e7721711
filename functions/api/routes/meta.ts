// The open routes: the API's address itself (where to go from it), health, the OpenAPI document and the docs page
// that renders it (Swagger UI).
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as z from "zod";
import { NotFound } from "#shared/errors.ts";
import { declareRoutes, type Route, routesOf } from "#shared/http/route.ts";
import { API_INFO, metaTable } from "./meta.table.ts";

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

/** The routes' schemas, joined to their data in meta.table.ts. */
/** Paths from the origin, so they hold on any address of the stage (the console is served beside the API). */
const index = {
  name: API_INFO.title,
  links: {
    console: "/console/",
    docs: metaTable.docsPage.path,
    openapi: metaTable.openApi.path,
    health: metaTable.health.path,
  },
};

export const declarations = declareRoutes(metaTable, {
  index: {
    responses: [
      {
        status: 200,
        description: "The API's name and the paths a newcomer looks for",
        schema: z.object({
          name: z.string(),
          links: z.object({ console: z.string(), docs: z.string(), openapi: z.string(), health: z.string() }),
        }),
      },
    ],
  },
  health: {
    responses: [{ status: 200, description: "The service is up", schema: z.object({ status: z.literal("ok") }) }],
  },
  openApi: {
    responses: [{ status: 200, description: "The OpenAPI document" }],
  },
  docsPage: {
    responses: [{ status: 200, description: "An HTML page", contentType: "text/html" }],
  },
  docsAsset: {
    params: z.strictObject({ asset: z.string() }),
    responses: [{ status: 200, description: "A script, style sheet or image" }],
  },
});

/**
 * `openApiJson` gives the document of every route of the API, these included: computed from the routes where they
 * are all at hand, read from the file generated at synth where only these are (the docs function).
 */
export function metaRoutes(openApiJson: () => string | Promise<string>): Route[] {
  let cachedDocument: string | undefined;
  return routesOf(declarations, {
    index: async () => ({ body: index }),
    health: async () => ({ body: { status: "ok" } }),
    async openApi() {
      cachedDocument ??= await openApiJson();
      return {
        raw: { contentType: "application/json", body: cachedDocument, headers: { "cache-control": "no-cache" } },
      };
    },
    docsPage: async () => ({ raw: { contentType: "text/html; charset=utf-8", body: docsPage, headers: docsHeaders } }),
    async docsAsset({ params }) {
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
  });
}

/** What the docs group gives its routes: the whole API's document (functions/api/docs.ts). */
export interface DocsRouteDependencies {
  openApiJson: () => string | Promise<string>;
}

export function bindRoutes({ openApiJson }: DocsRouteDependencies): Route[] {
  return metaRoutes(openApiJson);
}
