// Linking the requesting State's feedback, recorded on its request first, to the State's document that is the same
// note, recorded on the State's page afterwards, and undoing a link made in error (ADR 0070): which documents a
// feedback may be linked to, as the API would take them (the State's own documents of kind assistance-feedback,
// received the feedback's day, that no feedback on the request names yet), and the words of the questions, the
// confirmations and the API's refusals. Pure (types only from the generated schema), tested in Node
// (test/unit/console-feedback-link.test.ts).

import { countsOnItsOwn, standing } from "../../../shared/assistance/feedback-open.ts";
import { possessive } from "../../../shared/possessive.ts";
import type { components } from "../api/schema";
import { problemInFull } from "../ui/problem-words.ts";
import { linkableDocuments } from "./assistance-feedback-form.ts";
import { SUBMISSION_KINDS } from "./state/labels.ts";

type Schemas = components["schemas"];
type Feedback = Schemas["AssistanceFeedback"];
type Submission = Schemas["Submission"];
type Problem = Schemas["Problem"];

/**
 * The documents `feedback` may be linked to: none for a provider's feedback, one linked already or one voided; else
 * the State's own counted documents of kind assistance-feedback received the day the feedback was, that no feedback in
 * `recorded` (the request's) names, voided feedback aside (ADR 0073: it holds no document, as the API reads it).
 * Another day's are not offered: one note is received on one day.
 */
export function linkCandidates(
  feedback: Feedback,
  submissions: readonly Submission[],
  recorded: readonly Feedback[],
): Submission[] {
  if (!countsOnItsOwn(feedback)) return [];
  // The State's own only: read for another request before, the list may still be another State's for a moment.
  return linkableDocuments(submissions, standing(recorded)).filter(
    (document) =>
      document.iso3 === feedback.iso3 && document.receivedOn === feedback.receivedOn && document.voided === undefined,
  );
}

/**
 * What a standing note linked to a document that no longer counts as its note says (ADR 0064): the document voided
 * since (the State's documents that count leave it out) or its kind corrected to another. The note counted as that
 * document, so it counts nowhere now; if the State did send it, unlinking it makes it count on its own. Undefined
 * while the document counts, or until the State's documents (`counted`, the list the API gives) are read.
 */
export function documentGoneWords(
  feedback: Pick<Feedback, "document" | "voided">,
  counted: readonly Pick<Submission, "id" | "kind">[] | undefined,
): string | undefined {
  const { document } = feedback;
  if (!document || feedback.voided || counted === undefined) return undefined;
  const held = counted.find((one) => one.id === document.submissionId);
  if (held?.kind === "assistance-feedback") return undefined;
  const gone = held
    ? `${document.symbol} is now recorded under another kind (${SUBMISSION_KINDS[held.kind]})`
    : `${document.symbol} was voided`;
  return `${gone}, so this note counts nowhere now: if the State did send it, unlink it so that it counts on its own.`;
}

/**
 * A change of a feedback's link, asked first and then sent: its link to the State's document `symbol`, or the undoing
 * of its link to `symbol`, made in error.
 */
export interface LinkChange {
  kind: "link" | "unlink";
  feedback: Pick<Feedback, "id" | "receivedOn">;
  symbol: string;
}

/** What is asked before a change of the link is sent: the question, what the change does, and the two answers. */
export interface LinkQuestion {
  question: string;
  means: string;
  yes: string;
  /** The safe answer, which keeps the feedback as it is. */
  no: string;
}

/** The question asked before `change` is sent, naming the feedback by its day and the document by its symbol. */
export function linkQuestion({ kind, feedback, symbol }: LinkChange, stateName: string): LinkQuestion {
  const state = possessive(stateName);
  return kind === "link"
    ? {
        question: `Link the feedback received ${feedback.receivedOn} to ${state} document ${symbol}?`,
        means:
          `They are then one note: ${state} assistance feedback counts it once, as that document, not twice. A link ` +
          "made in error can be undone.",
        yes: "Yes, link them",
        no: "Keep them apart",
      }
    : {
        question: `Unlink the feedback received ${feedback.receivedOn} from ${state} document ${symbol}?`,
        means:
          `They are then two notes: ${state} assistance feedback counts the feedback on its own again, beside the ` +
          "document. Do this only if the feedback is not that document.",
        yes: "Yes, unlink them",
        no: "Keep them linked",
      };
}

/** The status once `change` is made, from the API's answer (the feedback as it now stands). */
export const linkChangedWords = (change: LinkChange, answer: Pick<Feedback, "receivedOn" | "document">): string =>
  change.kind === "link"
    ? `Linked the feedback received ${answer.receivedOn} to ${answer.document?.symbol ?? change.symbol}: the note ` +
      "counts once, as that document."
    : `Unlinked the feedback received ${answer.receivedOn} from ${change.symbol}: it counts on its own again, beside ` +
      "the document.";

/**
 * A refusal of a change of the link in the API's words. Its messages at the symbol read after the symbol ("is not
 * among Gambia's documents: …"), so they are said after it; a 409's detail is a whole sentence, said alone.
 */
export function linkRefusalWords(problem: Problem, symbol: string): string {
  const atSymbol = (problem.errors ?? []).filter((error) => error.path === "body.symbol");
  if (atSymbol.length === 0) return problemInFull(problem);
  const said = atSymbol.map((error) => `${symbol} ${error.message}`).join("; ");
  return problem.detail ? `${problem.detail}: ${said}.` : `${said}.`;
}
