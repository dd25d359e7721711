// The tables on DynamoDB Local as `npm start` finds them: created when missing, and an existing table from an older
// checkout given the index its definition gained since (its items kept), so a query on that index answers.
import { randomUUID } from "node:crypto";
import { CreateTableCommand, DescribeTableCommand, waitUntilTableExists } from "@aws-sdk/client-dynamodb";
import { PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, inject, it } from "vitest";
import { createDocumentClient, createDynamoClient } from "#shared/dynamo/client.ts";
import { createTableInput, ensureTables } from "#shared/dynamo/ensure-tables.ts";
import { type TableNames, tables } from "#shared/tables.ts";

const client = createDynamoClient({ region: "us-east-1", endpoint: inject("dynamoEndpoint") });
const doc = createDocumentClient(client);
const namesOf = (prefix: string): TableNames => ({ desk: `${prefix}-desk`, audit: `${prefix}-audit` });
const indexesOf = async (tableName: string) =>
  ((await client.send(new DescribeTableCommand({ TableName: tableName }))).Table?.GlobalSecondaryIndexes ?? [])
    .map((index) => index.IndexName)
    .sort();

describe("the tables npm start ensures", () => {
  it("creates what is missing, and nothing on a second run", async () => {
    const names = namesOf(randomUUID().slice(0, 8));
    expect(await ensureTables(client, names, { streams: false })).toEqual({
      created: [names.desk, names.audit],
      indexesAdded: [],
    });
    expect(await ensureTables(client, names, { streams: false })).toEqual({ created: [], indexesAdded: [] });
  });

  it("adds to an existing audit table the index it lacks, keeping its items, and the index answers", async () => {
    const names = namesOf(randomUUID().slice(0, 8));
    // The audit table as an older checkout made it, without byActor.
    const older = { ...tables.audit, indexes: tables.audit.indexes.filter((index) => index.indexName !== "byActor") };
    await client.send(new CreateTableCommand(createTableInput(older, names.audit, { streams: false })));
    await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: names.audit });
    const item = { pk: "state#MLI", sk: "2026-01-01T00:00:00.000Z#A1", day: "2026-01-01", actorKey: "u1", iso3: "MLI" };
    await doc.send(new PutCommand({ TableName: names.audit, Item: item }));

    expect(await ensureTables(client, names, { streams: false })).toEqual({
      created: [names.desk],
      indexesAdded: [`${names.audit}.byActor`],
    });
    expect(await indexesOf(names.audit)).toEqual(tables.audit.indexes.map((index) => index.indexName).sort());
    const byActor = await doc.send(
      new QueryCommand({
        TableName: names.audit,
        IndexName: "byActor",
        KeyConditionExpression: "actorKey = :actor",
        ExpressionAttributeValues: { ":actor": "u1" },
      }),
    );
    expect(byActor.Items).toEqual([item]);
  });
});
