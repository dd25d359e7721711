// A cell a spreadsheet would run as a formula: refused in an imported contact's name, title or agency. The export
// neutralizes such cells for whoever opens it (spreadsheet-csv.ts), but a letter prints the name as it is stored:
// letters went out addressed "À l'attention de =HYPERLINK(…)". `=` always starts a formula; `+`, `-` and `@` do too
// unless a digit follows (a spreadsheet reads "-1" as a number, and runs nothing). A phone's leading `+` is its own
// column's rule (phoneSchema).
const FORMULA_START = /^(?:=|[+\-@](?!\d))/;

/** Why the text would run as a formula, in a refusal's words; undefined when it would not. */
export function formulaProblem(text: string): string | undefined {
  const sign = FORMULA_START.exec(text)?.[0];
  return sign
    ? `begins with "${sign}", so a spreadsheet would run it as a formula: write it without the "${sign}"`
    : undefined;
}
