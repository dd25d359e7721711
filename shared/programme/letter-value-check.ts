// A year's scheduled letters' values checked when the year is written, as the letter's firing will check them: a value
// given that the firing would refuse (a briefing dated before the day the letter is sent, a venue on two lines) is
// refused then, at the value, rather than found when the schedule makes the wave a draft months later. What a value
// left out would cause is not refused here: values are given a few at a time, and the reminders name what is missing.
import type { FieldIssue } from "../errors.ts";
import type { Programme as Schedules } from "../schedules/schema.ts";
import { firstFiringBetween } from "../schedules/send-day.ts";
import type { TemplateRepository } from "../templates/repository.ts";
import type { WaveValues } from "../templates/values.ts";
import { letterIssues } from "../waves/letter-check.ts";
import { programmeWaveOf, programmeWaveZone, withOwnValues } from "../waves/programme-waves.ts";
import { resolveActivity } from "./catalogue.ts";
import { scheduleOf } from "./letter-schedules.ts";
import type { ProgrammeFile } from "./schemas.ts";

const VALUES = "values.";

/** Whether the issue is about one of the values given (`values.briefing.venue.fr` is about `briefing.venue`). */
const aboutGiven = (path: string, values: WaveValues) =>
  path.startsWith(VALUES) &&
  Object.keys(values).some((key) => path === `${VALUES}${key}` || path.startsWith(`${VALUES}${key}.`));

/** Each given value the letter's firing would refuse, at `activities.<i>.letters.<j>.values.<key>`. */
export async function valuesTheFiringRefuses(
  file: ProgrammeFile,
  schedules: Schedules,
  templates: Pick<TemplateRepository, "get">,
): Promise<FieldIssue[]> {
  const checks = file.activities.flatMap((activityFile, index) =>
    (activityFile.letters ?? []).map(async (letter, at): Promise<FieldIssue[]> => {
      const scheduled = !letter.manual && letter.values ? scheduleOf(schedules, letter.waveKey) : undefined;
      const template = scheduled && (await templates.get(scheduled.input.templateId));
      if (!scheduled || !template || !letter.values) return [];
      const { schedule, input } = scheduled;
      const activity = resolveActivity(activityFile);
      // Where the reminders' readiness check puts the firing: in the activity's days, or noon UTC of its day.
      const firing =
        firstFiringBetween(schedule.expression, schedule.timezone, activity.day, activity.lastDay) ??
        new Date(`${activity.day}T12:00:00Z`);
      const wave = programmeWaveOf(
        withOwnValues(input, letter.values),
        firing,
        programmeWaveZone(schedules, input.key),
      );
      const given = letter.values;
      return letterIssues(template.value, wave, "")
        .filter(({ path }) => aboutGiven(path, given))
        .map((issue) => ({ ...issue, path: `activities.${index}.letters.${at}.${issue.path}` }));
    }),
  );
  return (await Promise.all(checks)).flat();
}
