// Locally, what the Lambda event source mapping does in AWS: reads the desk table's stream from DynamoDB Local
// (DescribeStream, GetShardIterator, GetRecords, which it serves on its own endpoint) and hands the records, in
// order, to the search indexer (ADR 0021), resuming after a restart where the last run stopped (ADR 0027, amended).
// The SDK has no streams client installed here, so the three calls are plain JSON-protocol requests; DynamoDB Local
// does not check their signature.
import { readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { DescribeTableCommand, type DynamoDBClient, UpdateTableCommand } from "@aws-sdk/client-dynamodb";
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import * as z from "zod";
import { indexStreamRecords, isSearchIndexRecord } from "../../shared/search/indexer.ts";
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
  /**
   * Polls every `intervalMs` until stopped. `failedAlready` counts reads that failed before (a caller's own drain), so
   * the count handed to `onError` and `onRecovered` goes on from there.
   */
  start(intervalMs?: number, failedAlready?: number): void;
  stop(): Promise<void>;
  /** Records read since the reader was made, and how many of them were the index's own (not handed on). */
  totals(): { read: number; skipped: number };
}

/** What a polling reader tells of its failures: each failed poll with how many in a row, and the first good one after. */
export interface PollHealth {
  onError?: (error: unknown, failuresInARow: number) => void;
  onRecovered?: (failedPolls: number) => void;
}

/** Each shard's last sequence number read. */
export type ShardPositions = ReadonlyMap<string, string>;

export interface StreamReaderOptions extends PollHealth {
  /** Where an earlier run stopped reading: each of these shards is read after it (AFTER_SEQUENCE_NUMBER). */
  resumeAfter?: ShardPositions;
  /**
   * Awaited when the stream no longer holds a position of `resumeAfter` (trimmed, shard gone), before that shard is
   * read from its start (TRIM_HORIZON): the records in between are lost, so the caller rebuilds the index. Without
   * it the read fails instead.
   */
  onPositionLost?: (reason: string) => Promise<void>;
  /** After each page of records the consumer took (so a crash reads the page again rather than skip it). */
  onRead?: (positions: ShardPositions) => Promise<void>;
  /** Stops a read between pages (the read rejects); what was read stays read. */
  signal?: AbortSignal;
}

const MAX_POLL_DELAY_MS = 10_000;

/** While DynamoDB Local is down, each failed poll doubles the wait (up to 10 s) rather than retrying five times a second. */
export function pollDelay(intervalMs: number, failuresInARow: number): number {
  return Math.min(intervalMs * 2 ** failuresInARow, Math.max(intervalMs, MAX_POLL_DELAY_MS));
}

/** A refused streams call, with DynamoDB's error type (`__type` after its `#`). */
class StreamCallError extends Error {
  constructor(
    message: string,
    readonly type: string | undefined,
  ) {
    super(message);
  }
}

/** The errors that say the stream no longer holds a position, rather than that the engine failed to answer. */
const POSITION_GONE = new Set(["TrimmedDataAccessException", "ResourceNotFoundException"]);

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
  if (!response.ok) {
    const type = typeof payload === "object" && payload && "__type" in payload ? String(payload.__type) : undefined;
    throw new StreamCallError(
      `DynamoDB Local streams ${operation}: ${response.status} ${JSON.stringify(payload)}`,
      type?.slice(type.indexOf("#") + 1),
    );
  }
  return payload;
}

/** A raw record's sequence number, read without parsing the record (most pages after a rebuild are skipped). */
const sequenceNumberOf = (record: unknown): unknown =>
  (record as { dynamodb?: { SequenceNumber?: unknown } } | null | undefined)?.dynamodb?.SequenceNumber;

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
 * A reader of one stream, from where an earlier run stopped (`resumeAfter`) or else from its start (TRIM_HORIZON), so
 * nothing written before it started is missed; the indexer's writes are idempotent, so records read again after a
 * crash change nothing. The index's own records are not handed to the consumer.
 */
export function streamReader(
  endpoint: string,
  streamArn: string,
  consume: (records: unknown[]) => Promise<unknown>,
  options: StreamReaderOptions = {},
): StreamReader {
  const iterators = new Map<string, string | null>();
  const positions = new Map(options.resumeAfter);
  const totals = { read: 0, skipped: 0 };
  let resumedShardsChecked = false;
  let running: Promise<number> = Promise.resolve(0);
  let timer: NodeJS.Timeout | undefined;

  async function positionLost(shardId: string, reason: string): Promise<void> {
    if (!options.onPositionLost) throw new Error(`The stream ${streamArn} ${reason}`);
    await options.onPositionLost(reason);
    positions.delete(shardId);
    // Kept at once: the next start must not find the lost position again and rebuild once more.
    await options.onRead?.(positions);
  }

  async function firstIterator(shardId: string): Promise<string | null> {
    const after = positions.get(shardId);
    if (after !== undefined) {
      let lost: string;
      try {
        const resumed = iteratorSchema.parse(
          await streamCall(endpoint, "GetShardIterator", {
            StreamArn: streamArn,
            ShardId: shardId,
            ShardIteratorType: "AFTER_SEQUENCE_NUMBER",
            SequenceNumber: after,
          }),
        );
        if (resumed.ShardIterator) return resumed.ShardIterator;
        lost = `gives no iterator after ${after} in shard ${shardId}`;
      } catch (error) {
        if (!(error instanceof StreamCallError && error.type && POSITION_GONE.has(error.type))) throw error;
        lost = `no longer holds ${after} in shard ${shardId} (${error.type})`;
      }
      await positionLost(shardId, lost);
    }
    const started = iteratorSchema.parse(
      await streamCall(endpoint, "GetShardIterator", {
        StreamArn: streamArn,
        ShardId: shardId,
        ShardIteratorType: "TRIM_HORIZON",
      }),
    );
    return started.ShardIterator ?? null;
  }

  async function readOnce(): Promise<number> {
    const described = describeSchema.parse(await streamCall(endpoint, "DescribeStream", { StreamArn: streamArn }));
    const shards = described.StreamDescription.Shards;
    // A resumed shard the stream no longer lists was trimmed away, perhaps before it was read to its end.
    if (!resumedShardsChecked) {
      for (const shardId of positions.keys()) {
        if (!shards.some((shard) => shard.ShardId === shardId)) await positionLost(shardId, `has no shard ${shardId}`);
      }
      resumedShardsChecked = true;
    }
    let total = 0;
    // Parents come before their children in DescribeStream's list, so an entity's records stay in order.
    for (const shard of shards) {
      if (!iterators.has(shard.ShardId)) iterators.set(shard.ShardId, await firstIterator(shard.ShardId));
      for (let iterator = iterators.get(shard.ShardId); iterator; ) {
        options.signal?.throwIfAborted();
        const page = recordsSchema.parse(await streamCall(endpoint, "GetRecords", { ShardIterator: iterator }));
        const handed = page.Records.filter((record) => !isSearchIndexRecord(record));
        if (handed.length) await consume(handed);
        total += page.Records.length;
        totals.read += page.Records.length;
        totals.skipped += page.Records.length - handed.length;
        iterators.set(shard.ShardId, page.NextShardIterator ?? null);
        const last = sequenceNumberOf(page.Records.at(-1));
        if (typeof last === "string") {
          positions.set(shard.ShardId, last);
          await options.onRead?.(positions);
        }
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
    start(intervalMs = 200, failedAlready = 0) {
      let failures = failedAlready;
      const tick = () => {
        drain()
          .then(
            () => {
              if (failures > 0) options.onRecovered?.(failures);
              failures = 0;
            },
            (error: unknown) => {
              failures += 1;
              options.onError?.(error, failures);
            },
          )
          .finally(() => {
            if (timer) timer = setTimeout(tick, pollDelay(intervalMs, failures));
          });
      };
      timer = setTimeout(tick, pollDelay(intervalMs, failures));
    },
    async stop() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running.catch(() => 0);
    },
    totals: () => ({ ...totals }),
  };
}

/** The file, in the local stack's data folder, that says how far the search indexer has read the desk table's stream. */
export const SEARCH_POSITION_FILE = "search-stream.json";

const positionFileSchema = z.object({ streamArn: z.string(), shards: z.record(z.string(), z.string()) });

/**
 * Where the local reader stopped, kept in a file beside DynamoDB Local's data rather than in the desk table: a position
 * written there would be a stream record itself, read by the next poll, which would write the position again.
 * The file names its stream: a position of another stream (the table made anew) is no position.
 */
export function streamPositionFile(path: string) {
  return {
    /** The positions kept for `streamArn`, or why there are none. */
    async load(streamArn: string): Promise<{ positions: ShardPositions } | { none: string }> {
      let text: string;
      try {
        text = await readFile(path, "utf8");
      } catch (error) {
        if (error instanceof Error && "code" in error && error.code === "ENOENT")
          return { none: "no position of the stream kept" };
        throw error;
      }
      let kept: z.infer<typeof positionFileSchema>;
      try {
        kept = positionFileSchema.parse(JSON.parse(text));
      } catch {
        return { none: `${path} is not a stream position` };
      }
      if (kept.streamArn !== streamArn) return { none: "the position kept is another stream's" };
      return { positions: new Map(Object.entries(kept.shards)) };
    },
    /** Written to a file beside and renamed over the last, so a crash leaves one whole position or the other. */
    async save(streamArn: string, positions: ShardPositions): Promise<void> {
      const next = `${path}.next`;
      await writeFile(next, `${JSON.stringify({ streamArn, shards: Object.fromEntries(positions) })}\n`);
      await rename(next, path);
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
 * runs, from where the last start stopped (kept in `positionDir`). The index is rebuilt from the stored records when
 * the stream cannot tell what changed: it was just enabled (the first start's seed, an older `.local/`), no position of
 * it is kept, or the stream no longer holds the position kept. A stop (`signal`) interrupts the rebuild and the read;
 * until one rebuild has ended, each start does it again. Resolves when the index has caught up with the stream.
 */
export async function startSearchIndexing(opts: {
  client: DynamoDBClient;
  doc: DynamoDBDocumentClient;
  endpoint: string;
  tableNames: TableNames;
  log: (line: string) => void;
  intervalMs?: number;
  signal?: AbortSignal;
  /**
   * The folder beside DynamoDB Local's data where the reader's position is kept across starts (`SEARCH_POSITION_FILE`);
   * without it (in memory) each start reads the whole stream.
   */
  positionDir?: string;
}): Promise<StreamReader> {
  const { streamArn, enabledNow } = await ensureDeskStream(opts.client, opts.tableNames.desk);
  const store = opts.positionDir ? streamPositionFile(join(opts.positionDir, SEARCH_POSITION_FILE)) : undefined;
  const kept = store && !enabledNow ? await store.load(streamArn) : undefined;
  let rebuiltNow = false;
  const rebuild = async (why: string) => {
    const rebuilt = await rebuildSearchIndex({ doc: opts.doc, tableNames: opts.tableNames }, undefined, opts.signal);
    await opts.doc.send(
      new PutCommand({
        TableName: opts.tableNames.desk,
        Item: { ...REBUILT_MARK, entity: "search-rebuilt", at: new Date().toISOString() },
      }),
    );
    rebuiltNow = true;
    opts.log(`search: ${why}; index rebuilt for ${rebuilt.records} records`);
  };
  if (enabledNow) await rebuild(`stream enabled on ${opts.tableNames.desk}`);
  else if (!(await rebuildMarked(opts.doc, opts.tableNames))) await rebuild("the last start's rebuild did not end");
  else if (kept && "none" in kept) await rebuild(`${kept.none}, so what changed while the stack was down is unknown`);

  // One line when the stream stops answering, then one every tenth failed poll, and one when it answers again.
  const onError = (error: unknown, failuresInARow: number) => {
    if (failuresInARow % 10 !== 1 || opts.signal?.aborted) return;
    const reason = error instanceof Error ? error.message : String(error);
    opts.log(`search indexer: ${reason} (${failuresInARow} failed polls in a row; retrying, up to 10 s apart)`);
  };
  const reader = streamReader(opts.endpoint, streamArn, indexStreamRecords(opts), {
    resumeAfter: kept && "positions" in kept ? kept.positions : undefined,
    // The records between the position kept and what the stream still holds are gone: the stored records tell.
    onPositionLost: async (reason) => {
      const why = `the stream ${reason}, so it is read from its start`;
      if (rebuiltNow) opts.log(`search: ${why}; the index was rebuilt on this start`);
      else await rebuild(why);
    },
    onRead: store && ((positions) => store.save(streamArn, positions)),
    signal: opts.signal,
    onError,
    onRecovered: (failedPolls) =>
      opts.log(`search indexer: the stream answers again after ${failedPolls} failed polls`),
  });
  let failedFirst = 0;
  try {
    await reader.drain();
  } catch (error) {
    if (opts.signal?.aborted) throw error;
    failedFirst = 1;
    onError(error, failedFirst);
  }
  reader.start(opts.intervalMs, failedFirst);
  return reader;
}
