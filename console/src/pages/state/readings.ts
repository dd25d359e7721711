// How the dossier's records read and are written back, apart from the pages so they are tested in Node
// (test/unit/console-dossier-readings.test.ts): only the generated document types, no window, no client.
import type { components } from "../../api/schema";
import { codeIn, LANGUAGES } from "./labels.ts";

type Schemas = components["schemas"];
type Submission = Schemas["Submission"];
type Cell = Schemas["MatrixCell"];

export type CorrectField = "receivedOn" | "symbol" | "language" | "note";

/** Only what the reader changed, so a correction never rewrites a field someone else corrected meanwhile. */
export function correctionOf(current: Submission, form: Record<CorrectField, string>): Schemas["SubmissionCorrection"] {
  const language = codeIn(LANGUAGES, form.language);
  const note = form.note.trim();
  return {
    ...(form.receivedOn !== current.receivedOn ? { receivedOn: form.receivedOn } : {}),
    ...(form.symbol !== current.symbol ? { symbol: form.symbol } : {}),
    ...(language && language !== current.language ? { language } : {}),
    ...(note !== (current.note ?? "") ? { note: note || null } : {}),
  };
}

/** Where a contact stands: deactivated, or current or stale, with an e-mail status other than ok. */
export function standing(contact: Schemas["Contact"]): string {
  if (!contact.active) return `deactivated ${contact.deactivatedOn ?? ""}`.trim();
  const mail = contact.emailStatus === "ok" ? "" : `; e-mail ${contact.emailStatus}`;
  return `${contact.stale ? "stale (not verified for 12 months)" : "current"}${mail}`;
}

export interface MatrixChange {
  fieldId: string;
  change: "added" | "removed" | "changed";
  before?: Cell;
  after?: Cell;
}

/** The diff's three lists as one, each cell saying how it changed. */
export function changesOf(diff: Schemas["MatrixDiff"]): MatrixChange[] {
  return [
    ...diff.added.map((cell) => ({ fieldId: cell.fieldId, change: "added" as const, after: cell.after })),
    ...diff.removed.map((cell) => ({ fieldId: cell.fieldId, change: "removed" as const, before: cell.before })),
    ...diff.changed.map((cell) => ({ ...cell, change: "changed" as const })),
  ];
}

export const cellWords = (cell: Cell | undefined): string =>
  cell ? `${cell.value}${cell.source?.document ? ` (${cell.source.document})` : ""}` : "blank";

/** A field as a reader names it: its paragraph and row, then the category and aspect that tell rows apart. */
export function fieldWords(field: Schemas["MatrixField"]): string {
  const qualifiers = [field.category, field.aspect].filter(Boolean).join(", ");
  return `${field.paragraph.toUpperCase()} ${field.label}${qualifiers ? ` (${qualifiers})` : ""}`;
}

/** A letter entry of the timeline, read field by field: the document types its `after` as unknown. */
export function letterOf(entry: Schemas["TimelineEntry"]) {
  const after = new Map(entry.after !== null && typeof entry.after === "object" ? Object.entries(entry.after) : []);
  const text = (name: string): string => {
    const value = after.get(name);
    return typeof value === "string" ? value : "";
  };
  const language = codeIn(LANGUAGES, text("language"));
  return {
    subject: text("subject"),
    language: language ? LANGUAGES[language] : text("language"),
    waveId: text("waveId"),
    sentAt: text("sentAt").slice(0, 10),
  };
}
