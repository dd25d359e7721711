// Other waves of the same letter: a wave whose template and audience another wave shares writes to its recipients
// again. Named beside the audience preview, where the secretariat decides to schedule, so a second sending of the
// same letter is a choice made knowingly (a reminder may go to the same States a month later), never an accident.
import type { WaveRepository } from "./repository.ts";
import { SAME_LETTER_LOOKBACK_DAYS } from "./same-letter-window.ts";
import type { Wave, WaveStatus } from "./schemas.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the preview says of each: enough to find it and to see when it went, or goes. */
export type SameLetterWave = Pick<Wave, "id" | "status" | "sendInstant" | "description">;

/**
 * The other waves of `wave`'s template to its audience that are scheduled or sending, or that completed with a send
 * time at most SAME_LETTER_LOOKBACK_DAYS before `wave`'s, in send time order. Cancelled and halted waves are left out:
 * a cancelled one sent nothing, and a halted one stopped for a reason someone must look at first. With `nearOnly`, a
 * scheduled one sending more than SAME_LETTER_LOOKBACK_DAYS after `wave` is left out too: the programme's firing asks
 * whether the letter goes out about now, where the preview names every sending ahead.
 */
export async function sameLetterWaves(
  waves: Pick<WaveRepository, "inStatus">,
  wave: Wave,
  { nearOnly = false }: { nearOnly?: boolean } = {},
): Promise<SameLetterWave[]> {
  const sendsAt = Date.parse(wave.sendInstant);
  const since = new Date(sendsAt - SAME_LETTER_LOOKBACK_DAYS * DAY_MS).toISOString();
  const until = new Date(sendsAt + SAME_LETTER_LOOKBACK_DAYS * DAY_MS).toISOString();
  const statuses: WaveStatus[] = ["scheduled", "dispatching", "completed"];
  const found = (await Promise.all(statuses.map((status) => waves.inStatus(status)))).flat();
  return found
    .map((other) => other.value)
    .filter(
      (other) =>
        other.id !== wave.id &&
        other.templateId === wave.templateId &&
        other.audience === wave.audience &&
        (other.status !== "completed" || other.sendInstant >= since) &&
        (!nearOnly || other.status !== "scheduled" || other.sendInstant <= until),
    )
    .sort((a, b) => a.sendInstant.localeCompare(b.sendInstant))
    .map(({ id, status, sendInstant, description }) => ({
      id,
      status,
      sendInstant,
      ...(description === undefined ? {} : { description }),
    }));
}
