// Every route's summary, by operationId: text for the OpenAPI document alone. Each module lists its own beside its
// table; only the document's writer (app.ts, at synth and in the local stack) imports this file, so the Lambda bundles,
// which load the tables, carry none of it (ADR 0038).
import { assistanceSummaries } from "./routes/assistance.table.ts";
import { calendarSummaries } from "./routes/calendar.table.ts";
import { calendarFeedSummaries } from "./routes/calendar-feeds.table.ts";
import { contactSummaries } from "./routes/contacts.table.ts";
import { dossierSummaries } from "./routes/dossier.table.ts";
import { matrixSummaries } from "./routes/matrix.table.ts";
import { metaSummaries } from "./routes/meta.table.ts";
import { organizationSummaries } from "./routes/organizations.table.ts";
import { programmeSummaries } from "./routes/programme.table.ts";
import { searchSummaries } from "./routes/search.table.ts";
import { snapshotSummaries } from "./routes/snapshots.table.ts";
import { stateSummaries } from "./routes/states.table.ts";
import { submissionSummaries } from "./routes/submissions.table.ts";
import { templateSummaries } from "./routes/templates.table.ts";
import { waveSummaries } from "./routes/waves.table.ts";

const everySummary: Readonly<Record<string, string>> = {
  ...stateSummaries,
  ...submissionSummaries,
  ...matrixSummaries,
  ...organizationSummaries,
  ...contactSummaries,
  ...assistanceSummaries,
  ...searchSummaries,
  ...templateSummaries,
  ...waveSummaries,
  ...snapshotSummaries,
  ...programmeSummaries,
  ...calendarFeedSummaries,
  ...calendarSummaries,
  ...dossierSummaries,
  ...metaSummaries,
};

/** The route's summary; a module whose summaries are not listed here fails the document, at synth and in the tests. */
export function summaryOf(operationId: string): string {
  const summary = everySummary[operationId];
  if (summary === undefined)
    throw new Error(`No summary for ${operationId}: list its module's in functions/api/summaries.ts`);
  return summary;
}
