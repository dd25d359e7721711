// The local stream reader when the stream no longer holds the position it resumes after, and when the engine fails for
// a while: DynamoDB Local cannot be made to trim a stream or to fail on demand, so a stand-in answers the streams calls
// as DynamoDB does then.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { type ShardPositions, streamReader } from "../../infra/local/search-stream.ts";

const SHARD = "shardId-00000001796394880123-131bd84a";
const record = (sequenceNumber: string) => ({
  eventName: "INSERT",
  dynamodb: { Keys: { pk: { S: "ORG#A" }, sk: { S: "ORG" } }, SequenceNumber: sequenceNumber },
});

const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
});

/**
 * A stream of one shard holding one record; `resumed` is what GetShardIterator answers to AFTER_SEQUENCE_NUMBER. The
 * first `failFirst` calls answer 500, as an engine that fails for a while.
 */
async function stream(resumed: { status: number; body: unknown }, failFirst = 0) {
  const calls: string[] = [];
  let failures = failFirst;
  const server = createServer((request, response) => {
    let text = "";
    request.on("data", (chunk) => {
      text += chunk;
    });
    request.on("end", () => {
      const operation = String(request.headers["x-amz-target"]).split(".").at(-1) ?? "";
      const body = JSON.parse(text);
      calls.push(body.ShardIteratorType ? `${operation} ${body.ShardIteratorType}` : operation);
      const answer =
        failures-- > 0
          ? { status: 500, body: { __type: "com.amazonaws.dynamodb.v20120810#InternalFailure" } }
          : operation === "DescribeStream"
            ? { status: 200, body: { StreamDescription: { Shards: [{ ShardId: SHARD }] } } }
            : operation === "GetShardIterator" && body.ShardIteratorType === "AFTER_SEQUENCE_NUMBER"
              ? resumed
              : operation === "GetShardIterator"
                ? { status: 200, body: { ShardIterator: "from-the-start" } }
                : body.ShardIterator === "from-the-start"
                  ? { status: 200, body: { Records: [record("000000000000000000007")], NextShardIterator: "after-7" } }
                  : { status: 200, body: { Records: [], NextShardIterator: "after-7" } };
      response.writeHead(answer.status, { "content-type": "application/x-amz-json-1.0" });
      response.end(JSON.stringify(answer.body));
    });
  });
  servers.push(server);
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls };
}

const trimmed = {
  status: 400,
  body: {
    __type: "com.amazonaws.dynamodb.v20120810#TrimmedDataAccessException",
    message: "The operation attempted to read past the oldest stream record in a shard.",
  },
};
const resumeAfter: ShardPositions = new Map([[SHARD, "000000000000000000003"]]);

describe("the local stream reader resuming after a position the stream no longer holds", () => {
  it.each([
    ["trimmed", trimmed, /no longer holds 000000000000000000003 in shard .* \(TrimmedDataAccessException\)/],
    ["no iterator", { status: 200, body: { ShardIterator: null } }, /gives no iterator after 000000000000000000003/],
  ])(
    "(%s) says so and waits for the caller before reading the shard from its start",
    async (_case, resumed, reason) => {
      const { endpoint, calls } = await stream(resumed);
      const handed: unknown[] = [];
      const saved: ShardPositions[] = [];
      const reader = streamReader(endpoint, "arn:stream", async (records) => handed.push(...records), {
        resumeAfter,
        onPositionLost: async (why) => {
          calls.push(`lost: ${why}`);
        },
        onRead: async (positions) => {
          saved.push(new Map(positions));
        },
      });
      await reader.drain();
      expect(calls.slice(0, 4)).toEqual([
        "DescribeStream",
        "GetShardIterator AFTER_SEQUENCE_NUMBER",
        expect.stringMatching(reason),
        "GetShardIterator TRIM_HORIZON",
      ]);
      expect(handed).toEqual([record("000000000000000000007")]);
      // The lost position is forgotten at once, then the page read from the start is kept.
      expect(saved).toEqual([new Map(), new Map([[SHARD, "000000000000000000007"]])]);
    },
  );

  it("fails rather than read from the start when no one is told, and when the engine fails to answer", async () => {
    const lost = await stream(trimmed);
    const consume = async () => {
      throw new Error("nothing may be handed on");
    };
    await expect(streamReader(lost.endpoint, "arn:stream", consume, { resumeAfter }).drain()).rejects.toThrow(
      /no longer holds 000000000000000000003/,
    );
    expect(lost.calls).not.toContain("GetShardIterator TRIM_HORIZON");

    // An engine's failure is not a lost position: the read fails (the poll retries) and nothing is rebuilt.
    const failing = await stream({ status: 500, body: { __type: "com.amazonaws.dynamodb.v20120810#InternalFailure" } });
    const told: string[] = [];
    const reader = streamReader(failing.endpoint, "arn:stream", consume, {
      resumeAfter,
      onPositionLost: async (why) => {
        told.push(why);
      },
    });
    await expect(reader.drain()).rejects.toThrow(/InternalFailure/);
    expect(told).toEqual([]);
    expect(failing.calls).not.toContain("GetShardIterator TRIM_HORIZON");
  });
});

describe("the local stream reader when the engine fails for a while", () => {
  it("counts a failed first read with the polls after it: the caller's line, then one when the stream answers again", async () => {
    const flaky = await stream(trimmed, 2);
    const failures: number[] = [];
    let recovered: (failedPolls: number) => void = () => undefined;
    const answeredAgain = new Promise<number>((done) => {
      recovered = done;
    });
    const reader = streamReader(flaky.endpoint, "arn:stream", async () => undefined, {
      onError: (_error, failuresInARow) => failures.push(failuresInARow),
      onRecovered: (failedPolls) => recovered(failedPolls),
    });
    await expect(reader.drain()).rejects.toThrow(/InternalFailure/);
    reader.start(5, 1);
    expect(await answeredAgain).toBe(2);
    // The poll's failure is the second in a row: startSearchIndexing logs the first and every tenth after it.
    expect(failures).toEqual([2]);
    await reader.stop();
  });
});
