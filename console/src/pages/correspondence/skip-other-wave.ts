// Skips that name another wave (audit 32, items 4 and 8): a rest's owner written to by a halted wave of its chain, and
// a State whose one-year follow-up another wave holds. The ledger's reason names that wave (dispatch.ts:
// "“description” (id)", or the id alone) and the preview's skip carries it; the pages name it by its description,
// linked, never by its id, and say when the holding wave will not write after all (it halted, was cancelled, or its
// letter to the State did not reach it): the State is owed its letter again. Likewise a rest's skip, once the wave that
// wrote has its letter bounce or fail after the rest left the owner out (audit 33, bug 1): the owner is owed the letter.
// Pure, tested in Node.
import { followsUp, mayHaveArrived } from "../../../../shared/waves/rest-of-letters.ts";
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

/**
 * What a wave a skip names did, read once per page: its status, the owners it follows up (a follow-up's holder) and
 * those its letters reached or may have (a rest's writer).
 */
export interface HolderFacts {
  status: WaveStatus;
  /** Owners one of its letters still follows up, as the server's holds judge it (followsUp). */
  reached: ReadonlySet<string>;
  /** Owners one of its letters reached or may have, as a rest judges it (mayHaveArrived); unread: none said. */
  arrived?: ReadonlySet<string>;
}

type LetterOf = { owner: string; status: string; resentAt?: string | undefined };

/** The owners a wave's follow-up letters still follow up (on their way, or left; not unknown, failed or bounced). */
export const ownersFollowedUp = (letters: readonly LetterOf[]) =>
  new Set(letters.filter((letter) => followsUp(letter.status)).map((letter) => letter.owner));

/** The facts of a wave a skip names, from its status and letters. */
export const holderFactsOf = (status: WaveStatus, letters: readonly LetterOf[]): HolderFacts => ({
  status,
  reached: ownersFollowedUp(letters),
  arrived: new Set(letters.filter(mayHaveArrived).map((letter) => letter.owner)),
});

/** Whether the wave that wrote to a rest's owner had its letter bounce or fail since: the owner is owed the letter. */
const writerFailed = (writer: HolderFacts | undefined, owner: string): boolean =>
  writer?.arrived !== undefined && !writer.arrived.has(owner);

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
    if (held && writerFailed(held.holder, held.owner)) {
      return {
        before: "",
        wave,
        name,
        after:
          " wrote to it, but that letter did not reach it after all (it bounced or failed): it is owed the letter, " +
          "which the rest of this chain's last wave writes",
      };
    }
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

/** The waves the letters' skips name (a follow-up's holder, a rest's writer): those whose facts the page reads. */
export const holdingWaveIds = (letters: readonly SkippedLetter[]): string[] =>
  letters.flatMap((letter) =>
    letter.skipReason !== undefined && namesAnotherWave(letter.skipReason)
      ? (otherWaveOf(letter.reason)?.waveId ?? [])
      : [],
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

/** A letter on an owner's timeline: its wave, its recipient and the status the entry moved it to. */
export interface TimelineLetter {
  waveId: string;
  recipient: string;
  status: string;
}

/**
 * A skip's words on an owner's timeline, a rest's skip judged again by the letters the timeline lists (newest first):
 * once every letter of the wave that wrote to the owner stands bounced or failed, the owner is owed the letter (audit
 * 33, bug 1). Any other skip in its usual words; undefined for a reason it does not know.
 */
export function timelineSkipWords(reason: string | undefined, letters: readonly TimelineLetter[]): string | undefined {
  const [code = ""] = (reason ?? "").split(": ");
  const wave = otherWaveOf(reason);
  if (code !== "written-by-halted-wave" || !wave) return undefined;
  const latest = new Map<string, string>();
  for (const letter of letters) {
    if (letter.waveId === wave.waveId && !latest.has(letter.recipient)) latest.set(letter.recipient, letter.status);
  }
  if (latest.size === 0) return undefined;
  // A timeline is one owner's: the sets below name it as `owner`. Only what reached it is read of a rest's writer.
  const owner = "owner";
  const arrived = new Set([...latest.values()].some((status) => mayHaveArrived({ status })) ? [owner] : []);
  const writer: HolderFacts = { status: "halted", reached: new Set(), arrived };
  return sentenceText(skipSentence(code, wave, { owner, holder: writer }));
}
