// The records group: the registry of States, reporting, the matrix, organizations and contacts (assistance and search
// are a group of their own: assistance.ts). Its routes' data is at hand; each route module is loaded, and bound to the
// tables, on the first request for one of its routes (ADR 0024).
import type { Logger } from "@aws-lambda-powertools/logger";
import { lazyRoutes, type RouteModule } from "#shared/http/route.ts";
import { apiHandler, type TableDependencies } from "./api-handler.ts";
import { contactTable, matrixTable, organizationTable, stateTable, submissionTable } from "./routes/records.tables.ts";

export const recordsModules: readonly RouteModule<TableDependencies>[] = [
  { table: stateTable, load: () => import("./routes/states.ts") },
  { table: submissionTable, load: () => import("./routes/submissions.ts") },
  { table: matrixTable, load: () => import("./routes/matrix.ts") },
  { table: organizationTable, load: () => import("./routes/organizations.ts") },
  { table: contactTable, load: () => import("./routes/contacts.ts") },
];

export const recordsRoutes = (deps: TableDependencies) => lazyRoutes(recordsModules, deps);

export function createRecordsHandler(deps: TableDependencies & { logger: Logger }) {
  return apiHandler(recordsRoutes(deps), deps.logger);
}
