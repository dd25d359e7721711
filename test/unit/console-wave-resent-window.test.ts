// The end of an unknown letter's event window on the wave's page (audit 34, word 8): said rounded up to its minute, as
// the API's refusal says it, so that the page never names a minute at which a resend is still refused. In Node.
import { describe, expect, it } from "vitest";
import { haltedNextSteps } from "../../console/src/pages/correspondence/wave-halted.ts";
import { resendOutlook, windowEndText } from "../../console/src/pages/correspondence/wave-repair.ts";

const ENDS = "2026-12-07T01:13:04.000Z";
const NOT_AFTER = "2026-12-13T16:49:00.000Z";

describe("the event window's end on the wave's page", () => {
  it("is the next whole minute when it ends within one, and the minute itself when it ends on it", () => {
    expect(windowEndText(ENDS)).toBe("2026-12-07 01:14 UTC");
    expect(windowEndText("2026-12-07T01:13:00.000Z")).toBe("2026-12-07 01:13 UTC");
  });

  it("is said so by the row's outlook while the resend is refused", () => {
    const outlook = resendOutlook({ eventWindowEndsAt: ENDS, notAfter: NOT_AFTER }, new Date("2026-12-07T01:13:01Z"));
    expect(outlook.allowed).toBe(false);
    expect(outlook.words).toContain("until 2026-12-07 01:14 UTC (its event window)");
    // Once allowed, the same minute: the window "closed at 01:14", never 01:13 (verification of audit 34).
    const allowed = resendOutlook({ eventWindowEndsAt: ENDS, notAfter: NOT_AFTER }, new Date("2026-12-07T01:14:00Z"));
    expect(allowed.words).toContain("its event window closed at 2026-12-07 01:14 UTC");
  });

  it("is said so by a halted wave's step for its unknown letters", () => {
    const letters = [{ status: "unknown" as const, eventWindowEndsAt: ENDS }];
    const steps = haltedNextSteps({ status: "halted", notAfter: NOT_AFTER }, letters, new Date("2026-12-06T20:00:00Z"));
    expect(steps.at(-1)).toContain("once SES can no longer settle it, from 2026-12-07 01:14 UTC, before");
  });
});
