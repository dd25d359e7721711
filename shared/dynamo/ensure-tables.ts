// Creates the tables on a DynamoDB endpoint that lacks them (DynamoDB Local); never touches existing ones.
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
  waitUntilTableExists,
} from "@aws-sdk/client-dynamodb";
import { keyAttributes, type TableDefinition, type TableNames, tables } from "../tables.ts";

export interface TableOptions {
  /** The deployed tables' streams (the search indexer reads the desk table's); off for tests that index nothing. */
  streams?: boolean;
}

export function createTableInput(
  table: TableDefinition,
  tableName: string,
  { streams = true }: TableOptions = {},
): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: "PAY_PER_REQUEST",
    AttributeDefinitions: keyAttributes(table).map((name) => ({ AttributeName: name, AttributeType: "S" })),
    KeySchema: [
      { AttributeName: table.partitionKey, KeyType: "HASH" },
      { AttributeName: table.sortKey, KeyType: "RANGE" },
    ],
    GlobalSecondaryIndexes: table.indexes.map((index) => ({
      IndexName: index.indexName,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: "HASH" },
        { AttributeName: index.sortKey, KeyType: "RANGE" },
      ],
      Projection: { ProjectionType: "ALL" },
    })),
    ...(table.stream && streams ? { StreamSpecification: { StreamEnabled: true, StreamViewType: table.stream } } : {}),
  };
}

async function tableExists(client: DynamoDBClient, tableName: string): Promise<boolean> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return true;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return false;
    throw error;
  }
}

/** Returns the names of the tables it created. */
export async function ensureTables(
  client: DynamoDBClient,
  names: TableNames,
  options: TableOptions = {},
): Promise<string[]> {
  const created: string[] = [];
  for (const table of Object.values(tables)) {
    const tableName = names[table.id];
    if (await tableExists(client, tableName)) continue;
    await client.send(new CreateTableCommand(createTableInput(table, tableName, options)));
    await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: tableName });
    created.push(tableName);
  }
  return created;
}
