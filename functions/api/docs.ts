// The docs group: health, the OpenAPI document and the Swagger UI page; no table, no AWS client, no other route.
import type { Logger } from "@aws-lambda-powertools/logger";
import { lazyRoutes, type RouteModule } from "#shared/http/route.ts";
import { apiHandler } from "./api-handler.ts";
import { metaTable } from "./routes/meta.table.ts";
import type { DocsRouteDependencies } from "./routes/meta.ts";

/** The OpenAPI document's file beside the docs function's bundle: written at synth (infra/http-api.ts), read there. */
export const OPENAPI_FILE = "openapi.json";

export const docsModules: readonly RouteModule<DocsRouteDependencies>[] = [
  { table: metaTable, load: () => import("./routes/meta.ts") },
];

export interface DocsDependencies extends DocsRouteDependencies {
  logger: Logger;
}

export function createDocsHandler({ logger, openApiJson }: DocsDependencies) {
  return apiHandler(lazyRoutes(docsModules, { openApiJson }), logger);
}
