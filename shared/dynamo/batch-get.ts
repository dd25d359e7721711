// Items by key through BatchGetItem: at most 100 keys a call (DynamoDB's limit), and the keys a call leaves unprocessed
// (throttling, the 16 MB answer) asked again until none is left. One loop for every repository that reads by keys.
import { BatchGetCommand, type BatchGetCommandOutput, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

export const BATCH_GET_KEYS = 100;

export interface BatchGetOptions {
  /** Strongly consistent reads: what a write's checks read, where an item written a moment ago must be seen. */
  consistent?: boolean;
  projection?: string;
}

/** The items of `keys` in `table` that exist, in no particular order; one batch after another. */
export async function batchGetItems(
  doc: DynamoDBDocumentClient,
  table: string,
  keys: readonly Record<string, unknown>[],
  { consistent = false, projection }: BatchGetOptions = {},
): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  for (let start = 0; start < keys.length; start += BATCH_GET_KEYS) {
    let pending: Record<string, unknown>[] | undefined = keys.slice(start, start + BATCH_GET_KEYS);
    while (pending?.length) {
      const result: BatchGetCommandOutput = await doc.send(
        new BatchGetCommand({
          RequestItems: {
            [table]: {
              Keys: pending,
              ...(consistent ? { ConsistentRead: true } : {}),
              ...(projection ? { ProjectionExpression: projection } : {}),
            },
          },
        }),
      );
      found.push(...(result.Responses?.[table] ?? []));
      pending = result.UnprocessedKeys?.[table]?.Keys;
    }
  }
  return found;
}
