// The plain DynamoDB client every document client is built on, and how the desk marshalls items. A module of its own,
// without @aws-sdk/lib-dynamodb: that package declares no `sideEffects: false`, so esbuild keeps its classes in any
// bundle that reaches it, and a function that marshalls its own items (search-indexer) should carry none of it
// (ADR 0042).
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { marshallOptions } from "@aws-sdk/util-dynamodb";

export interface DynamoClientOptions {
  /** Default: the SDK's own chain (AWS_REGION, else the profile's), as an operator's command reaching a deployed table. */
  region?: string | undefined;
  endpoint?: string | undefined;
}

export function createDynamoClient({ region, endpoint }: DynamoClientOptions): DynamoDBClient {
  // Off AWS (DynamoDB Local) any credentials do; on Lambda the default provider chain applies.
  const credentials = endpoint ? { accessKeyId: "local", secretAccessKey: "local" } : undefined;
  return new DynamoDBClient({ region, endpoint, credentials, maxAttempts: 5 });
}

/** The document client's marshalling, and the search indexer's, which marshalls its writes itself. */
export const DESK_MARSHALL_OPTIONS: Readonly<marshallOptions> = Object.freeze({
  removeUndefinedValues: true,
  convertClassInstanceToMap: false,
});
