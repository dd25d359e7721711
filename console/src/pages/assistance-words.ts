// The words the assistance pages show for the API's codes: a request's status, the move to it and what it did, an area
// of assistance; a provider's offer on a button and its standing among the providers. `satisfies` makes tsc name a
// code the API adds and these tables lack. Pure (types and a word helper only), tested in Node.
import { possessive } from "../../../shared/possessive.ts";
import type { components } from "../api/schema";

type Schemas = components["schemas"];
type RequestStatus = Schemas["AssistanceRequest"]["status"];
type AssistanceArea = Schemas["AssistanceRequest"]["areas"][number];

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

/** What a move did to the request, as "The request was … on 2026-12-06" reads. */
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

/** The API's words about a request with its internal id put as "This request" (the page is the request's own). */
export const aboutThisRequest = (words: string, requestId: string): string =>
  words.replaceAll(`Assistance request ${requestId}`, "This request");

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
