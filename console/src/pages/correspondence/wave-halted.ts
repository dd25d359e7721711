// A wave that can go no further as it is: halted (why, said wherever its status is, and the next step as the runbook
// says it: docs/operations.md, "A halted wave"), or a draft whose send time has passed (the API refuses to schedule it:
// said in words, with what to do, in place of the button). Pure, tested in Node.
import { href } from "../../routes.ts";
import { utcText } from "./time.ts";
import { sendTimeLines, type Wave, type WaveMessage, type WaveStatus } from "./wave-facts.ts";
import { windowEndText } from "./wave-repair.ts";

/** A wave's status with why, where the wave gives one: "halted: hard bounces reached 5% …". */
export const statusWithWhy = (wave: Pick<Wave, "status" | "haltReason">): string =>
  wave.status === "halted" && wave.haltReason ? `halted: ${wave.haltReason}` : wave.status;

/** The halt that sent nothing: the template's letters changed after the wave was scheduled (dispatch's own words). */
const haltedForChangedLetters = (haltReason: string | undefined) => /letters changed after/.test(haltReason ?? "");

/** What halting means, said first: the wave goes no further; only a letter left unknown is still sent, by hand. */
export const HALT_IS_FINAL =
  "Halting is final: this wave cannot be resumed or dispatched again. Only a letter left unknown can still be sent " +
  "again, one at a time.";

/** What the halted page knows of a letter to say whether it may have left: its status and its event window. */
type LetterFate = Pick<WaveMessage, "status" | "eventWindowEndsAt">;

/** From when the unknown letters may be sent again: the ends of their event windows, in UTC, each to its minute up. */
function fromWhen(unknown: readonly LetterFate[]): string {
  const ends = unknown.flatMap(({ eventWindowEndsAt }) => (eventWindowEndsAt ? [eventWindowEndsAt] : [])).sort();
  const first = ends[0];
  const last = ends.at(-1);
  if (first === undefined || last === undefined) return "";
  return first === last
    ? `, from ${windowEndText(first)}`
    : `, the first from ${windowEndText(first)}, the last from ${windowEndText(last)}`;
}

/**
 * The step for the letters whose fate is not known, when there are any: unknown (the sender stopped between SES and
 * the ledger) or still sending (a sender may have stopped after its claim). Their owners may have the letter, so they
 * are not in the rest; each is sent again from its row once SES can no longer settle it, before the wave's no-letter-
 * after limit (`notAfter`): past it the API refuses, and the page says so instead.
 */
function uncertainLettersStep(letters: readonly LetterFate[], notAfter: string, now: Date): string | undefined {
  const unknown = letters.filter((letter) => letter.status === "unknown");
  const sending = letters.filter((letter) => letter.status === "sending").length;
  if (unknown.length + sending === 0) return undefined;
  const one = unknown.length + sending === 1;
  const counted = [
    unknown.length > 0 ? `${unknown.length} ${unknown.length === 1 ? "is" : "are"} unknown` : undefined,
    sending > 0 ? `${sending} ${sending === 1 ? "is" : "are"} still sending` : undefined,
  ].filter((part) => part !== undefined);
  const owners = one
    ? "its owner is not in the rest (it may have it)"
    : "their owners are not in the rest (they may have it)";
  const words = [
    `Of its letters, ${counted.join(" and ")}: SES may or may not have taken ${one ? "it" : "them"}, so ${owners}.`,
  ];
  if (now >= new Date(notAfter)) {
    words.push(
      `Its no-letter-after limit, ${utcText(notAfter)}, has passed, so none can be sent again: ask ` +
        `${one ? "its owner" : "their owners"} whether the letter came.`,
    );
    return words.join(" ");
  }
  if (unknown.length > 0) {
    const each = unknown.length === 1 ? "the unknown letter" : "each unknown letter";
    words.push(
      `Send ${each} again from its row under Letters once SES can no longer settle it${fromWhen(unknown)}, before ` +
        `${utcText(notAfter)}.`,
    );
  }
  if (sending > 0) {
    words.push(
      "A letter still sending whose sender stopped becomes unknown at the next sweep (every quarter of an hour, for " +
        "two days after the halt), and is then sent again the same way.",
    );
  }
  return words.join(" ");
}

/** Who reads the steps, and the wave's rests (wave-rest-chain.ts): the step to the rest differs. */
export interface RestReader {
  /** The reader may compose a wave (the secretariat): "Write to the rest" is theirs. */
  mayCompose: boolean;
  /** The rests that stand (not cancelled), in order: named in place of the link. */
  rests: readonly Pick<Wave, "status">[];
}

/** What "write to the rest" does, said in each of its steps. */
const THE_REST =
  "a new draft of this letter to this audience that leaves out the States and organizations this wave wrote to. A " +
  "plain new wave would write to them again.";

/**
 * What the last rest of the chain stands at, and what is left to do, by its status: a draft is still to schedule, a
 * halted one has a rest of its own to write (audit 33, items 9 and 12: each said as the reader's to do, or the
 * secretariat's).
 */
function lastRestWords(status: WaveStatus, mayCompose: boolean): string {
  switch (status) {
    case "draft":
      return mayCompose
        ? "is a draft: schedule it, from its page, and it writes to those this wave did not"
        : "is a draft the secretariat is to schedule: it writes to those this wave did not";
    case "halted":
      return mayCompose
        ? "halted too: write the rest of it, from its page"
        : "halted too: the secretariat writes the rest of it";
    case "completed":
      return "is written: it wrote to those this wave did not";
    default:
      return `is ${status}: it writes to those this wave did not`;
  }
}

/** The step to the rest: written or under way, the reader's own link, or the secretariat's to take (audit 32, item 9). */
function restStep({ mayCompose, rests }: RestReader): string {
  const last = rests.at(-1);
  if (last) {
    const subject = rests.length === 1 ? "Its rest (named below)" : "The last of its rests (named below)";
    return `${subject} ${lastRestWords(last.status, mayCompose)}.`;
  }
  return mayCompose
    ? `Then write to the rest ("Write to the rest" below): ${THE_REST}`
    : `Then the secretariat can write to the rest: ${THE_REST}`;
}

/** The step for the addresses that bounced: the secretariat's to correct; others may tell it what they know. */
function hardBouncesStep(mayCompose: boolean): string {
  const marked =
    "Its hard bounces are under Letters (status bounced): those contacts are marked unreachable by e-mail and leave " +
    "later audiences.";
  return mayCompose
    ? `${marked} Find and record their correct addresses (or other points of contact), and look at the rest of the ` +
        "list for the same staleness."
    : `${marked} The secretariat records their correct addresses: tell it of any you know.`;
}

/**
 * The runbook's steps after a halt, for this wave's reason (docs/operations.md, "A halted wave"), with the step for its
 * letters of unknown fate when it has any (`letters`: the wave's letters, as read for its page).
 */
export function haltedNextSteps(
  wave: Pick<Wave, "status" | "haltReason" | "notAfter">,
  letters: readonly LetterFate[],
  now: Date = new Date(),
  reader: RestReader = { mayCompose: true, rests: [] },
): string[] {
  if (wave.status !== "halted") return [];
  const uncertain = uncertainLettersStep(letters, wave.notAfter, now);
  const steps = haltedForChangedLetters(wave.haltReason)
    ? [
        "Read the template as it stands (its audit trail says who changed it): it is the letter a new wave would send.",
        "Compose a new wave with the same template, audience and values, send a test copy, and schedule it. Nobody " +
          "had this wave's letter, so the new one repeats nothing.",
      ]
    : [hardBouncesStep(reader.mayCompose), restStep(reader)];
  return uncertain === undefined ? steps : [...steps, uncertain];
}

/**
 * Why a draft cannot be scheduled, once its send time has passed, with what to do (for a rest, the rest written again:
 * a plain new wave would write again to those the halted wave wrote to; audit 32, bug 3); nothing for a draft still
 * ahead or a wave past drafting. The send time as the page says it: in its zone with the UTC instant, or the instant
 * alone.
 */
export function sendTimePassedWords(
  wave: Pick<Wave, "sendAt" | "timeZone" | "sendInstant" | "restOf"> & { status: WaveStatus },
  now: Date,
): string | undefined {
  if (wave.status !== "draft" || Date.parse(wave.sendInstant) > now.getTime()) return undefined;
  const { first, utc } = sendTimeLines(wave);
  const sendTime = utc ? `${first} (${utc})` : first;
  const instead = wave.restOf
    ? "To send its letter, write to the rest of the halted wave again, with a later send time."
    : "To send its letter, compose a new wave with a later send time.";
  return `Its send time, ${sendTime}, has passed: it can no longer be scheduled. ${instead}`;
}

/** Where a draft past its send time goes on: the composer as the rest of the same halted wave, or a plain new wave. */
export function afterSendTimePassed(wave: Pick<Wave, "templateId" | "restOf">): { href: string; words: string } {
  return wave.restOf
    ? { href: href.waveRest(wave.restOf), words: "Write to the rest again" }
    : { href: href.waveNew(wave.templateId), words: "Compose a new wave with this template" };
}
