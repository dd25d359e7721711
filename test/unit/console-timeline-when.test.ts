// A timeline's entry said by the day it happened (ADR 0063): the minute it was recorded at the desk when that was the
// same New York day, else the day, then when it was recorded; and a document recorded said as what was received.
import { describe, expect, it } from "vitest";
import { entryActionWords } from "../../console/src/pages/state/actions.ts";
import { timelineWhen } from "../../console/src/pages/state/timeline-when.ts";

describe("when a timeline's entry happened", () => {
  it("gives the day and the desk's minute when it was recorded the day it happened", () => {
    expect(timelineWhen({ on: "2026-12-07", at: "2026-12-07T14:10:00.000Z" })).toEqual({
      when: "2026-12-07 09:10 New York",
      dateTime: "2026-12-07T14:10:00.000Z",
    });
  });

  it("takes the desk's day: 03:30 UTC on the 8th is still the 7th in New York", () => {
    expect(timelineWhen({ on: "2026-12-07", at: "2026-12-08T03:30:00.000Z" }).when).toBe("2026-12-07 22:30 New York");
  });

  it("says when a back-dated event was recorded (audit 36, finding 2)", () => {
    expect(timelineWhen({ on: "2025-12-03", at: "2026-12-07T14:10:00.000Z" })).toEqual({
      when: "2025-12-03",
      dateTime: "2025-12-03",
      recorded: "recorded 2026-12-07 09:10 New York",
    });
  });
});

describe("a document recorded on the timeline", () => {
  it("says what was received, with its symbol, not 'Submission recorded'", () => {
    const after = { kind: "first-report", symbol: "S/AC.44/2026/7", receivedOn: "2026-11-30" };
    expect(entryActionWords({ action: "submission.record", after })).toBe(
      "First national report received (S/AC.44/2026/7)",
    );
    expect(entryActionWords({ action: "submission.record", after: { kind: "assistance-feedback" } })).toBe(
      "Assistance feedback received",
    );
    expect(entryActionWords({ action: "submission.record", after: { kind: "unknown" } })).toBe("Submission recorded");
  });
});
