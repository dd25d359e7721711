// The pending-assistance report as CSV, with spreadsheet formula injection neutralized in every cell: the report
// carries text that States and staff typed. Its identifiers (requestId, iso3, symbol) and dates are as stored, every
// other cell in the report's words (report-mail.ts): a spreadsheet filters on words as well as on codes, and whoever
// needs the codes reads the report's JSON (ADR 0006).
import { neutralizeCell, spreadsheetCsv } from "../spreadsheet-csv.ts";
import { FOLLOW_UP_WORDS, NOT_CIRCULATED } from "./follow-up-words.ts";
import { areasInWords, matchesInWords } from "./report-mail.ts";
import type { AssistanceReport } from "./schemas.ts";
import { REQUEST_STATUS_WORDS } from "./status-words.ts";

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
  "attention",
  "demo",
] as const;

/** The report's rows as CSV; a report stored before its rows were in words is put in words first (`reportInWords`). */
export function reportCsv(report: AssistanceReport): string {
  const rows = report.requests.map((row) => [
    row.requestId,
    row.iso3,
    row.stateName ?? "",
    row.symbol,
    REQUEST_STATUS_WORDS[row.status],
    row.receivedOn,
    String(row.ageDays),
    areasInWords(row.areas, "; "),
    row.circulatedOn ?? "",
    row.followUp?.dueOn ?? "",
    row.followUp ? FOLLOW_UP_WORDS[row.followUp.status] : NOT_CIRCULATED,
    row.followUp?.followedUpOn ?? "",
    matchesInWords(row).join("; "),
    row.lastAction.action,
    row.lastAction.on,
    row.lastAction.note ?? "",
    (row.attention ?? []).join("; "),
    row.demo ? "true" : "",
  ]);
  return spreadsheetCsv(
    reportCsvColumns,
    rows.map((cells) => cells.map(neutralizeCell)),
  );
}
