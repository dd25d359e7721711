// The input a resend's schedule fires wave-dispatch with, and what it enqueues: only the wave's queued letters that were
// sent again, never past its notAfter, whatever the wave's status (a halted one's too: ADR 0062).
import { describe, expect, it } from "vitest";
import { fixedClock } from "#shared/clock.ts";
import type { Message, MessageKey } from "#shared/correspondence/schemas.ts";
import { NotFound } from "#shared/errors.ts";
import { resendScheduleOf, waveResendScheduleName } from "#shared/waves/scheduler.ts";
import type { Wave } from "#shared/waves/schemas.ts";
import { enqueueResent } from "#shared/waves/waves.ts";
import { waveDispatchEventSchema } from "../../functions/wave-dispatch/app.ts";

const NOW = "2026-03-12T14:00:00.000Z";
const WAVE_ID = "wave-resent";

const wave = (status: Wave["status"], notAfter = "2026-03-13T13:00:00.000Z") =>
  ({
    id: WAVE_ID,
    templateId: "first-report-request",
    audience: "non-reporting-states",
    sendAt: "2026-03-10T09:00",
    timeZone: "America/New_York",
    sendInstant: "2026-03-10T13:00:00.000Z",
    notAfter,
    status,
    createdAt: "2026-03-01T00:00:00.000Z",
    updatedAt: "2026-03-11T00:00:00.000Z",
  }) satisfies Wave;

const message = (recipient: string, resentAt?: string): Message => ({
  waveId: WAVE_ID,
  recipient,
  owner: "STATE:TCD",
  status: "queued",
  notAfter: "2026-03-13T13:00:00.000Z",
  claims: resentAt ? 1 : 0,
  ...(resentAt ? { resentAt } : {}),
  createdAt: "2026-03-10T13:00:00.000Z",
  updatedAt: "2026-03-12T13:59:00.000Z",
});

/** 23 queued letters: 21 sent again (three batches), 2 never claimed (left to dispatch and the sweep). */
const queued = [
  ...Array.from({ length: 21 }, (_, index) => message(`R${index}`, "2026-03-12T13:59:00.000Z")),
  message("NEVER-1"),
  message("NEVER-2"),
];

function enqueuer(current: Wave) {
  const batches: MessageKey[][] = [];
  const asked: string[] = [];
  const run = enqueueResent({
    waves: { get: async (id) => (id === current.id ? { value: current, version: 3 } : undefined) },
    ledger: {
      listByStatus: async (waveId, status) => {
        asked.push(`${waveId}:${status}`);
        return queued;
      },
    },
    queue: { sendBatch: async (keys) => void batches.push([...keys]) },
    clock: fixedClock(NOW),
  });
  return { run, batches, asked };
}

describe("the resend schedule's input", () => {
  it("is the wave's id and enqueueResent, on a schedule named wave-resend.<id> firing in UTC", () => {
    const schedule = resendScheduleOf({ id: WAVE_ID }, "2026-03-12T14:02:00.000Z");
    expect(schedule).toMatchObject({
      name: `wave-resend.${WAVE_ID}`,
      expression: "at(2026-03-12T14:02:00)",
      timeZone: "UTC",
      input: { waveId: WAVE_ID, enqueueResent: true },
    });
    expect(waveDispatchEventSchema.parse(schedule.input)).toEqual({ waveId: WAVE_ID, enqueueResent: true });
  });

  it("keeps the longest names within 64 characters and under wave-*, apart from the wave's own schedule", () => {
    const name = waveResendScheduleName("W".repeat(64));
    expect(name.length).toBeLessThanOrEqual(64);
    expect(name.startsWith("wave-resend.")).toBe(true);
    expect(waveResendScheduleName("W".repeat(63))).not.toBe(name);
  });

  it("refuses anything but enqueueResent: true, and unknown keys", () => {
    expect(waveDispatchEventSchema.safeParse({ waveId: WAVE_ID, enqueueResent: false }).success).toBe(false);
    expect(waveDispatchEventSchema.safeParse({ waveId: WAVE_ID, enqueueResent: "yes" }).success).toBe(false);
    expect(waveDispatchEventSchema.safeParse({ waveId: WAVE_ID, enqueueResent: true, all: true }).success).toBe(false);
    expect(waveDispatchEventSchema.safeParse({ waveId: "no/such", enqueueResent: true }).success).toBe(false);
  });
});

describe("enqueuing the letters sent again", () => {
  it.each(["completed", "dispatching", "halted"] as const)(
    "enqueues only the resent queued letters of a %s wave",
    async (status) => {
      const { run, batches, asked } = enqueuer(wave(status));
      expect(await run(WAVE_ID)).toEqual({ waveId: WAVE_ID, enqueued: 21 });
      expect(asked).toEqual([`${WAVE_ID}:queued`]);
      expect(batches.map((batch) => batch.length)).toEqual([10, 10, 1]);
      expect(batches.flat().map((key) => key.recipient)).toEqual(queued.slice(0, 21).map((m) => m.recipient));
    },
  );

  it("enqueues nothing past the notAfter of a halted wave either", async () => {
    const { run, batches } = enqueuer(wave("halted", "2026-03-12T13:59:59.000Z"));
    expect(await run(WAVE_ID)).toMatchObject({ enqueued: 0, refused: expect.stringContaining("not-after") });
    expect(batches).toEqual([]);
  });

  it("enqueues nothing past the wave's notAfter", async () => {
    const { run, batches } = enqueuer(wave("completed", "2026-03-12T13:59:59.000Z"));
    expect(await run(WAVE_ID)).toMatchObject({ enqueued: 0, refused: expect.stringContaining("not-after") });
    expect(batches).toEqual([]);
  });

  it("answers not found for no such wave", async () => {
    const { run } = enqueuer(wave("completed"));
    await expect(run("other")).rejects.toBeInstanceOf(NotFound);
  });
});
