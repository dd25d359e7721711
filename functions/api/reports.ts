// The reports group: quarterly snapshots (take, read, export, compare, the HTML report) and the programme's calendar.
import type { Logger } from "@aws-lambda-powertools/logger";
import type { Route } from "#shared/http/route.ts";
import { letterWaves } from "#shared/programme/letters.ts";
import { dynamoProgrammeStore } from "#shared/programme/store.ts";
import { programmeYears } from "#shared/programme/years.ts";
import { snapshotDependencies } from "#shared/snapshots/snapshots.ts";
import { waveRepository } from "#shared/waves/repository.ts";
import { apiHandler, type TableDependencies } from "./api-handler.ts";
import { calendarFeedRoutesOn } from "./routes/calendar-feeds.ts";
import { programmeRoutes } from "./routes/programme.ts";
import { snapshotRoutes } from "./routes/snapshots.ts";

export function reportsRoutes({ doc, tableNames, clock }: TableDependencies): Route[] {
  return [
    ...snapshotRoutes(snapshotDependencies(doc, tableNames, clock)),
    ...programmeRoutes({
      clock,
      years: programmeYears({ store: dynamoProgrammeStore(doc, tableNames, clock), clock }),
      letters: letterWaves(waveRepository(doc, tableNames, clock)),
    }),
    ...calendarFeedRoutesOn({ doc, tableNames, clock }),
  ];
}

export function createReportsHandler(deps: TableDependencies & { logger: Logger }) {
  return apiHandler(reportsRoutes(deps), deps.logger);
}
