// CSV that a spreadsheet opens as it was written: every export writes through here, so none can forget the BOM.
import { stringify } from "csv-stringify/sync";

// A cell starting with one of these would be run as a formula by a spreadsheet (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes a `'` to a cell a spreadsheet would read as a formula; the text stays readable. */
export const neutralizeCell = (value: string) => (FORMULA_START.test(value) ? `'${value}` : value);

/**
 * A header and the records: RFC 4180 with CRLF, in UTF-8 with a BOM, without which Excel reads the bytes as
 * Windows-1252 and shows "TÃ¼rkiye" for "Türkiye" (ADR 0005). Cells are written as given: each export neutralizes
 * its text cells with `neutralizeCell` and leaves its numbers alone.
 */
export function spreadsheetCsv(columns: readonly string[], records: string[][]): string {
  return stringify(records, { header: true, columns: [...columns], record_delimiter: "windows", bom: true });
}
