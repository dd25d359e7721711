// The checks of a wave's letters that read only what the wave gives, not its template: a date the letters name before
// their own date, a venue that is not one line. Apart from letter-check.ts, which also reads the template and its
// variables, so that a programme year's write checks its letters' values (shared/programme/letter-value-check.ts)
// without carrying the template's renderer into the reports function.
import type { Audience } from "../correspondence/schemas.ts";
import type { FieldIssue } from "../errors.ts";
import { textProblem } from "../http/body-text.ts";
import { ISO_DATE } from "../locale/dates.ts";
import type { WaveValues } from "../templates/values.ts";
import { deskDay } from "../zoned-time.ts";

/** The facts of a wave its letters are rendered from. */
export interface WaveLetterFacts {
  audience: Audience;
  /** The send time as a UTC instant: the letters are dated its New York day. */
  sendInstant: string;
  deadline?: string | undefined;
  chair?: string | undefined;
  values?: WaveValues | undefined;
}

/** The letters' own date: the New York day of the send. */
export const letterDateOf = (wave: Pick<WaveLetterFacts, "sendInstant">) => deskDay(wave.sendInstant);

/** What a wave gives its letters besides their date: the values the checks below read. */
type GivenValues = Pick<WaveLetterFacts, "deadline" | "values">;

/** The dates a letter names that must be after the letter's own date: an answer due, a briefing held, the day it is sent is no time at all. */
const LATER_DATES: readonly { path: string; date: (wave: GivenValues) => string | undefined }[] = [
  { path: "deadline", date: (wave) => wave.deadline },
  { path: "values.briefing.date", date: (wave) => wave.values?.["briefing.date"] },
];

/** The dates the wave names on or before `day`, each said "<date> is before <what>" or "<date> is <what> itself". */
export function datesBefore(wave: GivenValues, day: string, what: string, prefix: string): FieldIssue[] {
  // A stored wave's free-text deadline (written before deadlines were dates) is let be.
  return LATER_DATES.flatMap(({ path, date }) => {
    const value = date(wave);
    if (value === undefined || !ISO_DATE.test(value) || value > day) return [];
    const message = value === day ? `${value} is ${what} itself: give a later day` : `${value} is before ${what}`;
    return [{ path: `${prefix}${path}`, message }];
  });
}

export function datesBeforeTheLetter(wave: WaveLetterFacts, prefix: string): FieldIssue[] {
  const sent = letterDateOf(wave);
  return datesBefore(wave, sent, `the letters' date ${sent} (New York)`, prefix);
}

/**
 * A venue the letters print, as one line: a line break would split the letter's sentence, and a character that prints
 * as nothing or reorders the text would hide in it. Checked here rather than in the values' schema, which also reads
 * stored waves and programme years.
 */
export function venueOnOneLine(wave: GivenValues, prefix: string): FieldIssue[] {
  const venue = wave.values?.["briefing.venue"];
  if (venue === undefined) return [];
  const path = `${prefix}values.briefing.venue`;
  const texts =
    typeof venue === "string"
      ? [{ at: path, text: venue }]
      : Object.entries(venue).map(([language, text]) => ({ at: `${path}.${language}`, text }));
  return texts.flatMap(({ at, text }) => {
    const problem = textProblem(text, "one line");
    return problem ? [{ path: at, message: problem }] : [];
  });
}
