// The docs group: health, the OpenAPI document and the Swagger UI page; no table, no AWS client, no other route.
import type { Logger } from "@aws-lambda-powertools/logger";
import { apiHandler } from "./api-handler.ts";
import { metaRoutes } from "./routes/meta.ts";

/** The OpenAPI document's file beside the docs function's bundle: written at synth (infra/http-api.ts), read there. */
export const OPENAPI_FILE = "openapi.json";

export interface DocsDependencies {
  logger: Logger;
  /** The OpenAPI document of the whole API, as JSON text. */
  openApiJson: () => string;
}

export function createDocsHandler({ logger, openApiJson }: DocsDependencies) {
  return apiHandler(metaRoutes(openApiJson), logger);
}
