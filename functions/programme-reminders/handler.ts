// The programme-reminders Lambda entry point (EventBridge Scheduler, daily): dependencies from the environment.
import { systemClock } from "#shared/clock.ts";
import { readConfig } from "#shared/config.ts";
import { lazy } from "#shared/lazy.ts";
import { sesMailer } from "#shared/mail/ses.ts";
import { mailSettingsOf } from "#shared/mail/settings.ts";
import { tracer } from "#shared/observability/tracer.ts";
import { programmeLetterReadiness } from "#shared/programme/letter-readiness.ts";
import { letterWaves } from "#shared/programme/letters.ts";
import { reminderRepository } from "#shared/programme/reminder-repository.ts";
import { dynamoProgrammeStore } from "#shared/programme/store.ts";
import { programmeYears } from "#shared/programme/years.ts";
import { deskDocumentClient, functionLogger } from "#shared/runtime/function-runtime.ts";
import { programmeSchema } from "#shared/schedules/schema.ts";
import { templateRepository } from "#shared/templates/repository.ts";
import { waveRepository } from "#shared/waves/repository.ts";
import programmeJson from "../../events/programme.json" with { type: "json" };
import { createProgrammeRemindersHandler } from "./app.ts";

const config = readConfig();
// Both fail the cold start when missing, not the first reminder.
const mail = mailSettingsOf(config);
if (!config.secretariatEmail) throw new Error("Missing environment variable SECRETARIAT_EMAIL");
const doc = deskDocumentClient(config);
const templates = templateRepository(doc, config.tableNames, systemClock);
const waves = waveRepository(doc, config.tableNames, systemClock);
const schedules = lazy(() => programmeSchema.parse(programmeJson));

const untraced = createProgrammeRemindersHandler({
  // The programme years as the secretariat keeps them in the desk table (a draft when none is stored).
  programmes: programmeYears({
    store: dynamoProgrammeStore(doc, config.tableNames, systemClock),
    clock: systemClock,
    templates,
  }),
  // The schedules' wave inputs, checked against the stored templates. events/programme.json is validated when a letter
  // is first due, not at import: its validation is a third of a cold start (ADR 0029); `cdk synth` fails a bad one.
  letters: () => programmeLetterReadiness({ letters: letterWaves(waves), templates, schedules }),
  reminders: reminderRepository(doc, config.tableNames, systemClock),
  clock: systemClock,
  mailer: sesMailer(mail),
  secretariatEmail: config.secretariatEmail,
  logger: functionLogger(),
});

// Traced with X-Ray when the invocation is sampled (ADR 0018).
export const handler = tracer().handler(untraced);
