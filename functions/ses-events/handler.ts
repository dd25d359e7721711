// The ses-events Lambda entry point (EventBridge rule on the configuration set's SES events): dependencies from the
// environment, at cold start.
import { systemClock } from "#shared/clock.ts";
import { readConfig } from "#shared/config.ts";
import { contactDependencies } from "#shared/contacts/dependencies.ts";
import { ledgerRepository } from "#shared/correspondence/ledger.ts";
import { tracer } from "#shared/observability/tracer.ts";
import { deskDocumentClient, functionLogger } from "#shared/runtime/function-runtime.ts";
import { waveRepository } from "#shared/waves/repository.ts";
import { createSesEventsHandler } from "./app.ts";

const config = readConfig();
const clock = systemClock;
const doc = deskDocumentClient(config);

const untraced = createSesEventsHandler({
  ...contactDependencies(doc, config.tableNames, clock),
  waves: waveRepository(doc, config.tableNames, clock),
  ledger: ledgerRepository(doc, config.tableNames, clock),
  logger: functionLogger(),
});

// Traced with X-Ray when the invocation is sampled (ADR 0018).
export const handler = tracer().handler(untraced);
