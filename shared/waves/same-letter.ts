// Other waves of the same letter: a wave whose template and audience another wave shares writes to its recipients
// again. Named beside the audience preview, where the secretariat decides to schedule, so a second sending of the
// same letter is a choice made knowingly (a reminder may go to the same States a month later), never an accident.
import type { Ledger } from "../correspondence/ledger.ts";
import type { WaveRepository } from "./repository.ts";
import { wentToSes } from "./rest-of-letters.ts";
import { SAME_LETTER_LOOKBACK_DAYS } from "./same-letter-window.ts";
import type { Wave, WaveStatus } from "./schemas.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the preview says of each: enough to find it and to see when it went, or goes. */
export type SameLetterWave = Pick<Wave, "id" | "status" | "sendInstant" | "description"> & {
  /** Of a halted wave: how many letters it wrote before it stopped (the rest failed unsent). */
  lettersWritten?: number;
};

/** Where the other waves are found, and a halted one's letters counted. */
export interface SameLetterStores {
  waves: Pick<WaveRepository, "inStatus">;
  ledger: Pick<Ledger, "counts">;
}

/** How many letters a wave wrote: the ledger's counts of what went, or may have gone, to SES. */
async function lettersWrittenBy(ledger: SameLetterStores["ledger"], waveId: string): Promise<number> {
  const counts = await ledger.counts(waveId);
  return Object.entries(counts).reduce((sum, [status, count]) => sum + (wentToSes(status) ? count : 0), 0);
}

/**
 * The other waves of `wave`'s template to its audience that are scheduled or sending, or that completed, or halted
 * having written at least one letter, with a send time at most SAME_LETTER_LOOKBACK_DAYS before `wave`'s, in send time
 * order. A halted wave's recipients who had its letter have it as surely as a completed wave's (halting stops the
 * rest, it recalls nothing), so it is named with how many letters it wrote. Cancelled waves, and halted ones that wrote
 * nothing (a letter changed after scheduling), are left out: they sent nothing. With `nearOnly`, a scheduled one
 * sending more than SAME_LETTER_LOOKBACK_DAYS after `wave` is left out too: the programme's firing asks whether the
 * letter goes out about now, where the preview names every sending ahead.
 */
export async function sameLetterWaves(
  { waves, ledger }: SameLetterStores,
  wave: Wave,
  { nearOnly = false }: { nearOnly?: boolean } = {},
): Promise<SameLetterWave[]> {
  const sendsAt = Date.parse(wave.sendInstant);
  const since = new Date(sendsAt - SAME_LETTER_LOOKBACK_DAYS * DAY_MS).toISOString();
  const until = new Date(sendsAt + SAME_LETTER_LOOKBACK_DAYS * DAY_MS).toISOString();
  const statuses: WaveStatus[] = ["scheduled", "dispatching", "completed", "halted"];
  const found = (await Promise.all(statuses.map((status) => waves.inStatus(status)))).flat();
  const ended = (status: WaveStatus) => status === "completed" || status === "halted";
  const same = found
    .map((other) => other.value)
    .filter(
      (other) =>
        other.id !== wave.id &&
        other.templateId === wave.templateId &&
        other.audience === wave.audience &&
        (!ended(other.status) || other.sendInstant >= since) &&
        (!nearOnly || other.status !== "scheduled" || other.sendInstant <= until),
    );
  const named = await Promise.all(
    same.map(async ({ id, status, sendInstant, description }): Promise<SameLetterWave | undefined> => {
      const lettersWritten = status === "halted" ? await lettersWrittenBy(ledger, id) : undefined;
      if (lettersWritten === 0) return undefined;
      return {
        id,
        status,
        sendInstant,
        ...(description === undefined ? {} : { description }),
        ...(lettersWritten === undefined ? {} : { lettersWritten }),
      };
    }),
  );
  return named
    .filter((other): other is SameLetterWave => other !== undefined)
    .sort((a, b) => a.sendInstant.localeCompare(b.sendInstant));
}
