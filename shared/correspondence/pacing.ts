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
