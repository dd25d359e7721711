// An offer as a person at the desk knows it, for the words of a refusal and of a match: its description's start, in
// quotes, and its validity, never its id, which nobody reads.
import { descriptionOnOneLine, offerValidity } from "../templates/offer-lines.ts";
import type { AssistanceOffer } from "./schemas.ts";

export type OfferWords = Pick<AssistanceOffer, "description" | "validFrom" | "validUntil">;

/** The longest description quoted whole: a sentence still reads with it. */
const QUOTED_LENGTH = 60;

/** “Training of customs officers…”: the description on one line, a long one cut after a whole word. */
export function quotedDescription(description: string): string {
  const oneLine = descriptionOnOneLine(description);
  if (oneLine.length <= QUOTED_LENGTH) return `“${oneLine}”`;
  const head = oneLine.slice(0, QUOTED_LENGTH + 1);
  const lastSpace = head.lastIndexOf(" ");
  // One word longer than the limit is cut where the limit falls.
  const start = lastSpace > 0 ? head.slice(0, lastSpace) : oneLine.slice(0, QUOTED_LENGTH);
  return `“${start.replace(/[\s,;:.]+$/, "")}…”`;
}

/** “Training of customs officers…” (valid from 1 March 2026, with no end date): its validity as a letter says it. */
export const offerInWords = (offer: OfferWords): string =>
  `${quotedDescription(offer.description)} (${offerValidity(offer, "en")})`;

/**
 * The words of a matched offer, told apart from its provider's other offers on the same request (`others`; itself
 * among them or not): its description's start always, which is what a reader knows an offer by; its validity as well
 * only where another of them starts with the same words (the same workshop offered for two years), as it makes the
 * words of every match half as long again to tell apart what the description already does.
 */
export function matchedOfferWords(
  offer: OfferWords & Pick<AssistanceOffer, "id">,
  others: readonly (OfferWords & Pick<AssistanceOffer, "id">)[],
): string {
  const quoted = quotedDescription(offer.description);
  const alike = others.some((other) => other.id !== offer.id && quotedDescription(other.description) === quoted);
  return alike ? offerInWords(offer) : quoted;
}
