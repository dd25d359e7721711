// When a timeline's entry happened, and when it was recorded where that was another day (ADR 0063): the day the record
// gives (`on`, a New York day), with the minute it was recorded at the desk when that was the same day, so a day's
// entries are told apart; "recorded ..." after it when the record was typed in later. New York's clock, as the desk's
// days are: a UTC minute beside a New York day would put a late entry on the wrong day. Pure, tested in Node.
import { DESK_TIME_ZONE, deskDay, minuteOf, wallClockAt } from "../../../../shared/zoned-time.ts";

export interface TimelineWhen {
  /** The day it happened, with the minute it was recorded when the same day. */
  when: string;
  /** The instant or day the `<time>` element gives machines. */
  dateTime: string;
  /** When it was recorded, where that was a later day than it happened. */
  recorded?: string;
}

const deskMinute = (at: string) => `${deskDay(at)} ${minuteOf(wallClockAt(at, DESK_TIME_ZONE))} New York`;

export function timelineWhen(entry: { on: string; at: string }): TimelineWhen {
  if (deskDay(entry.at) === entry.on) return { when: deskMinute(entry.at), dateTime: entry.at };
  return { when: entry.on, dateTime: entry.on, recorded: `recorded ${deskMinute(entry.at)}` };
}
