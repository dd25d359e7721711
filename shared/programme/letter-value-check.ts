// A year's scheduled letters' values checked when the year is written, as the letter's firing will check them: a value
// given that the firing would refuse (a briefing dated before the day the letter is sent, a venue on two lines) is
// refused then, at the value, rather than found when the schedule makes the wave a draft months later. What a value
// left out would cause is not refused here: values are given a few at a time, and the reminders name what is missing.
// Only the firing's checks of the values themselves (shared/waves/given-values.ts), and a date against the activity's
// first day rather than the schedule's firing: the template's checks would carry the renderer, and the firing's day the
// cron library, into the reports function (its bundle's budget); the firing and the reminders judge those.
import type { FieldIssue } from "../errors.ts";
import type { Programme as Schedules } from "../schedules/schema.ts";
import type { WaveValues } from "../templates/values.ts";
import { datesBefore, venueOnOneLine } from "../waves/given-values.ts";
import { withOwnValues } from "../waves/programme-wave-schema.ts";
import { resolveActivity } from "./catalogue.ts";
import { scheduleOf } from "./letter-schedules.ts";
import type { ProgrammeFile } from "./schemas.ts";

const VALUES = "values.";

/** Whether the issue is about one of the values given (`values.briefing.venue.fr` is about `briefing.venue`). */
const aboutGiven = (path: string, values: WaveValues) =>
  path.startsWith(VALUES) &&
  Object.keys(values).some((key) => path === `${VALUES}${key}` || path.startsWith(`${VALUES}${key}.`));

/**
 * Each given value the letter's firing would refuse, at `activities.<i>.letters.<j>.values.<key>`, judged on what the
 * values alone say (given-values.ts): a date before the activity's first day, before which its schedule sends no
 * letter (the firing, on its own day in the activity's days, and the reminders before it judge the rest); a venue on
 * two lines.
 */
export function valuesTheFiringRefuses(file: ProgrammeFile, schedules: Schedules): FieldIssue[] {
  return file.activities.flatMap((activityFile, index) =>
    (activityFile.letters ?? []).flatMap((letter, at) => {
      const scheduled = !letter.manual && letter.values ? scheduleOf(schedules, letter.waveKey) : undefined;
      if (!scheduled || !letter.values) return [];
      const { day } = resolveActivity(activityFile);
      const wave = { values: withOwnValues(scheduled.input, letter.values).values };
      const given = letter.values;
      const firstDay = `${day}, the first day its schedule may send the letter (the activity's)`;
      return [...datesBefore(wave, day, firstDay, ""), ...venueOnOneLine(wave, "")]
        .filter(({ path }) => aboutGiven(path, given))
        .map((issue) => ({ ...issue, path: `activities.${index}.letters.${at}.${issue.path}` }));
    }),
  );
}
