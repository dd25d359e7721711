// Send: for each queued key, claim the message, pace, call SES, and record what happened. A duplicate delivery
// finds the claim taken and does nothing; throttling is tried again after a short wait, then puts the message back;
// the deadline expires what is left; a halted wave's letters fail unsent, the halt read before each SES call, but for
// one the secretariat sent again (a deliberate act that goes even on a halted wave).
import type { Clock } from "../clock.ts";
import type { Mailer } from "../mail/ses.ts";
import type { Ledger } from "./ledger.ts";
import { afterFailedClaim, classifySesError } from "./lifecycle.ts";
import type { BatchResult, QueueRecord } from "./memory-queue.ts";
import { type Pacer, realSleep } from "./pacing.ts";
import { type Message, type MessageKey, messageKeySchema } from "./schemas.ts";

export type SendStep = "before-claim" | "after-claim" | "after-ses";

/** Where a test may stop the sender as a crash would. */
export type SendFault = (step: SendStep, key: MessageKey) => void | Promise<void>;

export interface SendDependencies {
  ledger: Ledger;
  mailer: Mailer;
  pacer: Pacer;
  clock: Clock;
  /**
   * How long a claim holds: longer than a pacing wait plus one SES call, shorter than the queue's visibility
   * timeout, so a redelivery after a crash finds the lease over and marks the message unknown.
   */
  leaseMs?: number;
  faults?: SendFault | undefined;
  /**
   * Why the wave was halted, or undefined while it may send (bounce-guard.ts's haltedReasonOf, a strongly consistent
   * read). Asked before each letter's SES call, after its claim and pacing wait, so once a halt is written no letter of
   * the wave goes but one whose SES call had begun, or one the secretariat sent again (`resentAt`), which is not asked
   * about. A halt once read is kept (halting is final), so the wave's other letters fail unsent without a claim, a
   * read or a pacing token.
   */
  haltedReason?: ((waveId: string) => Promise<string | undefined>) | undefined;
  /** Waits between throttled attempts (a fake clock's advance in tests). */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * The waits before trying a throttled letter again, within its claim. SES took nothing, so another attempt is safe;
 * a second later SES's one-second window has moved on. Handing the letter back to the queue instead would hold it,
 * and the rest of its batch, for the queue's whole visibility timeout (minutes), so that comes only after these.
 */
export const THROTTLE_RETRY_WAITS_MS: readonly number[] = [250, 1000];

export const DEFAULT_LEASE_MS = 120_000;

/**
 * A key is started only with this much of the invocation left: a pacing wait plus one SES call and two ledger writes
 * fit in it, so the function's timeout never cuts a claimed letter short (which would leave it unknown).
 */
export const MIN_TIME_LEFT_MS = 10_000;

/** A fault hook's error ends the whole invocation, as a crash would: the queue then redelivers the whole batch. */
class Crash extends Error {
  constructor(
    readonly step: SendStep,
    cause: unknown,
  ) {
    super(`crash at ${step}`, { cause });
  }
}

/** What the ledger recorded for a key this delivery handled (for the send metrics). */
export type Recorded = "sent" | "failed" | "rejected" | "unknown" | "expired";

export interface KeyOutcome {
  /** done: the queue may forget the key; retry: deliver it again later; throttled: retry, and the rest of the batch. */
  queue: "done" | "retry" | "throttled";
  recorded?: Recorded;
  /** How many of this delivery's SES calls were throttled. */
  throttles?: number;
}

/** One queue batch: keys are processed in order; the waves they belong to are kept for the completion check. */
export interface SendBatch {
  process(record: Pick<QueueRecord, "body">): Promise<KeyOutcome>;
  readonly waves: ReadonlySet<string>;
}

export const sender = (deps: SendDependencies) => {
  const { ledger, clock } = deps;
  const leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  const sleep = deps.sleep ?? realSleep;
  const fault = async (step: SendStep, key: MessageKey) => {
    try {
      await deps.faults?.(step, key);
    } catch (error) {
      throw new Crash(step, error);
    }
  };

  /** A message this delivery did not claim, as it stands: expire it, flag it unknown, or look again later. */
  async function settleUnclaimed(key: MessageKey, current: Message): Promise<KeyOutcome> {
    const decision = afterFailedClaim(current, clock.now());
    if (decision.action === "expire") {
      const moved = await ledger.move(key, "queued", "expired", {
        reason: "still queued at the wave's not-after deadline",
      });
      return moved ? { queue: "done", recorded: "expired" } : { queue: "retry" };
    }
    if (decision.action === "mark-unknown") {
      const moved = await ledger.move(
        key,
        "sending",
        "unknown",
        { reason: "the sender stopped between its claim and the ledger: SES may or may not have accepted it" },
        current.leaseUntil,
      );
      return moved ? { queue: "done", recorded: "unknown" } : { queue: "done" };
    }
    return decision.action === "retry-later" ? { queue: "retry" } : { queue: "done" };
  }

  /** The waves read halted, with the reason: halting is final, so they are not read again. */
  const halted = new Map<string, string>();

  /**
   * Why the claimed letter's wave may send no more, read just before its SES call. A read that fails hands the letter
   * back to the queue, unsent (left claimed, it would be taken for unknown once its lease ended).
   */
  async function haltedBeforeSending(key: MessageKey, lease: string | undefined): Promise<string | undefined> {
    if (!deps.haltedReason) return undefined;
    let reason: string | undefined;
    try {
      reason = await deps.haltedReason(key.waveId);
    } catch (error) {
      const why = "the wave's halt could not be read; queued again";
      await ledger.move(key, "sending", "queued", { reason: why, leaseUntil: undefined }, lease);
      throw error;
    }
    if (reason !== undefined) halted.set(key.waveId, reason);
    return reason;
  }

  /**
   * A halted wave sends nothing more of its own: its queued letters fail with the reason, unsent. The ledger's write
   * leaves one the secretariat sent again queued, and it is sent as any other.
   */
  async function haltKey(key: MessageKey, reason: string): Promise<KeyOutcome> {
    if (await ledger.failHalted(key, `wave halted: ${reason}`)) return { queue: "done", recorded: "failed" };
    const current = await ledger.get(key);
    if (current?.status === "queued" && current.resentAt !== undefined) return sendOne(key);
    return current ? settleUnclaimed(key, current) : { queue: "done" };
  }

  async function sendOne(key: MessageKey): Promise<KeyOutcome> {
    await fault("before-claim", key);
    const claim = await ledger.claim(key, leaseMs);
    if (!claim.claimed) return claim.current ? settleUnclaimed(key, claim.current) : { queue: "done" };

    const message = claim.message;
    const lease = message.leaseUntil;
    await fault("after-claim", key);
    const { letter, email } = message;
    if (!letter || !email) {
      await ledger.move(
        key,
        "sending",
        "failed",
        { reason: "the message has no letter or address", leaseUntil: undefined },
        lease,
      );
      return { queue: "done", recorded: "failed" };
    }

    let messageId: string | undefined;
    let throttles = 0;
    while (messageId === undefined) {
      await deps.pacer.take();
      if (clock.now().toISOString() > message.notAfter) {
        // The pacing wait crossed the deadline: nothing has gone to SES, so the letter is simply not sent.
        const reason = "reached the not-after deadline while paced";
        await ledger.move(key, "sending", "expired", { reason, leaseUntil: undefined }, lease);
        return { queue: "done", recorded: "expired", throttles };
      }
      // The bounce guard may have halted the wave at any moment since the last letter (or since the last attempt); a
      // letter the secretariat sent again goes even so.
      const haltReason = message.resentAt === undefined ? await haltedBeforeSending(key, lease) : undefined;
      if (haltReason !== undefined) {
        const reason = `wave halted: ${haltReason}`;
        await ledger.move(key, "sending", "failed", { reason, leaseUntil: undefined }, lease);
        return { queue: "done", recorded: "failed", throttles };
      }
      try {
        ({ messageId } = await deps.mailer.sendMail({
          to: email,
          subject: letter.subject,
          text: letter.text,
          html: letter.html,
          tags: { wave: key.waveId, message: key.recipient },
        }));
      } catch (error) {
        const failure = classifySesError(error);
        if (failure.kind !== "throttled") {
          await ledger.move(key, "sending", failure.kind, { reason: failure.reason, leaseUntil: undefined }, lease);
          return { queue: "done", recorded: failure.kind, throttles };
        }
        throttles += 1;
        const wait = THROTTLE_RETRY_WAITS_MS[throttles - 1];
        if (wait === undefined) {
          // SES took nothing: the message is queued again and the queue retries it after its visibility timeout.
          const reason = "throttled by SES; queued again";
          await ledger.move(key, "sending", "queued", { reason, leaseUntil: undefined }, lease);
          return { queue: "throttled", throttles };
        }
        await sleep(wait);
      }
    }
    await fault("after-ses", key);
    // From unknown too: a sender that outlived its lease still knows best what SES answered. An SES event that
    // overtook this write has moved it on already, with the same SES id.
    await ledger.move(key, ["sending", "unknown"], "sent", {
      sesMessageId: messageId,
      sentAt: clock.now().toISOString(),
      leaseUntil: undefined,
      reason: undefined,
    });
    return { queue: "done", recorded: "sent", throttles };
  }

  return {
    /**
     * A new batch: after one throttle the rest of it is handed back untouched, and so is what `timeLeftMs` (the
     * invocation's remaining time) leaves no room for.
     */
    batch(options: { timeLeftMs?: () => number } = {}): SendBatch {
      let throttled = false;
      const waves = new Set<string>();
      return {
        waves,
        async process(record) {
          const parsed = messageKeySchema.safeParse(safeJson(record.body));
          // A body that is not a message key names no letter: there is nothing to send or to retry.
          if (!parsed.success) return { queue: "done" };
          const key = parsed.data;
          waves.add(key.waveId);
          // After one throttle the rest of the batch would be throttled too: hand it back untouched to back off.
          if (throttled) return { queue: "retry" };
          if (options.timeLeftMs && options.timeLeftMs() < MIN_TIME_LEFT_MS) return { queue: "retry" };
          let outcome: KeyOutcome;
          try {
            const haltReason = halted.get(key.waveId);
            outcome = haltReason === undefined ? await sendOne(key) : await haltKey(key, haltReason);
          } catch (error) {
            if (error instanceof Crash) throw error;
            // Anything else (DynamoDB unavailable) leaves the message where it was: the queue delivers it again.
            outcome = { queue: "retry" };
          }
          if (outcome.queue === "throttled") throttled = true;
          return outcome;
        },
      };
    },
  };
};

/** Processes one queue batch; the items to be delivered again are reported as partial batch failures. */
export const send = (deps: SendDependencies) => {
  const { batch } = sender(deps);
  return async (records: readonly QueueRecord[]): Promise<BatchResult> => {
    const current = batch();
    const batchItemFailures: { itemIdentifier: string }[] = [];
    for (const record of records) {
      const outcome = await current.process(record);
      if (outcome.queue !== "done") batchItemFailures.push({ itemIdentifier: record.messageId });
    }
    return { batchItemFailures };
  };
};

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
