// What every Lambda entry point builds once at cold start, built one way everywhere: a logger named by the function's
// own POWERTOOLS_SERVICE_NAME (set per function by CDK, shared/runtime/function-logger.ts), and the DynamoDB document
// client, traced with X-Ray when the invocation is sampled (ADR 0018).
import type { DeskConfig } from "#shared/config.ts";
import { createDocumentClient } from "#shared/dynamo/client.ts";
import { deskDynamoClient } from "./function-dynamo-client.ts";

export { functionLogger } from "./function-logger.ts";

export function deskDocumentClient(config: Pick<DeskConfig, "region" | "dynamoEndpoint">) {
  return createDocumentClient(deskDynamoClient(config));
}
