// The plain DynamoDB client, traced with X-Ray when the invocation is sampled (ADR 0018): under every function's document
// client (function-runtime.ts), and alone for a function that marshalls its own items (search-indexer). A module of its
// own, apart from @aws-sdk/lib-dynamodb, whose classes esbuild keeps in any bundle that reaches it (ADR 0042).
import type { DeskConfig } from "#shared/config.ts";
import { createDynamoClient } from "#shared/dynamo/dynamo-client.ts";
import { tracer } from "#shared/observability/tracer.ts";

export function deskDynamoClient(config: Pick<DeskConfig, "region" | "dynamoEndpoint">) {
  return tracer().captureClient(createDynamoClient({ region: config.region, endpoint: config.dynamoEndpoint }));
}
