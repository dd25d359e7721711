// What every Lambda entry point builds once at cold start, built one way everywhere: a logger named by the function's
// own POWERTOOLS_SERVICE_NAME (set per function by CDK, shared/runtime/function-logger.ts), and the DynamoDB document
// client, traced with X-Ray when the invocation is sampled (ADR 0018).
import type { DeskConfig } from "#shared/config.ts";
import { createDocumentClient, createDynamoClient } from "#shared/dynamo/client.ts";
import { tracer } from "#shared/observability/tracer.ts";

export { functionLogger } from "./function-logger.ts";

export function deskDocumentClient(config: Pick<DeskConfig, "region" | "dynamoEndpoint">) {
  return createDocumentClient(
    tracer().captureClient(createDynamoClient({ region: config.region, endpoint: config.dynamoEndpoint })),
  );
}

/** The plain DynamoDB client, traced the same way, for a function that marshalls its own items (search-indexer). */
export function deskDynamoClient(config: Pick<DeskConfig, "region" | "dynamoEndpoint">) {
  return tracer().captureClient(createDynamoClient({ region: config.region, endpoint: config.dynamoEndpoint }));
}
