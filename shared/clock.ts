// Time comes from an injected clock, so rules that depend on dates can be tested at any date.
import { Invalid } from "./errors.ts";
import { deskDay } from "./zoned-time.ts";

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until moved: for tests and replays. */
export function fixedClock(start: Date | string): Clock & { set(at: Date | string): void; advance(ms: number): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (at) => {
      current = new Date(at);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

/** The desk's today: the calendar day in New York at the clock's now (21:00 there on a Thursday is still Thursday). */
export const deskToday = (clock: Clock): string => deskDay(clock.now());

/**
 * The day given for a move that happened: not after `today`, nor before the `previous` step it follows. Refused with
 * 422 at `body.on`, naming the bound.
 */
export function checkDayOfMove(on: string, { today, previous }: { today: string; previous?: string | undefined }) {
  const problem =
    on > today
      ? `is in the future (today is ${today})`
      : previous && on < previous
        ? `is before the previous step on ${previous}`
        : undefined;
  if (problem) throw new Invalid("The date of the move is not possible", [{ path: "body.on", message: problem }]);
}
