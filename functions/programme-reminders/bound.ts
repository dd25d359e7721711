// The programme-reminders function bound to a configuration: the Lambda's entry point binds it to its environment at
// cold start, the local stack to its own tables and endpoints (infra/local/targets.ts).
import type { Logger } from "@aws-lambda-powertools/logger";
import { systemClock } from "#shared/clock.ts";
import type { DeskConfig } from "#shared/config.ts";
import { lazy } from "#shared/lazy.ts";
import { sesMailer } from "#shared/mail/ses.ts";
import { mailSettingsOf } from "#shared/mail/settings.ts";
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

/** Fails, as the cold start does, when the mail settings or the secretariat's address are missing. */
export function programmeRemindersHandlerFor(config: DeskConfig, logger: Logger = functionLogger()) {
  const mail = mailSettingsOf(config);
  if (!config.secretariatEmail) throw new Error("Missing environment variable SECRETARIAT_EMAIL");
  const doc = deskDocumentClient(config);
  const templates = templateRepository(doc, config.tableNames, systemClock);
  const waves = waveRepository(doc, config.tableNames, systemClock);
  const schedules = lazy(() => programmeSchema.parse(programmeJson));
  return createProgrammeRemindersHandler({
    // The programme years as the secretariat keeps them in the desk table (a draft when none is stored).
    programmes: programmeYears({
      store: dynamoProgrammeStore(doc, config.tableNames, systemClock),
      clock: systemClock,
      templates,
    }),
    // The schedules' wave inputs, checked against the stored templates. events/programme.json is validated when a
    // letter is first due, not at import: its validation is a third of a cold start (ADR 0029); `cdk synth` fails a
    // bad one.
    letters: () => programmeLetterReadiness({ letters: letterWaves(waves), templates, schedules }),
    reminders: reminderRepository(doc, config.tableNames, systemClock),
    clock: systemClock,
    mailer: sesMailer(mail),
    secretariatEmail: config.secretariatEmail,
    logger,
  });
}
