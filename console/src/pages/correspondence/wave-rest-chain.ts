// A halted wave's rest, and the rest of that one if it halted too, as far as the chain goes (audit 32, bug 2): its page
// names them in place of "Write to the rest", and home leaves out a halted wave whose rest is written or under way.
// Read from the waves list (`restOf`); a cancelled rest wrote nothing and is no rest. Pure, tested in Node.
import { restStands } from "../../../../shared/waves/rest-stands.ts";
import type { components } from "../../api/schema";
import { unnamedWaveWords } from "./wave-facts.ts";

type Wave = components["schemas"]["Wave"];
type Linked = Pick<Wave, "id" | "status" | "restOf" | "createdAt" | "sendInstant">;

/**
 * The rests that follow `halted`, in order: its rest, then that one's rest, and so on. The API refuses a second rest
 * while one stands; of two made before it did, the first made is followed.
 */
export function restChainOf<W extends Linked>(halted: Pick<Wave, "id">, waves: readonly W[], now: Date): W[] {
  const chain: W[] = [];
  for (let from = halted.id; ; ) {
    const next = waves
      .filter((wave) => wave.restOf === from && restStands(wave, now.toISOString()))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
    if (!next || chain.includes(next)) return chain;
    chain.push(next);
    from = next.id;
  }
}

/**
 * Whether a halted wave still waits for someone to write to its rest: it has none, or only a draft. A rest written
 * (completed), on its way (shown in flight) or halted in turn (listed itself, the one to look at) takes it off home.
 */
export const waitsForItsRest = (chain: readonly Pick<Wave, "status">[]): boolean => {
  const last = chain.at(-1);
  return last === undefined || last.status === "draft";
};

/**
 * A wave named in a sentence: its description in quotes, else what it is (its audience and send day), in lower case
 * mid-sentence ("Dispatch wave to all Member States, 2026-12-06 again?").
 */
export const waveInWords = (wave: Pick<Wave, "id" | "description" | "audience" | "sendInstant">): string =>
  wave.description?.trim() ? `“${wave.description.trim()}”` : unnamedWaveWords(wave);
