// The search indexer Lambda entry point (a DynamoDB Streams event source on the desk table): dependencies from the
// environment.
import { readConfig } from "#shared/config.ts";
import { deskDocumentClient, functionLogger } from "#shared/runtime/function-runtime.ts";
import { createSearchIndexerHandler } from "./app.ts";

const config = readConfig();
const doc = deskDocumentClient(config);

export const handler = createSearchIndexerHandler({
  doc,
  tableNames: config.tableNames,
  logger: functionLogger(),
});
