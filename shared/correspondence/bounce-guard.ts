// The hard-bounce guard: a wave whose letters bounce hard too often halts itself (dispatching -> halted, audited with
// the reason), and the sender, which reads the halt just before each letter's SES call, sends nothing more of it (a
// letter whose SES call had begun as the halt landed still goes, and so does one the secretariat sends again, ADR
// 0062). It judges only while the wave is sending: see docs/adr/0009-delivery-events-and-halting.md.
import type { AuditContext } from "../audit/audit-entry.ts";
import { systemActor } from "../auth/actor.ts";
import type { Clock } from "../clock.ts";
import type { Versioned } from "../versioning.ts";
import { haltWave } from "../waves/halt.ts";
import type { WaveRepository } from "../waves/repository.ts";
import type { Wave } from "../waves/schemas.ts";
import type { Ledger } from "./ledger.ts";
import type { MessageStatus } from "./schemas.ts";

/** SES reviews an account whose bounce rate reaches 5%: a wave halts there, before it harms every other wave. */
export const HARD_BOUNCE_THRESHOLD = 0.05;
/** Below this many letters out, one or two bounces are noise (the first-report wave writes to about a dozen). */
export const HARD_BOUNCE_MINIMUM_OUT = 20;

export const HALTED_BY_BOUNCES = `hard bounces reached ${HARD_BOUNCE_THRESHOLD * 100}% of the letters out`;

export interface BounceRate {
  /** Letters SES accepted and that reached a verdict or are on their way: sent, delivered, bounced, complained. */
  out: number;
  bounced: number;
}

export function bounceRateOf(counts: Readonly<Record<MessageStatus, number>>): BounceRate {
  return { out: counts.sent + counts.delivered + counts.bounced + counts.complained, bounced: counts.bounced };
}

/** The reason to halt, or undefined while the rate is under the threshold or too few letters are out to judge. */
export function haltReasonFor({ out, bounced }: BounceRate): string | undefined {
  if (out < HARD_BOUNCE_MINIMUM_OUT || bounced < out * HARD_BOUNCE_THRESHOLD) return undefined;
  return `${HALTED_BY_BOUNCES}: ${bounced} of ${out} (${((bounced / out) * 100).toFixed(1)}%)`;
}

export interface BounceGuardDependencies {
  waves: WaveRepository;
  ledger: Ledger;
  clock: Clock;
}

/**
 * Checked when a hard bounce is recorded: halts the wave if it is still dispatching and past the threshold. Answers
 * the halted wave, or undefined when it goes on (or had already ended). A wave that completed meanwhile stays
 * completed: nothing is left to stop.
 */
export const haltIfBouncing =
  (deps: BounceGuardDependencies) =>
  async (
    waveId: string,
    audit: AuditContext = { actor: systemActor("ses-events") },
  ): Promise<Versioned<Wave> | undefined> => {
    const reason = haltReasonFor(bounceRateOf(await deps.ledger.counts(waveId)));
    return reason ? haltWave(deps)(waveId, reason, audit) : undefined;
  };

/**
 * For the sender: why a wave may send no more (halted, for the reason the halt kept on it: bounces, or a letter changed
 * after scheduling), or undefined. One strongly consistent GetItem of the wave's item, so a halt written a moment
 * before is seen: one read unit for an item under 4 KB (a projection would not make it cheaper).
 */
export const haltedReasonOf =
  (waves: Pick<WaveRepository, "get">) =>
  async (waveId: string): Promise<string | undefined> => {
    const wave = await waves.get(waveId);
    return wave?.value.status === "halted" ? (wave.value.haltReason ?? HALTED_BY_BOUNCES) : undefined;
  };
