// The ses-events function bound to a configuration: the Lambda's entry point binds it to its environment at cold
// start, `npm run fire -- ses-events` to the local stack's tables (infra/local/ses-event.ts).
import type { Logger } from "@aws-lambda-powertools/logger";
import { systemClock } from "#shared/clock.ts";
import type { DeskConfig } from "#shared/config.ts";
import { contactDependencies } from "#shared/contacts/dependencies.ts";
import { ledgerRepository } from "#shared/correspondence/ledger.ts";
import { deskDocumentClient, functionLogger } from "#shared/runtime/function-runtime.ts";
import { waveRepository } from "#shared/waves/repository.ts";
import { createSesEventsHandler } from "./app.ts";

export function sesEventsHandlerFor(config: DeskConfig, logger: Logger = functionLogger()) {
  const clock = systemClock;
  const doc = deskDocumentClient(config);
  return createSesEventsHandler({
    ...contactDependencies(doc, config.tableNames, clock),
    waves: waveRepository(doc, config.tableNames, clock),
    ledger: ledgerRepository(doc, config.tableNames, clock),
    logger,
  });
}
