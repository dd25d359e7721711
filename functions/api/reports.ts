// The reports group: quarterly snapshots (take, read, export, compare, the HTML report) and the programme's calendar,
// each route module loaded on the first request for one of its routes (ADR 0024).
import type { Logger } from "@aws-lambda-powertools/logger";
import { lazyRoutes, type RouteModule } from "#shared/http/route.ts";
import { apiHandler, type TableDependencies } from "./api-handler.ts";
import { calendarFeedTable, programmeTable, snapshotTable } from "./routes/reports.tables.ts";

export const reportsModules: readonly RouteModule<TableDependencies>[] = [
  { table: snapshotTable, load: () => import("./routes/snapshots.ts") },
  { table: programmeTable, load: () => import("./routes/programme.ts") },
  { table: calendarFeedTable, load: () => import("./routes/calendar-feeds.ts") },
];

export const reportsRoutes = (deps: TableDependencies) => lazyRoutes(reportsModules, deps);

export function createReportsHandler(deps: TableDependencies & { logger: Logger }) {
  return apiHandler(reportsRoutes(deps), deps.logger);
}
