// The schedule targets the local stack can fire, by the name a schedule's `target` uses (the function's folder).
import * as z from "zod";
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
  // A wave's `at()` schedule fires this with { waveId }: dispatch, then send through the local queue.
  "wave-dispatch": async (input) => {
    const { waveId } = z.object({ waveId: z.string().min(1) }).parse(input);
    const { runWave } = await import("./wave-runner.ts");
    return runWave(waveId);
  },
};
