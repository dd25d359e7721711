// Matchmaking: which active offers fit a request, ranked by the areas they share and how fresh they are, explained.
import { addMonths, monthsBetween } from "./dates.ts";
import {
  type AssistanceMatch,
  type AssistanceOffer,
  type AssistanceRequest,
  assistanceAreas,
  type Candidate,
  providerKey,
} from "./schemas.ts";

/** An offer counts from its first valid day through its last (open-ended without one). */
export const isActiveOn = (offer: Pick<AssistanceOffer, "validFrom" | "validUntil">, day: string): boolean =>
  offer.validFrom <= day && (offer.validUntil === undefined || offer.validUntil >= day);

/** Points for each area in common: one more shared area always outranks any difference in freshness. */
export const AREA_POINTS = 100;
/** An offer updated within a year earns up to this many points, one fewer per month since its update. */
export const FRESHNESS_MONTHS = 12;

/** A provider that has not updated an offer for more than 12 months is asked to (the May letter). */
export const STALE_AFTER_MONTHS = 12;
export const isStale = (lastUpdatedOn: string, today: string): boolean =>
  addMonths(lastUpdatedOn, STALE_AFTER_MONTHS) < today;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/**
 * The candidates for a request on `today`: active offers that share at least one area with it, from a provider
 * other than the requesting State, best first. Ties keep a stable order (provider, then offer id).
 */
export function rankCandidates(
  request: Pick<AssistanceRequest, "iso3" | "areas">,
  offers: readonly AssistanceOffer[],
  today: string,
  matches: readonly Pick<AssistanceMatch, "id" | "offerId" | "status">[] = [],
): Candidate[] {
  const requested = new Set(request.areas);
  const candidates: Candidate[] = [];
  for (const offer of offers) {
    if (!isActiveOn(offer, today)) continue;
    if (offer.provider.kind === "state" && offer.provider.iso3 === request.iso3) continue;
    // In the catalogue's order, so the explanation reads the same way every time.
    const sharedAreas = assistanceAreas.filter((area) => requested.has(area) && offer.areas.includes(area));
    if (!sharedAreas.length) continue;
    const freshnessMonths = Math.max(0, monthsBetween(offer.lastUpdatedOn, today));
    const freshnessPoints = Math.max(0, FRESHNESS_MONTHS - freshnessMonths);
    const score = AREA_POINTS * sharedAreas.length + freshnessPoints;
    const reasons = [
      `shares ${sharedAreas.length} of the ${plural(requested.size, "area")} requested: ${sharedAreas.join(", ")}`,
      isStale(offer.lastUpdatedOn, today)
        ? `last updated ${plural(freshnessMonths, "month")} ago (${offer.lastUpdatedOn}): stale, no freshness points`
        : `last updated ${plural(freshnessMonths, "month")} ago (${offer.lastUpdatedOn}): ${plural(freshnessPoints, "freshness point")}`,
      `score = ${AREA_POINTS} x ${sharedAreas.length} shared + ${freshnessPoints} freshness = ${score}`,
    ];
    const existing = matches.find((match) => match.offerId === offer.id);
    if (existing) reasons.push(`already matched to this request (${existing.status})`);
    candidates.push({
      offer,
      areaOverlap: sharedAreas.length,
      areasRequested: requested.size,
      sharedAreas,
      freshnessMonths,
      score,
      reasons,
      ...(existing ? { existingMatch: { id: existing.id, status: existing.status } } : {}),
    });
  }
  return candidates.sort(
    (a, b) =>
      b.score - a.score ||
      providerKey(a.offer.provider).localeCompare(providerKey(b.offer.provider)) ||
      a.offer.id.localeCompare(b.offer.id),
  );
}
