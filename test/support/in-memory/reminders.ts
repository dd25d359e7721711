// The programme's reminder claims in memory, for unit tests of the use cases: the same contract as the DynamoDB
// adapter (test/contracts/reminders.contract.ts).
import type { AuditInput } from "#shared/audit/audit-entry.ts";
import type { Clock } from "#shared/clock.ts";
import { type ReminderRef, reminderKey } from "#shared/programme/keys.ts";
import type { ReminderRepository } from "#shared/programme/reminder-repository.ts";
import type { ReminderClaim } from "#shared/programme/schemas.ts";
import { type InMemoryAudit, inMemoryAudit } from "./audit.ts";

export interface InMemoryReminders extends ReminderRepository {
  readonly audit: InMemoryAudit;
}

export function inMemoryReminders(clock: Clock, audit: InMemoryAudit = inMemoryAudit(clock)): InMemoryReminders {
  const claims = new Map<string, ReminderClaim>();
  const keyOf = (ref: ReminderRef) => JSON.stringify(reminderKey(ref));
  const copy = <T>(value: T): T => structuredClone(value);

  /** Keeps `next` and its audit entry when `allowed` holds for the claim as stored; `taken` otherwise. */
  function move(
    ref: ReminderRef,
    allowed: (stored: ReminderClaim | undefined) => boolean,
    next: (stored: ReminderClaim | undefined) => ReminderClaim,
    entry: AuditInput,
  ): "done" | "taken" {
    const stored = claims.get(keyOf(ref));
    if (!allowed(stored)) return "taken";
    claims.set(keyOf(ref), copy(next(stored)));
    audit.record(entry);
    return "done";
  }

  const heldBy = (claim: ReminderClaim) => (stored: ReminderClaim | undefined) =>
    stored?.status === "sending" && stored.claimedAt === claim.claimedAt;

  return {
    audit,
    get: async (ref) => {
      const found = claims.get(keyOf(ref));
      return found && copy(found);
    },
    claim: async (claim, staleBefore, entry) =>
      move(
        claim,
        (stored) =>
          !stored || stored.status === "released" || (stored.status === "sending" && stored.claimedAt < staleBefore),
        () => claim,
        entry,
      ),
    markSent: async (claim, messageId, sentAt, entry) =>
      move(claim, heldBy(claim), (stored) => ({ ...(stored ?? claim), status: "sent", messageId, sentAt }), entry),
    release: async (claim, entry) =>
      move(claim, heldBy(claim), (stored) => ({ ...(stored ?? claim), status: "released" }), entry),
  };
}
