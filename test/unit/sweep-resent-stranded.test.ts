// A letter sent again that a crash stranded on a finished wave (audit 34, bug 2): left queued (its key, or its resend's
// schedule, died) or sending (its sender died after its claim), nothing sent or settled it, and the page polled for
// good. The sweep now puts the one back on the queue and hands the other's claim back; a second resend is refused with
// what will happen; the refusal of a stale claim says what is true for the wave's status. On the in-memory stores.
import { beforeEach, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { haltedReasonOf } from "#shared/correspondence/bounce-guard.ts";
import { DEFAULT_EVENT_WINDOW_MS, resendRefusal } from "#shared/correspondence/lifecycle.ts";
import type { QueueRecord } from "#shared/correspondence/memory-queue.ts";
import type { MessageKey } from "#shared/correspondence/schemas.ts";
import { send } from "#shared/correspondence/send.ts";
import { Conflict } from "#shared/errors.ts";
import { STUCK_AFTER_MS } from "#shared/waves/stuck-after.ts";
import { RESENT_PAST_DEADLINE_MS, sweepWaves } from "#shared/waves/sweep.ts";
import { resendUnknown } from "#shared/waves/waves.ts";
import { createWaveSweepHandler } from "../../functions/wave-sweep/app.ts";
import { aWave } from "../contracts/waves.contract.ts";
import { refusal } from "../support/fixtures.ts";
import { HALTED_WAVE, haltedWaveStores, lettersOfTheWave } from "../support/halted-wave-ledger.ts";

const WAVE = HALTED_WAVE;
const LEASE_END = "2027-03-15T13:05:00.000Z";
const AFTER_WINDOW = new Date(Date.parse(LEASE_END) + DEFAULT_EVENT_WINDOW_MS).toISOString();
const NOT_AFTER = "2027-03-20T00:00:00.000Z";
const audit = { actor: systemActor("test") };
const KEY: MessageKey = { waveId: WAVE, recipient: "che" };

const aLetter = lettersOfTheWave({ claims: 1, updatedAt: "2027-03-15T13:03:00.000Z" });

function stores() {
  const clock = fixedClock(AFTER_WINDOW);
  const mailed: string[] = [];
  const { enqueued, ...deps } = haltedWaveStores(clock);
  const sender = send({
    ledger: deps.ledger,
    clock,
    pacer: { take: async () => undefined },
    mailer: {
      sendMail: async (mail) => {
        mailed.push(String(mail.to));
        return { messageId: `ses-${mailed.length}` };
      },
    },
    haltedReason: haltedReasonOf(deps.waves),
  });
  /** The keys given, delivered to the sender as one queue batch. */
  const deliver = (keys: readonly MessageKey[]) => {
    const records: QueueRecord[] = keys.map((key, index) => ({
      messageId: `${key.recipient}-${index}`,
      body: JSON.stringify(key),
      attributes: { ApproximateReceiveCount: "1" },
    }));
    return sender(records);
  };
  return { ...deps, clock, enqueued, mailed, deliver };
}

let deps: ReturnType<typeof stores>;
const letter = () => deps.ledger.get(KEY);
const minutes = (count: number) => count * 60_000;

/** The wave in `status`, its letter to Switzerland unknown, then sent again at AFTER_WINDOW: its key lost at once. */
async function sentAgainThenCrashed(
  status: "completed" | "halted" | "dispatching",
  updatedAt = "2027-03-15T13:10:00.000Z",
) {
  const wave = await deps.waves.create(aWave(WAVE, { status, updatedAt, notAfter: NOT_AFTER }), audit);
  await deps.ledger.putNew(aLetter("che", "unknown", { leaseUntil: LEASE_END }));
  deps.clock.set(AFTER_WINDOW);
  await resendUnknown(deps)(WAVE, "che", audit);
  expect(deps.enqueued.splice(0)).toEqual([KEY]);
  return wave;
}

beforeEach(() => {
  deps = stores();
});

describe("the sweep, when the reconciliation of SES reports fails", () => {
  it("goes on with the rest of its run, the failure in its result (review of audit 34)", async () => {
    await sentAgainThenCrashed("completed");
    deps.clock.advance(minutes(16));
    deps.waves.inStatus = async () => {
      throw new Error("the status index could not be read");
    };
    const result = await sweepWaves(deps)();
    expect(result.reconciliationFailed).toBe("the status index could not be read");
    expect(result.failed).toEqual([]);
    expect(result.resent).toEqual([{ waveId: WAVE, requeued: 1, staleClaims: 0 }]);
  });

  it("fails the scheduled run by naming the reconciliation, not as a wave, so its errors alarm tells the operators", async () => {
    deps.waves.inStatus = async () => {
      throw new Error("the status index could not be read");
    };
    const quiet = { info: () => undefined, warn: () => undefined };
    await expect(createWaveSweepHandler({ ...deps, logger: quiet })({})).rejects.toThrow(
      "The sweep failed on the reconciliation of SES reports: the status index could not be read",
    );
  });
});

describe("the sweep, for a letter sent again that a crash left queued on a finished wave", () => {
  it("puts it back on the queue once it has waited a quarter of an hour, and the sender sends it once", async () => {
    const wave = await sentAgainThenCrashed("completed");

    deps.clock.advance(minutes(10));
    expect((await sweepWaves(deps)()).resent).toEqual([]);
    expect(deps.enqueued).toEqual([]);

    deps.clock.advance(STUCK_AFTER_MS);
    expect(await sweepWaves(deps)()).toEqual({
      resumed: [],
      failed: [],
      missed: [],
      halted: [],
      resent: [{ waveId: WAVE, requeued: 1, staleClaims: 0 }],
      reports: { marked: [], halted: [] },
    });
    // The lost key turns up after all, beside the sweep's: the claim (queued -> sending, only from queued) lets one go.
    expect(await deps.deliver([...deps.enqueued.splice(0), KEY])).toEqual({ batchItemFailures: [] });
    expect(deps.mailed).toEqual(["che@example.org"]);
    expect(await letter()).toMatchObject({ status: "sent", claims: 2 });
    // The wave is not touched; and once sent, nothing is left to sweep.
    expect(await deps.waves.get(WAVE)).toEqual(wave);
    expect((await sweepWaves(deps)()).resent).toEqual([]);
  });

  it("does so on a halted wave too, however long ago it halted, and says it under resent, not halted", async () => {
    await sentAgainThenCrashed("halted", "2027-03-01T00:00:00.000Z");
    deps.clock.advance(minutes(20));
    const result = await sweepWaves(deps)();
    expect(result.halted).toEqual([]);
    expect(result.resent).toEqual([{ waveId: WAVE, requeued: 1, staleClaims: 0 }]);
    await deps.deliver(deps.enqueued.splice(0));
    expect(deps.mailed).toEqual(["che@example.org"]);
  });

  it("leaves a dispatching wave's letter to the wave's own resumption, which enqueues its queued letters", async () => {
    // Still within its quarter of an hour as dispatching: neither resumed yet nor looked at as a finished wave.
    await sentAgainThenCrashed("dispatching", new Date(Date.parse(AFTER_WINDOW) + minutes(10)).toISOString());
    deps.clock.advance(minutes(20));
    expect(await sweepWaves(deps)()).toMatchObject({ resumed: [], failed: [], resent: [] });
    expect(deps.enqueued).toEqual([]);
  });

  it("past the wave's not-after deadline, lets the sender expire it; two days past it, no longer looks", async () => {
    await sentAgainThenCrashed("completed");
    deps.clock.set(new Date(Date.parse(NOT_AFTER) + minutes(1)));
    expect((await sweepWaves(deps)()).resent).toEqual([{ waveId: WAVE, requeued: 1, staleClaims: 0 }]);
    await deps.deliver(deps.enqueued.splice(0));
    expect(deps.mailed).toEqual([]);
    expect(await letter()).toMatchObject({ status: "expired" });

    deps = stores();
    await sentAgainThenCrashed("completed");
    deps.clock.set(new Date(Date.parse(NOT_AFTER) + RESENT_PAST_DEADLINE_MS + 1));
    expect((await sweepWaves(deps)()).resent).toEqual([]);
  });
});

describe("the sweep, for a letter sent again whose sender died after its claim on a finished wave", () => {
  it("hands the claim back once its lease is over, the sender marks it unknown, and it may be sent again", async () => {
    await sentAgainThenCrashed("completed");
    const { claimed } = await deps.ledger.claim(KEY, minutes(2));
    expect(claimed).toBe(true);
    const leaseEnd = (await letter())?.leaseUntil ?? "";

    // A live claim is left alone.
    deps.clock.advance(minutes(1));
    expect((await sweepWaves(deps)()).resent).toEqual([]);

    // Past it, the refusal says what is true of a completed wave: the sweep runs for it; no "Dispatch again".
    deps.clock.advance(minutes(5));
    const refused = await refusal(resendUnknown(deps)(WAVE, "che", audit));
    expect(refused).toBeInstanceOf(Conflict);
    expect((refused as Error).message).toContain(
      "the sweep marks it unknown at its next run (every quarter of an hour)",
    );
    expect((refused as Error).message).not.toContain("Dispatch again");

    expect((await sweepWaves(deps)()).resent).toEqual([{ waveId: WAVE, requeued: 0, staleClaims: 1 }]);
    await deps.deliver(deps.enqueued.splice(0));
    expect(deps.mailed).toEqual([]);
    expect(await letter()).toMatchObject({ status: "unknown" });
    expect((await sweepWaves(deps)()).resent).toEqual([]);

    // Its own event window, from the end of that claim, then runs as any other's; after it, it is sent again.
    deps.clock.set(new Date(Date.parse(leaseEnd) + DEFAULT_EVENT_WINDOW_MS));
    expect((await resendUnknown(deps)(WAVE, "che", audit)).message).toMatchObject({ status: "queued" });
  });
});

describe("a second resend of a letter already sent again and still queued (audit 34, bug 2)", () => {
  it("is refused, as README says, with what will happen, writing no audit entry and enqueuing nothing", async () => {
    await sentAgainThenCrashed("completed");
    const audited = deps.ledger.audit.actionsOf({ type: "wave", id: WAVE });
    deps.clock.advance(minutes(3));
    const refused = await refusal(resendUnknown(deps)(WAVE, "che", audit));
    expect(refused).toBeInstanceOf(Conflict);
    expect((refused as Error).message).toBe(
      "The letter to CIV is not sent again: it was sent again at 2027-03-16 13:05 UTC and waits to be " +
        "sent: if it is still waiting a quarter of an hour after that, the sweep (every quarter of an hour) puts it " +
        "back on the queue",
    );
    expect(deps.enqueued).toEqual([]);
    expect(deps.ledger.audit.actionsOf({ type: "wave", id: WAVE })).toEqual(audited);
  });
});

describe("the event window's end, as a refusal says it (audit 34, word 8)", () => {
  it("is rounded up to its minute, never naming one at which the resend is still refused", () => {
    const unknown = {
      status: "unknown" as const,
      notAfter: NOT_AFTER,
      leaseUntil: "2027-03-15T13:05:04.000Z",
      updatedAt: LEASE_END,
    };
    const refusedAt = (at: string) => resendRefusal(unknown, new Date(at), DEFAULT_EVENT_WINDOW_MS, "completed");
    expect(refusedAt("2027-03-16T13:05:01Z")).toBe(
      "SES events may still settle it until 2027-03-16 13:06 UTC (the event window)",
    );
    expect(refusedAt("2027-03-16T13:05:04Z")).toBeUndefined();
    // A window ending on a whole minute is said as it is.
    expect(
      resendRefusal(
        { ...unknown, leaseUntil: LEASE_END },
        new Date("2027-03-16T13:04:59Z"),
        DEFAULT_EVENT_WINDOW_MS,
        "completed",
      ),
    ).toBe("SES events may still settle it until 2027-03-16 13:05 UTC (the event window)");
  });
});
