// Locally, what the Lambda event source mapping does in AWS: reads the desk table's stream from DynamoDB Local
// (DescribeStream, GetShardIterator, GetRecords, which it serves on its own endpoint) and hands the records, in
// order, to the search indexer (ADR 0021). The SDK has no streams client installed here, so the three calls are
// plain JSON-protocol requests; DynamoDB Local does not check their signature.
import { DescribeTableCommand, type DynamoDBClient, UpdateTableCommand } from "@aws-sdk/client-dynamodb";
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import * as z from "zod";
import { indexStreamRecords } from "../../shared/search/indexer.ts";
import { SEARCH_PREFIX } from "../../shared/search/keys.ts";
import { rebuildSearchIndex } from "../../shared/search/rebuild.ts";
import type { TableNames } from "../../shared/tables.ts";

const STREAMS_TARGET = "DynamoDBStreams_20120810";

const describeSchema = z.object({
  StreamDescription: z.object({
    Shards: z.array(z.object({ ShardId: z.string(), ParentShardId: z.string().optional() })),
  }),
});
const iteratorSchema = z.object({ ShardIterator: z.string().nullish() });
const recordsSchema = z.object({ Records: z.array(z.unknown()), NextShardIterator: z.string().nullish() });

export interface StreamReader {
  /** Reads every record written so far and hands it to the consumer; resolves when the shards have no more. */
  drain(): Promise<number>;
  /** Polls every `intervalMs` until stopped. */
  start(intervalMs?: number): void;
  stop(): Promise<void>;
}

/** What a polling reader tells of its failures: each failed poll with how many in a row, and the first good one after. */
export interface PollHealth {
  onError?: (error: unknown, failuresInARow: number) => void;
  onRecovered?: (failedPolls: number) => void;
}

const MAX_POLL_DELAY_MS = 10_000;

/** While DynamoDB Local is down, each failed poll doubles the wait (up to 10 s) rather than retrying five times a second. */
export function pollDelay(intervalMs: number, failuresInARow: number): number {
  return Math.min(intervalMs * 2 ** failuresInARow, Math.max(intervalMs, MAX_POLL_DELAY_MS));
}

async function streamCall(endpoint: string, operation: string, body: unknown): Promise<unknown> {
  const response = await fetch(endpoint, {
    method: "POST",
    headers: {
      "content-type": "application/x-amz-json-1.0",
      "x-amz-target": `${STREAMS_TARGET}.${operation}`,
      authorization:
        "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0",
    },
    body: JSON.stringify(body),
  });
  const payload: unknown = await response.json();
  if (!response.ok)
    throw new Error(`DynamoDB Local streams ${operation}: ${response.status} ${JSON.stringify(payload)}`);
  return payload;
}

/**
 * The desk table's stream ARN; a table created before the stream existed (an older `.local/`) gets one now, and
 * the caller rebuilds the index from the stored records.
 */
export async function ensureDeskStream(
  client: DynamoDBClient,
  tableName: string,
): Promise<{ streamArn: string; enabledNow: boolean }> {
  const described = await client.send(new DescribeTableCommand({ TableName: tableName }));
  const current = described.Table?.LatestStreamArn;
  if (current && described.Table?.StreamSpecification?.StreamEnabled) return { streamArn: current, enabledNow: false };
  const updated = await client.send(
    new UpdateTableCommand({
      TableName: tableName,
      StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" },
    }),
  );
  const streamArn = updated.TableDescription?.LatestStreamArn;
  if (!streamArn) throw new Error(`DynamoDB Local gave table ${tableName} no stream`);
  return { streamArn, enabledNow: true };
}

/**
 * A reader of one stream from its start (TRIM_HORIZON), so nothing written before it started is missed; the
 * indexer's writes are idempotent, so records read again after a restart change nothing.
 */
export function streamReader(
  endpoint: string,
  streamArn: string,
  consume: (records: unknown[]) => Promise<unknown>,
  health: PollHealth = {},
): StreamReader {
  const iterators = new Map<string, string | null>();
  let running: Promise<number> = Promise.resolve(0);
  let timer: NodeJS.Timeout | undefined;

  async function readOnce(): Promise<number> {
    const described = describeSchema.parse(await streamCall(endpoint, "DescribeStream", { StreamArn: streamArn }));
    let total = 0;
    // Parents come before their children in DescribeStream's list, so an entity's records stay in order.
    for (const shard of described.StreamDescription.Shards) {
      if (!iterators.has(shard.ShardId)) {
        const started = iteratorSchema.parse(
          await streamCall(endpoint, "GetShardIterator", {
            StreamArn: streamArn,
            ShardId: shard.ShardId,
            ShardIteratorType: "TRIM_HORIZON",
          }),
        );
        iterators.set(shard.ShardId, started.ShardIterator ?? null);
      }
      for (let iterator = iterators.get(shard.ShardId); iterator; ) {
        const page = recordsSchema.parse(await streamCall(endpoint, "GetRecords", { ShardIterator: iterator }));
        if (page.Records.length) await consume(page.Records);
        total += page.Records.length;
        iterators.set(shard.ShardId, page.NextShardIterator ?? null);
        // An open shard always gives a next iterator: stop at an empty page, continue on the next poll.
        iterator = page.Records.length ? page.NextShardIterator : null;
      }
    }
    return total;
  }

  /** One read at a time: a drain waits for a poll under way, then reads what is left. */
  const drain = () => {
    running = running.catch(() => 0).then(readOnce);
    return running;
  };

  return {
    drain,
    start(intervalMs = 200) {
      let failures = 0;
      const tick = () => {
        drain()
          .then(
            () => {
              if (failures > 0) health.onRecovered?.(failures);
              failures = 0;
            },
            (error: unknown) => {
              failures += 1;
              health.onError?.(error, failures);
            },
          )
          .finally(() => {
            if (timer) timer = setTimeout(tick, pollDelay(intervalMs, failures));
          });
      };
      timer = setTimeout(tick, intervalMs);
    },
    async stop() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running.catch(() => 0);
    },
  };
}

/**
 * Says that the index was rebuilt after the stream was enabled. The stream's reader and the rebuild skip it (its key
 * is under the index's prefix, its entity is not a token's), and no token's partition is named "~".
 */
export const REBUILT_MARK = { pk: `${SEARCH_PREFIX}~`, sk: "rebuilt-after-stream" };

async function rebuildMarked(doc: DynamoDBDocumentClient, tableNames: TableNames): Promise<boolean> {
  const found = await doc.send(new GetCommand({ TableName: tableNames.desk, Key: REBUILT_MARK, ConsistentRead: true }));
  return found.Item !== undefined;
}

/**
 * The local stack's search indexing: the desk table's stream, read every `intervalMs` by the same indexer the Lambda
 * runs. The records stored before the stream was enabled (the first start's seed, an older `.local/`) are indexed by a
 * rebuild, which a stop (`signal`) interrupts; until one has ended, each start does it again.
 */
export async function startSearchIndexing(opts: {
  client: DynamoDBClient;
  doc: DynamoDBDocumentClient;
  endpoint: string;
  tableNames: TableNames;
  log: (line: string) => void;
  intervalMs?: number;
  signal?: AbortSignal;
}): Promise<StreamReader> {
  const { streamArn, enabledNow } = await ensureDeskStream(opts.client, opts.tableNames.desk);
  if (enabledNow || !(await rebuildMarked(opts.doc, opts.tableNames))) {
    const rebuilt = await rebuildSearchIndex({ doc: opts.doc, tableNames: opts.tableNames }, undefined, opts.signal);
    await opts.doc.send(
      new PutCommand({
        TableName: opts.tableNames.desk,
        Item: { ...REBUILT_MARK, entity: "search-rebuilt", at: new Date().toISOString() },
      }),
    );
    const why = enabledNow ? `stream enabled on ${opts.tableNames.desk}` : "the last start's rebuild did not end";
    opts.log(`search: ${why}; index rebuilt for ${rebuilt.records} records`);
  }
  // One line when the stream stops answering, then one every tenth failed poll, and one when it answers again.
  const reader = streamReader(opts.endpoint, streamArn, indexStreamRecords(opts), {
    onError: (error, failuresInARow) => {
      if (failuresInARow % 10 !== 1) return;
      const reason = error instanceof Error ? error.message : String(error);
      opts.log(`search indexer: ${reason} (${failuresInARow} failed polls in a row; retrying, up to 10 s apart)`);
    },
    onRecovered: (failedPolls) =>
      opts.log(`search indexer: the stream answers again after ${failedPolls} failed polls`),
  });
  reader.start(opts.intervalMs);
  return reader;
}
