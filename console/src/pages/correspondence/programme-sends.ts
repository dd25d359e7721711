// The programme's own sendings of a staff wave's letter, before they fire, named on the wave's page with what follows:
// within 30 days of the wave, the same audience's programme letter is held as a draft when it fires (ADR 0054);
// further apart, or to another audience, recipients have the letter twice. GET /programme serves each scheduled letter
// with its schedule; its firing in the item's days is read as the reminder run reads it (shared/schedules/send-day.ts),
// handed in by the page, which loads it (and croner) on its own so that the console's first page does not carry it.
// No window needed: tested in Node.

import { programmeYearOf } from "../../../../shared/programme/year-of.ts";
import type { firstFiringBetween } from "../../../../shared/schedules/send-day.ts";
import { madeByASchedule } from "../../../../shared/waves/made-by-a-schedule.ts";
import { SAME_LETTER_LOOKBACK_DAYS } from "../../../../shared/waves/same-letter-window.ts";
import { deskDay } from "../../../../shared/zoned-time.ts";
import type { components } from "../../api/schema";
import type { Audience, Wave } from "./wave-facts.ts";

type ProgrammeView = components["schemas"]["ProgrammeView"];

const DAY_MS = 86_400_000;

/** One firing of a programme schedule that sends the wave's template. */
export interface ProgrammeSending {
  year: number;
  activityId: string;
  activityTitle: string;
  waveKey: string;
  audience: Audience;
  firesAt: string;
  /** The same audience within SAME_LETTER_LOOKBACK_DAYS of the wave: the firing holds its letter, this one sent. */
  held: boolean;
}

/** An instant's programme year, February to January, on New York's calendar, as a programme schedule fires in it. */
const programmeYearAt = (instant: number) => programmeYearOf(deskDay(instant));

/** The programme years to read for a wave: those holding a day within the window either side of its send time. */
export function programmeYearsAround(wave: Pick<Wave, "sendInstant">): number[] {
  const sends = Date.parse(wave.sendInstant);
  const window = SAME_LETTER_LOOKBACK_DAYS * DAY_MS;
  return [...new Set([programmeYearAt(sends - window), programmeYearAt(sends + window)])];
}

/**
 * The programme's firings of the wave's template that have not fired yet (their year's wave not made, and their time
 * ahead of `now`), in firing order; none for a programme wave, whose own letter it is.
 */
export function programmeSendings(
  views: readonly ProgrammeView[],
  wave: Pick<Wave, "id" | "templateId" | "audience" | "sendInstant">,
  now: Date,
  firingBetween: typeof firstFiringBetween,
): ProgrammeSending[] {
  if (madeByASchedule(wave)) return [];
  const sends = Date.parse(wave.sendInstant);
  const sendings = views.flatMap((view) =>
    view.activities.flatMap((activity) =>
      (activity.letters ?? []).flatMap((letter): ProgrammeSending[] => {
        const { schedule } = letter;
        if (!schedule || letter.templateId !== wave.templateId) return [];
        const firing = firingBetween(schedule.expression, schedule.timeZone, activity.day, activity.lastDay);
        if (!firing) return [];
        const firesAt = firing.toISOString();
        const made = (letter.waves ?? []).some((made) => made.id === `${letter.waveKey}-${view.year}`);
        if (made || Date.parse(firesAt) <= now.getTime()) return [];
        const { audience } = schedule;
        const near = Math.abs(Date.parse(firesAt) - sends) <= SAME_LETTER_LOOKBACK_DAYS * DAY_MS;
        return [
          {
            year: view.year,
            activityId: activity.id,
            activityTitle: activity.title,
            waveKey: letter.waveKey,
            audience,
            firesAt,
            held: near && audience === wave.audience,
          },
        ];
      }),
    ),
  );
  return sendings.sort((a, b) => a.firesAt.localeCompare(b.firesAt));
}
