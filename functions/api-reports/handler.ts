// The reports api Lambda (functions/api/groups.ts): dependencies from the environment, read once at cold start.
import { Logger } from "@aws-lambda-powertools/logger";
import { systemClock } from "#shared/clock.ts";
import { readConfig } from "#shared/config.ts";
import { createDocumentClient, createDynamoClient } from "#shared/dynamo/client.ts";
import { tracer } from "#shared/observability/tracer.ts";
import { createReportsHandler } from "../api/reports.ts";

const config = readConfig();

const untraced = createReportsHandler({
  doc: createDocumentClient(
    tracer().captureClient(createDynamoClient({ region: config.region, endpoint: config.dynamoEndpoint })),
  ),
  tableNames: config.tableNames,
  clock: systemClock,
  logger: new Logger({ serviceName: "desk-1540" }),
});

// Traced with X-Ray when the invocation is sampled (ADR 0018).
export const handler = tracer().handler(untraced);
