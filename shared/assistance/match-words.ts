// How a match is named to people: by whose offer it is and which ("Bulgaria's offer “Legislative drafting workshop”
// accepted"), not by its id, which nobody at the desk reads. The offer's own words are made by offer-words.ts, on the
// API's side; here only the sentence around them, importing nothing that imports, so the console names a match the
// same way.
import { possessive } from "../possessive.ts";

/**
 * "Bulgaria's offer", "the Philippines' offer" (possessive.ts); a name that ends in brackets reads badly
 * with "'s": "the offer of Bolivia (Plurinational State of)". With the offer's words (offer-words.ts,
 * `matchedOfferWords`), which of the provider's offers: "Bulgaria's offer “Legislative drafting workshop”".
 */
export function offerOf(providerName: string, offerWords?: string): string {
  const whose = providerName.endsWith(")") ? `the offer of ${providerName}` : `${possessive(providerName)} offer`;
  return offerWords ? `${whose} ${offerWords}` : whose;
}

/** The note of a request's move made by a match's move to the status `to`: "Bulgaria's offer “…” accepted". */
export const matchMoveNote = (providerName: string, offerWords: string | undefined, to: string): string =>
  `${offerOf(providerName, offerWords)} ${to}`;
