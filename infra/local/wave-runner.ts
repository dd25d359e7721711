// Runs a wave on one machine with the Lambdas' own code: the wave-dispatch app writes the ledger and enqueues on the
// in-process queue (SQS semantics), and the wave-send app drains it through the SES emulator, paced, batch by batch.
import type { Context, SQSEvent } from "aws-lambda";
import { programme } from "../../events/programme.ts";
import { createWaveDispatchHandler } from "../../functions/wave-dispatch/app.ts";
import { createWaveSendHandler } from "../../functions/wave-send/app.ts";
import { createWaveSweepHandler } from "../../functions/wave-sweep/app.ts";
import { assistanceRepository } from "../../shared/assistance/repository.ts";
import { systemClock } from "../../shared/clock.ts";
import type { DeskConfig } from "../../shared/config.ts";
import { contactDependencies } from "../../shared/contacts/dependencies.ts";
import { haltedReasonOf } from "../../shared/correspondence/bounce-guard.ts";
import { ledgerRepository } from "../../shared/correspondence/ledger.ts";
import { memoryQueue, type QueueRecord } from "../../shared/correspondence/memory-queue.ts";
import { realSleep, tokenBucket } from "../../shared/correspondence/pacing.ts";
import { correspondenceMailer } from "../../shared/correspondence/ses-sender.ts";
import { createDocumentClient, createDynamoClient } from "../../shared/dynamo/client.ts";
import { mailSettingsOf } from "../../shared/mail/settings.ts";
import { dynamoProgrammeStore } from "../../shared/programme/store.ts";
import { templateRepository } from "../../shared/templates/repository.ts";
import { programmeWaveZone } from "../../shared/waves/programme-waves.ts";
import { waveRepository } from "../../shared/waves/repository.ts";
import { completeWaveIfSettled } from "../../shared/waves/waves.ts";

/** A usual first production quota (the sandbox allows 1/s); the emulator has none (and no GetSendQuota), so pacing is ours to show. */
const LOCAL_MAX_SEND_RATE = 14;
/** The send function's timeout (infra/wave-pipeline.ts): each local batch gets as long. */
const SEND_TIMEOUT_MS = 30_000;

/** The queue's records as the SQS event source hands them to the function. */
export function sqsEvent(records: readonly QueueRecord[]): SQSEvent {
  return {
    Records: records.map((record) => ({
      messageId: record.messageId,
      receiptHandle: record.messageId,
      body: record.body,
      attributes: {
        ApproximateReceiveCount: record.attributes.ApproximateReceiveCount,
        SentTimestamp: "0",
        SenderId: "local",
        ApproximateFirstReceiveTimestamp: "0",
      },
      messageAttributes: {},
      md5OfBody: "",
      eventSource: "aws:sqs",
      eventSourceARN: "arn:aws:sqs:local:000000000000:wave-queue",
      awsRegion: "local",
    })),
  };
}

/** Just what the send app reads of a Lambda context: the time its invocation has left. */
export function invocation(): Context {
  const end = Date.now() + SEND_TIMEOUT_MS;
  return { getRemainingTimeInMillis: () => end - Date.now() } as Context;
}

const quiet = { info: () => undefined, warn: console.warn, error: console.error };

/** The pipeline's dependencies on this machine: the local tables, the in-process queue, the send app on the emulator. */
function localPipeline(config: DeskConfig) {
  const clock = systemClock;
  const doc = createDocumentClient(createDynamoClient({ region: config.region, endpoint: config.dynamoEndpoint }));
  const ledger = ledgerRepository(doc, config.tableNames, clock);
  const waves = waveRepository(doc, config.tableNames, clock);
  const queue = memoryQueue({ clock, sleep: realSleep });
  const deps = {
    ...contactDependencies(doc, config.tableNames, clock),
    assistance: assistanceRepository(doc, config.tableNames, clock),
    templates: templateRepository(doc, config.tableNames, clock),
    waves,
    ledger,
  };
  const sendBatch = createWaveSendHandler({
    send: {
      ledger,
      mailer: correspondenceMailer(mailSettingsOf(config)),
      pacer: tokenBucket({ maxPerSecond: LOCAL_MAX_SEND_RATE, clock, sleep: realSleep }),
      clock,
      haltedReason: haltedReasonOf(waves),
    },
    waves: deps,
    logger: quiet,
    metrics: { addMetric: () => undefined, publishStoredMetrics: () => undefined },
  });
  const drain = () => queue.drain((records) => sendBatch(sqsEvent(records), invocation()));
  // As deployed: a programme firing reads the stored year's own values for its letter.
  const programmes = dynamoProgrammeStore(doc, config.tableNames, clock);
  return { deps, programmes, ledger, queue, drain };
}

/**
 * `input` is what a schedule passes: { waveId } for a wave's own schedule, { programmeWave } for the programme's,
 * { waveId, enqueueResent } for a resend's (its letters sent again go through the SES emulator like any other).
 */
export async function runWave(config: DeskConfig, input: unknown) {
  const { deps, programmes, ledger, queue, drain } = localPipeline(config);
  const dispatched = await createWaveDispatchHandler({
    ...deps,
    programmes,
    queue,
    zoneOf: (key) => programmeWaveZone(programme, key),
    logger: quiet,
  })(input);
  const { waveId } = dispatched;
  if (waveId === undefined) return dispatched;

  await drain();
  const wave = await completeWaveIfSettled(deps)(waveId);
  return {
    waveId,
    summary: dispatched.summary,
    status: wave.value.status,
    counts: await ledger.counts(waveId),
    deadLetters: queue.deadLetters,
  };
}

/** The sweep's schedule (every 15 minutes) or `npm run fire -- wave-sweep`: resume stuck waves, then send what it enqueued. */
export async function runSweep(config: DeskConfig, input: unknown) {
  const { deps, queue, drain } = localPipeline(config);
  const swept = await createWaveSweepHandler({ ...deps, queue, logger: { info: () => undefined, warn: console.warn } })(
    input,
  );
  await drain();
  const completed = [];
  for (const { waveId } of swept.resumed) completed.push((await completeWaveIfSettled(deps)(waveId)).value);
  return {
    ...swept,
    statuses: completed.map(({ id, status }) => ({ waveId: id, status })),
    deadLetters: queue.deadLetters,
  };
}
