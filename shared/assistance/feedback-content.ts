// Feedback recorded twice (a form sent from two tabs, a retry on a slow line, two officers entering the same Note
// Verbale) is the same feedback: the same author, day and text, case and spacing aside. Refused, 409 naming the
// feedback recorded first, before anything is written, and by a guard item in the same transaction for two at once.
import { Conflict, PreconditionFailed } from "../errors.ts";
import { deskDay } from "../zoned-time.ts";
import type { AssistanceFeedback } from "./schemas.ts";

export type FeedbackContent = Pick<AssistanceFeedback, "from" | "receivedOn" | "text">;

/** One string per content: two feedbacks say the same exactly when theirs are equal. */
export function feedbackContent(feedback: FeedbackContent): string {
  const words = feedback.text.trim().replace(/\s+/g, " ").toLocaleLowerCase("en");
  return JSON.stringify([feedback.from, feedback.receivedOn, words]);
}

export const sameFeedback = (a: FeedbackContent, b: FeedbackContent) => feedbackContent(a) === feedbackContent(b);

const AUTHORS: Record<AssistanceFeedback["from"], string> = {
  requester: "the requesting State",
  provider: "the provider",
};

/** The refusal of feedback that repeats the request's feedback `heldId` (409). */
export const feedbackRepeated = (heldId: string, feedback: FeedbackContent) =>
  new Conflict(
    `This feedback from ${AUTHORS[feedback.from]}, received on ${feedback.receivedOn}, is recorded already with the ` +
      "same text: it is not recorded twice",
    { feedbackId: heldId },
  );

/** The refusal of a link or unlink of feedback a colleague corrected or voided since it was read (409, ADR 0072). */
export const feedbackChangedMeanwhile = (feedback: Pick<AssistanceFeedback, "id" | "receivedOn">) =>
  new Conflict(
    `The feedback received on ${feedback.receivedOn} was changed by someone else since it was read: read it again`,
    { feedbackId: feedback.id },
  );

/** The refusal of a correction or void whose If-Match names a version the feedback is no longer at (412, ADR 0072). */
export const feedbackStale = (feedback: Pick<AssistanceFeedback, "receivedOn">, current: number, expected: number) =>
  new PreconditionFailed(`The feedback received on ${feedback.receivedOn}`, current, expected);

/** The refusal of a change to feedback voided already (409, ADR 0073): it stays as voided, for the record. */
export const feedbackVoided = (
  feedback: Pick<AssistanceFeedback, "id" | "receivedOn">,
  voided: NonNullable<AssistanceFeedback["voided"]>,
) =>
  new Conflict(
    `The feedback received on ${feedback.receivedOn} was voided on ${deskDay(voided.at)} (${voided.reason}): it no ` +
      "longer counts and is not changed",
    { feedbackId: feedback.id },
  );
