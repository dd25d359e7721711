// How long the sweep waits before it judges a wave: import-free, so the console's wave page judges a missed schedule
// by the same quarter of an hour.

/**
 * A wave dispatching for this long is presumed stuck (dispatch itself ends within minutes: its timeout is 5), and a
 * scheduled wave this long past its send time was missed by its schedule.
 */
export const STUCK_AFTER_MS = 15 * 60_000;
