// The pending-assistance report as CSV, with spreadsheet formula injection neutralized in every cell.
import { stringify } from "csv-stringify/sync";
import { type AssistanceReport, providerKey } from "./schemas.ts";

/**
 * A cell a spreadsheet would read as a formula (it starts with = + - @, a tab or a carriage return) gets a
 * leading apostrophe, so it is shown as text: the report carries text that States and staff typed.
 */
export function neutralizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

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
  return stringify(
    [[...reportCsvColumns], ...rows].map((cells) => cells.map(neutralizeCell)),
    {
      record_delimiter: "\r\n",
    },
  );
}
