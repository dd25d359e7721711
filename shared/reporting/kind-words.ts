// A State's document kind as a sentence names it ("Gambia's first national report", "asked for a first national
// report or national implementation action plan"): one table for the API's refusals and the snapshot report. Types
// only: the snapshot report's bundle and the API's share it.
import type { SubmissionKind } from "./schemas.ts";

export const SUBMISSION_KIND_WORDS: Readonly<Record<SubmissionKind, string>> = {
  "first-report": "first national report",
  "additional-information": "additional information",
  "action-plan": "national implementation action plan",
  "matrix-review": "matrix review",
  "effective-practices": "effective practices",
  "assistance-feedback": "assistance feedback",
};
