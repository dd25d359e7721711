// The port through which a wave gets (and loses) its one-time schedule, and what that schedule is: the at()
// expression of the wave's local send time, read in the wave's IANA zone, named after the wave.
import { createHash } from "node:crypto";
import { Conflict } from "../errors.ts";
import type { Wave } from "./schemas.ts";

export interface WaveScheduler {
  /**
   * Creates the wave's one-time schedule, or confirms (and corrects, if it differs) the one already there, so a
   * retried call succeeds; answers the schedule's name.
   */
  schedule(wave: Wave): Promise<string>;
  /**
   * Creates (or confirms) the wave's one-time schedule that fires wave-dispatch at `firesAt` (UTC, a whole minute)
   * to enqueue the letters sent again ({ waveId, enqueueResent: true }); answers the schedule's name. It is not the
   * wave's own schedule, which it leaves alone.
   */
  scheduleResend(wave: Wave, firesAt: string): Promise<string>;
  /** Deletes the wave's schedule; one that is already gone (fired, or never made) is success. */
  unschedule(waveId: string): Promise<void>;
}

/** The target the schedule invokes (the function's folder; the local stack's target of the same name). */
export const WAVE_DISPATCH_TARGET = "wave-dispatch";

export interface WaveSchedule {
  name: string;
  /** `at(yyyy-mm-ddThh:mm:00)`: the wave's sendAt as written, read in `timeZone` by the scheduler. */
  expression: string;
  timeZone: string;
  /** `enqueueResent` only on a resend's schedule: wave-dispatch then enqueues the letters sent again, nothing else. */
  input: { waveId: string; enqueueResent?: true };
  description: string;
}

/** EventBridge Scheduler names: 1-64 of letters, digits, `-`, `_` and `.`. */
const MAX_NAME = 64;
const PREFIX = "wave-";
/** A wave id never holds a `.`, so no wave's own schedule can bear a resend schedule's name. */
const RESEND_PREFIX = `${PREFIX}resend.`;

/**
 * `<prefix><id>`. A wave id may be up to 64 characters, so a name that would be too long keeps the id's start and a
 * digest of the whole id: still one name per wave, still under the `wave-*` the api may manage.
 */
function nameOf(prefix: string, waveId: string): string {
  const name = `${prefix}${waveId}`;
  if (name.length <= MAX_NAME) return name;
  const digest = createHash("sha256").update(waveId).digest("hex").slice(0, 12);
  return `${prefix}${waveId.slice(0, MAX_NAME - prefix.length - digest.length - 1)}-${digest}`;
}

/** `wave-<id>`: the wave's own schedule. */
export const waveScheduleName = (waveId: string) => nameOf(PREFIX, waveId);

/** `wave-resend.<id>`: the schedule that enqueues the wave's letters sent again. */
export const waveResendScheduleName = (waveId: string) => nameOf(RESEND_PREFIX, waveId);

/**
 * The wall-clock time in the wave's own zone, never the UTC instant: the scheduler applies the zone's offset on
 * that date, as the secretariat meant it. (sendAt was checked to exist in the zone when the wave was created.)
 */
export const atExpression = (sendAt: string) => `at(${sendAt}:00)`;

export function waveScheduleOf(
  wave: Pick<Wave, "id" | "sendAt" | "timeZone" | "templateId" | "audience">,
): WaveSchedule {
  return {
    name: waveScheduleName(wave.id),
    expression: atExpression(wave.sendAt),
    timeZone: wave.timeZone,
    input: { waveId: wave.id },
    description: `Wave ${wave.id}: ${wave.templateId} to ${wave.audience}`,
  };
}

/** The schedule that fires wave-dispatch at `firesAt` (UTC) to enqueue the wave's letters sent again. */
export function resendScheduleOf(wave: Pick<Wave, "id">, firesAt: string): WaveSchedule {
  return {
    name: waveResendScheduleName(wave.id),
    expression: atExpression(firesAt.slice(0, 16)),
    timeZone: "UTC",
    input: { waveId: wave.id, enqueueResent: true },
    description: `Wave ${wave.id}: the letters sent again`,
  };
}

/**
 * Where no scheduler is configured (a deployment without the WAVE_* variables): scheduling is refused with the
 * reason, before anything is written. Unscheduling has nothing to do, since no schedule can have been made.
 */
export function unconfiguredWaveScheduler(reason: string): WaveScheduler {
  return {
    schedule: async () => {
      throw new Conflict(`Waves cannot be scheduled here: ${reason}`);
    },
    scheduleResend: async () => {
      throw new Conflict(`Letters cannot be sent again here: ${reason}`);
    },
    unschedule: async () => undefined,
  };
}
