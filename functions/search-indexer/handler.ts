// The search indexer Lambda entry point (a DynamoDB Streams event source on the desk table): dependencies from the
// environment.
import { Logger } from "@aws-lambda-powertools/logger";
import { readConfig } from "#shared/config.ts";
import { createDocumentClient, createDynamoClient } from "#shared/dynamo/client.ts";
import { createSearchIndexerHandler } from "./app.ts";

const config = readConfig();
const doc = createDocumentClient(createDynamoClient({ region: config.region, endpoint: config.dynamoEndpoint }));

export const handler = createSearchIndexerHandler({
  doc,
  tableNames: config.tableNames,
  logger: new Logger({ serviceName: "desk-1540" }),
});
