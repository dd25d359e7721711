// The wave-send Lambda as a function of its dependencies: an SQS batch of message keys, sent in order with partial
// batch responses (what is to be tried again is reported, never thrown), counted in metrics, then each wave it
// touched is completed if nothing of it is left to send.
import { BatchProcessor, EventType, processPartialResponse } from "@aws-lambda-powertools/batch";
import type { Logger } from "@aws-lambda-powertools/logger";
import { MetricUnit } from "@aws-lambda-powertools/metrics";
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from "aws-lambda";
import { type KeyOutcome, type SendDependencies, sender } from "#shared/correspondence/send.ts";
import { completeWaveIfSettled, type WaveSettlingDependencies } from "#shared/waves/waves.ts";

/** The metric names the alarms use (infra/wave-pipeline.ts). */
export const SEND_METRIC_NAMES = {
  sent: "MessagesSent",
  failed: "MessagesFailed",
  unknown: "MessagesUnknown",
  expired: "MessagesExpired",
  throttled: "SesThrottled",
} as const;

/** What the handler uses of Powertools' Metrics (namespace Desk1540, the `service` dimension only). */
export interface SendMetrics {
  addMetric(name: string, unit: typeof MetricUnit.Count, value: number): unknown;
  publishStoredMetrics(): unknown;
}

export interface WaveSendHandlerDependencies {
  send: SendDependencies;
  waves: WaveSettlingDependencies;
  logger: Pick<Logger, "info" | "warn" | "error">;
  metrics: SendMetrics;
}

/** Thrown for a key the queue is to deliver again: the batch processor reports it as a batch item failure. */
class DeliverAgain extends Error {
  constructor(readonly why: KeyOutcome["queue"]) {
    super(`deliver again: ${why}`);
  }
}

type Counts = Record<keyof typeof SEND_METRIC_NAMES, number>;

function count(counts: Counts, outcome: KeyOutcome) {
  counts.throttled += outcome.throttles ?? 0;
  if (outcome.recorded === "sent") counts.sent += 1;
  else if (outcome.recorded === "failed" || outcome.recorded === "rejected") counts.failed += 1;
  else if (outcome.recorded === "unknown") counts.unknown += 1;
  else if (outcome.recorded === "expired") counts.expired += 1;
}

export function createWaveSendHandler(deps: WaveSendHandlerDependencies) {
  const processor = new BatchProcessor(EventType.SQS);
  const { batch } = sender(deps.send);
  const complete = completeWaveIfSettled(deps.waves);

  return async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
    const current = batch({ timeLeftMs: () => context.getRemainingTimeInMillis() });
    const counts: Counts = { sent: 0, failed: 0, unknown: 0, expired: 0, throttled: 0 };
    const recordHandler = async (record: SQSRecord) => {
      const outcome = await current.process(record);
      // Published the moment the ledger holds it: a sender killed later in the batch (its time-out) would otherwise
      // take the count along, and the next delivery finds the letter unknown already and counts nothing.
      if (outcome.recorded === "unknown") {
        deps.metrics.addMetric(SEND_METRIC_NAMES.unknown, MetricUnit.Count, 1);
        deps.metrics.publishStoredMetrics();
      }
      count(counts, outcome);
      if (outcome.queue !== "done") throw new DeliverAgain(outcome.queue);
    };
    const response = await processPartialResponse(event, recordHandler, processor, {
      context,
      // In order and one at a time: the pacer spaces the calls, and a letter still throttled after its retries hands
      // back the rest of the batch.
      processInParallel: false,
      // A fully handed-back batch (throttled at its first key) is an answer, not a failed invocation.
      throwOnFullBatchFailure: false,
    });
    for (const [kind, name] of Object.entries(SEND_METRIC_NAMES)) {
      // Unknown letters are out already, one by one; the zero keeps every series' data points regular.
      deps.metrics.addMetric(name, MetricUnit.Count, kind === "unknown" ? 0 : counts[kind as keyof Counts]);
    }
    deps.metrics.publishStoredMetrics();
    for (const waveId of current.waves) {
      try {
        await complete(waveId);
      } catch (error) {
        // The letters are sent and recorded; the wave completes on a later batch or SES event.
        deps.logger.warn("wave not completed", {
          waveId,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
    deps.logger.info("batch sent", {
      records: event.Records.length,
      ...counts,
      handedBack: response.batchItemFailures.length,
    });
    return response;
  };
}
