import { DynamoDBClient, DynamoDBServiceException } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { encodeCursor, queryPage } from "#shared/dynamo/pagination.ts";
import { Malformed } from "#shared/errors.ts";
import { tables } from "#shared/tables.ts";

const dynamo = mockClient(DynamoDBDocumentClient);
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: "us-east-1" }));
afterAll(() => dynamo.restore());
beforeEach(() => {
  dynamo.reset();
  dynamo.on(QueryCommand).resolves({ Items: [] });
});

const toItem = (raw: Record<string, unknown>) => raw;

/** The States through gsi2, as the registry lists them. */
const allStates = {
  TableName: "desk",
  IndexName: "gsi2",
  KeyConditionExpression: "gsi2pk = :partition",
  ExpressionAttributeValues: { ":partition": "STATES" },
};
const statesKey = { pk: "STATE#AGO", sk: "STATE", gsi2pk: "STATES", gsi2sk: "AGO" };

/** A partition of the table itself, narrowed by a prefix, as the ledger and the matrix list theirs. */
const waveMessages = {
  TableName: "desk",
  KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
  ExpressionAttributeValues: { ":pk": "WAVE#W1", ":prefix": "MESSAGE#" },
};

/** The audit trail of one State over a span of days, as the dossier reads it. */
const stateTrail = {
  TableName: "audit",
  IndexName: "byState",
  KeyConditionExpression: "#partition = :partition AND sk BETWEEN :from AND :to",
  ExpressionAttributeNames: { "#partition": "iso3" },
  ExpressionAttributeValues: { ":partition": "MLI", ":from": "2026-01-01T", ":to": "2026-03-31T~" },
};

/** Stale contacts: a key range below a day on gsi3. */
const staleContacts = {
  TableName: "desk",
  IndexName: "gsi3",
  KeyConditionExpression: "gsi3pk = :partition AND gsi3sk < :staleBefore",
  ExpressionAttributeValues: { ":partition": "CONTACT#VERIFIED", ":staleBefore": "2025-11-27" },
};

type Query = typeof allStates | typeof waveMessages | typeof stateTrail | typeof staleContacts;

const pageFrom = (input: Query, key: Record<string, unknown>) =>
  queryPage(doc, input, { limit: 2, cursor: encodeCursor(key, "scope"), scope: "scope" }, toItem);

const startKeySent = () => dynamo.commandCalls(QueryCommand)[0]?.args[0].input.ExclusiveStartKey;

async function expectRefused(input: Query, key: Record<string, unknown>) {
  const refused = await pageFrom(input, key).catch((error: unknown) => error);
  expect(refused).toBeInstanceOf(Malformed);
  expect(refused).toMatchObject({ issues: [{ path: "query.cursor", message: expect.stringContaining("altered") }] });
  expect(dynamo.commandCalls(QueryCommand)).toHaveLength(0);
}

describe("a cursor's start key", () => {
  it("is judged by the index name alone: index names are unique across tables, and every table's own key is pk/sk", () => {
    const indexNames = Object.values(tables).flatMap((table) => table.indexes.map((index) => index.indexName));
    expect(new Set(indexNames).size).toBe(indexNames.length);
    for (const table of Object.values(tables)) expect([table.partitionKey, table.sortKey]).toEqual(["pk", "sk"]);
  });

  it("is sent to DynamoDB when it is the key of an item the query reads", async () => {
    for (const [input, key] of [
      [allStates, statesKey],
      [waveMessages, { pk: "WAVE#W1", sk: "MESSAGE#contact-7" }],
      [stateTrail, { pk: "state#MLI", sk: "2026-02-10T09:00:00Z#01J", iso3: "MLI" }],
      [staleContacts, { pk: "STATE#FRA", sk: "CONTACT#01J", gsi3pk: "CONTACT#VERIFIED", gsi3sk: "2024-05-01#01J" }],
    ] as const) {
      dynamo.resetHistory();
      await pageFrom(input, key);
      expect(startKeySent()).toEqual(key);
    }
  });

  it("is refused with the cursor's 400 when it lacks the index's key attributes", async () => {
    await expectRefused(allStates, { pk: "STATE#AGO" });
    await expectRefused(allStates, { pk: "STATE#AGO", sk: "STATE" });
  });

  it("is refused when it holds an attribute that is not a key of the index queried", async () => {
    await expectRefused(allStates, { ...statesKey, gsi1pk: "REGION#african" });
    await expectRefused(waveMessages, { pk: "WAVE#W1", sk: "MESSAGE#contact-7", gsi2pk: "AUDIT" });
    await expectRefused(allStates, { ...statesKey, name: "Angola" });
  });

  it("is refused when a key attribute is not a string", async () => {
    await expectRefused(allStates, { ...statesKey, gsi2sk: 7 });
  });

  it("is refused when it lies in another partition than the query's", async () => {
    await expectRefused(allStates, { ...statesKey, gsi2pk: "AUDIT" });
    await expectRefused(waveMessages, { pk: "WAVE#W2", sk: "MESSAGE#contact-7" });
    await expectRefused(stateTrail, { pk: "state#FRA", sk: "2026-02-10T09:00:00Z#01J", iso3: "FRA" });
  });

  it("is refused when its sort key falls outside the query's begins_with, between or comparison", async () => {
    await expectRefused(waveMessages, { pk: "WAVE#W1", sk: "WAVE" });
    await expectRefused(stateTrail, { pk: "state#MLI", sk: "2025-12-31T23:00:00Z#01J", iso3: "MLI" });
    await expectRefused(stateTrail, { pk: "state#MLI", sk: "2026-04-01T00:00:00Z#01J", iso3: "MLI" });
    await expectRefused(staleContacts, {
      pk: "STATE#FRA",
      sk: "CONTACT#01J",
      gsi3pk: "CONTACT#VERIFIED",
      gsi3sk: "2025-12-01#01J",
    });
  });

  it("maps DynamoDB's ValidationException on a cursor's start key to the cursor's 400", async () => {
    dynamo.on(QueryCommand).rejects(
      new DynamoDBServiceException({
        name: "ValidationException",
        $fault: "client",
        $metadata: {},
        message: "The provided starting key is invalid",
      }),
    );
    const refused = await pageFrom(allStates, statesKey).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(Malformed);
  });

  it("leaves a ValidationException on a first page (no cursor) as the fault it is", async () => {
    const fault = new DynamoDBServiceException({
      name: "ValidationException",
      $fault: "client",
      $metadata: {},
      message: "Query condition missed key schema element",
    });
    dynamo.on(QueryCommand).rejects(fault);
    await expect(queryPage(doc, allStates, { limit: 2, scope: "scope" }, toItem)).rejects.toBe(fault);
  });
});
