// Creates the tables on a DynamoDB endpoint that lacks them (DynamoDB Local), and adds to an existing one an index
// the definitions gained since it was made (a developer's local data from an older checkout); nothing else of an
// existing table is touched, nor any item.
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
  type TableDescription,
  UpdateTableCommand,
  waitUntilTableExists,
} from "@aws-sdk/client-dynamodb";
import { keyAttributes, type TableDefinition, type TableNames, tables } from "../tables.ts";

export interface TableOptions {
  /** The deployed tables' streams (the search indexer reads the desk table's); off for tests that index nothing. */
  streams?: boolean;
}

const attributeDefinitions = (table: TableDefinition) =>
  keyAttributes(table).map((name) => ({ AttributeName: name, AttributeType: "S" as const }));

const indexInput = (index: TableDefinition["indexes"][number]) => ({
  IndexName: index.indexName,
  KeySchema: [
    { AttributeName: index.partitionKey, KeyType: "HASH" as const },
    { AttributeName: index.sortKey, KeyType: "RANGE" as const },
  ],
  Projection: { ProjectionType: "ALL" as const },
});

export function createTableInput(
  table: TableDefinition,
  tableName: string,
  { streams = true }: TableOptions = {},
): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: "PAY_PER_REQUEST",
    AttributeDefinitions: attributeDefinitions(table),
    KeySchema: [
      { AttributeName: table.partitionKey, KeyType: "HASH" },
      { AttributeName: table.sortKey, KeyType: "RANGE" },
    ],
    GlobalSecondaryIndexes: table.indexes.map(indexInput),
    ...(table.stream && streams ? { StreamSpecification: { StreamEnabled: true, StreamViewType: table.stream } } : {}),
  };
}

async function describe(client: DynamoDBClient, tableName: string): Promise<TableDescription | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

/** Polls until every index of the table is ACTIVE: a query on one still being built is refused. */
async function untilIndexesActive(client: DynamoDBClient, tableName: string, maxWaitMs = 60_000): Promise<void> {
  const deadline = Date.now() + maxWaitMs;
  for (;;) {
    const indexes = (await describe(client, tableName))?.GlobalSecondaryIndexes ?? [];
    if (indexes.every((index) => index.IndexStatus === "ACTIVE")) return;
    if (Date.now() > deadline) throw new Error(`The indexes of ${tableName} are not active after ${maxWaitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export interface EnsuredTables {
  /** The tables it created. */
  created: string[];
  /** The indexes it added to existing tables, as `table.index`. */
  indexesAdded: string[];
}

export async function ensureTables(
  client: DynamoDBClient,
  names: TableNames,
  options: TableOptions = {},
): Promise<EnsuredTables> {
  const ensured: EnsuredTables = { created: [], indexesAdded: [] };
  for (const table of Object.values(tables)) {
    const tableName = names[table.id];
    const existing = await describe(client, tableName);
    if (!existing) {
      await client.send(new CreateTableCommand(createTableInput(table, tableName, options)));
      await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: tableName });
      ensured.created.push(tableName);
      continue;
    }
    const present = new Set((existing.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
    // One index per update, as DynamoDB takes them.
    for (const index of table.indexes.filter((candidate) => !present.has(candidate.indexName))) {
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: attributeDefinitions(table),
          GlobalSecondaryIndexUpdates: [{ Create: indexInput(index) }],
        }),
      );
      await untilIndexesActive(client, tableName);
      ensured.indexesAdded.push(`${tableName}.${index.indexName}`);
    }
  }
  return ensured;
}
