// The programme as GET /programme serves it: one programme year's activities seen from today (New York), with
// the days left to each, what is due next (into the next year, when this one ends sooner), its status (adopted or
// draft), and each letter's waves.
import type { Clock } from "../clock.ts";
import type { Programme as Schedules } from "../schedules/schema.ts";
import { DESK_TIME_ZONE, deskDay } from "../zoned-time.ts";
import { daysLeft, dueNext } from "./calendar.ts";
import { withSchedules } from "./letter-schedules.ts";
import type { LetterWavesPerRun } from "./letters.ts";
import type { Activity, Programme, ProgrammeView, ScheduledActivity } from "./schemas.ts";
import { type ProgrammeYears, yearIfAny } from "./years.ts";

export interface ProgrammeDependencies {
  years: ProgrammeYears;
  clock: Clock;
  /** Finds the waves of the programme's letters, once a request; without it, letters are served without their waves. */
  letters?: LetterWavesPerRun | undefined;
  /** The programme's schedules (events/programme.json); without them, letters are served without their schedule. */
  schedules?: (() => Schedules) | undefined;
}

export interface ProgrammeQuery {
  /** Default: the programme year today falls in (a draft when none is stored). */
  year?: number | undefined;
  /** Calendar days, `from` not after `to`: the query's schema (programmeQuerySchema) checks them. */
  from?: string | undefined;
  to?: string | undefined;
  /** How many upcoming activities `dueNext` lists. */
  next: number;
}

function statusOf(activity: Activity, today: string): ScheduledActivity["status"] {
  if (activity.lastDay < today) return "past";
  if (activity.day > today) return "upcoming";
  return activity.timing === "in" ? "this-month" : "today";
}

/** An activity seen from today (New York calendar days). */
export function scheduled(activity: Activity, today: string): ScheduledActivity {
  return { ...activity, daysLeft: daysLeft(activity.day, today), status: statusOf(activity, today) };
}

export const viewProgramme =
  (deps: ProgrammeDependencies) =>
  async ({ year, from, to, next }: ProgrammeQuery): Promise<ProgrammeView> => {
    const today = deskDay(deps.clock.now());
    const programmeYear = year === undefined ? await deps.years.current() : await deps.years.get(year);
    const { programme } = programmeYear;
    const letters = deps.letters?.();

    /** The programme's activities in the range, with their letters' waves. */
    async function inRangeOf(read: Programme): Promise<Activity[]> {
      const waves = letters ? await letters.wavesOf(read) : undefined;
      return read.activities
        .filter(
          (activity) => (from === undefined || activity.lastDay >= from) && (to === undefined || activity.day <= to),
        )
        .map((activity) => (waves ? waves.withWaves(activity) : activity))
        .map((activity) => (deps.schedules ? withSchedules(deps.schedules(), activity) : activity));
    }

    /**
     * What comes after the year's last activities: the next year's (a draft when none is stored), read only when the
     * year has fewer than `next` still ahead. Every day of a year comes after every day of the year before.
     */
    async function following(ahead: number): Promise<Activity[]> {
      if (ahead >= next || programme.period.to < today) return [];
      const nextYear = await yearIfAny(deps.years, programme.year + 1);
      return nextYear ? dueNext(await inRangeOf(nextYear.programme), today, next - ahead) : [];
    }

    const inRange = await inRangeOf(programme);
    const ahead = dueNext(inRange, today, next);
    const after = await following(ahead.length);
    const { activities: _, ...about } = programme;
    const { years } = await deps.years.list();
    return {
      ...about,
      status: programmeYear.status,
      stored: programmeYear.stored,
      ...(programmeYear.rolledFrom === undefined ? {} : { rolledFrom: programmeYear.rolledFrom }),
      today,
      timeZone: DESK_TIME_ZONE,
      years: years.map((summary) => summary.year),
      ...(from === undefined ? {} : { from }),
      ...(to === undefined ? {} : { to }),
      activities: inRange.map((activity) => scheduled(activity, today)),
      dueNext: [...ahead, ...after].map((activity) => scheduled(activity, today)),
    };
  };
