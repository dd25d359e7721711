// A submission voided by a colleague while the page had it open in its forms: how the page tells (the 412's reading
// again finds `voided`; the API's 409 says so) and what it says then, beside what it says after its own void and after
// reading again a submission that still counts. Pure (types only from the generated schema), tested in Node
// (test/unit/console-submission-voided.test.ts).
import { deskDay } from "../../../../shared/zoned-time.ts";
import type { components } from "../../api/schema";
import { SUBMISSION_KINDS } from "./labels.ts";

type Schemas = components["schemas"];
type Submission = Schemas["Submission"];

/**
 * The API's refusal of a write to a voided submission, named by the problem's `reason`. When and by whom do not reach
 * the problem document: the submission read again gives them.
 */
export const refusedAsVoided = (problem: Pick<Schemas["Problem"], "status" | "reason"> | undefined): boolean =>
  problem?.status === 409 && problem.reason === "submission-voided";

/**
 * Who voided the submission, as the timeline names actors (by username, else by the id the trail kept), from its
 * entries; none when they hold no void of it.
 */
export function voiderIn(entries: readonly Schemas["TimelineEntry"][], submission: Pick<Submission, "id">) {
  const entry = entries.find((one) => one.action === "submission.void" && one.source.id === submission.id);
  return entry && (entry.actor.username ?? entry.actor.id);
}

/**
 * The day the timeline lists a submission's void on: the desk's (New York's) day it was recorded (ADR 0063), not its
 * UTC day, which runs ahead from 19:00 or 20:00 in New York.
 */
export const voidTimelineDay = (voided: Pick<NonNullable<Submission["voided"]>, "at">): string => deskDay(voided.at);

const NO_LONGER_COUNTS = "no longer counts, as if it had never been recorded";

/** After the page's own void. */
export const voidedWords = (voided: Submission): string =>
  `${voided.symbol} voided (${voided.voided?.reason ?? ""}): it ${NO_LONGER_COUNTS}.`;

/**
 * After the page found it voided by someone else: by whom (a colleague, when the timeline did not say), on the desk's
 * day (New York's, as the API dates corrections), why, and that what the reader was saving was not saved.
 */
export function voidedMeanwhileWords(submission: Submission, voider: string | undefined): string {
  const { voided } = submission;
  const by = `by ${voider ?? "a colleague"}`;
  const when = voided ? ` on ${deskDay(voided.at)}` : "";
  const why = voided?.reason ? `: ${voided.reason}` : "";
  return `${submission.symbol} was voided ${by}${when}${why}. Your change was not saved: the submission ${NO_LONGER_COUNTS}.`;
}

/** A submission that still counts, read again after a stale kind correction or void: what it is now. */
export const nowOnRecordWords = (submission: Pick<Submission, "symbol" | "kind">): string =>
  `Now on record: ${submission.symbol}, ${SUBMISSION_KINDS[submission.kind]}.`;
