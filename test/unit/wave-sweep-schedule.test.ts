// The sweep's schedule on this machine: the local stack's scheduler runs the wave-sweep target every 15 minutes, as
// EventBridge Scheduler does on AWS (infra/wave-sweep.ts builds from the same declaration).
import { Logger } from "@aws-lambda-powertools/logger";
import { afterEach, describe, expect, it } from "vitest";
import { readConfig } from "#shared/config.ts";
import { scheduleSchema } from "#shared/schedules/schema.ts";
import { WAVE_SWEEP_SCHEDULE } from "#shared/waves/sweep.ts";
import { type LocalScheduler, startScheduler } from "../../infra/local/scheduler.ts";
import { localTargets } from "../../infra/local/targets.ts";

let scheduler: LocalScheduler | undefined;
afterEach(async () => {
  await scheduler?.stop();
  scheduler = undefined;
});

describe("the wave sweep's schedule", () => {
  it("is a valid schedule whose target the local stack can fire", () => {
    expect(scheduleSchema.safeParse(WAVE_SWEEP_SCHEDULE).success).toBe(true);
    const targets = localTargets(readConfig({ DESK_TABLE: "desk", AUDIT_TABLE: "audit" }), new Logger());
    expect(Object.hasOwn(targets, WAVE_SWEEP_SCHEDULE.target)).toBe(true);
  });

  it("runs every 15 minutes in the local scheduler, the first run one period after it is added", () => {
    scheduler = startScheduler({
      programme: { year: 2027, schedules: [] },
      targets: { "wave-sweep": async () => undefined },
      log: () => undefined,
    });
    const before = Date.now();
    scheduler.add(WAVE_SWEEP_SCHEDULE);
    const next = scheduler.nextRuns()["wave-sweep"];
    expect(next?.getTime()).toBeGreaterThanOrEqual(before + 15 * 60_000);
    expect(next?.getTime()).toBeLessThanOrEqual(Date.now() + 15 * 60_000);
  });
});
