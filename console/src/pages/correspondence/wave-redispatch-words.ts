// What "Dispatch again" says (audit 33, item 8): the wave by its name, as staff named it, and when dispatch runs; the
// schedule's id is the machinery's, not theirs. Pure, tested in Node.
import { utcText } from "./time.ts";
import type { WaveWithCounts } from "./wave-facts.ts";
import { waveInWords } from "./wave-rest-chain.ts";

/** "Dispatch “Outreach (all States)” again?" */
export const redispatchQuestion = (wave: Pick<WaveWithCounts, "id" | "description" | "audience" | "sendInstant">) =>
  `Dispatch ${waveInWords(wave)} again?`;

/** "Dispatch runs at 2026-12-06 23:03 UTC." */
export const redispatchedWords = (requested: { firesAt: string }) => `Dispatch runs at ${utcText(requested.firesAt)}.`;
