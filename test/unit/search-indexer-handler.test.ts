import { BatchWriteItemCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { marshall } from "@aws-sdk/util-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSearchIndexerHandler } from "../../functions/search-indexer/app.ts";

const tableNames = { desk: "desk-test", audit: "audit-test" };
const client = new DynamoDBClient({ region: "us-east-1" });
const dynamo = mockClient(DynamoDBClient);
afterAll(() => dynamo.restore());
const logger = { info: () => {}, error: () => {} };
const handler = createSearchIndexerHandler({ client, tableNames, logger });

const organization = (id: string, name: string) => ({
  pk: `ORG#${id}`,
  sk: "ORG",
  entity: "organization",
  id,
  name,
  acronym: id.toUpperCase(),
});
const insert = (sequence: string, item: { pk: string; sk: string }) => ({
  eventName: "INSERT",
  dynamodb: { Keys: marshall({ pk: item.pk, sk: item.sk }), NewImage: marshall(item), SequenceNumber: sequence },
});

beforeEach(() => dynamo.reset());
afterEach(() => {
  vi.useRealTimers();
});

describe("search indexer handler", () => {
  it("writes each record's tokens and skips the index's own items", async () => {
    dynamo.on(BatchWriteItemCommand).resolves({});
    const own = { pk: "SEARCH#ia", sk: "organization#iaea#iaea", entity: "search-token" };
    const result = await handler({ Records: [insert("1", organization("iaea", "Atomic Energy")), insert("2", own)] });
    expect(result.batchItemFailures).toEqual([]);
    const written = dynamo
      .commandCalls(BatchWriteItemCommand)
      .flatMap((call) => call.args[0].input.RequestItems?.[tableNames.desk] ?? [])
      .map((request) => String(request.PutRequest?.Item?.sk?.S));
    expect(written.sort()).toEqual(["organization#atomic#iaea", "organization#energy#iaea", "organization#iaea#iaea"]);
  });

  it("reports the first record that failed, so the stream resumes there and the earlier ones stay done", async () => {
    dynamo.on(BatchWriteItemCommand).resolvesOnce({}).rejects(new Error("throttled for good"));
    const result = await handler({
      Records: [insert("10", organization("opcw", "Chemical")), insert("11", organization("osce", "Security"))],
    });
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: "11" }]);
  });

  it("retries the writes DynamoDB left unprocessed", async () => {
    dynamo
      .on(BatchWriteItemCommand)
      .resolvesOnce({
        UnprocessedItems: { [tableNames.desk]: [{ DeleteRequest: { Key: marshall({ pk: "SEARCH#ch", sk: "x" }) } }] },
      })
      .resolves({});
    const result = await handler({ Records: [insert("20", organization("opcw", "Chemical"))] });
    expect(result.batchItemFailures).toEqual([]);
    expect(dynamo.commandCalls(BatchWriteItemCommand)).toHaveLength(2);
  });

  it("fails the batch from a record whose writes DynamoDB keeps leaving unprocessed, and logs why", async () => {
    vi.useFakeTimers();
    const error = vi.fn();
    const failing = createSearchIndexerHandler({ client, tableNames, logger: { info: () => {}, error } });
    dynamo
      .on(BatchWriteItemCommand)
      .resolvesOnce({})
      .callsFake(({ RequestItems }) => ({ UnprocessedItems: RequestItems }));
    const result = failing({
      Records: [insert("30", organization("opcw", "Chemical")), insert("31", organization("osce", "Security"))],
    });
    await vi.runAllTimersAsync();
    expect(await result).toEqual({ batchItemFailures: [{ itemIdentifier: "31" }] });
    expect(error).toHaveBeenCalledWith("search indexing failed", {
      position: 1,
      sequenceNumber: "31",
      error: expect.objectContaining({
        name: "UnprocessedIndexWrites",
        message: "2 search index write(s) to desk-test still unprocessed after 8 BatchWriteItem sends",
      }),
    });
  });
});
