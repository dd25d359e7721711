// The requesting State's document a note of feedback names by its symbol (ADR 0064): the note recorded on the State's
// page, as a document of kind assistance-feedback, and on its request, in either order (ADR 0070). The feedback links
// to it and the note counts once, as the document. A symbol that is not such a document of the State is refused at its
// field.
import { Conflict, Invalid } from "../errors.ts";
import { possessive } from "../possessive.ts";
import { recordedAsWords } from "../reporting/document-recorded.ts";
import type { Submission } from "../reporting/schemas.ts";
import type { AssistanceFeedback } from "./schemas.ts";

const refused = (path: string, message: string) =>
  new Invalid("The feedback does not match the document it names", [{ path, message }]);

/** What to do when the symbol names none of the State's documents, as recording feedback says it. */
const RECORD_IT_FIRST =
  "leave it out, and the feedback counts on its own, or record the document on the State's page first";

/**
 * The State's counted document that `symbol` names (case aside), of kind assistance-feedback; 422 at the field,
 * `absent` saying what to do when the State has no such document (a voided one counts no more).
 */
export function feedbackDocument(
  symbol: string,
  counted: readonly Submission[],
  stateName: string,
  absent = RECORD_IT_FIRST,
): Submission {
  const named = counted.find((document) => document.symbol.toUpperCase() === symbol.toUpperCase());
  if (!named) throw refused("body.symbol", `is not among ${possessive(stateName)} documents: ${absent}`);
  if (named.kind !== "assistance-feedback") {
    throw refused("body.symbol", `is ${recordedAsWords(stateName, named)}, not feedback on assistance`);
  }
  return named;
}

/** Feedback recorded with its document names the day the document was received, when it names a day at all. */
export function refuseOtherDay(document: Submission, receivedOn: string | undefined): void {
  if (receivedOn !== undefined && receivedOn !== document.receivedOn) {
    throw refused("body.receivedOn", `is not the day ${document.symbol} was received (${document.receivedOn})`);
  }
}

/**
 * Feedback linked afterwards to its document was received the day the document was: one note, one day. Whichever day
 * is wrong is corrected first: the document's on the State's page, the feedback's on its request (ADR 0071).
 */
export function refuseDocumentOfOtherDay(document: Submission, feedback: AssistanceFeedback): void {
  if (document.receivedOn !== feedback.receivedOn) {
    throw refused(
      "body.symbol",
      `was received on ${document.receivedOn}, and this feedback on ${feedback.receivedOn}: one note is received on ` +
        "one day (correct the day that is wrong first, the document's or the feedback's)",
    );
  }
}

/** The refusal of a symbol named for a provider's feedback: only the requesting State's note is its document. */
export const providerNamesNoDocument = () =>
  new Invalid("Only the requesting State's feedback names its document", [
    {
      path: "body.symbol",
      message: "is for feedback from the requesting State: a provider's note is not its document",
    },
  ]);

/** The refusal of a document another feedback on the request names already (409 naming it). */
export const documentLinkedAlready = (document: Pick<Submission, "symbol">, linked: AssistanceFeedback) =>
  new Conflict(
    `${document.symbol} is linked already to the request's feedback received on ${linked.receivedOn}: it is not ` +
      "recorded twice",
    { feedbackId: linked.id },
  );

/** The refusal of a link to feedback that names a document already, another one or, meanwhile, any. */
export const feedbackLinkedAlready = (feedback: Pick<AssistanceFeedback, "id">, symbol: string | undefined) =>
  new Conflict(
    `This feedback is linked already to ${symbol ?? "a document"}: one note is one document (undo that link first ` +
      "if it was made in error)",
    { feedbackId: feedback.id },
  );

/**
 * A link or an unlink refused by the store: the feedback names another document than the one read (`before`), or
 * none (`now` undefined) where one was read.
 */
export const feedbackLinkRefused = (
  feedback: Pick<AssistanceFeedback, "id">,
  before: Pick<Submission, "symbol"> | undefined,
  now: string | undefined,
) =>
  before === undefined
    ? feedbackLinkedAlready(feedback, now)
    : new Conflict(
        `This feedback ${now ? `is linked to ${now}` : "names no document"} now, no longer to ${before.symbol}: read ` +
          "it again",
        { feedbackId: feedback.id },
      );
