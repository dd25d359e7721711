// An in-process queue with the SQS semantics the send function relies on: at-least-once, batches of at most 10,
// partial batch failures redelivered after the visibility timeout, and a dead-letter list after maxReceiveCount.
import { randomUUID } from "node:crypto";
import type { Clock } from "../clock.ts";
import { type MessageKey, messageKeySchema } from "./schemas.ts";

/** Where dispatch puts the keys of queued messages (SQS in the cloud, `memoryQueue` on one machine). */
export interface SendQueue {
  sendBatch(keys: readonly MessageKey[]): Promise<void>;
}

/** The part of an SQS record the send function reads. */
export interface QueueRecord {
  messageId: string;
  body: string;
  attributes: { ApproximateReceiveCount: string };
}

export interface BatchResult {
  batchItemFailures: { itemIdentifier: string }[];
}

export type BatchConsumer = (records: QueueRecord[]) => Promise<BatchResult>;

export interface MemoryQueueSettings {
  clock: Clock;
  /** Waits until the next item is visible (a fake clock's advance in tests). */
  sleep: (ms: number) => Promise<void>;
  batchSize?: number;
  visibilityTimeoutMs?: number;
  maxReceiveCount?: number;
}

interface Item {
  messageId: string;
  body: string;
  receiveCount: number;
  visibleAt: number;
}

export interface DeadLetter {
  messageId: string;
  key: MessageKey;
  receiveCount: number;
}

/** SQS refuses a SendMessageBatch of more than 10 entries, and the event source mapping uses batches of 10. */
export const MAX_BATCH = 10;

export function memoryQueue({
  clock,
  sleep,
  batchSize = MAX_BATCH,
  visibilityTimeoutMs = 180_000,
  maxReceiveCount = 5,
}: MemoryQueueSettings) {
  if (batchSize < 1 || batchSize > MAX_BATCH) throw new Error(`batchSize must be 1..${MAX_BATCH}`);
  const items: Item[] = [];
  const deadLetters: DeadLetter[] = [];
  const now = () => clock.now().getTime();

  return {
    async sendBatch(keys: readonly MessageKey[]) {
      for (const key of keys) {
        items.push({ messageId: randomUUID(), body: JSON.stringify(key), receiveCount: 0, visibleAt: now() });
      }
    },

    /** Items not yet deleted or dead-lettered (in flight or waiting). */
    get depth() {
      return items.length;
    },

    deadLetters,

    /**
     * Delivers batches to the consumer until the queue is empty: what it reports as failed (or every item of a batch
     * whose invocation throws, as Lambda does) comes back after the visibility timeout, up to maxReceiveCount.
     */
    async drain(consumer: BatchConsumer): Promise<void> {
      while (items.length) {
        const visible = items.filter((item) => item.visibleAt <= now()).slice(0, batchSize);
        if (!visible.length) {
          const next = Math.min(...items.map((item) => item.visibleAt));
          await sleep(next - now());
          continue;
        }
        for (const item of visible) {
          item.receiveCount += 1;
          item.visibleAt = now() + visibilityTimeoutMs;
        }
        const records = visible.map((item) => ({
          messageId: item.messageId,
          body: item.body,
          attributes: { ApproximateReceiveCount: String(item.receiveCount) },
        }));
        let failed: Set<string>;
        try {
          const result = await consumer(records);
          failed = new Set(result.batchItemFailures.map((failure) => failure.itemIdentifier));
        } catch {
          failed = new Set(visible.map((item) => item.messageId));
        }
        for (const item of visible) {
          const index = items.indexOf(item);
          if (!failed.has(item.messageId)) items.splice(index, 1);
          else if (item.receiveCount >= maxReceiveCount) {
            items.splice(index, 1);
            deadLetters.push({
              messageId: item.messageId,
              key: messageKeySchema.parse(JSON.parse(item.body)),
              receiveCount: item.receiveCount,
            });
          }
        }
      }
    },
  };
}

export type MemoryQueue = ReturnType<typeof memoryQueue>;
