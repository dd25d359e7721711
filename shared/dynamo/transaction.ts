// Transactions whose failed conditions become domain errors: each write says what its failed condition means.
import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import {
  type DynamoDBDocumentClient,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from "@aws-sdk/lib-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import type { DomainError } from "../errors.ts";

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
