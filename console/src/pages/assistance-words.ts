// The words the assistance pages show for the API's codes: a request's status, the move to it and what it did, an area
// of assistance; a provider's offer on a button and its standing among the providers. `satisfies` makes tsc name a
// code the API adds and these tables lack. Pure (types and a word helper only), tested in Node.
import { REQUEST_STATUS_WORDS } from "../../../shared/assistance/status-words.ts";
import { possessive } from "../../../shared/possessive.ts";
import type { components } from "../api/schema";

// One table of statuses for the API's refusals and these pages: the shared one.
export { MOVED_WORDS, REQUEST_STATUS_WORDS } from "../../../shared/assistance/status-words.ts";

type Schemas = components["schemas"];
type RequestStatus = Schemas["AssistanceRequest"]["status"];
type AssistanceArea = Schemas["AssistanceRequest"]["areas"][number];

/** The button that moves a request to a status. */
export const MOVE_WORDS = {
  received: "Mark the request received",
  acknowledged: "Acknowledge the request",
  "consent-window": "Open the consent window",
  circulated: "Circulate the request",
  matched: "Mark the request matched",
  "in-progress": "Mark the request in progress",
  fulfilled: "Mark the request fulfilled",
  withdrawn: "Record the withdrawal",
  "closed-unmet": "Close the request unmet",
} as const satisfies Record<RequestStatus, string>;

/** Every area once, in the API's order (a form lists them so). */
export const AREA_WORDS = {
  legislation: "Legislation",
  "national-reporting": "National reporting",
  "export-and-licensing": "Export control and licensing",
  "customs-and-border": "Customs and border control",
  "physical-protection": "Physical protection",
  "accounting-of-materials": "Accounting for materials",
  "biosafety-biosecurity": "Biosafety and biosecurity",
  "chemical-security": "Chemical security",
  "nuclear-security": "Nuclear security",
  "proliferation-finance": "Proliferation financing",
  enforcement: "Enforcement",
  laboratories: "Laboratories",
  other: "Other",
} as const satisfies Record<AssistanceArea, string>;

/** Areas in words, as a list reads them: "Legislation, National reporting". */
export const areasInWords = (areas: readonly AssistanceArea[]): string =>
  areas.map((area) => AREA_WORDS[area]).join(", ");

/** The API's words with the list of `areas` it joined by their codes ("legislation, national-reporting") in words. */
export const withAreasInWords = (text: string, areas: readonly AssistanceArea[]): string =>
  areas.length === 0 ? text : text.replace(areas.join(", "), areasInWords(areas));

/** Statuses in words, as a refusal's legal moves read: "circulated or withdrawn". */
export const statusesInWords = (statuses: readonly string[]): string =>
  statuses.map((status) => statusWords(status)).join(" or ") || "none";

/** A status the API names (a 409's `allowed`), in words; one this console does not know, as it is. */
export function statusWords(status: string): string {
  const known = Object.entries(REQUEST_STATUS_WORDS).find(([code]) => code === status);
  return known ? known[1] : status;
}

/**
 * The API's words about a request put as "This request" (the page is the request's own): it names the request by its
 * symbol and State ("Assistance request S/AC.44/2026/3 of Gambia"), or by its symbol alone.
 */
export const aboutThisRequest = (
  words: string,
  request: Pick<Schemas["AssistanceRequest"], "symbol">,
  stateName: string,
): string =>
  words
    .replaceAll(`Assistance request ${request.symbol} of ${stateName}`, "This request")
    .replaceAll(`assistance request ${request.symbol} of ${stateName}`, "this request")
    .replaceAll(`Assistance request ${request.symbol}`, "This request");

/**
 * A proposal refused (409) because a colleague moved the request since the page read it (`before`), as the page says
 * it once it has read the request again (`now`): "A colleague moved this request to withdrawn on 2026-12-07. …";
 * undefined when the request has not changed, and the refusal is news of its own.
 */
export function proposalOvertaken(
  before: Pick<Schemas["AssistanceRequest"], "updatedAt" | "history">,
  now: Pick<Schemas["AssistanceRequest"], "updatedAt" | "history">,
): string | undefined {
  if (now.updatedAt === before.updatedAt) return undefined;
  const known = new Set(before.history.map((move) => move.at));
  const moves = now.history
    .filter((move) => !known.has(move.at))
    .map((move) => `to ${REQUEST_STATUS_WORDS[move.to]} on ${move.on}`);
  return moves.length > 0
    ? `A colleague moved this request ${moves.join(", then ")}. Nothing was proposed; the page shows it as it now stands.`
    : "A colleague changed this request meanwhile. Nothing was proposed; the page shows it as it now stands.";
}

/** The button that proposes a provider's offer: "Propose Kenya's offer", "Propose … Asian Nations' offer". */
export const proposeOfferLabel = (provider: string): string => `Propose ${possessive(provider)} offer`;

/**
 * What the providers table says after a provider's last-updated day: a retired organization's offers are history (no
 * letter asks it to update, so it is not called stale), a stale provider's are over 12 months old.
 */
export function providerStandingWords(summary: Pick<Schemas["AssistanceProviderSummary"], "stale" | "retiredOn">) {
  if (summary.retiredOn) return ` (retired on ${summary.retiredOn}: its offers are history)`;
  return summary.stale ? " (stale: over 12 months)" : "";
}
