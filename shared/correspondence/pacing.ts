// Pacing: a token bucket that keeps SES calls under the account's MaxSendRate, with headroom, as measured over any
// one-second window. SES throttles at the quota itself, so sending at exactly the quota is not safe.
import type { Clock } from "../clock.ts";

export interface Pacer {
  /** Resolves when one more call may be made now. */
  take(): Promise<void>;
}

/**
 * The share of the rate a pacer aims at. 4% below the quota leaves each sender's calls about 35 ms of jitter
 * between its clock and SES's before a one-second window could hold one more than its share (0.97 left 25 ms, and
 * the benchmark's 10 senders in one process were throttled a few times a run), and lets a wave reach 0.95 of it.
 */
export const PACER_HEADROOM = 0.96;

/**
 * A late wake-up's time kept as credit (in letters), so timer overshoot does not slow the sender; small enough that
 * the credit plus a second of refill stays under the next whole letter.
 */
export const LATENESS_CREDIT = 0.05;

export interface PacerSettings {
  /** The rate this sender may use, in calls per second (the account's MaxSendRate divided among the senders). */
  maxPerSecond: number;
  /** The share of it to aim at (PACER_HEADROOM unless given). */
  headroom?: number;
  clock: Clock;
  /** Waits `ms` milliseconds (a fake clock's advance in tests). */
  sleep: (ms: number) => Promise<void>;
}

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Refills at `maxPerSecond * headroom` per second. In any window of one second a bucket allows at most its capacity
 * plus one second of refill, so the capacity is what keeps that under the next whole call above `maxPerSecond`:
 * at least one call, plus a little credit for late timers while that bound holds.
 */
export function tokenBucket({ maxPerSecond, headroom = PACER_HEADROOM, clock, sleep }: PacerSettings): Pacer {
  if (!(maxPerSecond > 0)) throw new Error("maxPerSecond must be positive");
  if (!(headroom > 0 && headroom <= 1)) throw new Error("headroom must be in (0, 1]");
  const perSecond = maxPerSecond * headroom;
  const ratePerMs = perSecond / 1000;
  const room = Math.floor(maxPerSecond) + 1 - perSecond;
  const capacity = Math.max(1, Math.floor(room - LATENESS_CREDIT) + LATENESS_CREDIT);
  let tokens = 1;
  let last = clock.now().getTime();

  function refill() {
    const now = clock.now().getTime();
    tokens = Math.min(capacity, tokens + (now - last) * ratePerMs);
    last = now;
  }

  return {
    async take() {
      for (;;) {
        refill();
        // Checked and taken without an await in between: concurrent callers in one process cannot both take it.
        if (tokens >= 1) {
          tokens -= 1;
          return;
        }
        await sleep(Math.max(1, Math.ceil((1 - tokens) / ratePerMs)));
      }
    },
  };
}

export interface QuotaPacerSettings {
  /** The account's MaxSendRate in letters per second (SES GetSendQuota). */
  readMaxSendRate: () => Promise<number>;
  /** The desk's own cap (SEND_RATE_PER_SECOND), when it is lower than the account's. */
  configuredRate?: number | undefined;
  /** How many senders share the rate at most (the send function's maximum concurrency, SEND_CONCURRENCY). */
  senders?: number | undefined;
  /** How long a quota read holds; SES raises an account's rate without notice. */
  refreshMs?: number;
  clock: Clock;
  sleep: (ms: number) => Promise<void>;
  /** Told each rate chosen, and why (for the logs). */
  onRate?: (rate: { perSecond: number; maxSendRate?: number; error?: unknown }) => void;
}

export const QUOTA_REFRESH_MS = 5 * 60_000;

/** Every SES account may send at least one letter a second (the sandbox's rate): the rate when the quota is unknown. */
export const FLOOR_SEND_RATE = 1;

/**
 * A token bucket at min(configured rate, account's MaxSendRate) / senders, aiming at PACER_HEADROOM of it. The
 * quota is read on first use and again after `refreshMs`; a failed read keeps the last rate, or the
 * floor of one letter a second before any read succeeded.
 */
export function quotaPacer(settings: QuotaPacerSettings): Pacer & { perSecond(): number | undefined } {
  const { clock, sleep, configuredRate, senders = 1, refreshMs = QUOTA_REFRESH_MS } = settings;
  let bucket: Pacer | undefined;
  let perSecond: number | undefined;
  let readAt = Number.NEGATIVE_INFINITY;
  let refreshing: Promise<void> | undefined;

  async function refresh() {
    let next: number;
    try {
      const maxSendRate = await settings.readMaxSendRate();
      if (!(maxSendRate > 0)) throw new Error(`SES answered a MaxSendRate of ${maxSendRate}`);
      next = Math.min(configuredRate ?? maxSendRate, maxSendRate) / senders;
      settings.onRate?.({ perSecond: next, maxSendRate });
    } catch (error) {
      next = perSecond ?? Math.min(configuredRate ?? FLOOR_SEND_RATE, FLOOR_SEND_RATE) / senders;
      settings.onRate?.({ perSecond: next, error });
    }
    readAt = clock.now().getTime();
    if (next !== perSecond || !bucket) {
      perSecond = next;
      bucket = tokenBucket({ maxPerSecond: next, clock, sleep });
    }
  }

  return {
    perSecond: () => perSecond,
    async take() {
      if (clock.now().getTime() - readAt >= refreshMs) {
        // One read at a time, however many callers are waiting.
        refreshing ??= refresh().finally(() => {
          refreshing = undefined;
        });
        await refreshing;
      }
      if (!bucket) throw new Error("the pacer has no rate");
      await bucket.take();
    },
  };
}
