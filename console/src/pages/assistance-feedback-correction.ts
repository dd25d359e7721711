// Correcting feedback on the assistance process on the request's page (ADR 0071): what it says, or the day it was
// received, typed wrongly. Only what differs from the feedback as it stands is sent; the words of the form, of the
// correction made, of a linked note's day, which is its document's, and of the feedback read again after a stale
// save (ADR 0072). Pure (types only from the generated schema), tested in Node
// (test/unit/console-feedback-correction.test.ts).

import { countsOnItsOwn } from "../../../shared/assistance/feedback-open.ts";
import type { components } from "../api/schema";
import { differencesOf, type FieldWords, readAgainWords, type Typed } from "./typed-over.ts";

type Schemas = components["schemas"];
type Feedback = Schemas["AssistanceFeedback"];
export type FeedbackCorrection = Schemas["AssistanceFeedbackCorrection"];

/** The fields of the correction: the API's body names. */
export type FeedbackField = keyof FeedbackCorrection & keyof Feedback;

/**
 * The label of the day received. A linked note's day is its document's: the label says so, and the API refuses
 * another at the field, saying how to unlink.
 */
export const receivedOnLabel = (feedback: Pick<Feedback, "document">): string =>
  feedback.document
    ? `Received on (YYYY-MM-DD; linked to ${feedback.document.symbol}, it is that document's day)`
    : "Received on (YYYY-MM-DD)";

/** The feedback as the form shows it before anything is typed. */
export const feedbackValuesOf = (feedback: Pick<Feedback, FeedbackField>): Record<FeedbackField, string> => ({
  text: feedback.text,
  receivedOn: feedback.receivedOn,
});

/** The fields as a sentence names them, after a stale save: "what it says", "received on". */
const FIELD_WORDS: FieldWords<FeedbackField> = { labels: { text: "what it says", receivedOn: "received on" } };

/**
 * After a stale save (412), the feedback read again: what now stands, and which of the typed fields differ from it
 * (all that saving again sends).
 */
export const feedbackReadAgainWords = (now: Pick<Feedback, FeedbackField>, typed: Typed<FeedbackField>): string =>
  readAgainWords(feedbackValuesOf(now), typed, FIELD_WORDS);

/**
 * The body that corrects `feedback` as typed: only the fields that differ from it (spaces at the ends are no change,
 * the API trims them), the others left as they stand; empty when nothing differs.
 */
export function feedbackCorrectionOf(
  feedback: Pick<Feedback, FeedbackField>,
  typed: Typed<FeedbackField>,
): FeedbackCorrection {
  return Object.fromEntries(
    differencesOf(feedbackValuesOf(feedback), typed).map(({ field, typed: value }) => [field, value.trim()]),
  );
}

/** The button's accessible name and the form's title: the feedback named by its day, as the link's question does. */
export const correctFeedbackWords = (feedback: Pick<Feedback, "receivedOn">): string =>
  `Correct the feedback received ${feedback.receivedOn}`;

/**
 * The status once `before` is corrected by `changes`, the API answering `after`: what was corrected, and when the
 * day moved on the requesting State's feedback that counts on its own, that the State's assistance-feedback dates
 * follow (its count does not change).
 */
export function feedbackCorrectedWords(
  before: Pick<Feedback, "receivedOn" | "from" | "document" | "voided">,
  changes: FeedbackCorrection,
  after: Pick<Feedback, "receivedOn">,
): string {
  // Only what differed was sent: a day sent is a day moved.
  const dayMoved = changes.receivedOn !== undefined;
  const what = [
    ...(changes.text === undefined ? [] : ["what it says"]),
    ...(dayMoved ? [`the day received, now ${after.receivedOn}`] : []),
  ];
  const corrected = `Corrected the feedback received ${before.receivedOn}: ${what.join(" and ")}.`;
  return dayMoved && countsOnItsOwn(before)
    ? `${corrected} The State's assistance feedback is dated by the corrected day; its count does not change.`
    : corrected;
}
