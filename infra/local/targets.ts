// The schedule targets the local stack can fire, by the name a schedule's `target` uses (the function's folder).
import type { ScheduleTargets } from "./scheduler.ts";

/**
 * Each scheduled function registers its handler here. Handlers read their configuration at import time, so
 * each is imported when it first fires, from the environment the local stack (or `npm run fire`) has set.
 */
export const targets: ScheduleTargets = {
  "assistance-report": async (input) => {
    const { handler } = await import("../../functions/assistance-report/handler.ts");
    return handler(input);
  },
  snapshot: async (input) => {
    const { handler } = await import("../../functions/snapshot/handler.ts");
    return handler(input);
  },
  "programme-reminders": async (input) => {
    const { handler } = await import("../../functions/programme-reminders/handler.ts");
    return handler(input);
  },
  // A wave's at() schedule fires this with { waveId }, a programme letter's with { programmeWave }, a resend's with
  // { waveId, enqueueResent }: dispatch (or enqueue the letters sent again), then
  // send through the local queue (the input is checked by the wave-dispatch app itself).
  "wave-dispatch": async (input) => {
    const { runWave } = await import("./wave-runner.ts");
    return runWave(input);
  },
  // Every 15 minutes (WAVE_SWEEP_SCHEDULE, added by the local stack) or `npm run fire -- wave-sweep`: resume the waves
  // stuck in dispatching, then send through the local queue what that enqueued.
  "wave-sweep": async (input) => {
    const { runSweep } = await import("./wave-runner.ts");
    return runSweep(input);
  },
  // Fired by hand only (`npm run fire -- ses-events '{…}'`): what SES would report of a letter the stack sent (a
  // delivery, a bounce, a complaint), which the SES emulator never sends back.
  "ses-events": async (input) => {
    const { fireSimulatedSesEvent } = await import("./ses-event.ts");
    return fireSimulatedSesEvent(input);
  },
};
