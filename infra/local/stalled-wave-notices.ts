// What `npm start` says of the waves a stop of the stack left behind, named as their pages name them: a scheduled
// wave whose send time passed while the stack was down, and a wave left dispatching by a crash (its letters' keys died
// with the in-process queue, so nothing sends them until someone or the sweep dispatches it again).
import type { Wave } from "../../shared/waves/schemas.ts";

const named = (wave: Pick<Wave, "id" | "description">) =>
  wave.description ? `“${wave.description}” (${wave.id})` : wave.id;

/** A scheduled wave whose send time passed while the stack was down: sent only if someone asks. */
export const missedWaveNotice = (wave: Wave, fireCommand: string) =>
  `wave ${named(wave)} was due at ${wave.sendInstant} while the local stack was down and is still scheduled; ` +
  `send it now (before its notAfter ${wave.notAfter}) with "Dispatch again" on its page, or: ` +
  `${fireCommand} wave-dispatch '{"waveId":"${wave.id}"}'`;

/** A wave still dispatching at the start: no sender is left for its queued letters. */
export const stalledWaveNotice = (wave: Wave) =>
  `wave ${named(wave)} was dispatching when the local stack stopped, and its letters still queued wait: ` +
  "Dispatch again from its page, or the sweep resumes it at its first run after 15 minutes stuck";
