// An assistance request as its correction form holds it and writes it back (PATCH /assistance/requests/{id}), apart
// from the page so it runs in Node: only the generated document types, no window, no client. The form's values are
// strings (typed-over.ts), the areas among them as their codes (assistance-offer-changes.ts).
import type { components } from "../api/schema";
import { andList } from "../ui/word-list.ts";
import { areasOfValue, areasValue } from "./assistance-offer-changes.ts";
import { changesSince } from "./assistance-request-stale.ts";
import { areasInWords } from "./assistance-words.ts";
import { differencesOf, type FieldWords, readAgainWords, type Typed } from "./typed-over.ts";

type Schemas = components["schemas"];
type AssistanceRequest = Schemas["AssistanceRequest"];
export type RequestChanges = Schemas["AssistanceRequestCorrection"];

export type RequestField = "symbol" | "receivedOn" | "areas" | "description";

/** The body fields the form lays out, in its order: the API's 409 and 422 paths name them. */
export const REQUEST_CORRECTION_FIELDS: readonly RequestField[] = ["symbol", "receivedOn", "areas", "description"];

/** The correction form's values for a request, in the form's order. */
export const requestValuesOf = (request: AssistanceRequest): Record<RequestField, string> => ({
  symbol: request.symbol,
  receivedOn: request.receivedOn,
  areas: areasValue(request.areas),
  description: request.description,
});

/**
 * Only what the reader typed that differs from the request as it stands (after a stale write, as read again): a field
 * left alone is not sent, so a colleague's change to it stands. The symbol and the day are sent trimmed, as the
 * recording form sends them; no area chosen is sent as none, for the API to refuse as it refuses a recording.
 */
export function requestCorrectionOf(current: AssistanceRequest, typed: Typed<RequestField>): RequestChanges {
  const changes: RequestChanges = {};
  for (const { field, typed: value } of differencesOf(requestValuesOf(current), typed)) {
    if (field === "areas") changes.areas = areasOfValue(value);
    else if (field === "description") changes.description = value;
    else changes[field] = value.trim();
  }
  return changes;
}

const LABELS: Readonly<Record<RequestField, string>> = {
  symbol: "symbol",
  receivedOn: "day received",
  areas: "areas",
  description: "description",
};

/** "the symbol and the day received". */
const theFields = (fields: readonly RequestField[]): string => andList(fields.map((field) => `the ${LABELS[field]}`));

/** What a saved correction changed, for its status line: "the symbol and the day received". */
export const correctedWords = (changes: RequestChanges): string =>
  theFields(REQUEST_CORRECTION_FIELDS.filter((field) => changes[field] !== undefined));

/** "the symbol and the description were corrected": the fields a colleague corrected between two readings. */
function correctedSince(before: Record<RequestField, string>, now: Record<RequestField, string>): string[] {
  const fields = REQUEST_CORRECTION_FIELDS.filter((field) => before[field] !== now[field]);
  if (fields.length === 0) return [];
  const were = fields.length > 1 || fields[0] === "areas" ? "were" : "was";
  return [`${theFields(fields)} ${were} corrected`];
}

/**
 * The correction refused as stale on `before`, the request now as `now`: what was done to it meanwhile (a move, the
 * State's consent, a colleague's correction), the fields as now on record and what saving would send over them.
 */
export function staleCorrectionWords(
  before: AssistanceRequest,
  now: AssistanceRequest,
  typed: Typed<RequestField>,
): string {
  const values = requestValuesOf(now);
  const words: FieldWords<RequestField> = {
    labels: LABELS,
    options: {
      areas: Object.fromEntries(
        [values.areas, typed.areas ?? values.areas].map((value) => [
          value,
          areasInWords(areasOfValue(value)) || "none",
        ]),
      ),
    },
  };
  const meanwhile = [...changesSince(before, now), ...correctedSince(requestValuesOf(before), values)];
  const done = meanwhile.length > 0 ? meanwhile.join("; ") : "the request was changed";
  return `Your correction was not saved: meanwhile, ${done}. ${readAgainWords(values, typed, words)}`;
}
