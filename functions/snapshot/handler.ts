// The snapshot Lambda entry point (EventBridge Scheduler, quarterly, America/New_York): dependencies from the environment.
import { Logger } from "@aws-lambda-powertools/logger";
import { systemClock } from "#shared/clock.ts";
import { readConfig } from "#shared/config.ts";
import { createDocumentClient, createDynamoClient } from "#shared/dynamo/client.ts";
import { snapshotDependencies } from "#shared/snapshots/snapshots.ts";
import { createSnapshotHandler } from "./app.ts";

const config = readConfig();
const doc = createDocumentClient(createDynamoClient({ region: config.region, endpoint: config.dynamoEndpoint }));

export const handler = createSnapshotHandler({
  ...snapshotDependencies(doc, config.tableNames, systemClock),
  logger: new Logger({ serviceName: "desk-1540" }),
});
