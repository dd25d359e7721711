// The DynamoDB document client every repository uses.
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

export interface DynamoClientOptions {
  region: string;
  endpoint?: string;
}

export function createDynamoClient({ region, endpoint }: DynamoClientOptions): DynamoDBClient {
  // Off AWS (DynamoDB Local) any credentials do; on Lambda the default provider chain applies.
  const credentials = endpoint ? { accessKeyId: "local", secretAccessKey: "local" } : undefined;
  return new DynamoDBClient({ region, endpoint, credentials, maxAttempts: 5 });
}

export function createDocumentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}
