// The correspondence api Lambda (functions/api/groups.ts): dependencies from the environment, read once at cold start.
// The SES and Scheduler clients are loaded on their first use (ADR 0038); their settings are checked at cold start.
import { systemClock } from "#shared/clock.ts";
import { readConfig } from "#shared/config.ts";
import { mailSettingsOf } from "#shared/mail/settings.ts";
import { tracer } from "#shared/observability/tracer.ts";
import { deskDocumentClient, functionLogger } from "#shared/runtime/function-runtime.ts";
import { createCorrespondenceHandler } from "../api/correspondence.ts";
import { mailerOnFirstUse, waveSchedulerOnFirstUse } from "../api/on-first-use.ts";

const config = readConfig();
const clock = systemClock;
// A missing sender or Reply-To fails the cold start, not the first test copy.
const mailSettings = config.mailFrom ? mailSettingsOf(config) : undefined;
const waveSchedule = config.waveSchedule;

const untraced = createCorrespondenceHandler({
  doc: deskDocumentClient(config),
  tableNames: config.tableNames,
  clock,
  logger: functionLogger(),
  // Without the schedule's settings the templates and waves still serve; scheduling a wave says what is missing. Either
  // scheduler is loaded with the first schedule: scheduler.ts imported here would be a chunk of its own at cold start.
  waveScheduler: waveSchedulerOnFirstUse(async () => {
    if (!waveSchedule) {
      return (await import("#shared/waves/scheduler.ts")).unconfiguredWaveScheduler(
        "the api has no WAVE_DISPATCH_ARN, WAVE_SCHEDULER_ROLE_ARN, WAVE_SCHEDULE_GROUP and WAVE_SCHEDULE_DLQ_ARN",
      );
    }
    const { awsWaveScheduler, createSchedulerClient } = await import("./clients.ts");
    return awsWaveScheduler(tracer().captureClient(createSchedulerClient(config.region)), waveSchedule, clock);
  }),
  mailer: mailSettings
    ? mailerOnFirstUse(async () => (await import("./clients.ts")).sesMailer(mailSettings))
    : undefined,
});

// Traced with X-Ray when the invocation is sampled (ADR 0018).
export const handler = tracer().handler(untraced);
