// The composer's fields as the API's problem paths name them: those always drawn, and the briefing's values, drawn
// only while the template's letters name them (shared/templates/values.ts). A problem at a path no field shows is said
// above the form (compose-problem.ts), the rest of a halted wave's among them. Pure, so it is tested in Node.
import type { components } from "../../api/schema";
import { VENUE_LANGUAGES, type VenueForm } from "../../ui/venue.ts";
import { variablesNamed } from "./audience-fit.ts";

type Template = components["schemas"]["Template"];

export const VENUE_PATH = "body.values.briefing.venue";

/** The briefing values typed in a field of their own, with what a sentence calls them. */
const TYPED_BRIEFING = [
  { name: "briefing.date", label: "Briefing's day", type: "date", words: "the briefing's day" },
  {
    name: "briefing.time",
    label: "Briefing's starting time (New York)",
    type: "time",
    words: "the briefing's starting time",
  },
] as const;
export type TypedBriefingValue = (typeof TYPED_BRIEFING)[number]["name"];

const VENUE_WORDS = "the briefing's venue";

export interface BriefingAsked {
  typed: readonly (typeof TYPED_BRIEFING)[number][];
  venue: boolean;
}

/** The briefing values the template's letters name: only those are asked for. */
export function briefingNamed(template: Pick<Template, "variants"> | undefined): BriefingAsked {
  const named: ReadonlySet<string> = template ? variablesNamed(template) : new Set();
  return { typed: TYPED_BRIEFING.filter(({ name }) => named.has(name)), venue: named.has("briefing.venue") };
}

/** The briefing values `after` asks for that `before` did not, in a sentence's words. */
export function briefingNewlyAsked(before: BriefingAsked, after: BriefingAsked): string[] {
  const typed = after.typed.filter((value) => !before.typed.includes(value)).map(({ words }) => words);
  return after.venue && !before.venue ? [...typed, VENUE_WORDS] : typed;
}

const ALWAYS_DRAWN = ["templateId", "audience", "sendAt", "timeZone", "notAfter", "deadline", "chair", "description"];

/** The problem paths a field of the form shows now: the venue's languages only while a text is given in each. */
export function pathsShown(briefing: BriefingAsked, venueMode: VenueForm["mode"]): ReadonlySet<string> {
  const venue = briefing.venue
    ? [VENUE_PATH, ...(venueMode === "each" ? VENUE_LANGUAGES.map(({ code }) => `${VENUE_PATH}.${code}`) : [])]
    : [];
  return new Set([
    ...ALWAYS_DRAWN.map((field) => `body.${field}`),
    ...briefing.typed.map(({ name }) => `body.values.${name}`),
    ...venue,
  ]);
}

/** Where the API refuses the halted wave a rest is written to (not halted, another template or audience). */
const REST_OF_PATH = "body.restOf";

/**
 * The paths the composer knows, drawn at a field or not: the rest's refusal is said above the form (it has no field),
 * and is no sign of a template changed meanwhile, as a refusal at another path the form does not draw is.
 */
export function pathsKnown(shown: ReadonlySet<string>, restOf: boolean): ReadonlySet<string> {
  return restOf ? new Set([...shown, REST_OF_PATH]) : shown;
}

/** The venue's paths whose value an edit changed: the whole venue's (and so each language's), or each text typed. */
export function venuePathsChanged(before: VenueForm, after: VenueForm): string[] {
  if (before.mode !== after.mode) return [VENUE_PATH];
  if (after.mode === "one") return before.one === after.one ? [] : [VENUE_PATH];
  return VENUE_LANGUAGES.filter(({ code }) => before.each[code] !== after.each[code]).map(
    ({ code }) => `${VENUE_PATH}.${code}`,
  );
}
