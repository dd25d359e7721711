// Send: for each queued key, claim the message, pace, call SES once, and record what happened. A duplicate delivery
// finds the claim taken and does nothing; throttling puts the message back; the deadline expires what is left.
import type { Clock } from "../clock.ts";
import type { Mailer } from "../mail/ses.ts";
import type { Ledger } from "./ledger.ts";
import { afterFailedClaim, classifySesError } from "./lifecycle.ts";
import type { BatchResult, QueueRecord } from "./memory-queue.ts";
import type { Pacer } from "./pacing.ts";
import { type MessageKey, messageKeySchema } from "./schemas.ts";

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
}

export const DEFAULT_LEASE_MS = 120_000;

/** A fault hook's error ends the whole invocation, as a crash would: the queue then redelivers the whole batch. */
class Crash extends Error {
  constructor(
    readonly step: SendStep,
    cause: unknown,
  ) {
    super(`crash at ${step}`, { cause });
  }
}

type Outcome = "done" | "retry" | "throttled";

export const send = (deps: SendDependencies) => {
  const leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  const fault = async (step: SendStep, key: MessageKey) => {
    try {
      await deps.faults?.(step, key);
    } catch (error) {
      throw new Crash(step, error);
    }
  };

  async function sendOne(key: MessageKey): Promise<Outcome> {
    const { ledger, clock } = deps;
    await fault("before-claim", key);
    const claim = await ledger.claim(key, leaseMs);
    if (!claim.claimed) {
      if (!claim.current) return "done";
      const decision = afterFailedClaim(claim.current, clock.now());
      if (decision.action === "expire") {
        const moved = await ledger.move(key, "queued", "expired", {
          reason: "still queued at the wave's not-after deadline",
        });
        return moved ? "done" : "retry";
      }
      if (decision.action === "mark-unknown") {
        await ledger.move(
          key,
          "sending",
          "unknown",
          { reason: "the sender stopped between its claim and the ledger: SES may or may not have accepted it" },
          claim.current.leaseUntil,
        );
        return "done";
      }
      return decision.action === "retry-later" ? "retry" : "done";
    }

    const message = claim.message;
    const lease = message.leaseUntil;
    await fault("after-claim", key);
    await deps.pacer.take();
    if (clock.now().toISOString() > message.notAfter) {
      // The pacing wait crossed the deadline: nothing has gone to SES, so the letter is simply not sent.
      await ledger.move(
        key,
        "sending",
        "expired",
        { reason: "reached the not-after deadline while paced", leaseUntil: undefined },
        lease,
      );
      return "done";
    }
    const { letter, email } = message;
    if (!letter || !email) {
      await ledger.move(
        key,
        "sending",
        "failed",
        { reason: "the message has no letter or address", leaseUntil: undefined },
        lease,
      );
      return "done";
    }

    let messageId: string;
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
      if (failure.kind === "throttled") {
        // SES took nothing: the message is queued again and the queue retries it after its visibility timeout.
        await ledger.move(
          key,
          "sending",
          "queued",
          { reason: "throttled by SES; queued again", leaseUntil: undefined },
          lease,
        );
        return "throttled";
      }
      await ledger.move(key, "sending", failure.kind, { reason: failure.reason, leaseUntil: undefined }, lease);
      return "done";
    }
    await fault("after-ses", key);
    // From unknown too: a sender that outlived its lease still knows best what SES answered.
    await ledger.move(key, ["sending", "unknown"], "sent", {
      sesMessageId: messageId,
      sentAt: clock.now().toISOString(),
      leaseUntil: undefined,
      reason: undefined,
    });
    return "done";
  }

  /** Processes one queue batch; the items to be delivered again are reported as partial batch failures. */
  return async (records: readonly QueueRecord[]): Promise<BatchResult> => {
    const batchItemFailures: { itemIdentifier: string }[] = [];
    let throttled = false;
    for (const record of records) {
      const parsed = messageKeySchema.safeParse(safeJson(record.body));
      // A body that is not a message key names no letter: there is nothing to send or to retry.
      if (!parsed.success) continue;
      // After one throttle the rest of the batch would be throttled too: hand it back untouched to back off.
      if (throttled) {
        batchItemFailures.push({ itemIdentifier: record.messageId });
        continue;
      }
      let outcome: Outcome;
      try {
        outcome = await sendOne(parsed.data);
      } catch (error) {
        if (error instanceof Crash) throw error;
        // Anything else (DynamoDB unavailable) leaves the message where it was: the queue delivers it again.
        outcome = "retry";
      }
      if (outcome === "throttled") throttled = true;
      if (outcome !== "done") batchItemFailures.push({ itemIdentifier: record.messageId });
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
