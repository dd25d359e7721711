// The API's problems with an imported file, put back beside the rows they name: its 422 lists each problem at
// `line N, column C` (or `line N` for the file's shape), which is the line of the text where the row starts.
// The schema module, not client.ts: this module is pure, so it is tested in Node where there is no window.
import { encodingRefusal } from "../../../shared/http/body-encoding.ts";
import type { components } from "../api/schema";

type Problem = components["schemas"]["Problem"];

export interface RowProblems {
  line: number;
  /** The row as written: the text's line `line` (a quoted cell spanning lines shows its first line only). */
  text: string;
  problems: { column?: string; message: string }[];
}

const AT = /^line (\d+)(?:, column (.+))?$/;

/** The problem's entries that name a line, grouped by line in file order; the others stay with the problem itself. */
export function problemsByRow(problem: Problem | undefined, csv: string): RowProblems[] {
  const lines = csv.split(/\r?\n/);
  const rows = new Map<number, RowProblems>();
  for (const error of problem?.errors ?? []) {
    const at = AT.exec(error.path);
    if (!at) continue;
    const line = Number(at[1]);
    const row = rows.get(line) ?? { line, text: lines[line - 1] ?? "", problems: [] };
    row.problems.push(at[2] ? { column: at[2], message: error.message } : { message: error.message });
    rows.set(line, row);
  }
  return [...rows.values()].sort((a, b) => a.line - b.line);
}

/** The entries of the problem that name no line of the file (a missing header column, a body that is not text). */
export function fileProblems(problem: Problem | undefined): { path: string; message: string }[] {
  return (problem?.errors ?? []).filter((error) => !AT.test(error.path));
}

/** The State whose page shows an imported contact (`STATE:FRA`), if the owner is a State. */
export function stateOfOwner(owner: string): string | undefined {
  return /^STATE:([A-Z]{3})$/i.exec(owner)?.[1]?.toUpperCase();
}

/**
 * A chosen file's text, or why it is refused before anything is sent: a browser reads any file as UTF-8 and turns
 * each byte it cannot read into U+FFFD, so a Latin-1 file is refused here with the API's own words.
 */
export function importFileText(text: string): { csv: string } | { refusal: string } {
  const refusal = encodingRefusal(text, "text/csv");
  return refusal ? { refusal } : { csv: text };
}

/** One line's cells, quotes undone ("" inside quotes is one quote); a row that passed the check is one line. */
function cellsOf(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const char = line.charAt(index);
    if (char === '"' && quoted && line.charAt(index + 1) === '"') {
      cell += char;
      index++;
    } else if (char === '"') quoted = !quoted;
    else if (char === "," && !quoted) {
      cells.push(cell);
      cell = "";
    } else cell += char;
  }
  return [...cells, cell];
}

/**
 * The name each line of the file gives its contact (the dry run's rows name none, and a new contact has no id): the
 * file split and its header read once, for every row of the result.
 */
export function namesOnLines(csv: string): (line: number) => string {
  const lines = csv.replace(/^\uFEFF/, "").split(/\r?\n/);
  const header = lines.find((text) => text.trim() !== "");
  const column = header
    ? cellsOf(header)
        .map((name) => name.trim())
        .indexOf("name")
    : -1;
  return (line) => (column < 0 ? "" : (cellsOf(lines[line - 1] ?? "")[column]?.trim() ?? ""));
}
