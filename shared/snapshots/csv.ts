// A snapshot as CSV: one row per figure (figure, group, value, change), text cells neutralized for spreadsheets.
import { stringify } from "csv-stringify/sync";
import { neutralizeCell } from "../contacts/csv.ts";
import { figureRows } from "./diff.ts";
import type { Snapshot } from "./schemas.ts";

export const SNAPSHOT_CSV_COLUMNS = ["figure", "group", "value", "change"] as const;

const numberCell = (value: number | null) => (value === null ? "" : String(value));

/**
 * Names and groups are neutralized like every text cell of the contacts export. Numbers are written as numbers,
 * not neutralized: a change of -3 must stay a number in a spreadsheet, and a number cannot carry a formula.
 */
export function snapshotCsv(snapshot: Snapshot): string {
  const records = figureRows(snapshot).map((row) => [
    neutralizeCell(row.figure),
    neutralizeCell(row.group),
    numberCell(row.value),
    numberCell(row.change),
  ]);
  return stringify(records, {
    header: true,
    columns: [...SNAPSHOT_CSV_COLUMNS],
    record_delimiter: "windows",
    bom: true,
  });
}
