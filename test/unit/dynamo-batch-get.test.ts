// The one BatchGetItem loop every repository reads keys with (shared/dynamo/batch-get.ts): 100 keys a call, the keys a
// call leaves unprocessed asked again, eventually consistent unless asked, a projection passed on. The loop's use by
// the offers' reads (100/10/50 under throttling) is test/unit/assistance-offers-by-id.test.ts.
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { BatchGetCommand, type BatchGetCommandInput, DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { batchGetItems } from "#shared/dynamo/batch-get.ts";

const table = "desk-test";
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: "us-east-1" }));
const dynamo = mockClient(DynamoDBDocumentClient);
afterAll(() => dynamo.restore());
beforeEach(() => dynamo.reset());

const keysOf = (input: BatchGetCommandInput) => input.RequestItems?.[table]?.Keys ?? [];
const keys = (count: number) => Array.from({ length: count }, (_, n) => ({ pk: `K#${n}`, sk: "ITEM" }));

describe("batchGetItems", () => {
  it("asks 100 keys a call, again for those left unprocessed, and returns the items found", async () => {
    const asked: number[] = [];
    dynamo.on(BatchGetCommand).callsFake((input: BatchGetCommandInput) => {
      const batch = keysOf(input);
      asked.push(batch.length);
      // Every call leaves its last key unprocessed once it holds more than one; the missing key K#7 is never found.
      const [processed, unprocessed] = batch.length > 1 ? [batch.slice(0, -1), batch.slice(-1)] : [batch, []];
      return {
        Responses: { [table]: processed.filter((key) => key.pk !== "K#7").map((key) => ({ ...key, found: true })) },
        ...(unprocessed.length ? { UnprocessedKeys: { [table]: { Keys: unprocessed } } } : {}),
      };
    });
    const items = await batchGetItems(doc, table, keys(205));
    expect(asked).toEqual([100, 1, 100, 1, 5, 1]);
    expect(items).toHaveLength(204);
    expect(items.map((item) => item.pk)).not.toContain("K#7");
  });

  it("reads eventually consistently unless asked, and passes a projection on", async () => {
    dynamo.on(BatchGetCommand).resolves({ Responses: { [table]: [] } });
    await batchGetItems(doc, table, keys(2));
    await batchGetItems(doc, table, keys(2), { consistent: true, projection: "pk, sk" });
    const [plain, asked] = dynamo.commandCalls(BatchGetCommand).map((call) => call.args[0].input.RequestItems?.[table]);
    expect(plain?.ConsistentRead).toBeUndefined();
    expect(plain?.ProjectionExpression).toBeUndefined();
    expect(asked).toMatchObject({ ConsistentRead: true, ProjectionExpression: "pk, sk" });
  });

  it("makes no call for no keys", async () => {
    expect(await batchGetItems(doc, table, [])).toEqual([]);
    expect(dynamo.commandCalls(BatchGetCommand)).toHaveLength(0);
  });
});
