// The wave-send Lambda entry point (SQS event source): dependencies from the environment, at cold start. The pacer
// lives as long as the instance: the account's quota is read on first use and again every few minutes.
import { Metrics } from "@aws-lambda-powertools/metrics";
import { systemClock } from "#shared/clock.ts";
import { readConfig } from "#shared/config.ts";
import { haltedReasonOf } from "#shared/correspondence/bounce-guard.ts";
import { ledgerRepository } from "#shared/correspondence/ledger.ts";
import { quotaPacer, realSleep } from "#shared/correspondence/pacing.ts";
import { correspondenceMailer, correspondenceSesClient, maxSendRateReader } from "#shared/correspondence/ses-sender.ts";
import { mailSettingsOf } from "#shared/mail/settings.ts";
import { tracer } from "#shared/observability/tracer.ts";
import { deskDocumentClient, functionLogger } from "#shared/runtime/function-runtime.ts";
import { waveRepository } from "#shared/waves/repository.ts";
import { createWaveSendHandler } from "./app.ts";

const config = readConfig();
const mail = mailSettingsOf(config);
const clock = systemClock;
const doc = deskDocumentClient(config);
const ses = tracer().captureClient(correspondenceSesClient(mail));
const logger = functionLogger();
const ledger = ledgerRepository(doc, config.tableNames, clock);
const waves = waveRepository(doc, config.tableNames, clock);

const untraced = createWaveSendHandler({
  send: {
    ledger,
    mailer: correspondenceMailer(mail, ses),
    pacer: quotaPacer({
      readMaxSendRate: maxSendRateReader(ses),
      configuredRate: config.sendRatePerSecond,
      senders: config.sendConcurrency,
      clock,
      sleep: realSleep,
      onRate: ({ perSecond, maxSendRate, error }) =>
        error
          ? logger.warn("SES quota not read; pacing at the last or lowest rate", { perSecond, error: String(error) })
          : logger.info("pacing", { perSecond, maxSendRate }),
    }),
    clock,
    haltedReason: haltedReasonOf(waves),
  },
  waves: { waves, ledger, clock },
  logger,
  metrics: new Metrics({ namespace: "Desk1540" }),
});

// Traced with X-Ray when the invocation is sampled (ADR 0018).
export const handler = tracer().handler(untraced);
