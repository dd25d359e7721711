// What the correspondence pages say about waves: the audiences in words, which statuses are final, the order of
// the waves list and a wave's counts in a sentence. Pure (types only from the generated schema), tested in Node.
// The generated types directly, not through client.ts: that module needs a window, and this one runs in Node too.

import { missedBySchedule } from "../../../../shared/waves/stuck-after.ts";
import type { components } from "../../api/schema";
import {
  namesAnotherWave,
  otherWaveIn,
  type SkipReasonParts,
  sentenceText,
  skipReasonParts,
  skipSentence,
} from "./skip-other-wave.ts";
import { utcText } from "./time.ts";

type Schemas = components["schemas"];

export type Wave = Schemas["Wave"];
export type WaveWithCounts = Schemas["WaveWithCounts"];
export type Audience = Wave["audience"];
export type WaveStatus = Wave["status"];
export type Counts = WaveWithCounts["counts"];
export type MessageStatus = Schemas["WaveMessage"]["status"];
/** A message status, or the owners the wave could not reach at all. */
export type CountName = MessageStatus | "unreached";

/** Every audience the API names (tsc checks the list is complete), in the words staff use. */
export const AUDIENCES: Record<Audience, string> = {
  "non-reporting-states": "States without a first national report",
  "reporting-states": "States that have reported",
  "all-states": "All Member States",
  "states-without-current-poc": "States without a current point of contact",
  "states-with-pending-requests": "States with a pending assistance request",
  "states-with-follow-up-due": "States owed the one-year follow-up letter on an assistance request",
  organizations: "International, regional and subregional organizations",
  "assistance-providers": "Assistance providers",
  "stale-providers": "Assistance providers whose offer is over 12 months old",
};

export const AUDIENCE_CODES = Object.keys(AUDIENCES) as Audience[];

export type WaveMessage = Schemas["WaveMessage"];
export type SkipReason = NonNullable<WaveMessage["skipReason"]>;

/** Why a contact gets no letter, in words (tsc checks every reason the API names is here). */
export const SKIP_REASONS: Record<SkipReason, string> = {
  "no-active-contact": "no active point of contact",
  bounced: "the address bounced a letter before",
  complained: "the address reported a letter as spam",
  suppressed: "the address is suppressed",
  inactive: "the contact is no longer active",
  "duplicate-address": "the same address as another recipient, who has the one letter",
  "followed-up-elsewhere": "its one-year follow-up letter was left to another wave",
  "written-by-halted-wave": "an earlier wave of this rest's chain already wrote to its State or organization",
};

const isSkipReason = (code: string): code is SkipReason => Object.hasOwn(SKIP_REASONS, code);

/**
 * A skipped letter's reason as the ledger keeps it (`<code>` or `<code>: <who has the letter>`), in words: the code's,
 * or for one that names another wave, that wave by its description (skip-other-wave.ts). Undefined for a reason it
 * does not know.
 */
export const skipWords = (reason: string | undefined): string | undefined => skipInWords(skipReasonParts(reason));

/** A skip's reason in words (skipWords), split already. */
export function skipInWords(reason: SkipReasonParts): string | undefined {
  const { code } = reason;
  if (!isSkipReason(code)) return undefined;
  return namesAnotherWave(code) ? sentenceText(skipSentence(code, otherWaveIn(reason))) : SKIP_REASONS[code];
}

/** Why a State or organization is not written to at all, in words. */
export const UNREACHED_REASONS: Record<Schemas["UnreachedOwner"]["reason"], string> = {
  "no-contact": "no active contact on record",
  "no-usable-address": "no usable address",
};

/**
 * A wave's page heading: its description, which staff gave it to find it by, else what it is (its audience and send
 * day, in words); its id beside, as secondary text.
 */
export function waveHeading(wave: Pick<Wave, "id" | "description" | "audience" | "sendInstant">): {
  title: string;
  id: string;
} {
  const title = wave.description?.trim() || `W${unnamedWaveWords(wave).slice(1)}`;
  return { title, id: `wave ${wave.id}` };
}

/** An audience's words after "to": in lower case but for "States", the Member States' name wherever it stands. */
const audienceInASentence = (audience: Audience): string => {
  const words = AUDIENCES[audience];
  return words.startsWith("States") ? words : `${words.charAt(0).toLowerCase()}${words.slice(1)}`;
};

/** A wave with no description, as what it is, in a sentence: "wave to all Member States, 2026-12-06". */
export const unnamedWaveWords = (wave: Pick<Wave, "audience" | "sendInstant">): string =>
  `wave to ${audienceInASentence(wave.audience)}, ${wave.sendInstant.slice(0, 10)}`;

/** Whether a zone keeps UTC's time under any of its names (UTC, Etc/UTC, Etc/GMT, Zulu…). */
function keepsUtc(timeZone: string): boolean {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone }).resolvedOptions().timeZone === "UTC";
  } catch {
    return false;
  }
}

/**
 * A wave's send time as chosen, in its zone ("2026-12-06 09:00 America/New_York"), said beside the UTC instant it
 * names; nothing when the zone is UTC, where the instant alone says it.
 */
export function sendTimeInZone(wave: Pick<Wave, "sendAt" | "timeZone">): string | undefined {
  return keepsUtc(wave.timeZone) ? undefined : `${wave.sendAt.replace("T", " ")} ${wave.timeZone}`;
}

/**
 * A wave's send time in a line or two: in its zone with the UTC instant after (`utc`), or, for a wave in UTC, the
 * instant alone, said once.
 */
export function sendTimeLines(wave: Pick<Wave, "sendAt" | "timeZone" | "sendInstant">): {
  first: string;
  utc?: string;
} {
  const inZone = sendTimeInZone(wave);
  return inZone ? { first: inZone, utc: utcText(wave.sendInstant) } : { first: utcText(wave.sendInstant) };
}

export function isAudience(value: string): value is Audience {
  return Object.hasOwn(AUDIENCES, value);
}

/** A wave in these statuses moves no more: its page stops asking for its counts. */
const FINAL: readonly WaveStatus[] = ["completed", "cancelled", "halted"];
/** A wave in these moves by itself (its schedule fires, its letters go): pages watch its counts. */
const IN_FLIGHT: readonly WaveStatus[] = ["scheduled", "dispatching"];

export const isFinal = (status: WaveStatus) => FINAL.includes(status);
export const isInFlight = (status: WaveStatus) => IN_FLIGHT.includes(status);

/** Letters still queued or sending: they move whatever the wave's status (a halted wave's rest are failed after it). */
const lettersGoing = (counts: Counts) => (counts.queued ?? 0) + (counts.sending ?? 0) > 0;

/**
 * Whether a wave's page keeps asking for its counts: the wave moves by itself (dispatching; scheduled, until its
 * schedule has missed it: `firesAt`, its send time, or when "Dispatch again" made the schedule fire), or some of its
 * letters still do, until its not-after deadline (a letter whose key went to the dead-letter queue stays queued, and no
 * letter leaves after it).
 */
export const keepsMoving = (
  wave: Pick<WaveWithCounts, "status" | "counts" | "notAfter" | "sendInstant">,
  now = new Date(),
  firesAt = wave.sendInstant,
) =>
  wave.status === "dispatching" ||
  (wave.status === "scheduled" && !missedBySchedule(firesAt, now)) ||
  (lettersGoing(wave.counts) && now.toISOString() < wave.notAfter);

/**
 * A scheduled wave its schedule has missed, as the sweep judges it (the same predicate): its send time passed a quarter
 * of an hour ago or more, and it is still scheduled (nothing sends it unless someone asks).
 */
export const isMissed = (wave: Pick<Wave, "status" | "sendInstant">, now: Date): boolean =>
  wave.status === "scheduled" && missedBySchedule(wave.sendInstant, now);

/** A wave in flight as Home lists it: its status and send time, or that its schedule missed it and what to do. */
export function inFlightWords(wave: Pick<Wave, "status" | "sendInstant" | "sendAt" | "timeZone">, now: Date): string {
  const sends = `${wave.sendAt.replace("T", " ")} ${wave.timeZone}`;
  return isMissed(wave, now)
    ? `missed: due ${sends}, not dispatched (its page says what to do)`
    : `${wave.status}, sends ${sends}`;
}

const ORDER: Record<WaveStatus, number> = {
  dispatching: 0,
  scheduled: 1,
  draft: 2,
  halted: 3,
  completed: 4,
  cancelled: 5,
};

/** Sending first, then scheduled (soonest first), drafts, then the finished (latest first). */
export function inFlightFirst<T extends Wave>(waves: readonly T[]): T[] {
  return [...waves].sort((a, b) => {
    const byStatus = ORDER[a.status] - ORDER[b.status];
    if (byStatus !== 0) return byStatus;
    return isInFlight(a.status)
      ? a.sendInstant.localeCompare(b.sendInstant)
      : b.sendInstant.localeCompare(a.sendInstant);
  });
}

// A record, not a list: a status the API adds without a place here fails tsc instead of going uncounted.
const COUNT_RANK: Record<CountName, number> = {
  queued: 0,
  sending: 1,
  sent: 2,
  delivered: 3,
  bounced: 4,
  complained: 5,
  rejected: 6,
  failed: 7,
  expired: 8,
  skipped: 9,
  unknown: 10,
  unreached: 11,
};

/** The message statuses in the ledger's order, then the owners no letter reached. */
export const COUNT_ORDER = (Object.keys(COUNT_RANK) as CountName[]).sort((a, b) => COUNT_RANK[a] - COUNT_RANK[b]);

/** The counts that are not zero, in the ledger's order: [["sent", 9], ["skipped", 2]]. */
export function countsOf(counts: Counts): [CountName, number][] {
  return COUNT_ORDER.flatMap((status) => {
    const count = counts[status] ?? 0;
    return count > 0 ? [[status, count] as [CountName, number]] : [];
  });
}

/**
 * Whether a count is of letters written. A skipped row is no letter (a contact not written to, or the note that a
 * State had no active point of contact), and an owner not reached has none: counting either with the letters made a
 * State written to at its Mission read as left out.
 */
const isLetterCount = (name: CountName) => name !== "skipped" && name !== "unreached";

/** The letters' counts that are not zero, in the ledger's order: [["sent", 9], ["bounced", 1]]. */
export const letterCountsOf = (counts: Counts) => countsOf(counts).filter(([name]) => isLetterCount(name));

/** The letters by status in words ("3 queued, 5 sent"), as a list of waves shows a wave's progress. */
export function countsText(counts: Counts): string {
  const letters = letterCountsOf(counts);
  return letters.length === 0 ? "no letters yet" : letters.map(([status, count]) => `${count} ${status}`).join(", ");
}

/**
 * Of all letters written: those settled one way or another, and those whose fate is unknown (the sender stopped
 * between SES and the ledger), which are not settled: an SES event may still settle one, or it is sent again.
 */
export function progressOf(counts: Counts): { settled: number; unknown: number; written: number } {
  const written = letterCountsOf(counts).reduce((n, [, count]) => n + count, 0);
  const unknown = counts.unknown ?? 0;
  return { settled: written - (counts.queued ?? 0) - (counts.sending ?? 0) - unknown, unknown, written };
}

/** The wave's progress in a sentence; `mayResend`: the reader may send an unknown letter again from its row. */
export function progressText(counts: Counts, status: WaveStatus, mayResend: boolean): string {
  const { settled, unknown, written } = progressOf(counts);
  if (written === 0) {
    return status === "draft" || status === "scheduled"
      ? "No letter is written before the wave is dispatched."
      : "No letters.";
  }
  // A dispatching wave's ledger may be half written (its dispatch still running, or crashed): the total is not final.
  const settledSoFar =
    status === "dispatching"
      ? `${settled} of the ${written} letters written so far settled`
      : `${settled} of ${written} letters settled${isFinal(status) && !lettersGoing(counts) ? "" : " so far"}`;
  if (unknown === 0) return `${settledSoFar}.`;
  const one = unknown === 1;
  const which = one ? "it" : "each";
  const resend = mayResend
    ? `${which} can be sent again from its row under Letters`
    : `the secretariat can send ${which} again`;
  return (
    `${settledSoFar}; ${one ? "1 is" : `${unknown} are`} unknown (SES may or may not have taken ${one ? "it" : "them"}): ` +
    // True before and after the window closes: the page's progress line is not re-judged at the window's end.
    `an SES event may settle ${which} until its event window closes; then ${resend}.`
  );
}

/** An owner key's code: GIN for STATE:GIN, the organization's id for ORG:<id>. */
export const ownerCode = (owner: string): string => owner.slice(owner.indexOf(":") + 1);

/** A wave's letters by their recipient's name (its code where the name is not known), for a reader to find one. */
export function byOwnerName<Letter extends { owner: string }>(
  letters: readonly Letter[],
  names: ReadonlyMap<string, string>,
): Letter[] {
  return inNameOrder(letters, (letter) => names.get(letter.owner) ?? ownerCode(letter.owner));
}

/** Things in the order of the names they are listed by ("Afghanistan, Albania, Angola"), not their codes'. */
export const inNameOrder = <Thing>(things: readonly Thing[], nameOf: (thing: Thing) => string): Thing[] =>
  [...things].sort((a, b) => nameOf(a).localeCompare(nameOf(b), "en"));
