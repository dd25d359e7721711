// What the wave's page says and asks (console audit 29, items 1, 2, 6 and 14): scheduling asks first while another
// wave sends the same letter to the same audience or the template is not written to it (the composer's own caution);
// a move refused because a colleague cancelled the wave says so, by whom and when; the heading names the wave by its
// description; a send time in UTC is said once.
import { describe, expect, it } from "vitest";
import type { components } from "../../console/src/api/schema";
import { audienceCaution } from "../../console/src/pages/correspondence/audience-fit.ts";
import { sendTimeInZone, waveHeading } from "../../console/src/pages/correspondence/wave-facts.ts";
import { movedMeanwhile } from "../../console/src/pages/correspondence/wave-moved-meanwhile.ts";
import {
  type SameLetterWave,
  sameLetterConsequence,
  scheduleDoubts,
} from "../../console/src/pages/correspondence/wave-schedule-doubts.ts";

type AuditEntry = components["schemas"]["AuditEntry"];

const followUp = { id: "assistance-follow-up", kind: "assistance-follow-up" } as const;
const firstReport = { id: "programme-first-report-request", kind: "first-report-request" } as const;

const otherWave = (id: string, description?: string): SameLetterWave => ({
  id,
  status: "scheduled",
  sendInstant: "2026-12-06T11:58:00.000Z",
  ...(description === undefined ? {} : { description }),
});

describe("the question before scheduling a wave", () => {
  it("asks nothing of a wave alone with its letter, to the audience its template is written to", () => {
    expect(scheduleDoubts({ sameLetter: [], template: followUp, audience: "states-with-follow-up-due" })).toEqual([]);
  });

  it("names the other wave of the same letter to the same audience by its description", () => {
    const doubts = scheduleDoubts({
      sameLetter: [otherWave("01M95K9HMDH78FT9Y65HQ2PR1R", "March reminder A")],
      template: firstReport,
      audience: "non-reporting-states",
    });
    expect(doubts).toEqual([
      "This letter also goes to this audience in another wave: “March reminder A” (scheduled, sends 2026-12-06 " +
        "11:58 UTC). Their recipients have it, or will: this wave writes to them again.",
    ]);
  });

  it("names a halted wave of the same letter with how many letters it sent before it halted (audit 31)", () => {
    const halted: SameLetterWave = {
      ...otherWave("01M9640KR6YRSTQCRB7PMPYQ76", "audit31 outreach"),
      status: "halted",
      lettersWritten: 60,
    };
    expect(scheduleDoubts({ sameLetter: [halted], template: firstReport, audience: "non-reporting-states" })).toEqual([
      "This letter also goes to this audience in another wave: “audit31 outreach” (halted after sending 60 letters, " +
        "2026-12-06 11:58 UTC). Their recipients have it, or will: this wave writes to them again.",
    ]);
  });

  it("asks nothing of a second follow-up wave: each State owed gets one letter, whichever dispatches first", () => {
    const sameLetter = [otherWave("01M95K9HMDH78FT9Y65HQ2PR1R", "audit29 follow-up A")];
    expect(scheduleDoubts({ sameLetter, template: followUp, audience: "states-with-follow-up-due" })).toEqual([]);
    expect(sameLetterConsequence("states-with-follow-up-due")).toMatch(
      /^Each State owed its follow-up gets one letter/,
    );
  });

  it("names several other waves, one without a description by its id", () => {
    const [doubt] = scheduleDoubts({
      sameLetter: [otherWave("W1", "First"), { ...otherWave("W2"), status: "completed" }, otherWave("W3", "Third")],
      template: firstReport,
      audience: "non-reporting-states",
    });
    expect(doubt).toContain(
      "in 3 other waves: “First” (scheduled, sends 2026-12-06 11:58 UTC), “W2” (sent 2026-12-06 11:58 UTC) and " +
        "“Third” (scheduled, sends 2026-12-06 11:58 UTC).",
    );
  });

  it("gives the composer's own caution for a template not written to the wave's audience", () => {
    const doubts = scheduleDoubts({ sameLetter: [], template: firstReport, audience: "reporting-states" });
    const caution = audienceCaution(firstReport, "reporting-states");
    expect(caution).toBeDefined();
    expect(doubts).toEqual([caution]);
  });

  it("gives both cautions when both stand, and none for a template not read", () => {
    const sameLetter = [otherWave("W1", "First")];
    expect(scheduleDoubts({ sameLetter, template: firstReport, audience: "reporting-states" })).toHaveLength(2);
    expect(scheduleDoubts({ sameLetter: [], template: undefined, audience: "reporting-states" })).toEqual([]);
  });
});

const entry = (action: string, at: string, actor: AuditEntry["actor"]): AuditEntry => ({
  id: `${action}-${at}`,
  at,
  actor,
  action,
  entity: { type: "wave", id: "W" },
});
const colleague: AuditEntry["actor"] = {
  kind: "user",
  id: "8c501a84",
  username: "local-secretariat",
  groups: ["secretariat"],
};
const cancelledWave = { status: "cancelled", updatedAt: "2026-12-06T11:50:12.000Z" } as const;

describe("what the page says when a colleague moved the wave before the officer's press", () => {
  it("says the schedule was not made: the wave was cancelled, by whom and when, from the audit trail", () => {
    const trail = [
      entry("wave.test-send", "2026-12-06T11:51:00.000Z", colleague),
      entry("wave.cancel", "2026-12-06T11:50:12.000Z", colleague),
      entry("wave.create", "2026-12-06T11:40:00.000Z", colleague),
    ];
    expect(movedMeanwhile("schedule", cancelledWave, trail)).toBe(
      "Not scheduled: the wave was cancelled by local-secretariat at 2026-12-06 11:50 UTC; it sends nothing.",
    );
  });

  it("says when from the wave itself for a reader who may not read the trail", () => {
    expect(movedMeanwhile("schedule", cancelledWave, [])).toBe(
      "Not scheduled: the wave was cancelled at 2026-12-06 11:50 UTC; it sends nothing.",
    );
  });

  it("says a cancel pressed after a colleague's is already made", () => {
    expect(movedMeanwhile("cancel", cancelledWave, [entry("wave.cancel", cancelledWave.updatedAt, colleague)])).toBe(
      "Already cancelled: the wave was cancelled by local-secretariat at 2026-12-06 11:50 UTC; it sends nothing.",
    );
  });

  it("names no system as a person when the wave began sending", () => {
    const trail = [entry("wave.dispatch", "2026-12-06T12:00:01.000Z", { kind: "system", id: "wave-dispatch" })];
    expect(movedMeanwhile("cancel", { status: "dispatching", updatedAt: "2026-12-06T12:00:01.000Z" }, trail)).toBe(
      "Not cancelled: the wave began sending at 2026-12-06 12:00 UTC; its letters are going out.",
    );
  });

  it("says nothing while the wave is still open: the page's actions show the refusal themselves", () => {
    for (const status of ["draft", "scheduled"] as const) {
      expect(movedMeanwhile("schedule", { status, updatedAt: cancelledWave.updatedAt }, [])).toBeUndefined();
    }
  });
});

describe("the wave page's heading and send time", () => {
  const wave = {
    id: "01M95K9HMDH78FT9Y65HQ2PR1R",
    audience: "non-reporting-states",
    sendInstant: "2026-12-06T11:54:00.000Z",
  } as const;

  it("heads the page by the wave's description, its id beside", () => {
    expect(waveHeading({ ...wave, description: "audit29 first-report reminder" })).toEqual({
      title: "audit29 first-report reminder",
      id: "wave 01M95K9HMDH78FT9Y65HQ2PR1R",
    });
  });

  it("heads a wave given no description by its audience and day, in words", () => {
    expect(waveHeading(wave).title).toBe("Wave to States without a first national report, 2026-12-06");
    expect(waveHeading({ ...wave, description: "  " }).title).toBe(
      "Wave to States without a first national report, 2026-12-06",
    );
    // The audience's words in lower case after "to", but for the States' name.
    expect(waveHeading({ ...wave, audience: "all-states" }).title).toBe("Wave to all Member States, 2026-12-06");
  });

  it("says a send time in UTC once, under any of its names, and one in another zone beside the instant", () => {
    for (const timeZone of ["UTC", "Etc/UTC", "Etc/GMT"]) {
      expect(sendTimeInZone({ sendAt: "2026-12-06T11:54", timeZone }), timeZone).toBeUndefined();
    }
    expect(sendTimeInZone({ sendAt: "2026-12-06T09:00", timeZone: "America/New_York" })).toBe(
      "2026-12-06 09:00 America/New_York",
    );
    // London keeps UTC's time in December, but the zone is a place the officer chose: it is named.
    expect(sendTimeInZone({ sendAt: "2026-12-06T11:54", timeZone: "Europe/London" })).toBe(
      "2026-12-06 11:54 Europe/London",
    );
  });
});
