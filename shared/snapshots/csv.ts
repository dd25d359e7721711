// A snapshot as CSV: one row per figure (figure, group, value, change, changeNote), text cells neutralized for
// spreadsheets.
import { neutralizeCell, spreadsheetCsv } from "../spreadsheet-csv.ts";
import { changeNote, figureRows } from "./diff.ts";
import type { Snapshot } from "./schemas.ts";

export const SNAPSHOT_CSV_COLUMNS = ["figure", "group", "value", "change", "changeNote"] as const;

const numberCell = (value: number | null) => (value === null ? "" : String(value));

/**
 * Names and groups are neutralized like every text cell of the contacts export. Numbers are written as numbers,
 * not neutralized: a change of -3 must stay a number in a spreadsheet, and a number cannot carry a formula. A note on
 * the change is a column of the rows it qualifies, not a row of its own: every row is a figure with a number.
 */
export function snapshotCsv(snapshot: Snapshot): string {
  const note = changeNote(snapshot.change) ?? "";
  const records = figureRows(snapshot).map((row) => [
    neutralizeCell(row.figure),
    neutralizeCell(row.group),
    numberCell(row.value),
    numberCell(row.change),
    row.change === null ? "" : neutralizeCell(note),
  ]);
  return spreadsheetCsv(SNAPSHOT_CSV_COLUMNS, records);
}
