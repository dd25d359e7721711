// Each test file gets its own tables on the shared DynamoDB Local engine, under a unique name prefix.
import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { createDocumentClient, createDynamoClient } from "#shared/dynamo/client.ts";
import { ensureTables, type TableOptions } from "#shared/dynamo/ensure-tables.ts";
import type { TableNames } from "#shared/tables.ts";

/**
 * Streams are off unless asked for: DynamoDB Local keeps every stream record of the run in memory, and with all the
 * files' writes on one engine it slowed the layer tenfold (measured: a 14 s file took 146 s).
 */
export async function freshTables(options: TableOptions = { streams: false }) {
  const client = createDynamoClient({ region: "us-east-1", endpoint: inject("dynamoEndpoint") });
  const prefix = randomUUID().slice(0, 8);
  const tableNames: TableNames = { desk: `${prefix}-desk`, audit: `${prefix}-audit` };
  await ensureTables(client, tableNames, options);
  return { client, doc: createDocumentClient(client), tableNames };
}
