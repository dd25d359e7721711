// The dossier api Lambda (functions/api/groups.ts): dependencies from the environment, read once at cold start.
import { Logger } from "@aws-lambda-powertools/logger";
import { systemClock } from "#shared/clock.ts";
import { readConfig } from "#shared/config.ts";
import { createDocumentClient, createDynamoClient } from "#shared/dynamo/client.ts";
import { createDossierHandler } from "../api/dossier.ts";

const config = readConfig();

export const handler = createDossierHandler({
  doc: createDocumentClient(createDynamoClient({ region: config.region, endpoint: config.dynamoEndpoint })),
  tableNames: config.tableNames,
  clock: systemClock,
  logger: new Logger({ serviceName: "desk-1540" }),
});
