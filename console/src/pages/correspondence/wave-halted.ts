// A wave that can go no further as it is: halted (why, said wherever its status is, and the next step as the runbook
// says it: docs/operations.md, "A halted wave"), or a draft whose send time has passed (the API refuses to schedule it:
// said in words, with what to do, in place of the button). Pure, tested in Node.
import { sendTimeLines, type Wave, type WaveStatus } from "./wave-facts.ts";

/** A wave's status with why, where the wave gives one: "halted: hard bounces reached 5% …". */
export const statusWithWhy = (wave: Pick<Wave, "status" | "haltReason">): string =>
  wave.status === "halted" && wave.haltReason ? `halted: ${wave.haltReason}` : wave.status;

/** The halt that sent nothing: the template's letters changed after the wave was scheduled (dispatch's own words). */
const haltedForChangedLetters = (haltReason: string | undefined) => /letters changed after/.test(haltReason ?? "");

/** What halting means, said first: nothing more can be done with this wave. */
export const HALT_IS_FINAL =
  "Halting is final: this wave cannot be resumed, dispatched again or have a letter sent again.";

/** The runbook's steps after a halt, for this wave's reason (docs/operations.md, "A halted wave"). */
export function haltedNextSteps(wave: Pick<Wave, "status" | "haltReason">): string[] {
  if (wave.status !== "halted") return [];
  if (haltedForChangedLetters(wave.haltReason)) {
    return [
      "Read the template as it stands (its audit trail says who changed it): it is the letter a new wave would send.",
      "Compose a new wave with the same template, audience and values, send a test copy, and schedule it. Nobody had " +
        "this wave's letter, so the new one repeats nothing.",
    ];
  }
  return [
    "Its hard bounces are under Letters (status bounced): those contacts are marked unreachable by e-mail and leave " +
      "later audiences. With the secretariat, find and record their correct addresses (or other points of contact), " +
      "and look at the rest of the list for the same staleness.",
    'Then write to the rest ("Write to the rest" below): a new draft of this letter to this audience that leaves out ' +
      "the States and organizations this wave wrote to. A plain new wave would write to them again.",
  ];
}

/**
 * Why a draft cannot be scheduled, once its send time has passed, with what to do; nothing for a draft still ahead
 * or a wave past drafting. The send time as the page says it: in its zone with the UTC instant, or the instant alone.
 */
export function sendTimePassedWords(
  wave: Pick<Wave, "sendAt" | "timeZone" | "sendInstant"> & { status: WaveStatus },
  now: Date,
): string | undefined {
  if (wave.status !== "draft" || Date.parse(wave.sendInstant) > now.getTime()) return undefined;
  const { first, utc } = sendTimeLines(wave);
  const sendTime = utc ? `${first} (${utc})` : first;
  return (
    `Its send time, ${sendTime}, has passed: it can no longer be scheduled. To send its letter, compose a new wave ` +
    "with a later send time."
  );
}
