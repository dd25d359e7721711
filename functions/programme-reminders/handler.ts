// The programme-reminders Lambda entry point (EventBridge Scheduler, daily): dependencies from the environment.
import { systemClock } from "#shared/clock.ts";
import { readConfig } from "#shared/config.ts";
import { mailSettingsOf, sesMailer } from "#shared/mail/ses.ts";
import { tracer } from "#shared/observability/tracer.ts";
import { reminderRepository } from "#shared/programme/reminder-repository.ts";
import { dynamoProgrammeStore } from "#shared/programme/store.ts";
import { programmeYears } from "#shared/programme/years.ts";
import { deskDocumentClient, functionLogger } from "#shared/runtime/function-runtime.ts";
import { createProgrammeRemindersHandler } from "./app.ts";

const config = readConfig();
// Both fail the cold start when missing, not the first reminder.
const mail = mailSettingsOf(config);
if (!config.secretariatEmail) throw new Error("Missing environment variable SECRETARIAT_EMAIL");
const doc = deskDocumentClient(config);

const untraced = createProgrammeRemindersHandler({
  // The current year's programme as the secretariat keeps it in the desk table (a draft when none is adopted).
  programmes: programmeYears({ store: dynamoProgrammeStore(doc, config.tableNames, systemClock), clock: systemClock }),
  reminders: reminderRepository(doc, config.tableNames, systemClock),
  clock: systemClock,
  mailer: sesMailer(mail),
  secretariatEmail: config.secretariatEmail,
  logger: functionLogger(),
});

// Traced with X-Ray when the invocation is sampled (ADR 0018).
export const handler = tracer().handler(untraced);
