import { DynamoDBClient, TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { MAX_ITEM_BYTES } from "#shared/dynamo/item-size.ts";
import { writeTransaction } from "#shared/dynamo/transaction.ts";
import { Conflict, Invalid } from "#shared/errors.ts";

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: "us-east-1" }));
const dynamo = mockClient(DynamoDBDocumentClient);
afterAll(() => dynamo.restore());
const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({
    message: "Transaction cancelled",
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });
const writes = [
  {
    item: { Put: { TableName: "t", Item: { pk: "a", sk: "b" }, ConditionExpression: "attribute_not_exists(pk)" } },
    onConditionFailed: () => new Conflict("a exists already"),
  },
  { item: { Put: { TableName: "audit", Item: { pk: "x", sk: "y" } } } },
];

beforeEach(() => dynamo.reset());

describe("writeTransaction", () => {
  it("sends a transaction cancelled by a race again, and succeeds when the race is over", async () => {
    dynamo.on(TransactWriteCommand).rejectsOnce(cancelled("TransactionConflict", "None")).resolves({});
    await writeTransaction(doc, writes);
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(2);
  });

  it("gives up after three resends of a lasting race", async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled("TransactionConflict", "None"));
    await expect(writeTransaction(doc, writes)).rejects.toBeInstanceOf(TransactionCanceledException);
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(4);
  });

  it("turns a failed condition into the write's own domain error, without resending", async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled("ConditionalCheckFailed", "None"));
    await expect(writeTransaction(doc, writes)).rejects.toThrow("a exists already");
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(1);
    expect(dynamo.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems?.[0]?.Put).toMatchObject({
      ReturnValuesOnConditionCheckFailure: "ALL_OLD",
    });
  });

  it("refuses an item over the size one item may take, sending nothing, and says when it is the audit entry", async () => {
    dynamo.on(TransactWriteCommand).resolves({});
    const large = "x".repeat(MAX_ITEM_BYTES);
    const record = { item: { Put: { TableName: "t", Item: { pk: "a", sk: "b", text: large } } } };
    const audit = {
      item: { Put: { TableName: "audit", Item: { pk: "x", sk: "y", actorKey: "u1", after: { text: large } } } },
    };
    const refusal = writeTransaction(doc, [writes[0] ?? record, audit]);
    await expect(refusal).rejects.toBeInstanceOf(Invalid);
    await expect(refusal).rejects.toThrow(/its audit entry \(the record before and after\) would take about \d+ bytes/);
    await expect(writeTransaction(doc, [record])).rejects.toThrow(/too large to store: the record would take/);
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(0);
    await writeTransaction(doc, [{ item: { Put: { TableName: "t", Item: { pk: "a", text: "x".repeat(300_000) } } } }]);
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });
});
