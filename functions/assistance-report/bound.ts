// The assistance-report function bound to a configuration: the Lambda's entry point binds it to its environment at
// cold start, the local stack to its own tables and endpoints (infra/local/targets.ts).
import type { Logger } from "@aws-lambda-powertools/logger";
import { assistanceRepository } from "#shared/assistance/repository.ts";
import { systemClock } from "#shared/clock.ts";
import type { DeskConfig } from "#shared/config.ts";
import { ledgerRepository } from "#shared/correspondence/ledger.ts";
import { sesMailer } from "#shared/mail/ses.ts";
import { mailSettingsOf } from "#shared/mail/settings.ts";
import { organizationRepository } from "#shared/organizations/repository.ts";
import { registryRepository } from "#shared/registry/repository.ts";
import { deskDocumentClient, functionLogger } from "#shared/runtime/function-runtime.ts";
import { templateRepository } from "#shared/templates/repository.ts";
import { waveRepository } from "#shared/waves/repository.ts";
import { createAssistanceReportHandler } from "./app.ts";

/** Fails, as the cold start does, when the mail settings or the secretariat's address are missing. */
export function assistanceReportHandlerFor(config: DeskConfig, logger: Logger = functionLogger()) {
  const mail = mailSettingsOf(config);
  if (!config.secretariatEmail) throw new Error("Missing environment variable SECRETARIAT_EMAIL");
  const doc = deskDocumentClient(config);
  return createAssistanceReportHandler({
    assistance: assistanceRepository(doc, config.tableNames, systemClock),
    registry: registryRepository(doc, config.tableNames, systemClock),
    organizations: organizationRepository(doc, config.tableNames, systemClock),
    letters: {
      ledger: ledgerRepository(doc, config.tableNames, systemClock),
      waves: waveRepository(doc, config.tableNames, systemClock),
      templates: templateRepository(doc, config.tableNames, systemClock),
    },
    clock: systemClock,
    mailer: sesMailer(mail),
    secretariatEmail: config.secretariatEmail,
    logger,
  });
}
