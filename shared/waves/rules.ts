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

/** A wave as a refusal names it: by its description, else its id. */
export type NamedWave = Pick<Wave, "id" | "description" | "haltReason" | "restOf">;

export const nameOf = (wave: Pick<NamedWave, "id" | "description">) =>
  wave.description ? `The wave "${wave.description}"` : `Wave ${wave.id}`;

/** What a move would have done, as "cannot be …" says it. */
const MOVE_WORDS: Readonly<Record<WaveStatus, string>> = {
  draft: "made a draft again",
  scheduled: "scheduled",
  dispatching: "sent",
  completed: "completed",
  cancelled: "cancelled",
  halted: "halted",
};

/** Why a wave in each status refuses the moves it refuses, and what to do instead. */
function standingWords(wave: NamedWave, from: WaveStatus): string {
  switch (from) {
    case "draft":
      return "it is a draft: schedule it first";
    case "scheduled":
      return "it is scheduled: it is sent at its send time, unless cancelled before";
    case "dispatching":
      return "it is sending, so it can no longer be cancelled: it ends completed, or halted if too many letters bounce";
    case "completed":
      // A completed rest has a rest of its own for letters of its chain that bounced since (ADR 0062, amended).
      return wave.restOf === undefined
        ? "it has completed, which is final: to write again, create a new wave"
        : "it has completed, which is final: to write to those its chain did not reach after all, write the rest of " +
            'it from its page ("Write to them"); a plain new wave would write to everyone again';
    case "cancelled":
      return "it was cancelled, which is final: to send its letters, create a new wave";
    case "halted": {
      const reason = wave.haltReason;
      // A halt is the desk's guard stopping a wave that harmed its sending (docs/operations.md, A halted wave).
      return (
        `it halted${reason ? ` (${reason})` : ""}, and a halted wave sends nothing more: it is neither cancelled ` +
        'nor sent again. To write to those it did not reach, write the rest of it from its page ("Write to the rest")'
      );
    }
  }
}

/** A move the wave's status does not allow: 409, naming the wave and saying why, with the moves it allows. */
export function waveTransitionRefusal(
  wave: NamedWave,
  from: WaveStatus,
  to: WaveStatus,
): IllegalTransition | undefined {
  const allowed = waveTransitions[from];
  if (allowed.includes(to)) return undefined;
  const refusal = new IllegalTransition(nameOf(wave), from, to, allowed);
  // IllegalTransition's own sentence lists statuses ("can go to nothing (final)"); a wave's says why, and what to do.
  refusal.message = `${nameOf(wave)} cannot be ${MOVE_WORDS[to]}: ${standingWords(wave, from)}`;
  return refusal;
}

export function assertWaveTransition(wave: NamedWave, from: WaveStatus, to: WaveStatus): void {
  const refusal = waveTransitionRefusal(wave, from, to);
  if (refusal) throw refusal;
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
