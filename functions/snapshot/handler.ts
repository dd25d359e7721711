// The snapshot Lambda entry point (EventBridge Scheduler, quarterly, America/New_York): dependencies from the environment.
import { Logger } from "@aws-lambda-powertools/logger";
import { systemClock } from "#shared/clock.ts";
import { readConfig } from "#shared/config.ts";
import { createDocumentClient, createDynamoClient } from "#shared/dynamo/client.ts";
import { tracer } from "#shared/observability/tracer.ts";
import { snapshotDependencies } from "#shared/snapshots/snapshots.ts";
import { createSnapshotHandler } from "./app.ts";

const config = readConfig();
const doc = createDocumentClient(
  tracer().captureClient(createDynamoClient({ region: config.region, endpoint: config.dynamoEndpoint })),
);

const untraced = createSnapshotHandler({
  ...snapshotDependencies(doc, config.tableNames, systemClock),
  logger: new Logger({ serviceName: "desk-1540" }),
});

// Traced with X-Ray when the invocation is sampled (ADR 0018).
export const handler = tracer().handler(untraced);
