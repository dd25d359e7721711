// The search indexer: turns the desk table's stream records into token item writes. A record's old image names the
// tokens to remove, its new image the tokens to (re)write, so a replayed record changes nothing (ADR 0021).
import {
  type AttributeValue,
  BatchWriteItemCommand,
  type BatchWriteItemCommandOutput,
  type DynamoDBClient,
  type WriteRequest,
} from "@aws-sdk/client-dynamodb";
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
// zod/mini: the search-indexer function reads no other schema, and classic zod weighs four times as much (ADR 0029).
import * as z from "zod/mini";
import { DESK_MARSHALL_OPTIONS } from "../dynamo/dynamo-client.ts";
import type { TableNames } from "../tables.ts";
import { searchEntryOf, searchTokenItems } from "./entries.ts";
import { SEARCH_PREFIX } from "./keys.ts";

export interface IndexerDependencies {
  /**
   * The plain client: the writes are marshalled here, so the function's bundle carries no document client (ADR 0042).
   * A document client does too: it sends a plain command through its own client's middleware, unchanged.
   */
  client: Pick<DynamoDBClient, "send">;
  tableNames: TableNames;
}

type Image = Record<string, AttributeValue>;
const imageSchema = z.record(
  z.string(),
  z.custom<AttributeValue>((value) => typeof value === "object" && !!value),
);

/** A DynamoDB stream record as Lambda delivers it and as GetRecords returns it (only what the indexer reads). */
export const streamRecordSchema = z.object({
  eventName: z.enum(["INSERT", "MODIFY", "REMOVE"]),
  dynamodb: z.object({
    Keys: imageSchema,
    NewImage: z.optional(imageSchema),
    OldImage: z.optional(imageSchema),
    SequenceNumber: z.optional(z.string()),
  }),
});
export type StreamRecord = z.infer<typeof streamRecordSchema>;

type Key = { pk: string; sk: string };
export type IndexWrite = { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: Key } };

const BATCH_LIMIT = 25;
const keyId = (key: Key) => `${key.pk}\u0000${key.sk}`;
const itemOf = (image: Image | undefined) => (image ? (unmarshall(image) as Record<string, unknown>) : undefined);

/** The writes that bring the index from the old image's tokens to the new image's. */
export function indexWrites(
  oldItem: Record<string, unknown> | undefined,
  newItem: Record<string, unknown> | undefined,
) {
  const oldEntry = searchEntryOf(oldItem);
  const newEntry = searchEntryOf(newItem);
  const puts = newEntry ? searchTokenItems(newEntry) : [];
  const kept = new Set(puts.map((item) => keyId(item)));
  const deletes = (oldEntry ? searchTokenItems(oldEntry) : [])
    .filter((item) => !kept.has(keyId(item)))
    .map(({ pk, sk }) => ({ DeleteRequest: { Key: { pk, sk } } }));
  return [...deletes, ...puts.map((item) => ({ PutRequest: { Item: item } }))] satisfies IndexWrite[];
}

const requestOf = (write: IndexWrite): WriteRequest =>
  "PutRequest" in write
    ? { PutRequest: { Item: marshall(write.PutRequest.Item, DESK_MARSHALL_OPTIONS) } }
    : { DeleteRequest: { Key: marshall(write.DeleteRequest.Key, DESK_MARSHALL_OPTIONS) } };

/**
 * How many times one batch is sent while DynamoDB leaves some of it unprocessed (throttling): the waits between the
 * sends add up to 4.5 s at most, well under the indexer's 1-minute timeout (infra/search-indexer.ts).
 */
export const BATCH_SENDS = 8;

/** DynamoDB still left part of a batch unprocessed after BATCH_SENDS sends: the caller fails, to be retried. */
export class UnprocessedIndexWrites extends Error {
  override readonly name = "UnprocessedIndexWrites";
  constructor(
    readonly table: string,
    readonly unprocessed: number,
  ) {
    super(
      `${unprocessed} search index write(s) to ${table} still unprocessed after ${BATCH_SENDS} BatchWriteItem sends`,
    );
  }
}

/** Writes in batches of 25; what DynamoDB left unprocessed goes again after a growing wait, BATCH_SENDS sends at most. */
export async function writeIndex(deps: IndexerDependencies, writes: readonly IndexWrite[]): Promise<void> {
  const table = deps.tableNames.desk;
  for (let start = 0; start < writes.length; start += BATCH_LIMIT) {
    let pending = writes.slice(start, start + BATCH_LIMIT).map(requestOf);
    for (let sends = 1; ; sends++) {
      const result: BatchWriteItemCommandOutput = await deps.client.send(
        new BatchWriteItemCommand({ RequestItems: { [table]: pending } }),
      );
      pending = result.UnprocessedItems?.[table] ?? [];
      if (!pending.length) break;
      if (sends === BATCH_SENDS) throw new UnprocessedIndexWrites(table, pending.length);
      await new Promise((done) => setTimeout(done, Math.min(1000, 50 * 2 ** sends)));
    }
  }
}

/**
 * A record of the index's own items (they are written from here), told by its key before anything parses it: after a
 * rebuild, most of the stream is such records.
 */
export function isSearchIndexRecord(raw: unknown): boolean {
  const pk = (raw as { dynamodb?: { Keys?: { pk?: { S?: unknown } } } } | null | undefined)?.dynamodb?.Keys?.pk?.S;
  return typeof pk === "string" && pk.startsWith(SEARCH_PREFIX);
}

/**
 * Applies stream records in order, one record's writes at a time (a record's writes never touch one key twice,
 * two records of one entity may). The index's own records are skipped.
 */
export const indexStreamRecords =
  (deps: IndexerDependencies) =>
  async (records: readonly unknown[]): Promise<{ records: number; writes: number }> => {
    let writes = 0;
    for (const raw of records) {
      if (isSearchIndexRecord(raw)) continue;
      const record = streamRecordSchema.parse(raw);
      const change = indexWrites(itemOf(record.dynamodb.OldImage), itemOf(record.dynamodb.NewImage));
      await writeIndex(deps, change);
      writes += change.length;
    }
    return { records: records.length, writes };
  };
