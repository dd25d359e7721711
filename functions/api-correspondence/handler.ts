// The correspondence api Lambda (functions/api/groups.ts): dependencies from the environment, read once at cold start.
import { systemClock } from "#shared/clock.ts";
import { readConfig } from "#shared/config.ts";
import { mailSettingsOf, sesMailer } from "#shared/mail/ses.ts";
import { tracer } from "#shared/observability/tracer.ts";
import { deskDocumentClient, functionLogger } from "#shared/runtime/function-runtime.ts";
import { awsWaveScheduler, createSchedulerClient } from "#shared/waves/aws-scheduler.ts";
import { unconfiguredWaveScheduler } from "#shared/waves/scheduler.ts";
import { createCorrespondenceHandler } from "../api/correspondence.ts";

const config = readConfig();
const clock = systemClock;

const untraced = createCorrespondenceHandler({
  doc: deskDocumentClient(config),
  tableNames: config.tableNames,
  clock,
  logger: functionLogger(),
  // Without the schedule's settings the templates and waves still serve; scheduling a wave says what is missing.
  waveScheduler: config.waveSchedule
    ? awsWaveScheduler(tracer().captureClient(createSchedulerClient(config.region)), config.waveSchedule, clock)
    : unconfiguredWaveScheduler(
        "the api has no WAVE_DISPATCH_ARN, WAVE_SCHEDULER_ROLE_ARN, WAVE_SCHEDULE_GROUP and WAVE_SCHEDULE_DLQ_ARN",
      ),
  mailer: config.mailFrom ? sesMailer(mailSettingsOf(config)) : undefined,
});

// Traced with X-Ray when the invocation is sampled (ADR 0018).
export const handler = tracer().handler(untraced);
