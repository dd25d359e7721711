// What a wave's dispatch is wired to, built in one place: the stores it reads (audiences, templates) and writes (waves,
// ledger), and the SQS wave queue. wave-dispatch and wave-sweep (which dispatches again) share it, and so do the
// integration tests' pipeline (test/support/pipeline.ts), so a store added to dispatch is added everywhere at once.
import { SQSClient } from "@aws-sdk/client-sqs";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { assistanceAudienceReads } from "../assistance/audience-reads.ts";
import type { Clock } from "../clock.ts";
import type { DeskConfig } from "../config.ts";
import { contactDependencies } from "../contacts/dependencies.ts";
import { tracer } from "../observability/tracer.ts";
import type { TableNames } from "../tables.ts";
import { templateRepository } from "../templates/repository.ts";
import { waveRepository } from "../waves/repository.ts";
import type { WaveDispatchDependencies } from "../waves/waves.ts";
import { ledgerRepository } from "./ledger.ts";
import { sqsQueue } from "./sqs-queue.ts";

export type WaveDispatchStores = Omit<WaveDispatchDependencies, "queue">;

/** The DynamoDB stores of a wave's dispatch, on one client and one clock. */
export function waveDispatchStores(
  doc: DynamoDBDocumentClient,
  tableNames: TableNames,
  clock: Clock,
): WaveDispatchStores {
  return {
    ...contactDependencies(doc, tableNames, clock),
    assistance: assistanceAudienceReads(doc, tableNames),
    templates: templateRepository(doc, tableNames, clock),
    waves: waveRepository(doc, tableNames, clock),
    ledger: ledgerRepository(doc, tableNames, clock),
  };
}

/** The stores and the traced SQS wave queue, from a function's configuration; without WAVE_QUEUE_URL it fails the start. */
export function waveDispatchDependencies(
  config: DeskConfig,
  doc: DynamoDBDocumentClient,
  clock: Clock,
): WaveDispatchDependencies {
  if (!config.waveQueueUrl) throw new Error("Missing environment variable WAVE_QUEUE_URL");
  return {
    ...waveDispatchStores(doc, config.tableNames, clock),
    queue: sqsQueue({
      client: tracer().captureClient(new SQSClient({ region: config.region })),
      queueUrl: config.waveQueueUrl,
    }),
  };
}
