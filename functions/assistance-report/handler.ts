// The assistance-report Lambda entry point (EventBridge Scheduler, three times a year): dependencies from the environment.
import { assistanceRepository } from "#shared/assistance/repository.ts";
import { systemClock } from "#shared/clock.ts";
import { readConfig } from "#shared/config.ts";
import { ledgerRepository } from "#shared/correspondence/ledger.ts";
import { sesMailer } from "#shared/mail/ses.ts";
import { mailSettingsOf } from "#shared/mail/settings.ts";
import { tracer } from "#shared/observability/tracer.ts";
import { registryRepository } from "#shared/registry/repository.ts";
import { deskDocumentClient, functionLogger } from "#shared/runtime/function-runtime.ts";
import { templateRepository } from "#shared/templates/repository.ts";
import { waveRepository } from "#shared/waves/repository.ts";
import { createAssistanceReportHandler } from "./app.ts";

const config = readConfig();
// Both fail the cold start when missing, not the first report.
const mail = mailSettingsOf(config);
if (!config.secretariatEmail) throw new Error("Missing environment variable SECRETARIAT_EMAIL");
const doc = deskDocumentClient(config);

const untraced = createAssistanceReportHandler({
  assistance: assistanceRepository(doc, config.tableNames, systemClock),
  registry: registryRepository(doc, config.tableNames, systemClock),
  letters: {
    ledger: ledgerRepository(doc, config.tableNames, systemClock),
    waves: waveRepository(doc, config.tableNames, systemClock),
    templates: templateRepository(doc, config.tableNames, systemClock),
  },
  clock: systemClock,
  mailer: sesMailer(mail),
  secretariatEmail: config.secretariatEmail,
  logger: functionLogger(),
});

// Traced with X-Ray when the invocation is sampled (ADR 0018).
export const handler = tracer().handler(untraced);
