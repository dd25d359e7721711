// The docs api Lambda (functions/api/groups.ts): the open routes, with the OpenAPI document generated at synth and
// shipped beside the bundle (infra/http-api.ts), so this bundle holds no route module and no AWS client.
import { readFileSync } from "node:fs";
import { tracer } from "#shared/observability/tracer.ts";
// The logger alone: this function has no table, so its bundle carries no DynamoDB client (ADR 0029).
import { functionLogger } from "#shared/runtime/function-logger.ts";
import { createDocsHandler, OPENAPI_FILE } from "../api/docs.ts";

const untraced = createDocsHandler({
  logger: functionLogger(),
  // Read on the first request for it (then kept by the route): health checks never pay for it.
  openApiJson: () => readFileSync(new URL(`./${OPENAPI_FILE}`, import.meta.url), "utf8"),
});

// Traced with X-Ray when the invocation is sampled (ADR 0018).
export const handler = tracer().handler(untraced);
