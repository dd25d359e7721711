// The dossier api Lambda (functions/api/groups.ts): dependencies from the environment, read once at cold start.
import { systemClock } from "#shared/clock.ts";
import { readConfig } from "#shared/config.ts";
import { deskDocumentClient, functionLogger } from "#shared/runtime/function-runtime.ts";
import { createDossierHandler } from "../api/dossier.ts";

const config = readConfig();

export const handler = createDossierHandler({
  doc: deskDocumentClient(config),
  tableNames: config.tableNames,
  clock: systemClock,
  logger: functionLogger(),
});
