// A programme year's own values for one scheduled letter (ADR 0019, "a year's own letter values"), read and given on
// their own (GET and PUT /programme/{year}/activities/{activityId}/letters/{waveKey}/values): the form's text from what
// is given, the values to send from the form, and the API's 422 paths (`body.<field>`) read back to the form's fields.
// Pure, so they are tested in Node (test/unit/console-programme-letter-values.test.ts).
import type { components } from "../api/schema";
import { type VenueForm, venueFormOf, venueOfForm } from "../ui/venue.ts";
import { variablesNamed } from "./correspondence/audience-fit.ts";

export type WaveValues = components["schemas"]["WaveValues"];
type Problem = components["schemas"]["Problem"];
type ServedLetter = components["schemas"]["ProgrammeLetter"];
type Template = components["schemas"]["Template"];

/** The values a scheduled letter's wave must supply: the open briefing's day, time and venue. */
export const LETTER_VALUE_FIELDS = ["briefing.date", "briefing.time", "briefing.venue"] as const;
export type LetterValueField = (typeof LETTER_VALUE_FIELDS)[number];
/** The day and time as typed; the venue as one text or a text in each language (ui/venue.ts). */
export interface LetterValuesForm {
  "briefing.date": string;
  "briefing.time": string;
  "briefing.venue": VenueForm;
}

/**
 * The values the letter's template names, in the form's order: only those are asked for (a first-report request names
 * none, so a date given to it would do nothing). A template not on record may name any of them.
 */
export function valueFieldsNamed(template: Pick<Template, "variants"> | undefined): readonly LetterValueField[] {
  if (!template) return LETTER_VALUE_FIELDS;
  const named: ReadonlySet<string> = variablesNamed(template);
  return LETTER_VALUE_FIELDS.filter((field) => named.has(field));
}

/**
 * The form after the letter's values were read again: what was typed in the fields asked for, and what is on record now
 * in the others (the form sends them back as they are, so a value the template does not name is neither lost nor
 * changed).
 */
export function formReadAgain(
  typed: LetterValuesForm,
  current: WaveValues | undefined,
  asked: readonly LetterValueField[],
): LetterValuesForm {
  const onRecord = valuesFormOf(current);
  return {
    "briefing.date": asked.includes("briefing.date") ? typed["briefing.date"] : onRecord["briefing.date"],
    "briefing.time": asked.includes("briefing.time") ? typed["briefing.time"] : onRecord["briefing.time"],
    "briefing.venue": asked.includes("briefing.venue") ? typed["briefing.venue"] : onRecord["briefing.venue"],
  };
}

/** The form from the values given now: a venue given in each language opens with its six texts. */
export function valuesFormOf(values: WaveValues | undefined): LetterValuesForm {
  return {
    "briefing.date": values?.["briefing.date"] ?? "",
    "briefing.time": values?.["briefing.time"] ?? "",
    "briefing.venue": venueFormOf(values?.["briefing.venue"]),
  };
}

/** A venue given in each language, in words ("en: Room 4; fr: Salle 4"), or undefined when it is one text or none. */
function venueInEachLanguage(values: WaveValues | undefined): string | undefined {
  const venue = values?.["briefing.venue"];
  if (venue === undefined || typeof venue === "string") return undefined;
  return Object.entries(venue)
    .map(([language, text]) => `${language}: ${text}`)
    .join("; ");
}

/** The values to send from the form: empty fields dropped; none at all is `{}`, which removes the letter's values. */
export function valuesOfForm(form: LetterValuesForm): WaveValues {
  const given = (field: "briefing.date" | "briefing.time") => form[field].trim() || undefined;
  const venue = venueOfForm(form["briefing.venue"]);
  return {
    ...(given("briefing.date") ? { "briefing.date": given("briefing.date") } : {}),
    ...(given("briefing.time") ? { "briefing.time": given("briefing.time") } : {}),
    ...(venue ? { "briefing.venue": venue } : {}),
  };
}

/** Where the API's problems put the values the form sends: the request's body, field by field (`body.<field>`). */
export const VALUES_PATH = "body";

/**
 * The 422's messages at the form's fields: `body.<field>` (a venue in one language, `body.briefing.venue.fr`, is the
 * venue's), and `body` itself (no field: the whole letter's).
 */
export function valueProblems(problem: Problem | undefined): Partial<Record<LetterValueField | "values", string>> {
  const found: Partial<Record<LetterValueField | "values", string>> = {};
  for (const error of problem?.errors ?? []) {
    if (error.path === VALUES_PATH) found.values ??= error.message;
    const field = LETTER_VALUE_FIELDS.find(
      (name) => error.path === `${VALUES_PATH}.${name}` || error.path.startsWith(`${VALUES_PATH}.${name}.`),
    );
    if (field) found[field] ??= error.message;
  }
  return found;
}

/** The year's wave of a scheduled letter (`<waveKey>-<year>`) when its schedule made it a draft: it keeps its values. */
export function draftWaveOf(letter: Pick<ServedLetter, "waveKey" | "waves">, year: number): string | undefined {
  // The id fireProgrammeWave gives it (shared/programme/letters.ts, whose type imports the console cannot compile).
  const id = `${letter.waveKey}-${year}`;
  return letter.waves?.find((wave) => wave.id === id && wave.status === "draft")?.id;
}

/** The values given, in words for the page ("briefing.date 2026-09-08, briefing.time 10:00"), or "none given". */
export function describeValues(values: WaveValues | undefined): string {
  const words = LETTER_VALUE_FIELDS.flatMap((field) => {
    const value = values?.[field];
    if (value === undefined) return [];
    return [`${field} ${typeof value === "string" ? value : venueInEachLanguage(values)}`];
  });
  return words.length > 0 ? words.join(", ") : "none given";
}
