// Voiding feedback recorded in error on the request's page (ADR 0073): the words of the row's button and the form's
// title, of what voiding this very note does, of the mark a voided row carries, of the feedback read again after a
// stale void (ADR 0072), and of the void made or found made meanwhile. Pure (types only from the generated schema),
// tested in Node (test/unit/console-feedback-void.test.ts).
import { countsOnItsOwn } from "../../../shared/assistance/feedback-open.ts";
import { possessive } from "../../../shared/possessive.ts";
import { deskDay } from "../../../shared/zoned-time.ts";
import type { components } from "../api/schema";
import { FEEDBACK_FROM_WORDS } from "./assistance-feedback-form.ts";

type Feedback = components["schemas"]["AssistanceFeedback"];
type Voided = NonNullable<Feedback["voided"]>;

/** The button's accessible name and the form's title: the feedback named by its day, as its correction's are. */
export const voidFeedbackWords = (feedback: Pick<Feedback, "receivedOn">): string =>
  `Void the feedback received ${feedback.receivedOn}`;

/**
 * What voiding `feedback` does, in terms of this note: the requesting State's note naming no document leaves the
 * State's assistance feedback; a linked note's document counts on, as the State's own; a provider's note counted
 * nowhere. Then what becomes of it, which cannot be undone.
 */
export function voidMeansWords(feedback: Pick<Feedback, "from" | "document" | "voided">, stateName: string): string {
  const state = possessive(stateName);
  const linked = feedback.document?.symbol;
  const what = countsOnItsOwn(feedback)
    ? `It no longer counts towards ${state} assistance feedback: the obligation counts one note less, dated by ` +
      "the notes still counted. It stays listed for the record, marked voided with the reason."
    : feedback.from === "requester" && linked
      ? `${linked} still counts towards ${state} assistance feedback, as the State's document: void it on the ` +
        "State's page if it too was recorded in error. The feedback stays listed for the record, marked voided with " +
        "the reason."
      : "A provider's note counts towards no obligation: it is kept for the record only, listed and marked voided " +
        "with the reason.";
  return (
    `${what} It then takes no correction or link, and voiding cannot be undone: to mend what it says or its day, ` +
    "correct it instead."
  );
}

/** A reason as a sentence ends it: its own full stop is not doubled. */
const said = (reason: string): string => reason.trim().replace(/\.+$/, "");

/** The mark of a voided row, in words: on the desk's (New York's) day it was voided, and why. */
export const voidedMarkWords = (voided: Pick<Voided, "at" | "reason">): string =>
  `Voided ${deskDay(voided.at)}: ${said(voided.reason)}.`;

/** The status once the page voided `feedback`, for `reason`. */
export const feedbackVoidedWords = (feedback: Pick<Feedback, "receivedOn">, reason: string): string =>
  `Voided the feedback received ${feedback.receivedOn}: ${said(reason)}.`;

/**
 * The status once the page found `feedback` voided already (`voided`), by a colleague: the API's 409, or the reading
 * after a 412. Nothing of the reader's was written.
 */
export const voidedMeanwhileWords = (feedback: Pick<Feedback, "receivedOn">, voided: Pick<Voided, "at" | "reason">) =>
  `The feedback received ${feedback.receivedOn} was voided meanwhile, on ${deskDay(voided.at)}: ` +
  `${said(voided.reason)}. It stays so; your reason was not recorded.`;

/**
 * After a stale void (412), the feedback read again: what now stands (a colleague may have corrected or linked it),
 * and that the reason typed is kept, to void it as it now stands.
 */
export function voidReadAgainWords(now: Pick<Feedback, "from" | "receivedOn" | "text" | "document">): string {
  const from = FEEDBACK_FROM_WORDS[now.from];
  const linked = now.document ? `, linked to ${now.document.symbol}` : "";
  return (
    `Now on record: the feedback of ${from.charAt(0).toLowerCase()}${from.slice(1)} received ${now.receivedOn}` +
    `${linked}, saying "${now.text}". Your reason is kept: voiding now voids it as it stands.`
  );
}
