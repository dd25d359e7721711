// A crash at the halt (audit 33, bug 2): the halted wave's letters left queued have no key on the queue any more, so
// the sweep fails them as the sender would have, but not one queued lately (the queue may still be draining) nor one
// the secretariat sent again (ADR 0062). On the in-memory stores, no database.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { HALTED_BY_BOUNCES } from "#shared/correspondence/bounce-guard.ts";
import { STUCK_AFTER_MS } from "#shared/waves/stuck-after.ts";
import { requestRedispatch, sweepWaves } from "#shared/waves/sweep.ts";
import { aWave } from "../contracts/waves.contract.ts";
import { HALTED_WAVE, haltedWaveStores, lettersOfTheWave } from "../support/halted-wave-ledger.ts";

const HALTED_AT = "2027-03-15T13:10:00.000Z";
const SWEPT_AT = "2027-03-15T13:30:00.000Z";
const WAVE = HALTED_WAVE;
const HALT_REASON = "hard bounces reached 5% of the letters out: 2 of 36 (5.6%)";
const audit = { actor: systemActor("test") };

const aLetter = lettersOfTheWave();
const stores = () => haltedWaveStores(fixedClock(SWEPT_AT));

let deps: ReturnType<typeof stores>;
const statusOf = async (recipient: string, waveId = WAVE) => (await deps.ledger.get({ waveId, recipient }))?.status;

beforeEach(() => {
  deps = stores();
});

describe("the sweep, for a halted wave's letters a crash left queued", () => {
  it("fails those queued for a quarter of an hour with the sender's reason, not a recent or resent one", async () => {
    const halt = await deps.waves.create(
      aWave(WAVE, { status: "halted", haltReason: HALT_REASON, updatedAt: HALTED_AT }),
      audit,
    );
    await deps.ledger.putNew(aLetter("stranded", "queued"));
    await deps.ledger.putNew(aLetter("stranded-2", "queued"));
    // Put back on the queue by a throttled sender a minute ago: its key is on the queue, whose sender fails it.
    const lately = new Date(Date.parse(SWEPT_AT) - 60_000).toISOString();
    await deps.ledger.putNew(aLetter("draining", "queued", { updatedAt: lately }));
    // Sent again by the secretariat (ADR 0062): it goes even on a halted wave, as the sender lets it.
    await deps.ledger.putNew(aLetter("resent", "queued", { resentAt: HALTED_AT, updatedAt: HALTED_AT }));
    await deps.ledger.putNew(aLetter("sent", "sent"));

    const result = await sweepWaves(deps)();
    expect(result.halted).toEqual([{ waveId: WAVE, staleClaims: 0, queuedFailed: 2 }]);
    expect(await deps.ledger.get({ waveId: WAVE, recipient: "stranded" })).toMatchObject({
      status: "failed",
      reason: `wave halted: ${HALT_REASON}`,
    });
    expect(await statusOf("stranded-2")).toBe("failed");
    expect(await statusOf("draining")).toBe("queued");
    expect(await statusOf("resent")).toBe("queued");
    expect(await statusOf("sent")).toBe("sent");
    // The one sent again, queued for twenty minutes with no sender, is put back on the queue instead (audit 34, bug 2).
    expect(result.resent).toEqual([{ waveId: WAVE, requeued: 1, staleClaims: 0 }]);
    expect(deps.enqueued).toEqual([{ waveId: WAVE, recipient: "resent" }]);
    // Neither dispatched again nor completed: its version is the halt's.
    expect(await deps.waves.get(WAVE)).toEqual(halt);

    // Once its quarter of an hour is over, the one put back lately is failed too; then nothing is left to report.
    deps.clock.advance(STUCK_AFTER_MS);
    expect((await sweepWaves(deps)()).halted).toEqual([{ waveId: WAVE, staleClaims: 0, queuedFailed: 1 }]);
    expect(await statusOf("resent")).toBe("queued");
    expect((await sweepWaves(deps)()).halted).toEqual([]);
  });

  it("gives the guard's reason to a wave halted without one, and leaves a dispatching wave's queued letters", async () => {
    const OTHER = "01M9664YMAEYDG2S3ARF7VFPA7";
    await deps.waves.create(aWave(WAVE, { status: "halted", updatedAt: HALTED_AT }), audit);
    await deps.waves.create(aWave(OTHER, { status: "dispatching", updatedAt: SWEPT_AT }), audit);
    await deps.ledger.putNew(aLetter("stranded", "queued"));
    await deps.ledger.putNew(aLetter("queued", "queued", { waveId: OTHER }));

    expect((await sweepWaves(deps)()).halted).toEqual([{ waveId: WAVE, staleClaims: 0, queuedFailed: 1 }]);
    expect((await deps.ledger.get({ waveId: WAVE, recipient: "stranded" }))?.reason).toBe(
      `wave halted: ${HALTED_BY_BOUNCES}`,
    );
    expect(await statusOf("queued", OTHER)).toBe("queued");
  });
});

describe("a redispatch asked of a halted wave (audit 33, item 8)", () => {
  it("is refused in the wave's own words, naming it by its description and its rest as the way on", async () => {
    await deps.waves.create(
      aWave(WAVE, {
        status: "halted",
        haltReason: HALT_REASON,
        description: "Outreach of March",
        updatedAt: HALTED_AT,
      }),
      audit,
    );
    const refused = requestRedispatch(deps)(WAVE, audit);
    await expect(refused).rejects.toThrow(/^The wave "Outreach of March" .*it halted \(hard bounces/);
    await expect(refused).rejects.toThrow(/write the rest of it from its page/);
    await expect(refused).rejects.not.toThrow(new RegExp(WAVE));
  });

  it("of a completed rest, points to its own rest, not a plain new wave, which would write to everyone again", async () => {
    await deps.waves.create(
      aWave(WAVE, { status: "completed", restOf: "01HALTEDBEFOREIT000000000", description: "The rest of March" }),
      audit,
    );
    await expect(requestRedispatch(deps)(WAVE, audit)).rejects.toThrow(
      /^The wave "The rest of March" cannot be sent: it has completed, .*write the rest of it from its page/,
    );
  });
});

describe("dispatching a wave again past its not-after deadline (audit 35, bug 6)", () => {
  it("is refused with why and what to do, and makes no schedule, when a dispatch now would run at the deadline", async () => {
    const deps = haltedWaveStores(fixedClock("2027-03-19T23:58:00.000Z"));
    await deps.waves.create(
      aWave(WAVE, { status: "scheduled", description: "Outreach of March", notAfter: "2027-03-20T00:00:00.000Z" }),
      audit,
    );
    const scheduled = vi.spyOn(deps.scheduler, "schedule");
    await expect(requestRedispatch(deps)(WAVE, audit)).rejects.toThrow(
      'The wave "Outreach of March" can no longer be dispatched: its letters may leave until 2027-03-20 00:00 UTC, ' +
        "and a dispatch asked for now runs at 2027-03-20 00:00 UTC, so every letter would expire unsent. To write to " +
        "its recipients, cancel it and create a new wave.",
    );
    expect(scheduled).not.toHaveBeenCalled();
    deps.clock.set("2027-03-19T23:57:00.000Z");
    await expect(requestRedispatch(deps)(WAVE, audit)).resolves.toMatchObject({ firesAt: "2027-03-19T23:59:00.000Z" });
  });
});
