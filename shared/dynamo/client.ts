// The DynamoDB document client every repository uses.
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

import { DESK_MARSHALL_OPTIONS } from "./dynamo-client.ts";

export { createDynamoClient, type DynamoClientOptions } from "./dynamo-client.ts";

export function createDocumentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  // A copy: the document client writes its own defaults into the options it is given (convertTopLevelContainer).
  return DynamoDBDocumentClient.from(client, { marshallOptions: { ...DESK_MARSHALL_OPTIONS } });
}
