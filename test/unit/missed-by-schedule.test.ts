// A scheduled wave its schedule missed, as the sweep reports it and the console shows it: one predicate
// (shared/waves/stuck-after.ts), so the two agree at the boundary, a quarter of an hour after the send time to the
// millisecond. The sweep on the in-memory stores, no database.
import { describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { missedBySchedule, STUCK_AFTER_MS } from "#shared/waves/stuck-after.ts";
import { sweepWaves } from "#shared/waves/sweep.ts";
import { inFlightWords, isMissed, keepsMoving } from "../../console/src/pages/correspondence/wave-facts.ts";
import { aWave } from "../contracts/waves.contract.ts";
import { haltedWaveStores } from "../support/halted-wave-ledger.ts";

const audit = { actor: systemActor("test") };
const SEND_INSTANT = "2027-03-15T13:00:00.000Z";
const WAVE = aWave("01M9664YMAEYDG2S3ARF7VFPA9", {
  status: "scheduled",
  sendAt: "2027-03-15T13:00",
  timeZone: "UTC",
  sendInstant: SEND_INSTANT,
  notAfter: "2027-03-20T00:00:00.000Z",
  updatedAt: "2027-03-14T09:00:00.000Z",
});
const pastSend = (ms: number) => new Date(Date.parse(SEND_INSTANT) + ms);

/** What the sweep and the console say of the wave at `now`. */
async function judged(now: Date) {
  const deps = haltedWaveStores(fixedClock(now.toISOString()));
  await deps.waves.create(WAVE, audit);
  const swept = await sweepWaves(deps)();
  return {
    sweep: swept.missed.some((missed) => missed.waveId === WAVE.id),
    console: isMissed(WAVE, now),
    stillWatched: keepsMoving({ ...WAVE, counts: {} }, now),
  };
}

describe("a scheduled wave's missed schedule", () => {
  it("is missed exactly a quarter of an hour after its send time, for the sweep and the console alike", async () => {
    expect(await judged(pastSend(STUCK_AFTER_MS))).toEqual({ sweep: true, console: true, stillWatched: false });
    expect(inFlightWords(WAVE, pastSend(STUCK_AFTER_MS))).toBe(
      "missed: due 2027-03-15 13:00 UTC, not dispatched (its page says what to do)",
    );
  });

  it("is not missed a millisecond before, for either", async () => {
    expect(await judged(pastSend(STUCK_AFTER_MS - 1))).toEqual({ sweep: false, console: false, stillWatched: true });
    expect(inFlightWords(WAVE, pastSend(STUCK_AFTER_MS - 1))).toBe("scheduled, sends 2027-03-15 13:00 UTC");
  });

  it("is judged against the sweep's own wait when it is given a shorter one", async () => {
    const missedAfterAMinute = async (now: Date) => {
      const deps = haltedWaveStores(fixedClock(now.toISOString()));
      await deps.waves.create(WAVE, audit);
      return (await sweepWaves(deps, 60_000)()).missed.map((missed) => missed.waveId);
    };
    expect(await missedAfterAMinute(pastSend(60_000))).toEqual([WAVE.id]);
    expect(await missedAfterAMinute(pastSend(59_999))).toEqual([]);
    expect(missedBySchedule(SEND_INSTANT, pastSend(60_000), 60_000)).toBe(true);
  });
});
