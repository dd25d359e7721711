// The schedule targets the local stack can fire, by the name a schedule's `target` uses (the function's folder), bound
// to one stack's configuration: its tables and endpoints are passed, never read from the process's environment, so
// two stacks in one process (the e2e files of a worker) each reach their own.
import type { Logger } from "@aws-lambda-powertools/logger";
import type { DeskConfig } from "../../shared/config.ts";
import type { ScheduleInput } from "../../shared/schedules/schema.ts";
import type { ScheduleTarget, ScheduleTargets } from "./scheduler.ts";

/** A function's handler, imported and bound when it first fires (a stack that never fires one never loads it). */
function boundOnFirstUse<H extends (input: ScheduleInput) => Promise<unknown>>(bind: () => Promise<H>): ScheduleTarget {
  let bound: Promise<H> | undefined;
  return async (input) => {
    bound ??= bind();
    return (await bound)(input);
  };
}

export function localTargets(config: DeskConfig, logger: Logger): ScheduleTargets {
  return {
    "assistance-report": boundOnFirstUse(async () =>
      (await import("../../functions/assistance-report/bound.ts")).assistanceReportHandlerFor(config, logger),
    ),
    snapshot: boundOnFirstUse(async () =>
      (await import("../../functions/snapshot/bound.ts")).snapshotHandlerFor(config, logger),
    ),
    "programme-reminders": boundOnFirstUse(async () =>
      (await import("../../functions/programme-reminders/bound.ts")).programmeRemindersHandlerFor(config, logger),
    ),
    // A wave's at() schedule fires this with { waveId }, a programme letter's with { programmeWave }, a resend's with
    // { waveId, enqueueResent }: dispatch (or enqueue the letters sent again), then
    // send through the local queue (the input is checked by the wave-dispatch app itself).
    "wave-dispatch": async (input) => (await import("./wave-runner.ts")).runWave(config, input),
    // Every 15 minutes (WAVE_SWEEP_SCHEDULE, added by the local stack) or `npm run fire -- wave-sweep`: resume the waves
    // stuck in dispatching, then send through the local queue what that enqueued.
    "wave-sweep": async (input) => (await import("./wave-runner.ts")).runSweep(config, input),
    // Fired by hand only (`npm run fire -- ses-events '{…}'`): what SES would report of a letter the stack sent (a
    // delivery, a bounce, a complaint), which the SES emulator never sends back.
    "ses-events": async (input) => (await import("./ses-event.ts")).fireSimulatedSesEvent(config, logger, input),
  };
}
