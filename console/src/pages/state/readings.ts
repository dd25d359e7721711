// How the dossier's records read and are written back, apart from the pages so they are tested in Node
// (test/unit/console-dossier-readings.test.ts): the generated document types and shared rules, no window, no client.
import { dayOfMove } from "../../../../shared/matrix/workflow.ts";
import { deskDay } from "../../../../shared/zoned-time.ts";
import type { components } from "../../api/schema";
import { href } from "../../routes.ts";
import { NO_RECORD_NAMES, type RecordName } from "../record-names.ts";
import { differencesOf, type FieldWords, type Typed } from "../typed-over.ts";
import { CONTACT_ROLES, codeIn, LANGUAGES } from "./labels.ts";

type Schemas = components["schemas"];
type Submission = Schemas["Submission"];
type Cell = Schemas["MatrixCell"];

export type CorrectField = "receivedOn" | "symbol" | "language" | "note";

/** The correction form's values for a submission, in the form's order: empty for an absent note. */
export const correctionValuesOf = (submission: Submission): Record<CorrectField, string> => ({
  receivedOn: submission.receivedOn,
  symbol: submission.symbol,
  language: submission.language,
  note: submission.note ?? "",
});

/** The fields as the status line after a stale correction names them. */
export const CORRECTION_WORDS: FieldWords<CorrectField> = {
  labels: { receivedOn: "received on", symbol: "symbol", language: "language", note: "note" },
  options: { language: LANGUAGES },
};

/**
 * Only what the reader typed that differs from the submission as it stands (after a stale write, as read again): a
 * field left alone is not in `typed`, so a change someone else made to it meanwhile stands. A date is sent as typed,
 * for the API to judge; an emptied note is cleared (null).
 */
export function correctionOf(current: Submission, typed: Typed<CorrectField>): Schemas["SubmissionCorrection"] {
  const correction: Schemas["SubmissionCorrection"] = {};
  for (const { field, typed: value } of differencesOf(correctionValuesOf(current), typed)) {
    if (field === "language") {
      // The select offers only the six; another is not sent.
      const language = codeIn(LANGUAGES, value);
      if (language) correction.language = language;
    } else if (field === "note") correction.note = value.trim() || null;
    else correction[field] = value;
  }
  return correction;
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

/**
 * The day of a version's stamp as the API counts it: the day staff gave for a move, else New York's day of the instant
 * (a creation is never dated by staff), as the snapshot and the review's words say it.
 */
export const stampDay = (stamp: { at: string; on?: string } | undefined): string => (stamp ? dayOfMove(stamp) : "");

export const cellWords = (cell: Cell | undefined): string =>
  cell ? `${cell.value}${cell.source?.document ? ` (${cell.source.document})` : ""}` : "blank";

/** A field as a reader names it: its paragraph and row, then the category and aspect that tell rows apart. */
export function fieldWords(field: Schemas["MatrixField"]): string {
  const qualifiers = [field.category, field.aspect].filter(Boolean).join(", ");
  return `${field.paragraph.toUpperCase()} ${field.label}${qualifiers ? ` (${qualifiers})` : ""}`;
}

/** A field of an entry's image (`after`, `before`, or a record within one), which the document types as unknown. */
const fieldOf = (image: unknown, name: string): unknown =>
  image !== null && typeof image === "object" ? (image as Record<string, unknown>)[name] : undefined;

/** A text field of an image; "" when it is not text. */
function textIn(image: unknown, name: string): string {
  const value = fieldOf(image, name);
  return typeof value === "string" ? value : "";
}

/**
 * A letter entry of the timeline, read field by field. Its days are New York's, as the letter itself is dated
 * (shared/templates/letter-values.ts): one queued or sent on a New York evening is not dated the next day.
 */
export function letterOf(entry: Schemas["TimelineEntry"]) {
  const text = (name: string) => textIn(entry.after, name);
  const language = codeIn(LANGUAGES, text("language"));
  const sentAt = text("sentAt");
  return {
    subject: text("subject"),
    language: language ? LANGUAGES[language] : text("language"),
    waveId: text("waveId"),
    /** The ledger's reason for its status (why it was skipped, failed, expired...), "" for none. */
    reason: text("reason"),
    /** The address it went to: the secretariat's alone (ADR 0048), "" for other groups. */
    to: text("email"),
    queuedOn: deskDay(entry.at),
    sentOn: sentAt && !Number.isNaN(Date.parse(sentAt)) ? deskDay(sentAt) : "",
  };
}

/** A contact by name where the reader may see it, else by role; "" when the image names neither. */
function contactWords(image: unknown): string {
  const role = codeIn(CONTACT_ROLES, textIn(image, "role"));
  return textIn(image, "name") || (role ? CONTACT_ROLES[role] : "");
}

/** The contacts a batch's entry (an import, the demonstration seed) created and updated for the State, by name. */
function batchContacts(after: unknown, otherwise: string): string {
  const list = (name: string): unknown[] => {
    const value = fieldOf(after, name);
    return Array.isArray(value) ? value : [];
  };
  const updated = list("updated").map((change) => fieldOf(change, "after"));
  const names = [...list("created"), ...updated].map(contactWords).filter(Boolean);
  return names.length ? `${names.length === 1 ? "contact" : "contacts"} ${names.join(", ")}` : otherwise;
}

/** What a timeline entry is about, as a reader names it, and the page that shows it where there is one. */
export interface SourceWords {
  text: string;
  href?: string;
}

/** An offer by its description's start: offers have no symbol, and their descriptions run long. */
function offerWords(description: string): string {
  const words = description.length > 60 ? `${description.slice(0, 59).trimEnd()}…` : description;
  return words ? `assistance offer "${words}"` : "an assistance offer";
}

/** The wave a letter's entry comes from. */
export const letterWaveId = (entry: Pick<Schemas["TimelineEntry"], "source" | "after">): string =>
  textIn(entry.after, "waveId") || entry.source.id.split("/")[0] || entry.source.id;

/**
 * The record an entry is about in words: a submission or an assistance request by its symbol, a contact (or those a
 * batch wrote) by name (the secretariat's reading) or role, a letter by its wave's description, an offer by its
 * description (linked to its provider's offers); the State's or the organization's own record and an obligation (its
 * action names it) say nothing more. A request or a wave the entry names by id alone goes by the name read for it
 * (`recordName`, record-names.ts), else by the requesting State or the wave's id. A record the page cannot name shows
 * its type and id, as the API gives them.
 */
export function sourceWords(entry: Schemas["TimelineEntry"], recordName: RecordName = NO_RECORD_NAMES): SourceWords {
  const { type, id } = entry.source;
  const field = (name: string) => textIn(entry.after, name) || textIn(entry.before, name);
  switch (type) {
    // The State's or the organization's own record, on its own page; an obligation, which the action already names.
    case "state":
    case "organization":
    case "obligation":
      return { text: "" };
    case "submission":
      return { text: `submission ${field("symbol") || id}` };
    case "contact":
      return { text: `contact ${contactWords(entry.after) || contactWords(entry.before) || id}` };
    case "contact-import":
      return { text: batchContacts(entry.after, "a contacts import") };
    case "contact-seed":
      return { text: batchContacts(entry.after, "the demonstration contacts") };
    case "message": {
      const waveId = letterWaveId(entry);
      return { text: `wave ${recordName("wave", waveId) || waveId}`, href: href.wave(waveId) };
    }
    case "assistance-request": {
      // A move's and a match's entries name the requesting State but not the request's symbol.
      const requester = field("iso3");
      const name = field("symbol") || recordName("assistance-request", id) || (requester ? `of ${requester}` : id);
      return { text: `assistance request ${name}`, href: href.assistanceRequest(id) };
    }
    case "assistance-offer": {
      const provider = fieldOf(entry.after, "provider") ?? fieldOf(entry.before, "provider");
      const key =
        textIn(provider, "kind") === "state"
          ? `state:${textIn(provider, "iso3")}`
          : `organization:${textIn(provider, "id")}`;
      return { text: offerWords(field("description")), href: href.assistanceOffers(key) };
    }
    case "matrix":
      return { text: "the matrix" };
    // A wave's own entry on a State's timeline (a letter sent again), by the wave's description.
    case "wave":
      return { text: `wave ${recordName("wave", id) || id}`, href: href.wave(id) };
    default:
      return { text: `${type} ${id}` };
  }
}
