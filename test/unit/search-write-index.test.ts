// writeIndex, the search index's one way of writing: the requests it sends through the plain DynamoDB client (the
// Lambda carries no document client, ADR 0042) and through the document client a rebuild hands it, and what it does
// with the writes DynamoDB leaves unprocessed.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { BatchWriteItemCommand, DynamoDBClient, type WriteRequest } from "@aws-sdk/client-dynamodb";
import { BatchWriteCommand } from "@aws-sdk/lib-dynamodb";
import { marshall } from "@aws-sdk/util-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createDocumentClient, createDynamoClient } from "#shared/dynamo/client.ts";
import { BATCH_SENDS, type IndexWrite, indexWrites, writeIndex } from "#shared/search/indexer.ts";
import { bodyOf } from "../support/request-body.ts";

const tableNames = { desk: "desk-test", audit: "audit-test" };

const state = (iso3: string, iso2: string, name: string) => ({
  pk: `STATE#${iso3}`,
  sk: "STATE",
  entity: "state",
  iso3,
  iso2,
  name,
});

/**
 * A renamed State (its old tokens deleted), new States (over 25 writes in all), and a put whose undefined attribute,
 * number and nested map put the marshalling options to work.
 */
const writes: IndexWrite[] = [
  ...indexWrites(state("FRA", "FR", "French Republic"), state("FRA", "FR", "France")),
  ...indexWrites(undefined, state("CHE", "CH", "Switzerland")),
  ...indexWrites(undefined, state("DEU", "DE", "Germany")),
  ...indexWrites(undefined, state("ITA", "IT", "Italy")),
  {
    PutRequest: {
      Item: { pk: "SEARCH#te", sk: "contact#test#c1", active: true, left: undefined, count: 3, tags: { a: ["b"] } },
    },
  },
];

describe("the requests writeIndex sends", () => {
  let server: Server;
  let endpoint = "";
  const client = () => createDynamoClient({ region: "us-east-1", endpoint });
  const requests: { target: string | undefined; body: unknown }[] = [];

  beforeAll(async () => {
    // Answers as DynamoDB does when it processed every write.
    server = createServer(async (request, response) => {
      requests.push({ target: request.headers["x-amz-target"]?.toString(), body: JSON.parse(await bodyOf(request)) });
      response.writeHead(200, { "content-type": "application/x-amz-json-1.0" });
      response.end(JSON.stringify({ UnprocessedItems: {} }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => {
    requests.length = 0;
  });

  /** What the document client sends for the same writes, in batches of 25 as writeIndex makes them. */
  async function documentClientRequests() {
    const doc = createDocumentClient(client());
    for (let start = 0; start < writes.length; start += 25) {
      await doc.send(new BatchWriteCommand({ RequestItems: { [tableNames.desk]: writes.slice(start, start + 25) } }));
    }
    return requests.splice(0);
  }

  it("are, through the plain client, what the document client's BatchWriteCommand sends", async () => {
    expect(writes.length).toBeGreaterThan(25);
    const expected = await documentClientRequests();
    await writeIndex({ client: client(), tableNames }, writes);
    expect(requests).toEqual(expected);
    expect(requests.map((request) => request.target)).toEqual([
      "DynamoDB_20120810.BatchWriteItem",
      "DynamoDB_20120810.BatchWriteItem",
    ]);
  });

  it("are the same through a document client, as a rebuild sends them", async () => {
    const expected = await documentClientRequests();
    await writeIndex({ client: createDocumentClient(client()), tableNames }, writes);
    expect(requests).toEqual(expected);
  });
});

describe("the writes DynamoDB leaves unprocessed", () => {
  const deps = { client: new DynamoDBClient({ region: "us-east-1" }), tableNames };
  const dynamo = mockClient(deps.client);
  const sentRequests = () =>
    dynamo.commandCalls(BatchWriteItemCommand).map((call) => call.args[0].input.RequestItems?.[tableNames.desk]);

  beforeEach(() => {
    dynamo.reset();
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("are sent again after a wait, and the call succeeds once DynamoDB took them", async () => {
    const left: WriteRequest = { DeleteRequest: { Key: marshall({ pk: "SEARCH#fr", sk: "state#french#FRA" }) } };
    dynamo
      .on(BatchWriteItemCommand)
      .resolvesOnce({ UnprocessedItems: { [tableNames.desk]: [left] } })
      .resolves({});
    const written = writeIndex(deps, writes.slice(0, 3));
    await vi.advanceTimersByTimeAsync(99);
    expect(sentRequests()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await written;
    expect(sentRequests()).toEqual([expect.any(Array), [left]]);
  });

  it("fail the call after BATCH_SENDS sends, naming the table and how many writes were left, within 4.5 s", async () => {
    // Every send leaves its last two writes unprocessed.
    dynamo.on(BatchWriteItemCommand).callsFake(({ RequestItems }) => ({
      UnprocessedItems: { [tableNames.desk]: RequestItems[tableNames.desk].slice(-2) },
    }));
    const started = Date.now();
    const written = writeIndex(deps, writes);
    const failed = expect(written).rejects.toThrow(
      "2 search index write(s) to desk-test still unprocessed after 8 BatchWriteItem sends",
    );
    await vi.runAllTimersAsync();
    await failed;
    await expect(written).rejects.toMatchObject({
      name: "UnprocessedIndexWrites",
      table: tableNames.desk,
      unprocessed: 2,
    });
    expect(Date.now() - started).toBe(4500);
    // The first batch stayed unprocessed: the later ones were never sent.
    const sent = sentRequests();
    expect(sent).toHaveLength(BATCH_SENDS);
    expect(sent[0]).toHaveLength(25);
    expect(sent.slice(1)).toEqual(Array(BATCH_SENDS - 1).fill(sent[0]?.slice(-2)));
  });
});
