// The schedule in events/programme.json that sends a programme letter: read by the reminder run (letter-readiness.ts)
// and served with the letter by GET /programme. Without croner: the api serves the expression and its zone, and the
// console works out the firing with shared/schedules/send-day.ts (the api's bundle stays under its size).
import type { Schedule, Programme as Schedules } from "../schedules/schema.ts";
import { type ProgrammeWave, programmeWaveInputSchema } from "../waves/programme-wave-schema.ts";
import type { Activity, LetterSchedule } from "./schemas.ts";

type ServedLetter = NonNullable<Activity["letters"]>[number];

type Scheduled = { schedule: Schedule; input: ProgrammeWave };

// Each schedules file's programme letters by key, read once: GET /programme asks for every letter of every activity.
const byKey = new WeakMap<Schedules, Map<string, Scheduled>>();

/** The schedule that fires the letter `waveKey` (the first, should two name it), with its wave input. */
export function scheduleOf(schedules: Schedules, waveKey: string): Scheduled | undefined {
  let index = byKey.get(schedules);
  if (!index) {
    index = new Map();
    for (const schedule of schedules.schedules) {
      const input = programmeWaveInputSchema.safeParse(schedule.input).data?.programmeWave;
      if (input && !index.has(input.key)) index.set(input.key, { schedule, input });
    }
    byKey.set(schedules, index);
  }
  return index.get(waveKey);
}

/** The activity's scheduled letters with their schedules; a manual letter, or one no schedule sends, has none. */
export function withSchedules(schedules: Schedules, activity: Activity): Activity {
  if (!activity.letters) return activity;
  const scheduled = (letter: ServedLetter): ServedLetter => {
    const found = letter.manual ? undefined : scheduleOf(schedules, letter.waveKey);
    if (!found) return letter;
    const { id, expression, timezone } = found.schedule;
    const schedule: LetterSchedule = { id, audience: found.input.audience, expression, timeZone: timezone };
    return { ...letter, schedule };
  };
  return { ...activity, letters: activity.letters.map(scheduled) };
}
