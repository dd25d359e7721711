// The schedule targets the local stack can fire, by the name a schedule's `target` uses (the function's folder).
import type { ScheduleTargets } from "./scheduler.ts";

/**
 * Empty for now: each scheduled function (dispatch, snapshot, assistance-report) registers its handler here
 * when it lands. Handlers read their configuration at import time, so this module is imported dynamically,
 * only after the local stack has set the environment.
 */
export const targets: ScheduleTargets = {};
