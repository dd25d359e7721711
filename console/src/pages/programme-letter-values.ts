// A programme year's own values for one scheduled letter (ADR 0019, "a year's own letter values"): the form's text
// from what is given, the year's file with the typed values set on that letter, and the API's 422 paths read back to
// the form's fields. Pure, so they are tested in Node (test/unit/console-programme-letter-values.test.ts).
import type { components } from "../api/schema";
import { type VenueForm, venueFormOf, venueOfForm } from "../ui/venue.ts";

/** The programme file as PUT /programme/{year} takes it, and as GET /programme/{year} gives it (`programme`). */
export type ProgrammeFile = components["schemas"]["ProgrammeFile"];
type WaveValues = components["schemas"]["WaveValues"];
type Problem = components["schemas"]["Problem"];
type ServedLetter = components["schemas"]["ProgrammeLetter"];

/** The values a scheduled letter's wave must supply: the open briefing's day, time and venue. */
export const LETTER_VALUE_FIELDS = ["briefing.date", "briefing.time", "briefing.venue"] as const;
export type LetterValueField = (typeof LETTER_VALUE_FIELDS)[number];
/** The day and time as typed; the venue as one text or a text in each language (ui/venue.ts). */
export interface LetterValuesForm {
  "briefing.date": string;
  "briefing.time": string;
  "briefing.venue": VenueForm;
}

/** Where a letter sits in the year's file: the indices the API's problem paths name. */
export interface LetterAt {
  activity: number;
  letter: number;
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

/** The values to store from the form: empty fields dropped; none at all: undefined. The form holds the venue itself. */
export function valuesOfForm(form: LetterValuesForm): WaveValues | undefined {
  const given = (field: "briefing.date" | "briefing.time") => form[field].trim() || undefined;
  const venue = venueOfForm(form["briefing.venue"]);
  const values: WaveValues = {
    ...(given("briefing.date") ? { "briefing.date": given("briefing.date") } : {}),
    ...(given("briefing.time") ? { "briefing.time": given("briefing.time") } : {}),
    ...(venue ? { "briefing.venue": venue } : {}),
  };
  return Object.keys(values).length > 0 ? values : undefined;
}

/** The path the API's problems give the letter's values at (`body.activities.<i>.letters.<j>.values`). */
export const valuesPathOf = (at: LetterAt): string => `body.activities.${at.activity}.letters.${at.letter}.values`;

/** Where the activity's letter is in the file, or undefined when the file has no such activity or letter. */
export function letterAt(file: ProgrammeFile, activityId: string, waveKey: string): LetterAt | undefined {
  const activity = file.activities.findIndex((candidate) => candidate.id === activityId);
  const letter = file.activities[activity]?.letters?.findIndex((link) => link.waveKey === waveKey) ?? -1;
  return activity >= 0 && letter >= 0 ? { activity, letter } : undefined;
}

/** The file with that letter's `values` replaced (removed when `values` is undefined); every other part as it was. */
export function withLetterValues(file: ProgrammeFile, at: LetterAt, values: WaveValues | undefined): ProgrammeFile {
  return {
    ...file,
    activities: file.activities.map((activity, i) =>
      i !== at.activity
        ? activity
        : {
            ...activity,
            letters: (activity.letters ?? []).map((link, j) => {
              if (j !== at.letter) return link;
              const { values: _old, ...rest } = link;
              return values ? { ...rest, values } : rest;
            }),
          },
    ),
  };
}

/**
 * The 422's messages at the form's fields: `body.activities.<i>.letters.<j>.values.<key>` (a venue in one language,
 * `...values.briefing.venue.fr`, is the venue's), and the letter's own `...values` (no field: the whole letter's).
 */
export function valueProblems(
  problem: Problem | undefined,
  at: LetterAt,
): Partial<Record<LetterValueField | "values", string>> {
  const prefix = valuesPathOf(at);
  const found: Partial<Record<LetterValueField | "values", string>> = {};
  for (const error of problem?.errors ?? []) {
    if (error.path === prefix) found.values ??= error.message;
    const field = LETTER_VALUE_FIELDS.find(
      (name) => error.path === `${prefix}.${name}` || error.path.startsWith(`${prefix}.${name}.`),
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
