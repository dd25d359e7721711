// Linking the requesting State's feedback, recorded on its request first, to the State's document that is the same
// note, recorded on the State's page afterwards (ADR 0070): which documents a feedback may be linked to, as the API
// would take them (the State's own documents of kind assistance-feedback, received the feedback's day, that no
// feedback on the request names yet), and the words of the question, the confirmation and the API's refusals. Pure
// (types only from the generated schema), tested in Node (test/unit/console-feedback-link.test.ts).
import { possessive } from "../../../shared/possessive.ts";
import type { components } from "../api/schema";
import { problemInFull } from "../ui/problem-words.ts";
import { linkableDocuments } from "./assistance-feedback-form.ts";

type Schemas = components["schemas"];
type Feedback = Schemas["AssistanceFeedback"];
type Submission = Schemas["Submission"];
type Problem = Schemas["Problem"];

/**
 * The documents `feedback` may be linked to: none for a provider's feedback or one linked already; else the State's
 * own counted documents of kind assistance-feedback received the day the feedback was, that no feedback in `recorded`
 * (the request's) names. Another day's are not offered: one note is received on one day.
 */
export function linkCandidates(
  feedback: Feedback,
  submissions: readonly Submission[],
  recorded: readonly Feedback[],
): Submission[] {
  if (feedback.from !== "requester" || feedback.document) return [];
  // The State's own only: read for another request before, the list may still be another State's for a moment.
  return linkableDocuments(submissions, recorded).filter(
    (document) =>
      document.iso3 === feedback.iso3 && document.receivedOn === feedback.receivedOn && document.voided === undefined,
  );
}

/** The question asked before the link is sent: the feedback by its day, the document by its symbol. */
export const linkQuestion = (feedback: Pick<Feedback, "receivedOn">, symbol: string, stateName: string): string =>
  `Link the feedback received ${feedback.receivedOn} to ${possessive(stateName)} document ${symbol}?`;

/** What the link does, said under the question. */
export const linkMeansWords = (stateName: string): string =>
  `They are then one note: ${possessive(stateName)} assistance feedback counts it once, as that document, not ` +
  "twice. A link is not changed afterwards.";

/** The status once linked, from the API's answer. */
export const feedbackLinkedWords = (linked: Pick<Feedback, "receivedOn" | "document">): string =>
  `Linked the feedback received ${linked.receivedOn} to ${linked.document?.symbol ?? "the State's document"}: the ` +
  "note counts once, as that document.";

/**
 * A refusal of the link in the API's words. Its messages at the symbol read after the symbol ("is not among Gambia's
 * documents: …"), so they are said after it; a 409's detail is a whole sentence, said alone.
 */
export function linkRefusalWords(problem: Problem, symbol: string): string {
  const atSymbol = (problem.errors ?? []).filter((error) => error.path === "body.symbol");
  if (atSymbol.length === 0) return problemInFull(problem);
  const said = atSymbol.map((error) => `${symbol} ${error.message}`).join("; ");
  return problem.detail ? `${problem.detail}: ${said}.` : `${said}.`;
}
