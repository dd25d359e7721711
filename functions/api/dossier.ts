// The dossier group: a State's timeline and the audit trail, read-only (ADR 0020). Its own function keeps the
// records bundle under its budget (ADR 0014): the timeline reads the send ledger's shapes, which records never needs.
import type { Logger } from "@aws-lambda-powertools/logger";
import { lazyRoutes, type RouteModule } from "#shared/http/route.ts";
import { apiHandler, type TableDependencies } from "./api-handler.ts";
import { dossierTable } from "./routes/dossier.table.ts";

export const dossierModules: readonly RouteModule<TableDependencies>[] = [
  { table: dossierTable, load: () => import("./routes/dossier.ts") },
];

export const dossierGroupRoutes = (deps: TableDependencies) => lazyRoutes(dossierModules, deps);

export function createDossierHandler(deps: TableDependencies & { logger: Logger }) {
  return apiHandler(dossierGroupRoutes(deps), deps.logger);
}
