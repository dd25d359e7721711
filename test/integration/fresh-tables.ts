// Each test file gets its own tables on the shared DynamoDB Local engine, under a unique name prefix.
import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { createDocumentClient, createDynamoClient } from "#shared/dynamo/client.ts";
import { ensureTables } from "#shared/dynamo/ensure-tables.ts";
import type { TableNames } from "#shared/tables.ts";

export async function freshTables() {
  const client = createDynamoClient({ region: "us-east-1", endpoint: inject("dynamoEndpoint") });
  const prefix = randomUUID().slice(0, 8);
  const tableNames: TableNames = { desk: `${prefix}-desk`, audit: `${prefix}-audit` };
  await ensureTables(client, tableNames);
  return { client, doc: createDocumentClient(client), tableNames };
}
