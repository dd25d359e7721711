// Runs a wave on one machine with the same dispatch and send code the Lambdas will run: dispatch writes the
// ledger and enqueues on the in-process queue (SQS semantics), send drains it through the SES emulator, paced.
import { systemClock } from "../../shared/clock.ts";
import { readConfig } from "../../shared/config.ts";
import { contactDependencies } from "../../shared/contacts/dependencies.ts";
import { ledgerRepository } from "../../shared/correspondence/ledger.ts";
import { memoryQueue } from "../../shared/correspondence/memory-queue.ts";
import { realSleep, tokenBucket } from "../../shared/correspondence/pacing.ts";
import { send } from "../../shared/correspondence/send.ts";
import { correspondenceMailer } from "../../shared/correspondence/ses-sender.ts";
import { createDocumentClient, createDynamoClient } from "../../shared/dynamo/client.ts";
import { mailSettingsOf } from "../../shared/mail/ses.ts";
import { templateRepository } from "../../shared/templates/repository.ts";
import { waveRepository } from "../../shared/waves/repository.ts";
import { completeWaveIfSettled, dispatchWave } from "../../shared/waves/waves.ts";

/** The SES sandbox's rate; the emulator has none, so pacing is ours to show. */
const LOCAL_MAX_SEND_RATE = 14;

export async function runWave(waveId: string) {
  const config = readConfig();
  const clock = systemClock;
  const doc = createDocumentClient(createDynamoClient({ region: config.region, endpoint: config.dynamoEndpoint }));
  const ledger = ledgerRepository(doc, config.tableNames, clock);
  const queue = memoryQueue({ clock, sleep: realSleep });
  const deps = {
    ...contactDependencies(doc, config.tableNames, clock),
    templates: templateRepository(doc, config.tableNames, clock),
    waves: waveRepository(doc, config.tableNames, clock),
    ledger,
    queue,
  };
  const { summary } = await dispatchWave(deps)(waveId);
  await queue.drain(
    send({
      ledger,
      mailer: correspondenceMailer(mailSettingsOf(config)),
      pacer: tokenBucket({ maxPerSecond: LOCAL_MAX_SEND_RATE, clock, sleep: realSleep }),
      clock,
    }),
  );
  const wave = await completeWaveIfSettled(deps)(waveId);
  return { summary, status: wave.value.status, counts: await ledger.counts(waveId), deadLetters: queue.deadLetters };
}
