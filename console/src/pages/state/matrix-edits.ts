// How the matrix editor reads a State's matrix and writes cells back, apart from the page so it is tested in Node
// (test/unit/console-matrix-edits.test.ts): only the generated document types, no window, no client.
import type { components } from "../../api/schema";

type Schemas = components["schemas"];
type Cell = Schemas["MatrixCell"];
type Change = Schemas["MatrixCellChange"];
type Field = Schemas["MatrixField"];
export type Cells = Schemas["MatrixVersion"]["cells"];
export type MatrixStatus = Schemas["MatrixVersion"]["status"];
type Problem = Schemas["Problem"];

/** A cell as its row's controls hold it: the value ("" for blank) and the three parts of its source, as typed. */
export interface CellDraft {
  value: Change["value"];
  document: string;
  article: string;
  url: string;
}

export const CELL_VALUES: readonly (readonly [Change["value"], string])[] = [
  ["", "blank"],
  ["X", "X: measure found"],
  ["?", "?: reference incomplete"],
  ["NA", "NA: not applicable"],
];

export const SOURCE_PARTS = ["document", "article", "url"] as const;
export type SourcePart = (typeof SOURCE_PARTS)[number];
/** A row's controls: its value, then its source's parts. */
export const ROW_CONTROLS = ["value", ...SOURCE_PARTS] as const;
export type RowControl = (typeof ROW_CONTROLS)[number];

export const draftOf = (cell: Cell | undefined): CellDraft => ({
  value: cell?.value ?? "",
  document: cell?.source?.document ?? "",
  article: cell?.source?.article ?? "",
  url: cell?.source?.url ?? "",
});

function changeOf(fieldId: Change["fieldId"], draft: CellDraft): Change {
  const source = Object.fromEntries(
    SOURCE_PARTS.map((part) => [part, draft[part].trim()]).filter(([, text]) => text !== ""),
  );
  // A blank cell is sent without its source even if one was typed: the API refuses a source on a blank cell, and the
  // reader who blanked it meant to clear the whole cell.
  if (draft.value === "" || Object.keys(source).length === 0) return { fieldId, value: draft.value };
  return { fieldId, value: draft.value, source };
}

const sameChange = (a: Change, b: Change) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The batch to send: one change per field whose row differs from the cell it was read as, in catalogue order, so
 * that a refusal's `cells.<n>` names a row the reader can find.
 */
export function cellChangesOf(
  fields: readonly Field[],
  drafts: ReadonlyMap<string, CellDraft>,
  cells: Readonly<Cells>,
): Change[] {
  return fields.flatMap((field) => {
    const draft = drafts.get(field.id);
    if (!draft) return [];
    // The catalogue's ids are the values the change's field id takes (both from shared/matrix/field-catalogue.ts).
    const fieldId = field.id as Change["fieldId"];
    const change = changeOf(fieldId, draft);
    return sameChange(change, changeOf(fieldId, draftOf(cells[field.id]))) ? [] : [change];
  });
}

/**
 * The API's words for one row's control: the change it refused was `sent[n]`, and its path names the part
 * (`cells.3.source` for the source, which the document field shows; `cells.3.source.url` for the URL alone).
 */
export function rowProblem(
  problem: Problem | undefined,
  sent: readonly Change[],
  fieldId: string,
  control: RowControl,
): string | undefined {
  const index = sent.findIndex((change) => change.fieldId === fieldId);
  if (index < 0 || !problem?.errors) return undefined;
  const prefix = `cells.${index}.`;
  const at = problem.errors.find((error) => {
    // The schema's paths start at the body; the use case's own (an unknown field) at the batch.
    const path = error.path.replace(/^body\./, "");
    if (!path.startsWith(prefix)) return false;
    const part = path.slice(prefix.length);
    if (control === "value") return part === "value" || part === "fieldId";
    if (control === "document") return part === "source" || part === "source.document";
    return part === `source.${control}`;
  });
  return at?.message;
}

/** The moves a working version may make, with the words of the button that makes each (shared/matrix/workflow.ts). */
export function movesFrom(status: MatrixStatus): readonly (readonly [to: MatrixStatus, words: string])[] {
  if (status === "draft") return [["shared-with-state", "Share with the State"]];
  if (status === "shared-with-state") {
    return [
      ["approved", "Record the Committee's approval"],
      ["draft", "Take it back to draft"],
    ];
  }
  return [];
}

export const CATEGORY_WORDS: Readonly<Record<Field["category"], string>> = {
  nuclear: "Nuclear weapons",
  chemical: "Chemical weapons",
  biological: "Biological weapons",
  "means-of-delivery": "Means of delivery",
  "related-materials": "Related materials",
};

/** A cell's source in one line: its document, article and URL, those it has. */
export const sourceWords = (cell: Cell | undefined): string =>
  SOURCE_PARTS.map((part) => cell?.source?.[part])
    .filter(Boolean)
    .join("; ");
