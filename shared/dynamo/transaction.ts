// Transactions whose failed conditions become domain errors: each write says what its failed condition means.
import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import {
  type DynamoDBDocumentClient,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from "@aws-sdk/lib-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { type DomainError, Invalid } from "../errors.ts";
import { itemBytes, MAX_ITEM_BYTES } from "./item-size.ts";

export type TransactItem = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];

export interface GuardedWrite {
  item: TransactItem;
  /** Turns this write's failed condition into the error the caller should see; receives the item as it stood. */
  onConditionFailed?: (current: Record<string, unknown> | undefined) => DomainError;
}

export const MAX_TRANSACTION_ITEMS = 100;

/** How many times a transaction cancelled by a race (`TransactionConflict`) is sent again before failing. */
const CONFLICT_RETRIES = 3;

/**
 * DynamoDB cancels a transaction that races another on the same item with `TransactionConflict`, before it
 * evaluates any condition; such a transaction wrote nothing, so it is sent again (with a short jittered wait) and
 * its conditions then decide: the loser of a race gets its domain error (412, 409), never a 500.
 */
export async function writeTransaction(doc: DynamoDBDocumentClient, writes: GuardedWrite[]): Promise<void> {
  if (writes.length > MAX_TRANSACTION_ITEMS) {
    throw new Error(`A transaction takes at most ${MAX_TRANSACTION_ITEMS} writes, got ${writes.length}`);
  }
  for (const { item } of writes) assertStorable(item);
  for (let attempt = 0; ; attempt++) {
    try {
      await doc.send(new TransactWriteCommand({ TransactItems: writes.map((write) => withOldImage(write.item)) }));
      return;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      reasons.forEach((reason, index) => {
        const handler = writes[index]?.onConditionFailed;
        if (reason.Code === "ConditionalCheckFailed" && handler) {
          throw handler(reason.Item ? unmarshall(reason.Item) : undefined);
        }
      });
      const raced = reasons.some((reason) => reason.Code === "TransactionConflict");
      if (!raced || attempt >= CONFLICT_RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt + Math.random() * 20));
    }
  }
}

/**
 * Refuses, before anything is sent, an item DynamoDB would refuse for its size (400 KB) with a ValidationException,
 * which would reach the caller as a 500. The audit entry of a large record holds it twice, before and after, so it
 * is the one that breaks the limit first (a programme year near its 256 KB body limit).
 */
function assertStorable(item: TransactItem): void {
  const put = item.Put?.Item;
  if (!put) return;
  const bytes = itemBytes(put);
  if (bytes <= MAX_ITEM_BYTES) return;
  const what = "actorKey" in put ? "its audit entry (the record before and after)" : "the record";
  throw new Invalid(
    `This change is too large to store: ${what} would take about ${bytes} bytes, more than the ${MAX_ITEM_BYTES} ` +
      "one item may take; make it smaller (shorter texts, fewer entries at once)",
  );
}

/** Asks DynamoDB to return the current item when a condition fails, so the error can say what it found. */
function withOldImage(item: TransactItem): TransactItem {
  if (item.Put?.ConditionExpression) {
    return { Put: { ...item.Put, ReturnValuesOnConditionCheckFailure: "ALL_OLD" } };
  }
  if (item.Update?.ConditionExpression) {
    return { Update: { ...item.Update, ReturnValuesOnConditionCheckFailure: "ALL_OLD" } };
  }
  return item;
}
