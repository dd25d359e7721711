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

/** The earliest day a day can be, and what that day is in a refusal's words ("the previous step"). */
export interface EarliestDay {
  day: string;
  is: string;
}

/** What is wrong with a day given for something that happened: after `today`, or before the `earliest` it can be. */
export function dayProblem(on: string, today: string, earliest?: EarliestDay): string | undefined {
  if (on > today) return `is in the future (today is ${today})`;
  if (earliest && on < earliest.day) return `is before ${earliest.is} on ${earliest.day}`;
  return undefined;
}

export interface DayOfMoveCheck {
  today: string;
  /** The earliest day it can be: for a move, the day of the step it follows. */
  previous?: string | undefined;
  /** What `previous` is, as the refusal names it. @default "the previous step" */
  previousIs?: string;
  /** Where the day is in the request. @default "body.on" */
  path?: string;
  /** What the refusal says as a whole. @default "The date of the move is not possible" */
  refusal?: string;
}

/**
 * The day given for a move (or any event) that happened: not after `today`, nor before `previous`. Refused with 422
 * at `path`, naming the bound.
 */
export function checkDayOfMove(
  on: string,
  {
    today,
    previous,
    previousIs = "the previous step",
    path = "body.on",
    refusal = "The date of the move is not possible",
  }: DayOfMoveCheck,
): void {
  const problem = dayProblem(on, today, previous === undefined ? undefined : { day: previous, is: previousIs });
  if (problem) throw new Invalid(refusal, [{ path, message: problem }]);
}
