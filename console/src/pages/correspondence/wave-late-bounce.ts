// What a halted wave's rest chain wrote, read back from its last wave as dispatch reads it (writtenBefore): who wrote to
// each owner, and the owners nobody wrote to after all (audit 33, bug 1). Each rest leaves out an owner whose letter
// may have arrived; when that letter bounces or fails later, no wave of the chain wrote to the owner, nor to one whose
// letter of the last rest itself bounced or failed. Once the chain's last wave completed, its page and the halted
// wave's name them (less those it found no usable address for, named under its Not reached), and the rest of that
// completed rest writes to them.
// Pure but for the reads it is given, so it is tested in Node.
import { type HaltedWriter, readOnce, writtenBefore } from "../../../../shared/waves/rest-of-letters.ts";
import { orList } from "../../ui/word-list.ts";
import type { Wave, WaveMessage } from "./wave-facts.ts";
import { waveInWords } from "./wave-rest-chain.ts";

type ChainWave = Pick<Wave, "id" | "status" | "restOf" | "description" | "audience" | "sendInstant">;
type Letter = Pick<WaveMessage, "owner" | "status" | "resentAt" | "skipReason">;

/** What became of a letter of the chain: it bounced, failed (or expired, or was refused, unsent), or was skipped. */
export type LetterFate = "bounced" | "failed" | "skipped";

export interface ChainLetters {
  /** Owner -> the wave of the chain that wrote to it, or may have (the latest that did). */
  writers: ReadonlyMap<string, HaltedWriter>;
  /**
   * The owners the rest of the chain's last wave writes to, as the server judges it: each with a letter or skip in the
   * chain and no letter that may have arrived (writtenBefore), less those the last wave recorded as unreached (no usable
   * address: its Not reached names them) and those the chain only skipped as another wave's follow-up. In the order the chain's ledgers list them; none unless its last wave is a
   * completed rest (a halted last wave's own rest writes to them).
   */
  notWrittenAfterAll: string[];
  /** What became of those owners' letters in the chain, each fate once, in LetterFate's order. */
  fates: LetterFate[];
}

/** A letter's fate; none for the skips that are no letter's end (a writer named, or an owner without contact). */
const fateOf = (letter: Letter): LetterFate | undefined => {
  if (letter.skipReason === "written-by-halted-wave" || letter.skipReason === "no-active-contact") return undefined;
  if (letter.skipReason !== undefined) return "skipped";
  return letter.status === "bounced" ? "bounced" : "failed";
};

const FATES: readonly LetterFate[] = ["bounced", "failed", "skipped"];

/**
 * The chain that ends at `last`, read back through `restOf` with `lettersOf` (each wave's ledger read once; `waves`: the
 * waves list, for each wave's description and restOf); `unreachedOf`: the owners a wave recorded as unreached, read of
 * `last` only when it names owners.
 */
export async function readChainLetters(
  last: ChainWave,
  waves: readonly ChainWave[],
  lettersOf: (waveId: string) => Promise<readonly Letter[]>,
  unreachedOf: (waveId: string) => Promise<readonly string[]>,
): Promise<ChainLetters> {
  const once = readOnce(lettersOf);
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
  // An owner the chain only skipped because another wave holds its follow-up is that wave's to write (ADR 0059): its
  // page, and the State's, say when it is owed again.
  const heldElsewhere = (owner: string) =>
    letters.every((letter) => letter.owner !== owner || letter.skipReason === "followed-up-elsewhere");
  const owners = new Set(letters.map((letter) => letter.owner).filter((owner) => !heldElsewhere(owner)));
  const unreached = last.status === "completed" && last.restOf !== undefined ? await unreachedOf(last.id) : undefined;
  const notWrittenAfterAll = unreached
    ? [...owners].filter((owner) => !written.owners.has(owner) && !unreached.includes(owner))
    : [];
  const theirFates = new Set(
    letters.filter((letter) => notWrittenAfterAll.includes(letter.owner)).map((letter) => fateOf(letter)),
  );
  return { writers: written.owners, notWrittenAfterAll, fates: FATES.filter((fate) => theirFates.has(fate)) };
}

/** The fates in words, after "its letter" or "their letters": "bounced", "bounced or failed", "failed or were skipped". */
function fatesInWords(fates: readonly LetterFate[], one: boolean): string {
  return orList(fates.map((fate) => (fate === "skipped" ? (one ? "was skipped" : "were skipped") : fate)));
}

/**
 * "Not written to after all: Andorra, Micronesia: their letters bounced, and no other letter of the chain reached
 * them."
 */
export function notWrittenAfterAllWords(names: readonly string[], fates: readonly LetterFate[]): string {
  const one = names.length === 1;
  const them = one ? "it" : "them";
  const start = `Not written to after all: ${names.join(", ")}: `;
  if (fates.length === 0) return `${start}no letter of the chain reached ${them}.`;
  const letters = one ? "its letter" : "their letters";
  return `${start}${letters} ${fatesInWords(fates, one)}, and no other letter of the chain reached ${them}.`;
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

/**
 * The owners a wave later in the chain wrote to (a letter that may have arrived), each with that wave: `later`, the
 * waves after the page's own. A skip of the page's wave naming an earlier writer is then settled (audit 33, review).
 */
export const writtenSince = (
  writers: ReadonlyMap<string, HaltedWriter>,
  later: readonly Pick<Wave, "id">[],
): ReadonlyMap<string, HaltedWriter> =>
  new Map([...writers].filter(([, writer]) => later.some((wave) => wave.id === writer.waveId)));
