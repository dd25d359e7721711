// The send queue on SQS: dispatch puts message keys on it in batches of 10 (SendMessageBatch), retrying the entries
// SQS could not take, so that a dispatch ends with every queued key enqueued or with an error (and is retried).
import { SendMessageBatchCommand, type SendMessageBatchRequestEntry, type SQSClient } from "@aws-sdk/client-sqs";
import { MAX_BATCH, type SendQueue } from "./memory-queue.ts";
import type { MessageKey } from "./schemas.ts";

export interface SqsQueueSettings {
  client: SQSClient;
  queueUrl: string;
  /** How many times the entries SQS refused for its own reasons are sent again. */
  attempts?: number;
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class EnqueueFailed extends Error {
  constructor(
    readonly failed: number,
    detail: string,
  ) {
    super(`SQS did not take ${failed} message key(s): ${detail}`);
  }
}

export function sqsQueue({ client, queueUrl, attempts = 4, sleep = wait }: SqsQueueSettings): SendQueue {
  async function sendChunk(keys: readonly MessageKey[]) {
    let pending: SendMessageBatchRequestEntry[] = keys.map((key, index) => ({
      Id: String(index),
      MessageBody: JSON.stringify({ waveId: key.waveId, recipient: key.recipient }),
    }));
    for (let attempt = 1; ; attempt++) {
      const result = await client.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: pending }));
      const failed = result.Failed ?? [];
      if (!failed.length) return;
      // A sender fault (a malformed entry) will fail the same way again: only SQS's own failures are retried.
      const senderFault = failed.find((entry) => entry.SenderFault);
      if (senderFault || attempt >= attempts) {
        const first = senderFault ?? failed[0];
        throw new EnqueueFailed(failed.length, `${first?.Code ?? "unknown"}: ${first?.Message ?? ""}`);
      }
      const retry = new Set(failed.map((entry) => entry.Id));
      pending = pending.filter((entry) => retry.has(entry.Id));
      await sleep(100 * 2 ** (attempt - 1));
    }
  }

  return {
    async sendBatch(keys) {
      for (let start = 0; start < keys.length; start += MAX_BATCH)
        await sendChunk(keys.slice(start, start + MAX_BATCH));
    },
  };
}
