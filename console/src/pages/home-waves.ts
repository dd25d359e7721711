// The waves home shows: those in flight, with their letters' counts, and those halted lately, which need a look (a
// halt is final and stops a wave part-way: someone must read why and write to the rest). Pure, tested in Node.
import type { components } from "../api/schema";
import { restChainOf, waitsForItsRest } from "./correspondence/wave-rest-chain.ts";

type Wave = components["schemas"]["Wave"];

/** How long a halted wave stays on home: the halt's next step (a new wave to the rest) is a matter of days. */
export const HALTED_SHOWN_DAYS = 30;

const DAY_MS = 86_400_000;

/**
 * The waves scheduled or dispatching, and those halted in the last HALTED_SHOWN_DAYS that still wait for their rest
 * (waitsForItsRest: one whose rest is written, or under way, needs no look; audit 32, bug 2), latest first.
 */
export function wavesToWatch<
  W extends Pick<Wave, "id" | "status" | "updatedAt" | "restOf" | "createdAt" | "sendInstant">,
>(waves: readonly W[], now: Date): { inFlight: W[]; halted: W[] } {
  const since = now.getTime() - HALTED_SHOWN_DAYS * DAY_MS;
  return {
    inFlight: waves.filter((wave) => wave.status === "scheduled" || wave.status === "dispatching"),
    halted: waves
      .filter(
        (wave) =>
          wave.status === "halted" &&
          Date.parse(wave.updatedAt) >= since &&
          waitsForItsRest(restChainOf(wave, waves, now)),
      )
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
  };
}
