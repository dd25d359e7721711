// How a match is named to people: by whose offer it is ("Bulgaria's offer accepted"), not by its id, which nobody at
// the desk reads. No imports, so the console can name a match on its pages the same way.

/**
 * "Bulgaria's offer", "the International Atomic Energy Agency's offer"; a name that ends in brackets reads badly
 * with "'s": "the offer of Bolivia (Plurinational State of)".
 */
export const offerOf = (providerName: string): string =>
  providerName.endsWith(")") ? `the offer of ${providerName}` : `${providerName}'s offer`;

/** The note of a request's move made by a match's move to the status `to`: "Bulgaria's offer accepted". */
export const matchMoveNote = (providerName: string, to: string): string => `${offerOf(providerName)} ${to}`;
