// What `npm start` says of the waves a stop of the stack left behind, named as their pages name them: a scheduled
// wave whose send time passed while the stack was down, a wave left dispatching by a crash (its letters' keys died
// with the in-process queue, so nothing sends them until someone or the sweep dispatches it again), and a letter sent
// again left queued or sending on a finished wave (its key, or its resend's schedule, died with the stack), and an SES
// report a crash left half applied, completed at the start. Letters are named by their owner's name and recipient id.
import type { ReconciledContact } from "../../shared/correspondence/bounce-reconcile.ts";
import type { Message } from "../../shared/correspondence/schemas.ts";
import { tooLateToDispatch } from "../../shared/waves/firing-soon.ts";
import { wholeMinuteUp } from "../../shared/waves/resend-window.ts";
import type { Wave } from "../../shared/waves/schemas.ts";
import { waveInWords } from "../../shared/waves/wave-words.ts";
import { utcMinute } from "../../shared/zoned-time.ts";

type NamedWave = Pick<Wave, "id" | "description">;

const named = (wave: NamedWave) => waveInWords(wave.id, wave.description);

/** "the letter to Costa Rica (recipient <id>)": the owner as the pages name it, the recipient as its page's key. */
const letterTo = (ownerName: string, recipient: string) => `the letter to ${ownerName} (recipient ${recipient})`;

/**
 * A scheduled wave whose send time passed while the stack was down: sent only if someone asks, and only while a
 * dispatch asked for now runs before its not-after deadline (else every letter would expire unsent).
 */
export function missedWaveNotice(wave: Wave, fireCommand: string, now: Date): string {
  const missed = `wave ${named(wave)} was due at ${wave.sendInstant} while the local stack was down and is still scheduled`;
  if (tooLateToDispatch(wave.notAfter, now)) {
    return (
      `${missed}; too late to send it: its letters may leave until ${wave.notAfter}, and a dispatch now would expire ` +
      "them all unsent. To write to its recipients, cancel it on its page and create a new wave"
    );
  }
  return (
    `${missed}; send it now (before its notAfter ${wave.notAfter}) with "Dispatch again" on its page, or: ` +
    `${fireCommand} wave-dispatch '{"waveId":"${wave.id}"}'`
  );
}

/** A wave still dispatching at the start: no sender is left for its queued letters. */
export const stalledWaveNotice = (wave: Wave) =>
  `wave ${named(wave)} was dispatching when the local stack stopped, and its letters still queued wait: ` +
  "Dispatch again from its page, or the sweep resumes it at its first run after 15 minutes stuck";

/**
 * A letter sent again that the stop left queued or sending on a completed or halted wave (sweep.ts's
 * `resentOnTheirWay`): nothing sends or settles it until the sweep, which `<fire> wave-sweep` runs at once.
 */
export function strandedResentNotice(
  wave: Wave,
  letter: Pick<Message, "recipient" | "status" | "resentAt" | "leaseUntil" | "notAfter">,
  ownerName: string,
  fireCommand: string,
  now: Date,
): string {
  const which =
    `${letterTo(ownerName, letter.recipient)} of ${wave.status} wave ${named(wave)}, sent again` +
    (letter.resentAt ? ` at ${utcMinute(letter.resentAt)}` : "");
  if (letter.status === "sending") {
    // Rounded up, as the sweep hands it back only after: "until 02:40" of a claim ending at 02:40:00.068 misleads.
    const claim = letter.leaseUntil ? ` (claimed until ${utcMinute(wholeMinuteUp(letter.leaseUntil))})` : "";
    const hurry = `; once its claim has ended, ${fireCommand} wave-sweep does it at once`;
    return (
      `${which}, was being sent when the local stack stopped${claim}: SES may or may not have taken it, so the ` +
      "sweep marks it unknown at its first run after its claim ends, and it can then be sent again from the " +
      `wave's page once its event window has closed${hurry}`
    );
  }
  const goes =
    now.toISOString() < letter.notAfter
      ? "it then goes"
      : `it then expires (its wave's not-after deadline, ${utcMinute(letter.notAfter)}, has passed)`;
  const hurry = `; once it has waited a quarter of an hour, ${fireCommand} wave-sweep does it at once`;
  return (
    `${which}, was still queued when the local stack stopped, and nothing sends it now: the sweep puts it back on ` +
    `the queue at its first run once it has waited a quarter of an hour, and ${goes}${hurry}`
  );
}

/** A letter's bounce or complaint whose report stopped before its contact was marked: marked at the start. */
export const reportCompletedNotice = (wave: NamedWave, marked: ReconciledContact, ownerName: string) =>
  `ses-events: the report of ${letterTo(ownerName, marked.recipient)} of wave ${named(wave)} had stopped half-way: ` +
  `its contact is now ${marked.status}`;

/** A dispatching wave whose bounce guard a stopped report had skipped: halted at the start. */
export const haltedOnReportsNotice = (wave: NamedWave) =>
  `ses-events: wave ${named(wave)} halted on its bounces, a report having stopped`;

export const reportsNotCompletedNotice = (wave: NamedWave, error: string) =>
  `ses-events: could not complete the reports of wave ${named(wave)}: ${error}`;
