// What the State's record form says once "assistance feedback" is chosen as a document's kind (ADR 0064): feedback on
// one of the State's requests is recorded on the request, where it counts once; here only a note on no single request,
// or one the officer has as a document already. Pure, tested in Node.
import { countsOnItsOwn, FEEDBACK_OPENS_WORDS, takesFeedback } from "../../../../shared/assistance/feedback-open.ts";
import { possessive } from "../../../../shared/possessive.ts";
import type { components } from "../../api/schema";
import { andList } from "../../ui/word-list.ts";

type AssistanceRequest = components["schemas"]["AssistanceRequest"];
type AssistanceFeedback = components["schemas"]["AssistanceFeedback"];
type Submission = components["schemas"]["Submission"];

/** The State's requests that take feedback now, in the order given. */
export const requestsTakingFeedback = (requests: readonly AssistanceRequest[]): AssistanceRequest[] =>
  requests.filter((request) => takesFeedback(request.status));

/** The sentence above the requests: where feedback on one of them goes, and what this form is then for. */
export const feedbackGoesWords = (stateName: string): string =>
  `Feedback on one of ${possessive(stateName)} assistance requests is recorded on the request, in its Feedback ` +
  "section, where it counts once. Record it here only if it concerns no single request; a note recorded here can " +
  "still be named on its request by its symbol, and counts once, as this document.";

/**
 * Beside a request whose State's feedback is recorded on it already, not as a document (ADR 0064): a note recorded
 * there counts there, and recorded here again it counts twice until the feedback is linked to it on the request's page,
 * which takes a document of the note's day (ADR 0070). Undefined when there is none.
 */
export function feedbackOnRecordWords(feedback: readonly AssistanceFeedback[]): string | undefined {
  const days = [...new Set(feedback.flatMap((entry) => (countsOnItsOwn(entry) ? [entry.receivedOn] : [])))];
  if (days.length === 0) return undefined;
  return (
    `the State's feedback received ${andList(days)} is recorded on it and counts there: if this document is that note, ` +
    "do not record it again, or record it with the note's day and then link the feedback to it on the request's " +
    "page, so that it counts once"
  );
}

/**
 * Said once a document of kind assistance feedback is recorded, when feedback of the State's on one of its requests,
 * received the same day, names no document: it may be this very note, counted twice until linked (ADR 0070).
 * Undefined when there is none.
 */
export function sameDayFeedbackWords(
  stateName: string,
  recorded: Pick<Submission, "kind" | "receivedOn">,
  open: readonly { request: Pick<AssistanceRequest, "symbol">; feedback: readonly AssistanceFeedback[] }[],
): string | undefined {
  if (recorded.kind !== "assistance-feedback") return undefined;
  const symbols = open.flatMap(({ request, feedback }) =>
    feedback.some((entry) => countsOnItsOwn(entry) && entry.receivedOn === recorded.receivedOn) ? [request.symbol] : [],
  );
  if (symbols.length === 0) return undefined;
  return (
    `${possessive(stateName)} feedback received ${recorded.receivedOn} on ${andList(symbols)} names no document: if ` +
    "it is this note, link them on the request's page, so that it counts once."
  );
}

/** Said instead of the list when no request of the State takes feedback now. */
export function noRequestTakesFeedbackWords(stateName: string, requests: readonly AssistanceRequest[]): string {
  if (requests.length === 0) return `${stateName} has no assistance request on record.`;
  return `None of ${possessive(stateName)} requests takes feedback yet: a request does ${FEEDBACK_OPENS_WORDS}.`;
}
