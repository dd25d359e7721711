// The requesting State's document a note of feedback names by its symbol (ADR 0064): the note recorded first on the
// State's page, as a document of kind assistance-feedback, and then on its request. The feedback links to it and the
// note counts once, as the document. A symbol that is not such a document of the State is refused at its field.
import { Invalid } from "../errors.ts";
import { possessive } from "../possessive.ts";
import { recordedAsWords } from "../reporting/document-recorded.ts";
import type { Submission } from "../reporting/schemas.ts";

const refused = (path: string, message: string) =>
  new Invalid("The feedback does not match the document it names", [{ path, message }]);

/**
 * The State's counted document that `symbol` names (case aside), of kind assistance-feedback, and received on
 * `receivedOn` when one is given; 422 at the field otherwise, in words naming the State.
 */
export function feedbackDocument(
  symbol: string,
  receivedOn: string | undefined,
  counted: readonly Submission[],
  stateName: string,
): Submission {
  const named = counted.find((document) => document.symbol.toUpperCase() === symbol.toUpperCase());
  if (!named) {
    throw refused(
      "body.symbol",
      `is not among ${possessive(stateName)} documents: leave it out, and the feedback counts on its own, or record ` +
        "the document on the State's page first",
    );
  }
  if (named.kind !== "assistance-feedback") {
    throw refused("body.symbol", `is ${recordedAsWords(stateName, named)}, not feedback on assistance`);
  }
  if (receivedOn !== undefined && receivedOn !== named.receivedOn) {
    throw refused("body.receivedOn", `is not the day ${named.symbol} was received (${named.receivedOn})`);
  }
  return named;
}
