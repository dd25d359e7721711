// Skips that name another wave (audit 32, items 4 and 8): a rest's owner written to by a halted wave of its chain, and
// a State whose one-year follow-up another wave holds. The ledger's reason names that wave (dispatch.ts:
// "“description” (id)", or the id alone) and the preview's skip carries it; the pages name it by its description,
// linked, never by its id, and say when the holding wave will not write after all (it halted, was cancelled, or its
// letter to the State did not reach it): the State is owed its letter again. Pure, tested in Node.
import { followsUp } from "../../../../shared/waves/rest-of-letters.ts";
import type { WaveStatus } from "./wave-facts.ts";

/** The wave a skip names. */
export interface OtherWave {
  waveId: string;
  description?: string | undefined;
}

/** The codes whose skip names another wave. */
export type NamingCode = "written-by-halted-wave" | "followed-up-elsewhere";

export const namesAnotherWave = (code: string): code is NamingCode =>
  code === "written-by-halted-wave" || code === "followed-up-elsewhere";

/** The other wave in the ledger's account after the code: `wave “description” (id)`, or `wave id`. */
const OTHER_WAVE = /wave (?:“(.*)” \(([^()\s]+)\)|([^\s“]+))/s;

/** The wave a ledger reason names (`<code>: <account>`), for a code that names one. */
export function otherWaveOf(reason: string | undefined): OtherWave | undefined {
  const [code = "", account = ""] = (reason ?? "").split(/: (.*)/s);
  if (!namesAnotherWave(code)) return undefined;
  const match = OTHER_WAVE.exec(account);
  if (!match) return undefined;
  const [, description, describedId, bareId] = match;
  const waveId = describedId ?? bareId;
  return waveId === undefined ? undefined : { waveId, ...(description ? { description } : {}) };
}

/** The wave in a sentence: its description in quotes; without one, what it is to this skip. */
const otherWaveName = (code: NamingCode, wave: OtherWave | undefined): string => {
  if (wave?.description) return `“${wave.description}”`;
  return code === "written-by-halted-wave" ? "an earlier halted wave of this rest" : "another wave";
};

/** What the holding wave did of a State's follow-up, read once per page: its status and the owners it follows up. */
export interface HolderFacts {
  status: WaveStatus;
  /** Owners one of its letters still follows up, as the server's holds judge it (followsUp). */
  reached: ReadonlySet<string>;
}

/** The owners a wave's follow-up letters still follow up (on their way, or left; not unknown, failed or bounced). */
export const ownersFollowedUp = (letters: readonly { owner: string; status: string }[]) =>
  new Set(letters.filter((letter) => followsUp(letter.status)).map((letter) => letter.owner));

/**
 * Why the holding wave did not write the State's follow-up, if so: it halted, or ended, without a letter that still
 * counts. (A hold is taken at dispatch, so its wave was never cancelled after it.)
 */
function holderFailed(holder: HolderFacts | undefined, owner: string): string | undefined {
  if (!holder || holder.reached.has(owner)) return undefined;
  if (holder.status === "halted") return "which halted before its letter reached the State";
  if (holder.status === "completed") return "whose letter did not reach the State";
  return undefined;
}

/** A skip's sentence around the wave it names, so a page can link the name: `${before}${name}${after}`. */
export interface SkipSentence {
  before: string;
  wave: OtherWave | undefined;
  name: string;
  after: string;
}

/**
 * The sentence of a skip that names another wave; for a follow-up held elsewhere, with the holding wave's facts when
 * read (`held`).
 */
export function skipSentence(
  code: NamingCode,
  wave: OtherWave | undefined,
  held?: { owner: string; holder: HolderFacts | undefined },
): SkipSentence {
  const name = otherWaveName(code, wave);
  if (code === "written-by-halted-wave") {
    // Unnamed, "an earlier halted wave of this rest" says what it is already.
    const after = wave?.description
      ? ", a halted wave, already wrote to its State or organization"
      : " already wrote to it";
    return { before: "", wave, name, after };
  }
  // Said of the past: the State's own page cannot tell whether the holding wave has written since.
  const before = "its one-year follow-up letter was left to ";
  const failed = held && holderFailed(held.holder, held.owner);
  if (!failed) return { before, wave, name, after: "" };
  return {
    before,
    wave,
    name,
    after:
      `, ${failed}: the State was owed it again, and a new follow-up wave (or, if that wave halted, its rest) ` +
      "writes to it unless one has since",
  };
}

export const sentenceText = ({ before, name, after }: SkipSentence): string => `${before}${name}${after}`;

/** A skipped letter as the ledger lists it. */
interface SkippedLetter {
  owner: string;
  skipReason?: string | undefined;
  reason?: string | undefined;
}

/** The holding waves the letters' follow-up skips name: those whose facts the page reads. */
export const holdingWaveIds = (letters: readonly SkippedLetter[]): string[] =>
  letters.flatMap((letter) =>
    letter.skipReason === "followed-up-elsewhere" ? (otherWaveOf(letter.reason)?.waveId ?? []) : [],
  );

/** A letter's skip in a sentence naming the other wave, with its holder's facts; undefined for any other letter. */
export function letterSkipSentence(
  letter: SkippedLetter,
  holders: ReadonlyMap<string, HolderFacts>,
): SkipSentence | undefined {
  const code = letter.skipReason;
  if (code === undefined || !namesAnotherWave(code)) return undefined;
  const wave = otherWaveOf(letter.reason);
  return skipSentence(code, wave, { owner: letter.owner, holder: wave && holders.get(wave.waveId) });
}
