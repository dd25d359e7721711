// What `npm start` says of the waves the last stop left behind (audit 33, item 6): named by their description, as
// their pages name them, with what to do.
import { describe, expect, it } from "vitest";
import { missedWaveNotice, stalledWaveNotice } from "../../infra/local/stalled-wave-notices.ts";
import { aWave } from "../contracts/waves.contract.ts";

const WAVE = "01M96SP7S5YJCECYKYEBT53A8B";

describe("the start's notice of a wave the last stop left behind", () => {
  it("names a missed scheduled wave by its description and id, with both ways to send it", () => {
    const missed = aWave(WAVE, { status: "scheduled", description: "audit33 M1" });
    const notice = missedWaveNotice(missed, "npm run fire --", new Date("2027-03-16T09:00:00.000Z"));
    expect(notice).toBe(
      `wave “audit33 M1” (${WAVE}) was due at 2027-03-15T13:00:00.000Z while the local stack was down and is still ` +
        `scheduled; send it now (before its notAfter 2027-03-20T00:00:00.000Z) with "Dispatch again" on its page, ` +
        `or: npm run fire -- wave-dispatch '{"waveId":"${WAVE}"}'`,
    );
    // Past the moment a dispatch could still run before the deadline, it says so instead (audit 35, bug 6).
    expect(missedWaveNotice(missed, "npm run fire --", new Date("2027-03-19T23:58:40.000Z"))).toBe(
      `wave “audit33 M1” (${WAVE}) was due at 2027-03-15T13:00:00.000Z while the local stack was down and is still ` +
        "scheduled; too late to send it: its letters may leave until 2027-03-20T00:00:00.000Z, and a dispatch now " +
        "would expire them all unsent. To write to its recipients, cancel it on its page and create a new wave",
    );
  });

  it("names a wave left dispatching, by its id when it has no description, and what resumes it", () => {
    expect(stalledWaveNotice(aWave(WAVE, { status: "dispatching", description: "audit33 C1" }))).toBe(
      `wave “audit33 C1” (${WAVE}) was dispatching when the local stack stopped, and its letters still queued ` +
        "wait: Dispatch again from its page, or the sweep resumes it at its first run after 15 minutes stuck",
    );
    expect(stalledWaveNotice(aWave(WAVE, { status: "dispatching" }))).toMatch(new RegExp(`^wave ${WAVE} was`));
  });
});
