// Feedback on a fulfilled request as its form holds it: who it came from, in words; an empty text refused at its field
// in plain words before anything is sent; the body the API takes; the confirmation once recorded. Pure (types only
// from the generated schema), tested in Node.
import type { components } from "../api/schema";

type Schemas = components["schemas"];
type Problem = Schemas["Problem"];
type NewFeedback = Schemas["NewAssistanceFeedback"];
type FeedbackFrom = NewFeedback["from"];
type Feedback = Schemas["AssistanceFeedback"];

export interface FeedbackForm {
  from: FeedbackFrom;
  text: string;
  receivedOn: string;
}

/** Who the feedback came from; the requesting State's also fulfils its assistance-feedback obligation. */
export const FEEDBACK_FROM_WORDS = {
  requester: "The requesting State",
  provider: "A provider",
} as const satisfies Record<FeedbackFrom, string>;

/** The confirmation of recorded feedback: who it came from in the table's words ("the requesting State"). */
export const feedbackRecordedWords = (feedback: Pick<Feedback, "from" | "receivedOn">): string => {
  const from = FEEDBACK_FROM_WORDS[feedback.from];
  return `Recorded the feedback of ${from.charAt(0).toLowerCase()}${from.slice(1)}, received ${feedback.receivedOn}.`;
};

export const emptyFeedbackForm = (): FeedbackForm => ({ from: "requester", text: "", receivedOn: "" });

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

export const newFeedbackOf = (form: FeedbackForm): NewFeedback => {
  const receivedOn = form.receivedOn.trim();
  return { from: form.from, text: form.text, ...(receivedOn ? { receivedOn } : {}) };
};
