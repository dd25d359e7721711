// The programme-reminders Lambda entry point (EventBridge Scheduler, daily): dependencies from the environment.
import { Logger } from "@aws-lambda-powertools/logger";
import { systemClock } from "#shared/clock.ts";
import { readConfig } from "#shared/config.ts";
import { createDocumentClient, createDynamoClient } from "#shared/dynamo/client.ts";
import { mailSettingsOf, sesMailer } from "#shared/mail/ses.ts";
import { tracer } from "#shared/observability/tracer.ts";
import { reminderRepository } from "#shared/programme/reminder-repository.ts";
import { programmesOfWork } from "../../events/programme-of-work/index.ts";
import { createProgrammeRemindersHandler } from "./app.ts";

const config = readConfig();
// Both fail the cold start when missing, not the first reminder.
const mail = mailSettingsOf(config);
if (!config.secretariatEmail) throw new Error("Missing environment variable SECRETARIAT_EMAIL");
// Every run reads the programme, so it is validated now: a bad file fails the cold start, not the first reminder.
programmesOfWork.all();
const doc = createDocumentClient(
  tracer().captureClient(createDynamoClient({ region: config.region, endpoint: config.dynamoEndpoint })),
);

const untraced = createProgrammeRemindersHandler({
  programmes: programmesOfWork,
  reminders: reminderRepository(doc, config.tableNames, systemClock),
  clock: systemClock,
  mailer: sesMailer(mail),
  secretariatEmail: config.secretariatEmail,
  logger: new Logger({ serviceName: "desk-1540" }),
});

// Traced with X-Ray when the invocation is sampled (ADR 0018).
export const handler = tracer().handler(untraced);
