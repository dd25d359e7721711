// When a dispatch asked for now runs, and whether its letters could still leave by then. Import-free: the console
// offers "Dispatch again" by the same rule the API applies (shared/waves/sweep.ts requestRedispatch).

/**
 * EventBridge Scheduler fires within the minute and wants its at() at least a minute ahead (MIN_SCHEDULE_LEAD_MS,
 * checked again by the scheduler a moment later): a quarter of a minute more keeps that check from failing.
 */
export const REDISPATCH_LEAD_MS = 75_000;
const MINUTE_MS = 60_000;

/** The next whole minute at least REDISPATCH_LEAD_MS after `now`: when a schedule asked for now fires (UTC). */
export const firingSoon = (now: Date): string =>
  new Date(Math.ceil((now.getTime() + REDISPATCH_LEAD_MS) / MINUTE_MS) * MINUTE_MS).toISOString();

/** Whether a dispatch asked for at `now` would run at or after the wave's not-after deadline: every letter expires. */
export const tooLateToDispatch = (notAfter: string, now: Date): boolean => firingSoon(now) >= notAfter;
