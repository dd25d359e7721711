// What an offer says, for telling an offer recorded twice from a new one (ADR 0006): the provider, the areas (any
// order), the description (case and spacing aside) and the validity; not its last-updated day, nor its id.
import { Conflict } from "../errors.ts";
import { type OfferWords, offerInWords } from "./offer-words.ts";
import { type AssistanceOffer, providerKey } from "./schemas.ts";

export type OfferContent = Pick<AssistanceOffer, "provider" | "areas" | "description" | "validFrom" | "validUntil">;

/** One string per content: two offers say the same exactly when theirs are equal. */
export function offerContent(offer: OfferContent): string {
  const words = offer.description.trim().replace(/\s+/g, " ").toLocaleLowerCase("en");
  const areas = [...new Set(offer.areas)].sort();
  return JSON.stringify([providerKey(offer.provider), areas, words, offer.validFrom, offer.validUntil ?? null]);
}

export const sameOffer = (a: OfferContent, b: OfferContent) => offerContent(a) === offerContent(b);

const remedies = {
  create: "correct that offer, or record one that differs",
  update: "change what differs, or leave this offer as it was",
};

/**
 * The refusal of an offer, new or corrected, that says what the provider's offer `heldId` says (409), naming that
 * offer by what it `said` (its description and validity: the refused offer's are the same, case and spacing aside).
 * The details keep the id for a client that finds the offer by it.
 */
export const offerRepeated = (heldId: string, said: OfferWords, write: keyof typeof remedies) =>
  new Conflict(
    `This provider's offer ${offerInWords(said)} says the same (areas, description, validity); ${remedies[write]}`,
    { offerId: heldId },
  );
