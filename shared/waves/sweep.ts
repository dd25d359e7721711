// Resuming waves: a wave left in `dispatching` (a dispatch that crashed half-way, keys lost with a sender) is
// dispatched again, its stale claims handed back to the sender, and completed once every letter is final; the sweep
// does this every quarter of an hour for every wave stuck that long, `POST /waves/{id}/redispatch` for one on demand.
// The sweep also hands back the stale claims of waves halted lately, so that their letters become unknown, and fails
// the letters a crash at the halt left queued with no key on the queue, as the sender would have; and it settles the
// letters sent again that a crash stranded on a completed or halted wave: put back on the queue, or their claims
// handed back.
import type { AuditContext } from "../audit/audit-entry.ts";
import { systemActor } from "../auth/actor.ts";
import { HALTED_BY_BOUNCES } from "../correspondence/bounce-guard.ts";
import { type BounceReconciliation, reconcileBounces } from "../correspondence/bounce-reconcile.ts";
import type { DispatchSummary } from "../correspondence/dispatch.ts";
import { MAX_BATCH } from "../correspondence/memory-queue.ts";
import type { Message, MessageKey } from "../correspondence/schemas.ts";
import { Conflict, IllegalTransition } from "../errors.ts";
import type { Schedule } from "../schedules/schema.ts";
import type { Versioned } from "../versioning.ts";
import { utcMinute } from "../zoned-time.ts";
import { firingSoon, tooLateToDispatch } from "./firing-soon.ts";
import { assertWaveTransition, nameOf } from "./rules.ts";
import type { Wave } from "./schemas.ts";
import { missedBySchedule, STUCK_AFTER_MS } from "./stuck-after.ts";
import {
  completeWaveIfSettled,
  dispatchWave,
  getWave,
  type WaveDispatchDependencies,
  type WaveSchedulingDependencies,
} from "./waves.ts";

/**
 * How long after its halt a wave's stale claims are still looked for. A claim's lease is minutes (send.ts's
 * DEFAULT_LEASE_MS), so a halted wave's last claims are over by its first sweep or two; two days also covers a sweep
 * that could not run for a day, and keeps the query to the few waves halted lately.
 */
export const HALTED_CLAIMS_WITHIN_MS = 2 * 24 * 3_600_000;

/**
 * How long past its wave's not-after deadline a letter sent again is still looked at. A claim needs the deadline ahead,
 * so a letter stranded just before it is settled by its key put back on the queue (the sender expires a queued one and
 * marks a stale claim unknown) instead of being left on its way for good; two days also covers a sweep that could not
 * run for a day, and keeps the query to the few letters sent again lately.
 */
export const RESENT_PAST_DEADLINE_MS = 2 * 24 * 3_600_000;

/** The sweep's own schedule, the same on AWS (infra/wave-sweep.ts) and in the local scheduler. */
export const WAVE_SWEEP_SCHEDULE = {
  id: "wave-sweep",
  description:
    "Dispatches again, and completes, the waves stuck in dispatching for 15 minutes or more; hands back the stale " +
    "claims of the waves halted lately and fails the letters a crash left queued; puts back on their way the " +
    "letters sent again that a crash stranded",
  expression: "rate(15 minutes)",
  timezone: "UTC",
  target: "wave-sweep",
  input: {},
} as const satisfies Schedule;

/**
 * The sweep's warning for each scheduled wave whose send time passed unsent, at every run until someone acts: the
 * operators' alarm WavesMissed counts it (infra/wave-sweep.ts).
 */
export const MISSED_WAVE_WARNING = "scheduled wave past its send time, not dispatched";

/**
 * The sweep's warning for each halted wave whose letters a crash left queued and the sweep failed (`failed`, how
 * many): the sender, which counts the letters it fails in MessagesFailed, never reached these, so the operators' alarm
 * LettersFailedBySweep counts them from this line (infra/wave-sweep.ts).
 */
export const SWEPT_LETTERS_FAILED_WARNING = "halted wave's letters left queued by a crash, failed by the sweep";

const sweepActor = () => ({ actor: systemActor("wave-sweep") });

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export interface ResumedWave {
  waveId: string;
  status: Wave["status"];
  summary: DispatchSummary;
  /** Messages claimed by a sender whose lease is over, handed back to the queue: the sender marks them unknown. */
  staleClaims: number;
  /** Why the wave is halted, when it is (dispatch halts one whose template's letters changed after scheduling). */
  haltReason?: string | undefined;
}

/** Whether the letter's claim is over: its sender is gone, and whether SES took the letter is not known. */
const staleClaim = (message: Message, now: string) =>
  message.status === "sending" && (!message.leaseUntil || message.leaseUntil < now);

/** Puts the keys on the wave queue, in the queue's batches. */
async function enqueueKeys(deps: Pick<WaveDispatchDependencies, "queue">, keys: readonly MessageKey[]): Promise<void> {
  for (let start = 0; start < keys.length; start += MAX_BATCH) {
    await deps.queue.sendBatch(keys.slice(start, start + MAX_BATCH));
  }
}

/**
 * Hands the keys of the wave's claims whose lease is over back to the sender, which marks them unknown (its claimant
 * is gone, and whether SES took the letter is not known). `which` narrows the letters looked at. Answers how many.
 */
async function handBackStaleClaims(
  deps: Pick<WaveDispatchDependencies, "ledger" | "queue" | "clock">,
  waveId: string,
  which: (message: Message) => boolean = () => true,
): Promise<number> {
  const now = deps.clock.now().toISOString();
  const stale: MessageKey[] = (await deps.ledger.listByStatus(waveId, "sending"))
    .filter((message) => which(message) && staleClaim(message, now))
    .map(({ recipient }) => ({ waveId, recipient }));
  await enqueueKeys(deps, stale);
  return stale.length;
}

/**
 * Fails the halted wave's letters queued since before `queuedBefore` as its sender would (`Ledger.failHalted`, with
 * the sender's reason): a crash at the halt, or a dispatch that crashed before enqueuing them, left them with no key on
 * the queue, so no sender ever reaches them. One queued since is left to the queue, which may still be draining; one
 * the secretariat sent again (`resentAt`) is never failed, as the sender never fails it. Answers how many failed.
 */
async function failStrandedQueued(
  deps: Pick<WaveDispatchDependencies, "ledger">,
  wave: Wave,
  queuedBefore: string,
): Promise<number> {
  const reason = `wave halted: ${wave.haltReason ?? HALTED_BY_BOUNCES}`;
  let failed = 0;
  for (const { recipient, resentAt, updatedAt } of await deps.ledger.listByStatus(wave.id, "queued")) {
    if (resentAt !== undefined || updatedAt >= queuedBefore) continue;
    if (await deps.ledger.failHalted({ waveId: wave.id, recipient }, reason)) failed += 1;
  }
  return failed;
}

/**
 * Dispatches the wave again (scheduled -> dispatching when its send time has passed; a dispatching wave's missing
 * letters written and its queued ones enqueued again: no letter is written or sent twice), hands back the keys of
 * claims whose lease is over, and completes the wave when nothing was left to enqueue and every letter is final.
 * Completion comes only after a whole dispatch run: a crashed run's ledger may lack letters and still look settled.
 */
export const resumeWave =
  (deps: WaveDispatchDependencies) =>
  async (waveId: string, audit: AuditContext = sweepActor()): Promise<ResumedWave> => {
    const { wave, summary } = await dispatchWave(deps)(waveId, audit);
    const staleClaims = await handBackStaleClaims(deps, waveId);
    let current: Versioned<Wave> = wave;
    if (summary.enqueued === 0 && staleClaims === 0) current = await completeWaveIfSettled(deps)(waveId, audit);
    const { status, haltReason } = current.value;
    return { waveId, status, summary, staleClaims, ...(status === "halted" ? { haltReason } : {}) };
  };

export interface SweepResult {
  resumed: ResumedWave[];
  /** Waves whose resumption (or a halted one's hand-back) failed, with why; the others were swept all the same. */
  failed: { waveId: string; error: string }[];
  /** Scheduled waves whose send time passed long ago: left for the secretariat (POST /waves/{id}/redispatch). */
  missed: { waveId: string; sendInstant: string }[];
  /**
   * Waves halted within HALTED_CLAIMS_WITHIN_MS with something to settle, only those: `staleClaims`, claims whose
   * lease is over, handed back to the sender, which marks them unknown, for the secretariat to send again once their
   * event window has closed; `queuedFailed`, letters left queued by a crash (for `stuckAfterMs` or more), failed
   * unsent with `wave halted: ...` as the sender would have.
   */
  halted: { waveId: string; staleClaims: number; queuedFailed: number }[];
  /**
   * Completed or halted waves (their not-after deadline at most RESENT_PAST_DEADLINE_MS ago) whose letters sent again
   * a crash stranded, only those: `requeued`, letters queued again for `stuckAfterMs` or more with no sender (their
   * key, or the schedule that was to enqueue it, died), put back on the queue; `staleClaims`, their claims whose lease
   * is over, handed back to the sender, which marks them unknown (to be sent again once their event window closes).
   */
  resent: { waveId: string; requeued: number; staleClaims: number }[];
  /** SES reports a crash left half applied, completed first (bounce-reconcile.ts): contacts marked, waves halted. */
  reports: Omit<BounceReconciliation, "failed">;
  /** Why the reconciliation could not even find the waves to reconcile; a wave it failed on is in `failed`. */
  reconciliationFailed?: string;
  /** Why the dispatching waves could not be read, so that none was resumed (nor reconciled: reconciliationFailed). */
  resumptionFailed?: string;
}

const NONE_RECONCILED: SweepResult["reports"] = { marked: [], halted: [] };

/**
 * The letters sent again still on their way (queued, or claimed), of waves whose not-after deadline is at most
 * RESENT_PAST_DEADLINE_MS ago, by wave: one Query on the ledger's resends, never a Scan. A dispatching wave's are left
 * to its resumption, which enqueues its queued letters and hands back its stale claims.
 */
export async function resentOnTheirWay(
  deps: Pick<WaveDispatchDependencies, "ledger" | "waves" | "clock">,
): Promise<{ wave: Wave; letters: Message[] }[]> {
  const lookedAtFrom = new Date(deps.clock.now().getTime() - RESENT_PAST_DEADLINE_MS).toISOString();
  const byWave = new Map<string, Message[]>();
  for (const letter of await deps.ledger.resentLetters(lookedAtFrom)) {
    if (letter.status !== "queued" && letter.status !== "sending") continue;
    byWave.set(letter.waveId, [...(byWave.get(letter.waveId) ?? []), letter]);
  }
  const found: { wave: Wave; letters: Message[] }[] = [];
  for (const [waveId, letters] of byWave) {
    const wave = await deps.waves.get(waveId);
    if (wave && wave.value.status !== "dispatching") found.push({ wave: wave.value, letters });
  }
  return found;
}

/**
 * Puts back on their way a wave's letters sent again that a crash stranded: one queued since before `queuedBefore`
 * is enqueued again (its key died with a sender's queue, or its resend's schedule never fired: the sender's claim,
 * `queued -> sending` only from queued, sends it once however many keys it has), one claimed past its lease is
 * handed back (the sender marks it unknown). Answers how many of each.
 */
async function strandedResent(
  deps: Pick<WaveDispatchDependencies, "queue" | "clock">,
  letters: readonly Message[],
  queuedBefore: string,
): Promise<{ requeued: number; staleClaims: number }> {
  const now = deps.clock.now().toISOString();
  const key = ({ waveId, recipient }: Message): MessageKey => ({ waveId, recipient });
  const requeued = letters.filter((letter) => letter.status === "queued" && letter.updatedAt < queuedBefore);
  const stale = letters.filter((letter) => staleClaim(letter, now));
  await enqueueKeys(deps, [...requeued, ...stale].map(key));
  return { requeued: requeued.length, staleClaims: stale.length };
}

/**
 * Every wave in `dispatching` since before `stuckAfterMs` ago, through the waves' status index (no Scan), resumed one
 * after the other; the dispatching waves are read once, for this and for the reconciliation of SES reports before it.
 * A scheduled wave whose send time passed that long ago or more (missedBySchedule, as the console judges it) is
 * reported, never sent on its own: a letter leaves late only when someone asks. A wave halted within
 * HALTED_CLAIMS_WITHIN_MS has its stale claims handed back and its letters queued since before `stuckAfterMs` ago
 * failed unsent, and nothing else: it is neither dispatched again nor completed. The letters sent again of a completed
 * or halted wave (`resentOnTheirWay`) that a crash stranded are put back on their way: queued since before
 * `stuckAfterMs` ago, enqueued again; claimed past their lease, handed back; the wave itself is not touched.
 */
export const sweepWaves =
  (deps: WaveDispatchDependencies, stuckAfterMs = STUCK_AFTER_MS) =>
  async (): Promise<SweepResult> => {
    const now = deps.clock.now();
    const before = new Date(now.getTime() - stuckAfterMs).toISOString();
    const result: SweepResult = {
      resumed: [],
      failed: [],
      missed: [],
      halted: [],
      resent: [],
      reports: NONE_RECONCILED,
    };
    // Read once, for both steps below: every dispatching wave is reconciled, the stuck ones resumed.
    let dispatching: Wave[] = [];
    try {
      dispatching = (await deps.waves.inStatus("dispatching")).map(({ value }) => value);
    } catch (error) {
      // Neither step can run; the rest of the sweep does not depend on them.
      result.reconciliationFailed = result.resumptionFailed = messageOf(error);
    }
    if (result.resumptionFailed === undefined) {
      // First: a dispatching wave whose bounce guard a half-applied report skipped is halted, not resumed.
      try {
        const { failed, ...reports } = await reconcileBounces(deps)(dispatching);
        result.failed.push(...failed);
        result.reports = reports;
      } catch (error) {
        // A failed read of the other waves to reconcile stops only this step: the resumptions do not depend on it.
        result.reconciliationFailed = messageOf(error);
      }
    }
    const haltedByReports = new Set(result.reports.halted);
    // As the status index's `inStatusSince` would answer: the last move (`updatedAt`) before `before`.
    for (const wave of dispatching.filter(({ id, updatedAt }) => updatedAt < before && !haltedByReports.has(id))) {
      try {
        result.resumed.push(await resumeWave(deps)(wave.id));
      } catch (error) {
        // Completed (or halted) since the read, by its sender or an SES event: nothing is left to resume.
        if (error instanceof IllegalTransition) continue;
        result.failed.push({ waveId: wave.id, error: messageOf(error) });
      }
    }
    // A wave is scheduled only before its send time, so every missed one was scheduled before `before`.
    for (const { value } of await deps.waves.inStatusSince("scheduled", before)) {
      if (missedBySchedule(value.sendInstant, now, stuckAfterMs)) {
        result.missed.push({ waveId: value.id, sendInstant: value.sendInstant });
      }
    }
    const haltedSince = new Date(deps.clock.now().getTime() - HALTED_CLAIMS_WITHIN_MS).toISOString();
    for (const { value } of await deps.waves.inStatusMovedAfter("halted", haltedSince)) {
      try {
        // Its letters sent again are the resent pass's, below, however long ago it halted.
        const staleClaims = await handBackStaleClaims(deps, value.id, (message) => message.resentAt === undefined);
        const queuedFailed = await failStrandedQueued(deps, value, before);
        if (staleClaims > 0 || queuedFailed > 0) result.halted.push({ waveId: value.id, staleClaims, queuedFailed });
      } catch (error) {
        result.failed.push({ waveId: value.id, error: messageOf(error) });
      }
    }
    for (const { wave, letters } of await resentOnTheirWay(deps)) {
      try {
        const settled = await strandedResent(deps, letters, before);
        if (settled.requeued > 0 || settled.staleClaims > 0) result.resent.push({ waveId: wave.id, ...settled });
      } catch (error) {
        result.failed.push({ waveId: wave.id, error: messageOf(error) });
      }
    }
    return result;
  };

export { REDISPATCH_LEAD_MS } from "./firing-soon.ts";

export interface RedispatchRequested {
  wave: Wave;
  /** The one-time schedule that fires wave-dispatch for the wave, and when (UTC). */
  scheduleName: string;
  firesAt: string;
}

/**
 * Asks for the wave to be dispatched again, as the sweep would, within three minutes: its one-time schedule is made
 * again for the next whole minute at least one minute ahead (UTC), firing wave-dispatch, which resumes the wave.
 * Only a wave dispatching, or scheduled with its send time passed, may be, and only while a dispatch asked for now
 * runs before its not-after deadline: anything else is a 409 and nothing is made. The request is audited once the
 * schedule exists.
 */
export const requestRedispatch =
  (deps: Pick<WaveSchedulingDependencies, "waves" | "scheduler" | "clock">) =>
  async (id: string, audit: AuditContext): Promise<RedispatchRequested> => {
    const { value: wave } = await getWave(deps)(id);
    const now = deps.clock.now();
    const due = wave.status === "scheduled" && wave.sendInstant <= now.toISOString();
    if (wave.status === "scheduled" && !due) {
      throw new Conflict(
        `${nameOf(wave)} is scheduled for ${utcMinute(wave.sendInstant)}, which has not come yet: its schedule will dispatch it`,
      );
    }
    // Any other status says, in the wave's own words, why it does not move to dispatching (a halted one: write its rest).
    if (wave.status !== "scheduled" && wave.status !== "dispatching") {
      assertWaveTransition(wave, wave.status, "dispatching");
    }
    const firesAt = firingSoon(now);
    if (tooLateToDispatch(wave.notAfter, now)) {
      // Dispatched then, every letter would be written expired: nothing would leave (audit 35, bug 6).
      throw new Conflict(
        `${nameOf(wave)} can no longer be dispatched: its letters may leave until ${utcMinute(wave.notAfter)}, and a ` +
          `dispatch asked for now runs at ${utcMinute(firesAt)}, so every letter would expire unsent. To write to its ` +
          (wave.status === "scheduled"
            ? "recipients, cancel it and create a new wave."
            : "recipients, create a new wave; the sweep settles this one (its letters still queued expire)."),
      );
    }
    const scheduleName = await deps.scheduler.schedule({
      ...wave,
      sendAt: firesAt.slice(0, 16),
      timeZone: "UTC",
      sendInstant: firesAt,
    });
    await deps.waves.recordRedispatch({ waveId: id, status: wave.status, scheduleName, firesAt }, audit);
    return { wave, scheduleName, firesAt };
  };
