// The search indexer Lambda entry point (a DynamoDB Streams event source on the desk table): dependencies from the
// environment.
import { config as zodConfig } from "zod/mini";
import en from "zod/v4/locales/en.js";
import { readConfig } from "#shared/config.ts";
import { deskDynamoClient } from "#shared/runtime/function-dynamo-client.ts";
import { functionLogger } from "#shared/runtime/function-logger.ts";
import { createSearchIndexerHandler } from "./app.ts";

// zod/mini sets no locale of its own: the messages classic zod gives, so the function's logs read as before (ADR 0029).
zodConfig(en());

const config = readConfig();

export const handler = createSearchIndexerHandler({
  client: deskDynamoClient(config),
  tableNames: config.tableNames,
  logger: functionLogger(),
});
