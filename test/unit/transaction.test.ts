import { DynamoDBClient, TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { writeTransaction } from "#shared/dynamo/transaction.ts";
import { Conflict } from "#shared/errors.ts";

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
});
