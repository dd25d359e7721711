// The matrix workflow's rules, with no storage: legal status moves, and how an edit changes a version's cells.

import { IllegalTransition } from "../errors.ts";
import { illegalMoveWords } from "../move-words.ts";
import { deskDay } from "../zoned-time.ts";
import type { CellChange, Cells, MatrixCell, MatrixStatus, Stamp } from "./schemas.ts";
import { MATRIX_MOVED_WORDS, MATRIX_STATUS_WORDS } from "./status-words.ts";

/** draft -> shared-with-state -> approved, and back from the State to draft for rework. Approved is final. */
export const matrixTransitions: Readonly<Record<MatrixStatus, readonly MatrixStatus[]>> = {
  draft: ["shared-with-state"],
  "shared-with-state": ["draft", "approved"],
  approved: [],
};

/**
 * `entity`: the version in words ("version 1 of the matrix of Gambia"). The refusal keeps the moves' codes in
 * `allowed`, for programs, and says them in words.
 */
export function assertTransition(entity: string, from: MatrixStatus, to: MatrixStatus): void {
  const allowed = matrixTransitions[from];
  if (allowed.includes(to)) return;
  const refusal = new IllegalTransition(entity, from, to, allowed);
  refusal.message = illegalMoveWords(
    entity,
    MATRIX_STATUS_WORDS[from],
    MATRIX_MOVED_WORDS[to],
    allowed.map((status) => MATRIX_MOVED_WORDS[status]),
  );
  throw refusal;
}

/** The day a move happened: the day staff gave, or for one recorded before moves were dated, the desk's day of `at`. */
export const dayOfMove = (move: Pick<Stamp, "at" | "on">): string => move.on ?? deskDay(move.at);

/**
 * An edit of a version that is not a draft. Edits happen only in draft, so that what the State was shown
 * is what it comments on; the answer names the one move that makes the version editable again.
 */
export class MatrixNotEditable extends IllegalTransition {
  constructor(entity: string, status: MatrixStatus) {
    const allowed: MatrixStatus[] = status === "shared-with-state" ? ["draft"] : [];
    super(entity, status, "edited", allowed);
    this.message =
      status === "shared-with-state"
        ? `${entity} is shared with the State and cannot be edited; move it back to draft first`
        : `${entity} is ${MATRIX_STATUS_WORDS[status]} and cannot be edited`;
  }
}

export interface CellEdit {
  fieldId: string;
  /** Undefined: the cell was, or becomes, blank. */
  before: MatrixCell | undefined;
  after: MatrixCell | undefined;
}

function sameSource(a: MatrixCell["source"], b: MatrixCell["source"]): boolean {
  return a?.document === b?.document && a?.article === b?.article && a?.url === b?.url;
}

export function sameCell(a: MatrixCell | undefined, b: MatrixCell | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.value === b.value && sameSource(a.source, b.source);
}

function cellOf(change: CellChange): MatrixCell | undefined {
  if (change.value === "") return undefined;
  return change.source === undefined ? { value: change.value } : { value: change.value, source: change.source };
}

/** The cells after the changes, and the changes that made a difference (a no-op change is left out). */
export function applyEdit(cells: Cells, changes: readonly CellChange[]): { cells: Cells; edits: CellEdit[] } {
  const next: Cells = { ...cells };
  const edits: CellEdit[] = [];
  for (const change of changes) {
    const before = cells[change.fieldId];
    const after = cellOf(change);
    if (sameCell(before, after)) continue;
    if (after === undefined) delete next[change.fieldId];
    else next[change.fieldId] = after;
    edits.push({ fieldId: change.fieldId, before, after });
  }
  return { cells: next, edits };
}
