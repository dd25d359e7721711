// How long the sweep waits before it judges a wave, and its judgement of a missed schedule: import-free, so the
// console's wave page judges a missed schedule as the sweep does, to the millisecond.

/**
 * A wave dispatching for this long is presumed stuck (dispatch itself ends within minutes: its timeout is 5), and a
 * scheduled wave this long past its send time was missed by its schedule.
 */
export const STUCK_AFTER_MS = 15 * 60_000;

/**
 * Whether the schedule of a wave still scheduled, sending at `sendInstant` (or made to fire then by "Dispatch again"),
 * has missed it at `now`: STUCK_AFTER_MS or more have passed since. The sweep then reports it and the console says so.
 */
export const missedBySchedule = (sendInstant: string, now: Date, stuckAfterMs = STUCK_AFTER_MS): boolean =>
  now.getTime() - Date.parse(sendInstant) >= stuckAfterMs;
