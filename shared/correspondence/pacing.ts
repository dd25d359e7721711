// Pacing: a token bucket that keeps SES calls under the account's MaxSendRate, with headroom, as measured over any
// one-second window. SES throttles at the quota itself, so sending at exactly the quota is not safe.
import type { Clock } from "../clock.ts";

export interface Pacer {
  /** Resolves when one more call may be made now. */
  take(): Promise<void>;
}

export interface PacerSettings {
  /** The rate this sender may use, in calls per second (the account's MaxSendRate divided among the senders). */
  maxPerSecond: number;
  /** The share of it to aim at; 0.9 leaves 10% for clock skew between us and SES. */
  headroom?: number;
  clock: Clock;
  /** Waits `ms` milliseconds (a fake clock's advance in tests). */
  sleep: (ms: number) => Promise<void>;
}

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Refills at `maxPerSecond * headroom` per second. The burst is what the headroom leaves (at least one), so that
 * burst plus one second of refill never exceeds `maxPerSecond` in any window of one second.
 */
export function tokenBucket({ maxPerSecond, headroom = 0.9, clock, sleep }: PacerSettings): Pacer {
  if (!(maxPerSecond > 0)) throw new Error("maxPerSecond must be positive");
  if (!(headroom > 0 && headroom <= 1)) throw new Error("headroom must be in (0, 1]");
  const ratePerMs = (maxPerSecond * headroom) / 1000;
  const burst = Math.max(1, Math.floor(maxPerSecond - maxPerSecond * headroom));
  let tokens = burst;
  let last = clock.now().getTime();

  function refill() {
    const now = clock.now().getTime();
    tokens = Math.min(burst, tokens + (now - last) * ratePerMs);
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
 * A token bucket at min(configured rate, account's MaxSendRate) / senders, aiming at 90% of it (the bucket's
 * headroom). The quota is read on first use and again after `refreshMs`; a failed read keeps the last rate, or the
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
