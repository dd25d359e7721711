// The local scheduler as the waves' scheduler: one-time schedules added and removed while it runs, fired once at the
// instant the wave names, then gone, as EventBridge Scheduler does with ActionAfterCompletion DELETE.
import { afterEach, describe, expect, it } from "vitest";
import type { ScheduleInput } from "#shared/schedules/schema.ts";
import { localToInstant } from "#shared/waves/rules.ts";
import type { Wave } from "#shared/waves/schemas.ts";
import { type LocalScheduler, localWaveScheduler, startScheduler } from "../../infra/local/scheduler.ts";

let scheduler: LocalScheduler | undefined;
afterEach(async () => {
  await scheduler?.stop();
  scheduler = undefined;
});

function start() {
  const fired: ScheduleInput[] = [];
  const started = startScheduler({
    programme: { year: 2027, schedules: [] },
    targets: {
      "wave-dispatch": async (input) => {
        fired.push(input);
      },
    },
    log: () => undefined,
  });
  scheduler = started;
  return { scheduler: started, fired };
}

function wave(sendAt: string, timeZone: string): Wave {
  return {
    id: "01JLOCAL0000000000000000001",
    templateId: "t",
    audience: "all-states",
    sendAt,
    timeZone,
    sendInstant: localToInstant(sendAt, timeZone).toISOString(),
    notAfter: "2099-01-01T00:00:00.000Z",
    status: "draft",
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
  };
}

/** `yyyy-mm-ddThh:mm:ss` in UTC, `ms` from now, rounded up to the next whole second. */
function utcAt(ms: number): string {
  const at = new Date(Math.ceil((Date.now() + ms) / 1000) * 1000);
  return at.toISOString().slice(0, 19);
}

describe("the local scheduler's one-time schedules", () => {
  it("fires an added at() schedule once with its input, then forgets it", async () => {
    const { scheduler, fired } = start();
    scheduler.add({
      id: "once",
      description: "d",
      expression: `at(${utcAt(300)})`,
      timezone: "UTC",
      target: "wave-dispatch",
      input: { waveId: "W1" },
    });
    expect(Object.keys(scheduler.nextRuns())).toEqual(["once"]);
    await expect.poll(() => fired, { timeout: 3000, interval: 50 }).toEqual([{ waveId: "W1" }]);
    expect(scheduler.nextRuns()).toEqual({});
    expect(scheduler.remove("once")).toBe(false);
  });

  it("removes a schedule before it fires, and replaces one added again under the same id", async () => {
    const { scheduler, fired } = start();
    const schedule = {
      id: "twice",
      description: "d",
      expression: `at(${utcAt(300)})`,
      timezone: "UTC",
      target: "wave-dispatch",
      input: { waveId: "W2" },
    };
    scheduler.add(schedule);
    scheduler.add({ ...schedule, input: { waveId: "W2-again" } });
    expect(Object.keys(scheduler.nextRuns())).toEqual(["twice"]);
    await expect.poll(() => fired, { timeout: 3000, interval: 50 }).toEqual([{ waveId: "W2-again" }]);

    scheduler.add({ ...schedule, expression: `at(${utcAt(300)})` });
    expect(scheduler.remove("twice")).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(fired).toHaveLength(1);
  });

  it("refuses a schedule whose target it does not know", () => {
    const { scheduler } = start();
    expect(() =>
      scheduler.add({ id: "x", description: "d", expression: `at(${utcAt(60_000)})`, timezone: "UTC", target: "nope" }),
    ).toThrow(/no local target "nope"/);
  });
});

describe("the local wave scheduler", () => {
  it.each([
    ["2099-11-01T01:30", "America/New_York"],
    ["2099-03-30T09:00", "Europe/Paris"],
    ["2099-06-01T09:00", "Asia/Tokyo"],
  ])("registers wave-<id> at %s %s, due at the wave's sendInstant", async (sendAt, zone) => {
    const { scheduler } = start();
    const waves = localWaveScheduler(scheduler);
    const scheduled = wave(sendAt, zone);
    expect(await waves.schedule(scheduled)).toBe("wave-01JLOCAL0000000000000000001");
    // Scheduling again (a retried request) keeps one schedule.
    await waves.schedule(scheduled);
    expect(scheduler.nextRuns()).toEqual({ "wave-01JLOCAL0000000000000000001": new Date(scheduled.sendInstant) });
    await waves.unschedule(scheduled.id);
    expect(scheduler.nextRuns()).toEqual({});
    // Deleting a schedule that is gone is nothing to do.
    await expect(waves.unschedule(scheduled.id)).resolves.toBeUndefined();
  });
});

describe("a resend's schedule on the local scheduler", () => {
  it("is added as on EventBridge Scheduler: wave-resend.<id>, at() in UTC, wave-dispatch with enqueueResent", async () => {
    const added: unknown[] = [];
    const waves = localWaveScheduler({ add: (schedule) => void added.push(schedule), remove: () => false });
    const name = await waves.scheduleResend(wave("2027-03-01T09:00", "UTC"), "2027-03-02T10:05:00.000Z");
    expect(name).toBe("wave-resend.01JLOCAL0000000000000000001");
    expect(added).toEqual([
      {
        id: name,
        description: expect.any(String),
        expression: "at(2027-03-02T10:05:00)",
        timezone: "UTC",
        target: "wave-dispatch",
        input: { waveId: "01JLOCAL0000000000000000001", enqueueResent: true },
      },
    ]);
  });
});
