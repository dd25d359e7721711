// The dossier group: a State's timeline and the audit trail, read-only (ADR 0020). Its own function keeps the
// records bundle under its budget (ADR 0014): the timeline reads the send ledger's shapes, which records never needs.
import type { Logger } from "@aws-lambda-powertools/logger";
import { dossierDependencies } from "#shared/dossier/dossier.ts";
import type { Route } from "#shared/http/route.ts";
import { apiHandler, type TableDependencies } from "./api-handler.ts";
import { dossierRoutes } from "./routes/dossier.ts";

export function dossierGroupRoutes({ doc, tableNames, clock }: TableDependencies): Route[] {
  return dossierRoutes(dossierDependencies(doc, tableNames, clock));
}

export function createDossierHandler(deps: TableDependencies & { logger: Logger }) {
  return apiHandler(dossierGroupRoutes(deps), deps.logger);
}
