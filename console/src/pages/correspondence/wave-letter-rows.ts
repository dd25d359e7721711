// A dispatched wave's ledger as a reader counts it. Beside a State's letter to its Permanent Mission, the ledger keeps a
// row saying the State had no active point of contact (ADR 0007: nobody drops out silently). That row is neither a
// letter nor a contact: the page says it once, as the reason its Mission was written to, and counts the State once.
// An owner such a row names that got no letter is not reached at all, and listed so. Only a letter that left is "written
// to": one that failed or expired unsent (a halted wave's rest) is not, and its owner is said not written to, with why;
// nor, on a halted wave, one that bounced: its rest writes to the owner again, and a follow-up is owed again (audit 33,
// bug 3, as the server's follow-up holds judge it: followsUp). Pure, tested in Node.

import { leftTheDesk } from "../../../../shared/waves/rest-of-letters.ts";
import { andList } from "../../ui/word-list.ts";
import {
  inNameOrder,
  type MessageStatus,
  ownerCode,
  SKIP_REASONS,
  skipWords,
  type WaveMessage,
  type WaveStatus,
} from "./wave-facts.ts";
import { feedbackWhy, type Why } from "./wave-feedback-words.ts";

export type { Why } from "./wave-feedback-words.ts";

/** The ledger's row for an owner its audience found without an active point of contact (`owner:<owner>`). */
const isOwnerRow = (message: WaveMessage) => message.skipReason === "no-active-contact";

/** Why a letter of the wave is as it is: a skipped contact's reason, SES's bounce or complaint, the ledger's reason. */
export function whyOf(message: WaveMessage): Why {
  if (message.skipReason) return { said: skipWords(message.reason) ?? SKIP_REASONS[message.skipReason] };
  return feedbackWhy(message) ?? { said: message.reason ?? "" };
}

const TO_THE_MISSION = "Written to its Permanent Mission: the State has no active point of contact.";
const NOT_TO_THE_MISSION =
  "Not written to: the State has no active point of contact, and this letter to its Permanent Mission did not leave.";
/** A letter still on its way (queued: sent again, or dispatch's letters not yet sent): it has not left yet. */
const GOING_TO_THE_MISSION =
  "Its letter to its Permanent Mission (the State has no active point of contact) is on its way.";
/** A letter being sent, or whose sender stopped between SES and the ledger: it may or may not have left (audit 33). */
const MAYBE_TO_THE_MISSION =
  "Its letter to its Permanent Mission (the State has no active point of contact) may or may not have left.";

/** A sentence begun with a capital: a ledger reason follows a full stop. */
const asSentence = (words: string): string => words.charAt(0).toUpperCase() + words.slice(1);

/** A letter that will never leave: failed or expired unsent, or refused by SES. */
const NEVER_LEFT: readonly MessageStatus[] = ["failed", "expired", "rejected"];

/**
 * Whether a letter of a wave in `status` will never reach its owner: one that never left, and on a halted wave one that
 * bounced too (its rest writes to the owner again, at an address still usable; a follow-up is owed again).
 */
const neverReaches =
  (status: WaveStatus | undefined) =>
  (message: WaveMessage): boolean =>
    NEVER_LEFT.includes(message.status) || (status === "halted" && message.status === "bounced");

/**
 * Whether a letter of a wave in `status` counts as written: it left for its recipient (SES took it, or may have), and
 * is not one the wave's rest writes again (neverReaches: a halted wave's bounced letter), as notWrittenTo judges.
 */
const writes =
  (status: WaveStatus | undefined) =>
  (message: WaveMessage): boolean =>
    leftTheDesk(message.status) && !neverReaches(status)(message);

/** The owners some letter of the wave (in `status`) was written to. */
const writtenTo = (messages: readonly WaveMessage[], status: WaveStatus | undefined) =>
  new Set(messages.filter(writes(status)).map((message) => message.owner));

/** A halted wave's Mission letter that bounced: its rest writes to the State again, so it is not said written to. */
const BOUNCED_AT_THE_MISSION =
  "Not written to: the State has no active point of contact, and its letter to its Permanent Mission bounced.";

/** The Mission's letter of a wave in `status` in words: written (as notWrittenTo judges), may have been, or not. */
const toTheMission = (message: WaveMessage, status: WaveStatus | undefined): string => {
  if (message.status === "unknown" || message.status === "sending") return MAYBE_TO_THE_MISSION;
  // A halted wave's own queued letters are failed unsent; one sent again goes all the same (ADR 0062).
  if (message.status === "queued" && (status !== "halted" || message.resentAt)) return GOING_TO_THE_MISSION;
  if (writes(status)(message)) return TO_THE_MISSION;
  return message.status === "bounced" ? BOUNCED_AT_THE_MISSION : NOT_TO_THE_MISSION;
};

/**
 * The owners the wave (in `status`) meant to write to and will not: each has a letter that never left (neverReaches:
 * on a halted wave, or bounced), and none that left or may still leave (queued or sending). A halted wave's rest are
 * these. In the ledger's order.
 */
export function notWrittenTo(messages: readonly WaveMessage[], status?: WaveStatus): string[] {
  const unreached = neverReaches(status);
  const settledUnsent = new Set(messages.filter(unreached).map((message) => message.owner));
  const mayLeave = messages.filter((message) => !unreached(message) && message.status !== "skipped");
  for (const message of mayLeave) settledUnsent.delete(message.owner);
  return [...settledUnsent];
}

/** Whether some letter to one of `owners` bounced: the halted wave's words then say so. */
export const someBounced = (messages: readonly WaveMessage[], owners: readonly string[]): boolean =>
  messages.some((message) => message.status === "bounced" && owners.includes(message.owner));

export interface LetterRow {
  message: WaveMessage;
  why: Why;
}

/**
 * The Letters table's rows: each letter and each skipped contact, once. A State's letter to its Mission says why its
 * Mission was written to, or not (judged for the wave's `status` as notWrittenTo judges); the owner rows themselves
 * are left out (their owner is written to, or not reached at all).
 */
export function letterRows(messages: readonly WaveMessage[], status?: WaveStatus): LetterRow[] {
  const withoutContact = new Set(messages.filter(isOwnerRow).map((message) => message.owner));
  return messages
    .filter((message) => !isOwnerRow(message))
    .map((message) => {
      const why = whyOf(message);
      if (message.status === "skipped" || !withoutContact.has(message.owner)) return { message, why };
      return { message, why: { ...why, said: `${toTheMission(message, status)} ${asSentence(why.said)}`.trim() } };
    });
}

/**
 * What the Letters section says when it has no row: nothing written yet, or a ledger of owner rows alone (every owner
 * without an active point of contact, and none written to at its Mission), which are all under Not reached.
 */
export const noLetterWords = (messages: readonly WaveMessage[]): string =>
  messages.length === 0 ? "No letter written yet." : "No letter was written: see Not reached, below.";

/** A sentence for a count, in the singular or the plural; none for zero. */
const counted = (count: number, one: string, many: (count: number) => string): string[] =>
  count === 0 ? [] : [count === 1 ? one : many(count)];

/** Owners counted by kind: "137 States", "1 organization", "2 States and 1 organization". */
export function ownersCounted(owners: readonly string[]): string {
  const states = owners.filter((owner) => owner.startsWith("STATE:")).length;
  const organizations = owners.length - states;
  return [
    ...counted(states, "1 State", (n) => `${n} States`),
    ...counted(organizations, "1 organization", (n) => `${n} organizations`),
  ].join(" and ");
}

/**
 * Why the owners of notWrittenTo were not written to: the halt, a bounce (`bounced`: some of their letters bounced), or
 * their letters' own fate (each row says it).
 */
export function notWrittenWhy(status: WaveStatus, count: number, bounced = false): string {
  const letters = count === 1 ? "its letter" : "their letters";
  if (status !== "halted") return `${letters} failed or expired unsent`;
  return bounced
    ? `${letters} bounced, or the wave halted before ${count === 1 ? "it" : "they"} left`
    : `the wave halted before ${letters} left`;
}

/**
 * The owners whose letter may or may not have left (unknown: the sender stopped between SES and the ledger), and that
 * no other letter of the wave surely wrote to. In the ledger's order.
 */
function maybeWrittenTo(messages: readonly WaveMessage[], status: WaveStatus): string[] {
  const surely = new Set(
    messages.filter((message) => message.status !== "unknown" && writes(status)(message)).map(({ owner }) => owner),
  );
  const unknown = messages.filter((message) => message.status === "unknown").map(({ owner }) => owner);
  return [...new Set(unknown)].filter((owner) => !surely.has(owner));
}

/**
 * What Not reached says when it names nobody: everyone written to, once the wave has written its letters and none may
 * still leave, but for the owners whose letter may or may not have left, by name (`names`, their code where the page
 * has none), as their rows say (audit 34, item 7); until then, nobody left out so far.
 */
export function noneLeftOutWords(
  messages: readonly WaveMessage[],
  status: WaveStatus,
  names: ReadonlyMap<string, string> = new Map(),
): string {
  if (status === "dispatching") return "Nobody is left out so far: the wave is still dispatching.";
  const going = messages.some((message) => message.status === "queued" || message.status === "sending");
  if (going) return "Nobody is left out so far: letters are still going out.";
  const everyone = "Every State and organization of the audience was written to";
  const uncertain = maybeWrittenTo(messages, status);
  if (uncertain.length === 0) return `${everyone}.`;
  const nameOf = (owner: string) => names.get(owner) ?? ownerCode(owner);
  const one = uncertain.length === 1;
  return (
    `${everyone}, except ${andList(inNameOrder(uncertain, nameOf).map(nameOf))}, whose ${one ? "letter" : "letters"} ` +
    `may or may not have left (${one ? "its row under Letters says so" : "their rows under Letters say so"}).`
  );
}

/**
 * The ledger's rows that are no letter, in sentences that add up with the letters: the States written to at their
 * Mission (whose letters are among the letters counted), the contacts skipped, the owners not written to (their
 * letters never left: the halt's rest), and the owners not reached at all.
 */
export function besideTheLetters(messages: readonly WaveMessage[], unreached: number, status: WaveStatus): string {
  const written = writtenTo(messages, status);
  const notWritten = notWrittenTo(messages, status);
  const bounced = someBounced(messages, notWritten);
  const toMissions = messages.filter((message) => isOwnerRow(message) && written.has(message.owner)).length;
  const skipped = messages.filter((message) => message.status === "skipped" && !isOwnerRow(message)).length;
  return [
    ...counted(
      toMissions,
      "1 State with no active point of contact was written to at its Permanent Mission: its letter is counted above.",
      (n) =>
        `${n} States with no active point of contact were written to at their Permanent Missions: their letters are counted above.`,
    ),
    ...counted(
      skipped,
      "1 contact was skipped (no letter went to it): its row under Letters says why.",
      (n) => `${n} contacts were skipped (no letter went to them): their rows under Letters say why.`,
    ),
    ...counted(
      notWritten.length,
      `${ownersCounted(notWritten)} was not written to: ${notWrittenWhy(status, 1, bounced)} (see Not reached).`,
      (n) =>
        `${ownersCounted(notWritten)} were not written to: ${notWrittenWhy(status, n, bounced)} (see Not reached).`,
    ),
    ...counted(
      unreached,
      "1 State or organization was not reached at all: see Not reached.",
      (n) => `${n} States or organizations were not reached at all: see Not reached.`,
    ),
  ].join(" ");
}

/** An audience's skipped contacts, without the notes that an owner has no active point of contact (see above). */
export const skippedContacts = <Skip extends { reason: string }>(skipped: readonly Skip[]): Skip[] =>
  skipped.filter((skip) => skip.reason !== "no-active-contact");
