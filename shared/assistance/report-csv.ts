// The pending-assistance report as CSV, with spreadsheet formula injection neutralized in every cell: the report
// carries text that States and staff typed.
import { neutralizeCell, spreadsheetCsv } from "../spreadsheet-csv.ts";
import { type AssistanceReport, providerKey } from "./schemas.ts";

export const reportCsvColumns = [
  "requestId",
  "iso3",
  "state",
  "symbol",
  "status",
  "receivedOn",
  "ageDays",
  "areas",
  "circulatedOn",
  "followUpDueOn",
  "followUp",
  "followedUpOn",
  "matches",
  "lastAction",
  "lastActionOn",
  "lastActionNote",
  "demo",
] as const;

export function reportCsv(report: AssistanceReport): string {
  const rows = report.requests.map((row) => [
    row.requestId,
    row.iso3,
    row.stateName ?? "",
    row.symbol,
    row.status,
    row.receivedOn,
    String(row.ageDays),
    row.areas.join("; "),
    row.circulatedOn ?? "",
    row.followUp?.dueOn ?? "",
    row.followUp?.status ?? "",
    row.followUp?.followedUpOn ?? "",
    row.matches.map((match) => `${match.status} ${providerKey(match.provider)}`).join("; "),
    row.lastAction.action,
    row.lastAction.on,
    row.lastAction.note ?? "",
    row.demo ? "true" : "",
  ]);
  return spreadsheetCsv(
    reportCsvColumns,
    rows.map((cells) => cells.map(neutralizeCell)),
  );
}
