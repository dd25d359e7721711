// The words for a request's and a match's statuses and moves, one table for the API's refusals and the console's pages
// (console/src/pages/assistance-words.ts re-exports them); the sentence a lifecycle's refusal says is
// shared/move-words.ts. Type imports only: the console compiles it too.
import type { MatchStatus, RequestStatus } from "./schemas.ts";

/** A status as it reads after "status:", "it is" or "3 requests". */
export const REQUEST_STATUS_WORDS = {
  received: "received",
  acknowledged: "acknowledged",
  "consent-window": "in the consent window",
  circulated: "circulated",
  matched: "matched",
  "in-progress": "in progress",
  fulfilled: "fulfilled",
  withdrawn: "withdrawn",
  "closed-unmet": "closed unmet",
} as const satisfies Record<RequestStatus, string>;

/** What a move did to the request, as "The request was … on 2026-12-06" and "it can be …" read. */
export const MOVED_WORDS = {
  received: "marked received",
  acknowledged: "acknowledged",
  "consent-window": "put in the consent window",
  circulated: "circulated",
  matched: "marked matched",
  "in-progress": "marked in progress",
  fulfilled: "marked fulfilled",
  withdrawn: "withdrawn",
  "closed-unmet": "closed unmet",
} as const satisfies Record<RequestStatus, string>;

/** A match's statuses are words already ("accepted", "declined"): the table says so, and tsc names a new one. */
export const MATCH_STATUS_WORDS = {
  proposed: "proposed",
  accepted: "accepted",
  delivered: "delivered",
  declined: "declined",
} as const satisfies Record<MatchStatus, string>;
