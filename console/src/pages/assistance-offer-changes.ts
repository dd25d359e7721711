// An assistance offer as its correction form holds it and writes it back (PATCH /assistance/offers/{id}), apart from
// the page so it is tested in Node (test/unit/console-offer-correction.test.ts): only the generated document types, no
// window, no client. The form's values are strings (typed-over.ts), the areas among them as their codes.
import type { components } from "../api/schema";
import { AREA_WORDS, areasInWords } from "./assistance-words.ts";
import { differencesOf, type FieldWords, type Typed } from "./typed-over.ts";

type Schemas = components["schemas"];
type AssistanceOffer = Schemas["AssistanceOffer"];
type AssistanceArea = AssistanceOffer["areas"][number];
export type OfferChanges = Schemas["AssistanceOfferChanges"];

/** The areas in the API's order (the words' table lists each once, in that order), for choosing an offer's areas. */
export const ASSISTANCE_AREAS = Object.keys(AREA_WORDS) as AssistanceArea[];

export type OfferField = "areas" | "description" | "validFrom" | "validUntil" | "lastUpdatedOn";

/** The body fields the form lays out: the API's 422 paths name them. */
export const OFFER_FIELDS: readonly OfferField[] = ["areas", "description", "validFrom", "validUntil", "lastUpdatedOn"];

/** Areas as one form value, their codes in the API's order: the same areas, however chosen, are the same value. */
export const areasValue = (areas: readonly AssistanceArea[]): string =>
  ASSISTANCE_AREAS.filter((area) => areas.includes(area)).join(" ");

export const areasOfValue = (value: string): AssistanceArea[] => {
  const codes = value.split(" ");
  return ASSISTANCE_AREAS.filter((area) => codes.includes(area));
};

/** The correction form's values for an offer, in the form's order: empty for an open-ended validity. */
export const offerValuesOf = (offer: AssistanceOffer): Record<OfferField, string> => ({
  areas: areasValue(offer.areas),
  description: offer.description,
  validFrom: offer.validFrom,
  validUntil: offer.validUntil ?? "",
  lastUpdatedOn: offer.lastUpdatedOn,
});

/**
 * Only what the reader typed that differs from the offer as it stands (after a stale write, as read again): a field
 * left alone is not in `typed`, so a colleague's change to it stands. An emptied "valid until" makes the offer
 * open-ended (null), as the API reads it; dates are sent as typed, for the API to judge.
 */
export function offerChanges(current: AssistanceOffer, typed: Typed<OfferField>): OfferChanges {
  const changes: OfferChanges = {};
  for (const { field, typed: value } of differencesOf(offerValuesOf(current), typed)) {
    if (field === "areas") changes.areas = areasOfValue(value);
    else if (field === "validUntil") changes.validUntil = value.trim() || null;
    else changes[field] = value;
  }
  return changes;
}

const LABELS: Readonly<Record<OfferField, string>> = {
  areas: "areas",
  description: "description",
  validFrom: "valid from",
  validUntil: "valid until",
  lastUpdatedOn: "last updated",
};

/** The fields as the status line after a stale correction names them: areas and an open-ended validity in words. */
export function offerFieldWords(...areaValues: string[]): FieldWords<OfferField> {
  return {
    labels: LABELS,
    options: {
      areas: Object.fromEntries(areaValues.map((value) => [value, areasInWords(areasOfValue(value)) || "none"])),
      validUntil: { "": "open-ended" },
    },
  };
}

/** What a saved correction changed, for its status line: "areas Legislation, Other; last updated 2026-05-02". */
export function correctedWords(changes: OfferChanges): string {
  const said: string[] = [];
  if (changes.areas) said.push(`areas ${areasInWords(changes.areas) || "none"}`);
  // A description runs long: the list shows it.
  if (changes.description !== undefined) said.push("the description");
  if (changes.validFrom !== undefined) said.push(`valid from ${changes.validFrom}`);
  if (changes.validUntil !== undefined) said.push(`valid until ${changes.validUntil ?? "open-ended"}`);
  if (changes.lastUpdatedOn !== undefined) said.push(`last updated ${changes.lastUpdatedOn}`);
  return said.join("; ");
}
