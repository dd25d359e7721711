// Item keys of the assistance mechanism in the desk table, and the index partitions that list them (ADR 0006).
import { createHash } from "node:crypto";
import { type FeedbackContent, feedbackContent } from "./feedback-content.ts";
import { type OfferContent, offerContent } from "./offer-content.ts";
import type { RequestStatus } from "./schemas.ts";

/** A request's partition: the request (sk REQUEST), its matches (MATCH#), match guards (OFFER#), feedback (FEEDBACK#). */
export const requestPartition = (id: string) => `ASSISTANCE-REQUEST#${id}`;
export const requestKey = (id: string) => ({ pk: requestPartition(id), sk: "REQUEST" });

export const requestStatusPartition = (status: RequestStatus) => `ASSISTANCE-REQUEST#STATUS#${status}`;
export const requestStatePartition = (iso3: string) => `ASSISTANCE-REQUEST#STATE#${iso3}`;
export const ALL_REQUESTS = "ASSISTANCE-REQUESTS";

/** gsi1: by status; gsi2: by requesting State; gsi3: all requests. Each sorted by the day received, then id. */
export function requestIndexKeys(request: { id: string; iso3: string; status: RequestStatus; receivedOn: string }) {
  const sort = `${request.receivedOn}#${request.id}`;
  return {
    gsi1pk: requestStatusPartition(request.status),
    gsi1sk: sort,
    gsi2pk: requestStatePartition(request.iso3),
    gsi2sk: sort,
    gsi3pk: ALL_REQUESTS,
    gsi3sk: sort,
  };
}

/** One guard item per request symbol: the same Note Verbale cannot be recorded twice (case-insensitive). */
export const requestSymbolKey = (symbol: string) => ({ pk: `ASSISTANCE-SYMBOL#${symbol.toUpperCase()}`, sk: "SYMBOL" });

export const MATCH_PREFIX = "MATCH#";
export const FEEDBACK_PREFIX = "FEEDBACK#";
export const matchKey = (requestId: string, matchId: string) => ({
  pk: requestPartition(requestId),
  sk: `${MATCH_PREFIX}${matchId}`,
});
/** Finds a match's request from the match id alone; written once with the match, never changed. */
export const matchPointerKey = (matchId: string) => ({ pk: `ASSISTANCE-MATCH#${matchId}`, sk: "MATCH" });
/** One match per request and offer. */
export const matchPairKey = (requestId: string, offerId: string) => ({
  pk: requestPartition(requestId),
  sk: `OFFER#${offerId}`,
});
export const feedbackKey = (requestId: string, feedbackId: string) => ({
  pk: requestPartition(requestId),
  sk: `${FEEDBACK_PREFIX}${feedbackId}`,
});
/** One guard item per content a request's feedback holds (`feedbackContent`), naming that feedback. */
export const feedbackContentKey = (requestId: string, feedback: FeedbackContent) => ({
  pk: requestPartition(requestId),
  sk: `FEEDBACK-CONTENT#${createHash("sha256").update(feedbackContent(feedback)).digest("hex")}`,
});

export const offerKey = (id: string) => ({ pk: `ASSISTANCE-OFFER#${id}`, sk: "OFFER" });
export const ALL_OFFERS = "ASSISTANCE-OFFERS";
export const offerProviderPartition = (providerKey: string) => `ASSISTANCE-OFFER#PROVIDER#${providerKey}`;

/** gsi1: all offers; gsi2: one provider's offers. Sorted by id (creation order). */
export const offerIndexKeys = (id: string, providerKey: string) => ({
  gsi1pk: ALL_OFFERS,
  gsi1sk: id,
  gsi2pk: offerProviderPartition(providerKey),
  gsi2sk: id,
});

/**
 * One guard item per content an offer holds (`offerContent`), naming that offer: the same offer recorded by two
 * officers at once is written once. Hashed, as a description may be longer than a key may be.
 */
export const offerContentKey = (offer: OfferContent) => ({
  pk: `ASSISTANCE-OFFER-CONTENT#${createHash("sha256").update(offerContent(offer)).digest("hex")}`,
  sk: "CONTENT",
});

export const reportKey = (id: string) => ({ pk: `ASSISTANCE-REPORT#${id}`, sk: "REPORT" });
export const ALL_REPORTS = "ASSISTANCE-REPORTS";
/** gsi1: every report, by id (`2026-1` sorts before `2026-2` and `2027-1`). */
export const reportIndexKeys = (id: string) => ({ gsi1pk: ALL_REPORTS, gsi1sk: id });
