// The wave's rules, with no storage: its legal status moves, which instant a local send time in a zone is, and that
// nothing is dispatched before that instant.
import { Conflict, IllegalTransition, Invalid } from "../errors.ts";
import { instantOfLocal } from "../local-instant.ts";
import type { Wave, WaveStatus } from "./schemas.ts";

/**
 * Legal moves. Cancelling stops before any letter is written; once dispatching, the ledger holds letters and only
 * completing (nothing left to send) or halting (the bounce threshold, later) ends the wave. The ends are final.
 */
export const waveTransitions: Readonly<Record<WaveStatus, readonly WaveStatus[]>> = {
  draft: ["scheduled", "cancelled"],
  scheduled: ["dispatching", "cancelled"],
  dispatching: ["completed", "halted"],
  completed: [],
  cancelled: [],
  halted: [],
};

export function assertWaveTransition(waveId: string, from: WaveStatus, to: WaveStatus): void {
  const allowed = waveTransitions[from];
  if (!allowed.includes(to)) throw new IllegalTransition(`Wave ${waveId}`, from, to, allowed);
}

/**
 * The instant a local date-time names in an IANA zone (shared/local-instant.ts). A time the clocks skip (spring
 * forward) names no instant and is refused with 422 at `path`, rather than silently moved an hour: a letter's send
 * time is the secretariat's choice. A time that happens twice (fall back) is the earlier instant.
 */
export function localToInstant(local: string, timeZone: string, path = "body.sendAt"): Date {
  const named = instantOfLocal(local, timeZone);
  if ("instant" in named) return named.instant;
  switch (named.refused) {
    case "format":
      throw new Invalid("The send time is not valid", [
        { path, message: "must be a local date-time YYYY-MM-DDTHH:mm" },
      ]);
    case "not-a-date":
      throw new Invalid("The send time is not valid", [{ path, message: `${local} is not a calendar date` }]);
    case "skipped":
      throw new Invalid("The send time does not exist in its time zone", [
        { path, message: `${local} does not exist in ${timeZone}: the clocks skip it (daylight saving time)` },
      ]);
  }
}

/**
 * How early a dispatch may run and still count as on time: the scheduler's clock and the function's are different
 * machines' (skew of milliseconds), and a letter a second early is not early in any sense a reader can see, while
 * sendAt and at() count in whole minutes. Anything earlier (a schedule built in the wrong zone, a stray manual
 * invocation) is refused.
 */
export const DISPATCH_CLOCK_TOLERANCE_MS = 1_000;

/** A dispatch before the wave's send time: refused before anything is written. */
export class DispatchTooEarly extends Conflict {
  constructor(
    readonly waveId: string,
    readonly sendInstant: string,
    readonly now: string,
  ) {
    super(`Wave ${waveId} sends at ${sendInstant}; a dispatch at ${now} is too early and did nothing`, {
      sendInstant,
      now,
    });
  }
}

export function assertSendTimeReached(wave: Pick<Wave, "id" | "sendInstant">, now: Date): void {
  if (now.getTime() + DISPATCH_CLOCK_TOLERANCE_MS < Date.parse(wave.sendInstant)) {
    throw new DispatchTooEarly(wave.id, wave.sendInstant, now.toISOString());
  }
}
