// What a halted wave's rest chain wrote, read back from its last wave as dispatch reads it (writtenBefore): who wrote to
// each owner, and the owners nobody wrote to after all (audit 33, bug 1). Each rest leaves out an owner whose letter
// may have arrived; when that letter bounces or fails later, no wave of the chain wrote to the owner. Once the chain's
// last wave completed, its page and the halted wave's name them, and the rest of that completed rest writes to them.
// Pure but for the reads it is given, so it is tested in Node.
import { type HaltedWriter, writtenBefore } from "../../../../shared/waves/rest-of-letters.ts";
import type { Wave, WaveMessage } from "./wave-facts.ts";
import { waveInWords } from "./wave-rest-chain.ts";

type ChainWave = Pick<Wave, "id" | "status" | "restOf" | "description" | "audience" | "sendInstant">;
type Letter = Pick<WaveMessage, "owner" | "status" | "resentAt" | "skipReason">;

export interface ChainLetters {
  /** Owner -> the wave of the chain that wrote to it, or may have (the latest that did). */
  writers: ReadonlyMap<string, HaltedWriter>;
  /**
   * The owners a rest of the chain left out as written to that no wave of it reached after all (each letter of theirs
   * in the chain bounced or failed since), in the order the chain's ledgers list them; none unless its last wave
   * completed (a halted last wave's own rest writes to them).
   */
  notWrittenAfterAll: string[];
  /** Every letter of those owners in the chain bounced (else some failed). */
  allBounced: boolean;
}

/**
 * The chain that ends at `last`, read back through `restOf` with `lettersOf` (each wave's ledger read once; `waves`: the
 * waves list, for each wave's description and restOf).
 */
export async function readChainLetters(
  last: ChainWave,
  waves: readonly ChainWave[],
  lettersOf: (waveId: string) => Promise<readonly Letter[]>,
): Promise<ChainLetters> {
  const reads = new Map<string, Promise<readonly Letter[]>>();
  const once = (id: string) => {
    const known = reads.get(id) ?? lettersOf(id);
    reads.set(id, known);
    return known;
  };
  const byId = new Map(waves.map((wave) => [wave.id, wave]));
  byId.set(last.id, last);
  const written = await writtenBefore(
    {
      waves: {
        get: async (id) => {
          const wave = byId.get(id);
          return wave && { value: wave };
        },
      },
      ledger: { messagesOf: once },
    },
    last.id,
  );
  const letters = (await Promise.all(written.waveIds.map(once))).flat();
  const leftOut = new Set(
    letters.filter((letter) => letter.skipReason === "written-by-halted-wave").map((letter) => letter.owner),
  );
  const notWrittenAfterAll =
    last.status === "completed" && last.restOf !== undefined
      ? [...leftOut].filter((owner) => !written.owners.has(owner))
      : [];
  const theirLetters = letters.filter((letter) => notWrittenAfterAll.includes(letter.owner) && !letter.skipReason);
  return {
    writers: written.owners,
    notWrittenAfterAll,
    allBounced: theirLetters.every((letter) => letter.status === "bounced"),
  };
}

/** "Not written to after all: Andorra, Micronesia: their letters bounced after the rests left them out." */
export function notWrittenAfterAllWords(names: readonly string[], allBounced: boolean): string {
  const one = names.length === 1;
  const fate = allBounced ? "bounced" : "bounced or failed";
  return (
    `Not written to after all: ${names.join(", ")}: ${one ? "its letter" : "their letters"} ${fate} after the ` +
    `rests left ${one ? "it" : "them"} out.`
  );
}

/** Who writes to them, said to the reader: after the secretariat's link ("Write to them"), or as the secretariat's. */
export const writeToThemWords = (last: ChainWave, mayCompose: boolean): string =>
  mayCompose
    ? `: the rest of ${waveInWords(last)}, a new draft of this letter that leaves out everyone its chain wrote to.`
    : `The secretariat writes to them, as the rest of ${waveInWords(last)}.`;

/**
 * A halted wave's owner it did not write to, when a later wave of its chain did (audit 33, item 9): "written to by its
 * rest “X”"; nothing when none did, or the writer is the wave itself.
 */
export function writtenLaterWords(
  writers: ReadonlyMap<string, HaltedWriter>,
  owner: string,
  waveId: string,
): string | undefined {
  const writer = writers.get(owner);
  if (!writer || writer.waveId === waveId) return undefined;
  return writer.description ? `written to by its rest “${writer.description}”` : "written to by a rest of it";
}
