// What a move on the timeline changed, from its entry's before and after ("from a draft to shared with the State"; a
// submission's kind corrected, from one kind to another): the
// trail keeps both, and "Matrix moved" alone does not say where to. Window-free, so a unit test runs it in Node
// (test/unit/console-move-words.test.ts).

import { MATRIX_STATUS_WORDS } from "../../../../shared/matrix/status-words.ts";
import type { components } from "../../api/schema";
import { REQUEST_STATUS_WORDS } from "../assistance-words.ts";
import { EMAIL_STATUS_WORDS, SUBMISSION_KINDS } from "./labels.ts";

type TimelineEntry = components["schemas"]["TimelineEntry"];

const REPORTING_WORDS: Readonly<Record<string, string>> = { reported: "reported", "non-reporting": "non-reporting" };
type MatchStatus = components["schemas"]["AssistanceMatch"]["status"];
const MATCH_WORDS = {
  proposed: "proposed",
  accepted: "accepted",
  delivered: "delivered",
  declined: "declined",
} as const satisfies Record<MatchStatus, string>;

/** The moves the timeline shows, the field of before and after that holds the status, and its words. */
const MOVES: Readonly<Record<string, { field: string; words: Readonly<Record<string, string>> }>> = {
  "matrix.transition": { field: "status", words: MATRIX_STATUS_WORDS },
  "state.reporting-status": { field: "reportingStatus", words: REPORTING_WORDS },
  "assistance.request.transition": { field: "status", words: REQUEST_STATUS_WORDS },
  "assistance.match.transition": { field: "status", words: MATCH_WORDS },
  "submission.correct-kind": { field: "kind", words: SUBMISSION_KINDS },
  "contact.email-status": { field: "emailStatus", words: EMAIL_STATUS_WORDS },
};

const fieldOf = (record: unknown, field: string): string | undefined => {
  if (typeof record !== "object" || record === null) return undefined;
  const value = (record as Record<string, unknown>)[field];
  return typeof value === "string" ? value : undefined;
};

/** "from X to Y" for a move whose entry keeps both sides; undefined for anything else. A code without words is shown. */
export function moveWords(entry: Pick<TimelineEntry, "action" | "before" | "after">): string | undefined {
  const move = MOVES[entry.action];
  if (!move) return undefined;
  const from = fieldOf(entry.before, move.field);
  const to = fieldOf(entry.after, move.field);
  if (from === undefined || to === undefined || from === to) return undefined;
  const words = (code: string) => move.words[code] ?? code;
  return `from ${words(from)} to ${words(to)}`;
}
