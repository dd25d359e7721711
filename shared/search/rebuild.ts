// Rebuilds the search index from the records as stored: for a table that had data before its stream was enabled, or
// after the indexer was down longer than the stream keeps records (24 hours). An operator's command, so a Scan is
// acceptable here (searches never scan); ADR 0021.
import { type DynamoDBDocumentClient, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { eachLimited } from "../concurrency.ts";
import type { TableNames } from "../tables.ts";
import { searchEntryOf, searchTokenItems } from "./entries.ts";
import { type IndexWrite, writeIndex } from "./indexer.ts";
import { SEARCH_ENTITY } from "./keys.ts";

/** One BatchWriteItem's worth of writes. */
const WRITES_PER_SLICE = 25;
const SLICES_AT_ONCE = 4;

export interface RebuildResult {
  records: number;
  tokensWritten: number;
  tokensRemoved: number;
}

/** `signal` stops the rebuild between pages and batches (an abort rejects): what was written stays written. */
export async function rebuildSearchIndex(
  deps: { doc: DynamoDBDocumentClient; tableNames: TableNames },
  onPage: (scanned: number) => void = () => {},
  signal?: AbortSignal,
): Promise<RebuildResult> {
  const expected = new Map<string, IndexWrite>();
  const present: { pk: string; sk: string }[] = [];
  let records = 0;
  let scanned = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    signal?.throwIfAborted();
    const page = await deps.doc.send(new ScanCommand({ TableName: deps.tableNames.desk, ExclusiveStartKey: startKey }));
    for (const item of page.Items ?? []) {
      if (item.entity === SEARCH_ENTITY) {
        present.push({ pk: String(item.pk), sk: String(item.sk) });
        continue;
      }
      const entry = searchEntryOf(item);
      if (!entry) continue;
      records++;
      for (const token of searchTokenItems(entry)) {
        expected.set(`${token.pk}\u0000${token.sk}`, { PutRequest: { Item: token } });
      }
    }
    scanned += page.Items?.length ?? 0;
    onPage(scanned);
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  const removals: IndexWrite[] = present
    .filter((key) => !expected.has(`${key.pk}\u0000${key.sk}`))
    .map((key) => ({ DeleteRequest: { Key: key } }));
  // Each write touches its own key: the batches go a few at a time (238 of them after a first start; ADR 0037).
  const writes = [...removals, ...expected.values()];
  const slices: IndexWrite[][] = [];
  for (let start = 0; start < writes.length; start += WRITES_PER_SLICE) {
    slices.push(writes.slice(start, start + WRITES_PER_SLICE));
  }
  await eachLimited(slices, SLICES_AT_ONCE, async (slice) => {
    signal?.throwIfAborted();
    await writeIndex({ client: deps.doc, tableNames: deps.tableNames }, slice);
  });
  return { records, tokensWritten: expected.size, tokensRemoved: removals.length };
}
