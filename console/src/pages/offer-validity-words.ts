// An offer's validity as the offers' list says it, marked when the offer is not valid on the desk's day (New York's)
// by the API's own rule for "valid today" (shared/assistance/ranking.ts, which proposes only valid offers). Pure,
// tested in Node.
import { isActiveOn } from "../../../shared/assistance/ranking.ts";
import type { components } from "../api/schema";
import { dayInWords } from "./correspondence/time.ts";

type Validity = Pick<components["schemas"]["AssistanceOffer"], "validFrom" | "validUntil">;

/** "from 2024-01-01 to 2026-06-30", "from 2026-01-01, open-ended". */
export const validityWords = (offer: Validity): string =>
  `from ${offer.validFrom}${offer.validUntil ? ` to ${offer.validUntil}` : ", open-ended"}`;

/** "Expired on 30 June 2026", "Not valid yet: valid from 1 March 2027"; none for an offer valid on `today`. */
export function validityMark(offer: Validity, today: string): string | undefined {
  if (isActiveOn(offer, today)) return undefined;
  if (offer.validFrom > today) return `Not valid yet: valid from ${dayInWords(offer.validFrom)}`;
  return offer.validUntil ? `Expired on ${dayInWords(offer.validUntil)}` : undefined;
}
