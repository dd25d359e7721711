// Skips that name another wave (audit 32, items 4 and 8): a rest's owner written to by a halted wave of its chain, and
// a State whose one-year follow-up another wave holds. The ledger's reason names that wave (dispatch.ts:
// "“description” (id)", or the id alone) and the preview's skip carries it; the pages name it by its description,
// linked, never by its id, and say when the holding wave will not write after all (it halted, was cancelled, or its
// letter to the State did not reach it): the State is owed its letter again. Likewise a rest's skip, once the wave that
// wrote has its letter bounce or fail after the rest left the owner out (audit 33, bug 1): the owner is owed the letter,
// or, once a later wave of the chain wrote to it, said written to since.
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

/** A skip's reason as the ledger keeps it (`<code>` or `<code>: <account>`), split once: its code and its account. */
export interface SkipReasonParts {
  code: string;
  account: string;
}

export function skipReasonParts(reason: string | undefined): SkipReasonParts {
  const [code = "", account = ""] = (reason ?? "").split(/: (.*)/s);
  return { code, account };
}

/** The wave a ledger reason names (`<code>: <account>`), for a code that names one. */
export const otherWaveOf = (reason: string | undefined): OtherWave | undefined => otherWaveIn(skipReasonParts(reason));

/** The wave a reason's account names, for a code that names one. */
export function otherWaveIn({ code, account }: SkipReasonParts): OtherWave | undefined {
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
  return code === "written-by-halted-wave" ? "an earlier wave of this rest's chain" : "another wave";
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

/** What a skip's sentence knows of the other wave: its facts when read, and who wrote to the owner since. */
export interface HeldBy {
  owner: string;
  holder: HolderFacts | undefined;
  /** A later wave of the rest chain that wrote to the owner (a letter that may have arrived), once the chain is read. */
  since?: OtherWave | undefined;
}

/** A rest's writer whose letter did not reach the owner after all: written to since by a later wave, or owed it. */
const NOT_REACHED_AFTER_ALL = " wrote to it, but that letter did not reach it after all (it bounced or failed): ";

const OWED_AFTER_ALL = `${NOT_REACHED_AFTER_ALL}it is owed the letter, which the rest of this chain's last wave writes`;

/** A rest's skip: its writer wrote, or its letter did not reach the owner after all (then owed, or written to since). */
function restSkipSentence(wave: OtherWave | undefined, name: string, held: HeldBy | undefined): SkipSentence {
  if (held?.since) {
    const since = held.since.description ? `“${held.since.description}”` : "a later rest of this chain";
    return { before: "", wave, name, after: `${NOT_REACHED_AFTER_ALL}it was written to since by ${since}` };
  }
  if (held && writerFailed(held.holder, held.owner)) return { before: "", wave, name, after: OWED_AFTER_ALL };
  // Unnamed, "an earlier wave of this rest's chain" says what it is; a named writer is said halted only when
  // read so (a completed rest writes to a rest too).
  if (!wave?.description) return { before: "", wave, name, after: " already wrote to it" };
  const halted = held?.holder?.status === "halted" ? ", a halted wave," : "";
  return { before: "", wave, name, after: `${halted} already wrote to its State or organization` };
}

/**
 * The sentence of a skip that names another wave, with the other wave's facts when read (`held`): a follow-up's
 * holder, or a rest's writer.
 */
export function skipSentence(code: NamingCode, wave: OtherWave | undefined, held?: HeldBy): SkipSentence {
  const name = otherWaveName(code, wave);
  if (code === "written-by-halted-wave") return restSkipSentence(wave, name, held);
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

/**
 * A letter's skip in a sentence naming the other wave, with its holder's facts and the owners later waves of the rest
 * chain wrote to (`since`: wave-late-bounce.ts writtenSince); undefined for any other letter.
 */
export function letterSkipSentence(
  letter: SkippedLetter,
  holders: ReadonlyMap<string, HolderFacts>,
  since: ReadonlyMap<string, OtherWave> = new Map(),
): SkipSentence | undefined {
  const code = letter.skipReason;
  if (code === undefined || !namesAnotherWave(code)) return undefined;
  const wave = otherWaveOf(letter.reason);
  const holder = wave && holders.get(wave.waveId);
  return skipSentence(code, wave, { owner: letter.owner, holder, since: since.get(letter.owner) });
}

/** A letter on an owner's timeline: its wave, its recipient, the status the entry moved it to, and when. */
export interface TimelineLetter {
  waveId: string;
  recipient: string;
  status: string;
  at: string;
}

/** A letter the timeline lists, once: its latest status, and its first entry's time. */
export interface ListedLetter {
  waveId: string;
  status: string;
  since: string;
}

/** Each letter the timeline lists (newest first) once, in its order: built once for the page, for every skip on it. */
export function eachLetterOnce(letters: readonly TimelineLetter[]): ListedLetter[] {
  const once = new Map<string, ListedLetter>();
  for (const { waveId, recipient, status, at } of letters) {
    const key = `${waveId}/${recipient}`;
    const known = once.get(key);
    once.set(key, known ? { ...known, since: at } : { waveId, status, since: at });
  }
  return [...once.values()];
}

/**
 * A skip's words on an owner's timeline, a rest's skip judged again by the letters the timeline lists (eachLetterOnce):
 * once every letter of the wave that wrote to the owner stands bounced or failed, the owner is owed the letter (audit
 * 33, bug 1), unless a letter written after the skip (at `skippedAt`; unknown: any letter) may have reached it: the
 * timeline knows neither the chain nor templates, so it then says the skip in its usual words, as for any other skip;
 * undefined for those.
 */
export function timelineSkipWords(
  reason: SkipReasonParts,
  listed: readonly ListedLetter[],
  skippedAt = "",
): string | undefined {
  const wave = otherWaveIn(reason);
  if (reason.code !== "written-by-halted-wave" || !wave) return undefined;
  const writers = listed.filter((letter) => letter.waveId === wave.waveId);
  if (writers.length === 0 || writers.some(mayHaveArrived)) return undefined;
  if (listed.some((letter) => letter.since > skippedAt && mayHaveArrived(letter))) return undefined;
  return sentenceText({ before: "", wave, name: otherWaveName(reason.code, wave), after: OWED_AFTER_ALL });
}
