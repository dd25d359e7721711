// Feedback on the assistance process as a request's form holds it (ADR 0064): who it came from, in words; for the
// requesting State's, the State's document it was recorded as already, if any, so that the note counts once; an empty
// text refused at its field in plain words before anything is sent; the body the API takes; the confirmation once
// recorded; and, before the request takes feedback, from when it will. Pure (types only from the generated schema),
// tested in Node.
import { FEEDBACK_OPENS_WORDS, takesFeedback } from "../../../shared/assistance/feedback-open.ts";
import type { components } from "../api/schema";
import { REQUEST_STATUS_WORDS } from "./assistance-words.ts";

type Schemas = components["schemas"];
type Problem = Schemas["Problem"];
type NewFeedback = Schemas["NewAssistanceFeedback"];
type FeedbackFrom = NewFeedback["from"];
type Feedback = Schemas["AssistanceFeedback"];
type Submission = Schemas["Submission"];

export interface FeedbackForm {
  from: FeedbackFrom;
  text: string;
  receivedOn: string;
  /** The symbol of the State's document the note was recorded as; "" for none. */
  symbol: string;
}

/** Who the feedback came from; the requesting State's counts towards its assistance-feedback obligation. */
export const FEEDBACK_FROM_WORDS = {
  requester: "The requesting State",
  provider: "A provider",
} as const satisfies Record<FeedbackFrom, string>;

/**
 * Why the request takes no feedback yet, and from when it will; none once it does (from its circulation on, or once
 * it is withdrawn: shared/assistance/feedback-open.ts, the API's own rule).
 */
export function feedbackOpensWords(request: Pick<Schemas["AssistanceRequest"], "status">): string | undefined {
  if (takesFeedback(request.status)) return undefined;
  return (
    `Feedback on the assistance process is recorded on a request ${FEEDBACK_OPENS_WORDS}. ` +
    `This one is ${REQUEST_STATUS_WORDS[request.status]}.`
  );
}

/**
 * The State's documents of kind assistance-feedback that the requesting State's note may name: those no feedback on
 * this request links to yet (a document is one note, recorded on the request once).
 */
export function linkableDocuments(submissions: readonly Submission[], recorded: readonly Feedback[]): Submission[] {
  const linked = new Set(recorded.flatMap((feedback) => feedback.document?.submissionId ?? []));
  return submissions.filter((document) => document.kind === "assistance-feedback" && !linked.has(document.id));
}

/** The document choice, in the order shown: none first (the note then counts here), then each document by symbol. */
export function documentChoices(documents: readonly Submission[]): Record<string, string> {
  return {
    "": "None: the note counts as feedback on its own",
    ...Object.fromEntries(
      documents.map((document) => [document.symbol, `${document.symbol}, received ${document.receivedOn}`]),
    ),
  };
}

/** The confirmation of recorded feedback: who it came from in the table's words ("the requesting State"). */
export const feedbackRecordedWords = (feedback: Pick<Feedback, "from" | "receivedOn" | "document">): string => {
  const from = FEEDBACK_FROM_WORDS[feedback.from];
  const recorded = `Recorded the feedback of ${from.charAt(0).toLowerCase()}${from.slice(1)}, received ${feedback.receivedOn}`;
  return feedback.document
    ? `${recorded}, as the State's document ${feedback.document.symbol}: it counts once, as that document.`
    : `${recorded}.`;
};

export const emptyFeedbackForm = (): FeedbackForm => ({ from: "requester", text: "", receivedOn: "", symbol: "" });

/** The form's refusal before sending, as the API words one (422 at the field); none when it may go. */
export function feedbackFormRefusal(form: FeedbackForm): Problem | undefined {
  if (form.text.trim()) return undefined;
  return {
    type: "about:blank",
    title: "The feedback is not complete",
    status: 422,
    errors: [{ path: "body.text", message: "Say what the feedback says." }],
  };
}

/** The body: a document named only with the requesting State's note (a provider's names none). */
export const newFeedbackOf = (form: FeedbackForm): NewFeedback => {
  const receivedOn = form.receivedOn.trim();
  const symbol = form.from === "requester" ? form.symbol : "";
  return { from: form.from, text: form.text, ...(receivedOn ? { receivedOn } : {}), ...(symbol ? { symbol } : {}) };
};
