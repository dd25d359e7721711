// The assistance group: requests, offers, matches and the pending-assistance reports, UN Headquarters' holidays (their
// consent windows' working days), and the search across the desk's records. Out of records to keep both bundles well under ADR 0014's limit; search rides here because the
// OpenAPI document and README's access table list the groups' routes in order, and there it follows assistance.
// Each route module is loaded on the first request for one of its routes (ADR 0024).
import type { Logger } from "@aws-lambda-powertools/logger";
import { lazyRoutes, type RouteModule } from "#shared/http/route.ts";
import { apiHandler, type TableDependencies } from "./api-handler.ts";
import { assistanceTable, calendarTable, searchTable } from "./routes/records.tables.ts";

export const assistanceModules: readonly RouteModule<TableDependencies>[] = [
  { table: assistanceTable, load: () => import("./routes/assistance.ts") },
  { table: calendarTable, load: () => import("./routes/calendar.ts") },
  { table: searchTable, load: () => import("./routes/search.ts") },
];

export function createAssistanceHandler(deps: TableDependencies & { logger: Logger }) {
  return apiHandler(lazyRoutes(assistanceModules, deps), deps.logger);
}
