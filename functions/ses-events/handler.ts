// The ses-events Lambda entry point (EventBridge rule on the configuration set's SES events): dependencies from the
// environment, at cold start.
import { Logger } from "@aws-lambda-powertools/logger";
import { systemClock } from "#shared/clock.ts";
import { readConfig } from "#shared/config.ts";
import { contactDependencies } from "#shared/contacts/dependencies.ts";
import { ledgerRepository } from "#shared/correspondence/ledger.ts";
import { createDocumentClient, createDynamoClient } from "#shared/dynamo/client.ts";
import { tracer } from "#shared/observability/tracer.ts";
import { templateRepository } from "#shared/templates/repository.ts";
import { waveRepository } from "#shared/waves/repository.ts";
import { createSesEventsHandler } from "./app.ts";

const config = readConfig();
const clock = systemClock;
const doc = createDocumentClient(
  tracer().captureClient(createDynamoClient({ region: config.region, endpoint: config.dynamoEndpoint })),
);

const untraced = createSesEventsHandler({
  ...contactDependencies(doc, config.tableNames, clock),
  templates: templateRepository(doc, config.tableNames, clock),
  waves: waveRepository(doc, config.tableNames, clock),
  ledger: ledgerRepository(doc, config.tableNames, clock),
  logger: new Logger(),
});

// Traced with X-Ray when the invocation is sampled (ADR 0018).
export const handler = tracer().handler(untraced);
