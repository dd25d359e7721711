// The waves home shows: those in flight, with their letters' counts, and those halted lately, which need a look (a
// halt is final and stops a wave part-way: someone must read why and write to the rest), and the completed rests whose
// chain did not reach some owners after all (their letters bounced or failed after the rests left them out: audit 33,
// bug 1; review 33), which need a rest of their own. Pure, tested in Node.
import type { components } from "../api/schema";
import { counted } from "../ui/counted.ts";
import { restChainOf, waitsForItsRest } from "./correspondence/wave-rest-chain.ts";

type Wave = components["schemas"]["Wave"];

/**
 * How long a halted wave, or a completed rest that left owners unwritten, stays on home: the next step (a new wave to
 * the rest) is a matter of days.
 */
const HALTED_SHOWN_DAYS = 30;

const DAY_MS = 86_400_000;

/**
 * The waves scheduled or dispatching, and those halted in the last HALTED_SHOWN_DAYS, latest first: `halted`, those
 * that still wait for their rest (waitsForItsRest; audit 32, bug 2), and `restWritten`, those whose rest is written or
 * under way, which still need a look only while letters of theirs may be sent again (stillUncertain: review 32b).
 */
export function wavesToWatch<
  W extends Pick<Wave, "id" | "status" | "updatedAt" | "restOf" | "createdAt" | "sendInstant">,
>(waves: readonly W[], now: Date): { inFlight: W[]; halted: W[]; restWritten: W[] } {
  const since = now.getTime() - HALTED_SHOWN_DAYS * DAY_MS;
  const lately = waves
    .filter((wave) => wave.status === "halted" && Date.parse(wave.updatedAt) >= since)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  // Each halted wave's rest chain judged once, into one list or the other.
  const halted: W[] = [];
  const restWritten: W[] = [];
  for (const wave of lately) (waitsForItsRest(restChainOf(wave, waves, now)) ? halted : restWritten).push(wave);
  return {
    inFlight: waves.filter((wave) => wave.status === "scheduled" || wave.status === "dispatching"),
    halted,
    restWritten,
  };
}

/**
 * The completed rests of the last HALTED_SHOWN_DAYS that end their chain (no rest of theirs written or under way),
 * latest first: home reads their chain's letters (wave-late-bounce.ts) and lists those that left owners unwritten.
 */
export function completedRestsToCheck<
  W extends Pick<Wave, "id" | "status" | "updatedAt" | "restOf" | "createdAt" | "sendInstant">,
>(waves: readonly W[], now: Date): W[] {
  const since = now.getTime() - HALTED_SHOWN_DAYS * DAY_MS;
  return waves
    .filter((wave) => wave.status === "completed" && wave.restOf !== undefined && Date.parse(wave.updatedAt) >= since)
    .filter((wave) => waitsForItsRest(restChainOf(wave, waves, now)))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/**
 * Whether a halted wave whose rest is written still needs a look: letters of its own are unknown or still sending
 * (their owners are not in the rest: each is sent again from the wave's page, ADR 0062), before its no-letter-after
 * limit, after which none can be.
 */
export const stillUncertain = (
  wave: Pick<components["schemas"]["WaveWithCounts"], "counts" | "notAfter">,
  now: Date,
): boolean => (wave.counts.unknown ?? 0) + (wave.counts.sending ?? 0) > 0 && now < new Date(wave.notAfter);

/** What home says of a completed rest whose chain left `owners` unwritten after all, after its link. */
export const notReachedAfterAllWords = (owners: number): string =>
  `completed, but its chain did not reach ${counted(owners, "State or organization", "States or organizations")} ` +
  `after all (${owners === 1 ? "its letter" : "their letters"} bounced or failed). Its page names ` +
  `${owners === 1 ? "it" : "them"} and the next step.`;
