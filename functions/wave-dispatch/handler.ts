// The wave-dispatch Lambda entry point (EventBridge Scheduler): dependencies from the environment, at cold start.
import { SQSClient } from "@aws-sdk/client-sqs";
import { assistanceRepository } from "#shared/assistance/repository.ts";
import { systemClock } from "#shared/clock.ts";
import { readConfig } from "#shared/config.ts";
import { contactDependencies } from "#shared/contacts/dependencies.ts";
import { ledgerRepository } from "#shared/correspondence/ledger.ts";
import { sqsQueue } from "#shared/correspondence/sqs-queue.ts";
import { tracer } from "#shared/observability/tracer.ts";
import { deskDocumentClient, functionLogger } from "#shared/runtime/function-runtime.ts";
import { templateRepository } from "#shared/templates/repository.ts";
import { programmeWaveZone } from "#shared/waves/programme-waves.ts";
import { waveRepository } from "#shared/waves/repository.ts";
import { programme } from "../../events/programme.ts";
import { createWaveDispatchHandler } from "./app.ts";

const config = readConfig();
if (!config.waveQueueUrl) throw new Error("Missing environment variable WAVE_QUEUE_URL");
const clock = systemClock;
const doc = deskDocumentClient(config);

const untraced = createWaveDispatchHandler({
  ...contactDependencies(doc, config.tableNames, clock),
  assistance: assistanceRepository(doc, config.tableNames, clock),
  templates: templateRepository(doc, config.tableNames, clock),
  waves: waveRepository(doc, config.tableNames, clock),
  ledger: ledgerRepository(doc, config.tableNames, clock),
  queue: sqsQueue({
    client: tracer().captureClient(new SQSClient({ region: config.region })),
    queueUrl: config.waveQueueUrl,
  }),
  zoneOf: (key) => programmeWaveZone(programme, key),
  logger: functionLogger(),
});

// Traced with X-Ray when the invocation is sampled (ADR 0018).
export const handler = tracer().handler(untraced);
