// Whether a proposed match can still be accepted today, by the API's own rule (the offer valid on the day of the
// acceptance: shared/assistance/ranking.ts), and why not in words: the request's page says so beside the match and does
// not offer the acceptance. Pure, tested in Node.
import { isActiveOn } from "../../../shared/assistance/ranking.ts";
import type { components } from "../api/schema";
import { dayInWords } from "./correspondence/time.ts";

type Validity = Pick<components["schemas"]["AssistanceOffer"], "validFrom" | "validUntil">;
type MatchStatus = components["schemas"]["AssistanceMatch"]["status"];

/** "The offer ended on 6 December 2026: it can no longer be accepted"; none while the offer is valid on `today`. */
export function acceptanceWithheld(validity: Validity, today: string): string | undefined {
  if (isActiveOn(validity, today)) return undefined;
  if (validity.validFrom > today) {
    return `The offer is valid from ${dayInWords(validity.validFrom)}: it cannot be accepted before`;
  }
  return validity.validUntil
    ? `The offer ended on ${dayInWords(validity.validUntil)}: it can no longer be accepted`
    : undefined;
}

/** The lifecycle's moves from a match's status (`legal`), but the acceptance where it is withheld. */
export const movesOffered = (legal: readonly MatchStatus[], withheld: string | undefined): readonly MatchStatus[] =>
  withheld ? legal.filter((to) => to !== "accepted") : legal;
