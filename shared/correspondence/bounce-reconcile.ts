// Completing SES reports half applied (audit 34, bug 3). recordSesEvent moves the letter, then may halt the wave, then
// marks its contact's address: separate writes, which applying the event again completes. On AWS, EventBridge's
// retries and the dead-letter queue bring it again; a crash outside them, or any crash locally, where nothing retries,
// leaves the letter bounced (or reported as spam) and its contact ok, so every later audience writes to the address.
// This reads the letters SES reported lately and writes what their reports would have, without waiting for SES.
import type { AuditContext } from "../audit/audit-entry.ts";
import { systemActor } from "../auth/actor.ts";
import type { ContactDependencies } from "../contacts/contacts.ts";
import { recordEmailStatus } from "../contacts/email-status.ts";
import type { EmailStatus } from "../contacts/schemas.ts";
import type { Versioned } from "../versioning.ts";
import type { Wave } from "../waves/schemas.ts";
import type { WaveSettlingDependencies } from "../waves/waves.ts";
import { haltIfBouncing } from "./bounce-guard.ts";
import type { Message } from "./schemas.ts";
import { reportedEmailStatus } from "./ses-events.ts";

/**
 * How long after its last move a halted or completed wave's reports are read again: SES reports a letter within the
 * event window (a day by default, lifecycle.ts), and a week also covers a start or sweep that could not run for days,
 * while keeping the query to the few waves that ended lately.
 */
export const RECONCILE_WITHIN_MS = 7 * 24 * 3_600_000;

export type BounceReconcileDependencies = WaveSettlingDependencies & ContactDependencies;

/** A contact marked as its letter's report would have marked it. */
export interface ReconciledContact {
  waveId: string;
  /** The letter's recipient (its ledger key in the wave). */
  recipient: string;
  /** Whose contact it is (`STATE:MLI`, `ORG:<id>`), for a notice to name. */
  owner: string;
  contactId: string;
  status: Exclude<EmailStatus, "ok">;
}

export interface BounceReconciliation {
  marked: ReconciledContact[];
  /** Dispatching waves the bounce guard halted, their reports having stopped before it. */
  halted: string[];
  /** Waves whose reconciliation failed, with why; the others were reconciled all the same. */
  failed: { waveId: string; error: string }[];
}

/**
 * A reconciliation's audit context: the ses-events function's actor, whose write it completes, and a correlation id
 * saying it is no SES event, naming the wave (and the letter).
 */
const reconciling = (...parts: string[]): AuditContext => ({
  actor: systemActor("ses-events"),
  correlationId: ["bounce-reconcile", ...parts].join(":"),
});

/**
 * Marks the letter's contact as its report would have: only while the contact still has the letter's address, is
 * still ok, and was not written since the report (staff may have set the address back to ok: their word stands).
 */
async function completeReport(
  deps: BounceReconcileDependencies,
  letter: Message,
): Promise<ReconciledContact | undefined> {
  const status = reportedEmailStatus(letter);
  const { contactId, email } = letter;
  if (!status || !contactId || !email) return undefined;
  const outcome = await recordEmailStatus(deps)(
    contactId,
    { email, status, reportedAt: letter.updatedAt },
    reconciling(letter.waveId, letter.recipient),
  );
  return outcome.outcome === "recorded"
    ? { waveId: letter.waveId, recipient: letter.recipient, owner: letter.owner, contactId, status }
    : undefined;
}

/**
 * The waves whose letters SES may have reported lately: those dispatching (`dispatching`, when the caller has read
 * them already), and those halted or completed lately.
 */
async function wavesReported(deps: BounceReconcileDependencies, dispatching?: readonly Wave[]): Promise<Wave[]> {
  const since = new Date(deps.clock.now().getTime() - RECONCILE_WITHIN_MS).toISOString();
  const valuesOf = (found: readonly Versioned<Wave>[]) => found.map(({ value }) => value);
  const found = await Promise.all([
    dispatching ?? deps.waves.inStatus("dispatching").then(valuesOf),
    deps.waves.inStatusMovedAfter("halted", since).then(valuesOf),
    deps.waves.inStatusMovedAfter("completed", since).then(valuesOf),
  ]);
  return found.flat();
}

/**
 * Completes the reports of the letters bounced or reported as spam in the waves SES may have reported lately (through
 * the waves' status index and the ledger's, no Scan): each contact marked as its report would have, audited as the
 * ses-events function with a correlation id naming the reconciliation; a dispatching wave with bounces is judged by
 * the bounce guard again. A report applied in full changes nothing here, so it may run at every start and sweep. The
 * sweep gives the `dispatching` waves it has read, as it resumes them after: they are not read again.
 */
export const reconcileBounces =
  (deps: BounceReconcileDependencies) =>
  async (dispatching?: readonly Wave[]): Promise<BounceReconciliation> => {
    const result: BounceReconciliation = { marked: [], halted: [], failed: [] };
    for (const wave of await wavesReported(deps, dispatching)) {
      try {
        const [bounced, complained] = await Promise.all([
          deps.ledger.listByStatus(wave.id, "bounced"),
          deps.ledger.listByStatus(wave.id, "complained"),
        ]);
        let markedHere = 0;
        for (const letter of [...bounced, ...complained]) {
          const marked = await completeReport(deps, letter);
          if (!marked) continue;
          result.marked.push(marked);
          markedHere++;
        }
        // The guard judges a wave when a bounce arrives; only a report completed here may have stopped before it. A
        // wave whose reports were applied in full is not judged again: its rate then is not what any bounce met.
        if (wave.status === "dispatching" && markedHere > 0) {
          if (await haltIfBouncing(deps)(wave.id, reconciling(wave.id))) result.halted.push(wave.id);
        }
      } catch (error) {
        result.failed.push({ waveId: wave.id, error: error instanceof Error ? error.message : String(error) });
      }
    }
    return result;
  };
