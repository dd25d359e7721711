// A snapshot as CSV: one row per figure (its code and name, its group's code and name, value, change, changeNote), text
// cells neutralized for spreadsheets.
import { neutralizeCell, spreadsheetCsv } from "../spreadsheet-csv.ts";
import { changeNote, figureRows } from "./diff.ts";
import type { Snapshot } from "./schemas.ts";

// Each code beside its words: a reader reads the names, a program keeps reading the codes by their column's name.
export const SNAPSHOT_CSV_COLUMNS = ["figure", "name", "group", "groupName", "value", "change", "changeNote"] as const;

const numberCell = (value: number | null) => (value === null ? "" : String(value));

/**
 * Codes and names are neutralized like every text cell of the contacts export. Numbers are written as numbers,
 * not neutralized: a change of -3 must stay a number in a spreadsheet, and a number cannot carry a formula. A note on
 * the change is a column, not a row of its own: every row is a figure with a number, so the rows sort and filter as
 * one shape. The note qualifies the whole change column, so it is written once, on the first row with a change (the
 * first a reader sees): repeated on every row it drowned the figures (JSON gives it once too, as `changeNote`).
 */
export function snapshotCsv(snapshot: Snapshot): string {
  const note = changeNote(snapshot.change);
  const rows = figureRows(snapshot);
  const noteRow = note === null ? -1 : rows.findIndex((row) => row.change !== null);
  const noteCell = note === null ? "" : neutralizeCell(note);
  const records = rows.map((row, index) => [
    neutralizeCell(row.figure),
    neutralizeCell(row.name),
    neutralizeCell(row.group),
    neutralizeCell(row.groupName),
    numberCell(row.value),
    numberCell(row.change),
    index === noteRow ? noteCell : "",
  ]);
  return spreadsheetCsv(SNAPSHOT_CSV_COLUMNS, records);
}
