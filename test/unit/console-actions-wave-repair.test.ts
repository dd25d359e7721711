// When a wave's page says the API will send an unknown letter again (whatever its wave's status, a halted one's too) or
// dispatch a wave again, in Node: the same refusals as the API's (shared/correspondence/lifecycle.ts resendRefusal,
// shared/waves/sweep.ts requestRedispatch), read from what the API answers (the letter's eventWindowEndsAt and
// notAfter, the wave's status and send time).
import { describe, expect, it } from "vitest";
import { mayDispatchAgain, resendOutlook, tooLateWords } from "../../console/src/pages/correspondence/wave-repair.ts";

const letter = { eventWindowEndsAt: "2026-12-04T10:00:00.000Z", notAfter: "2026-12-08T00:00:00.000Z" };

describe("sending again a letter left unknown", () => {
  it("is refused while SES may still settle it, and says until when", () => {
    const outlook = resendOutlook(letter, new Date("2026-12-04T09:59:00Z"));
    expect(outlook.allowed).toBe(false);
    expect(outlook.words).toContain("until 2026-12-04 10:00 UTC (its event window)");
  });

  it("is allowed once the window has closed and before the not-after deadline", () => {
    const outlook = resendOutlook(letter, new Date("2026-12-04T10:00:00Z"));
    expect(outlook.allowed).toBe(true);
    expect(outlook.words).toContain("event window closed at 2026-12-04 10:00 UTC");
    expect(outlook.words).toContain("before the wave's not-after deadline (2026-12-08 00:00 UTC)");
  });

  it("is refused past the not-after deadline", () => {
    expect(resendOutlook(letter, new Date("2026-12-08T00:00:00Z"))).toMatchObject({ allowed: false });
  });
});

describe("dispatching a wave again", () => {
  const sendInstant = "2026-12-05T09:00:00.000Z";
  const notAfter = "2026-12-08T00:00:00.000Z";
  const now = new Date("2026-12-05T09:30:00Z");
  it("is offered for a dispatching wave and a scheduled one past its send time", () => {
    expect(mayDispatchAgain({ status: "dispatching", sendInstant, notAfter }, now)).toBe(true);
    expect(mayDispatchAgain({ status: "scheduled", sendInstant, notAfter }, now)).toBe(true);
  });

  it("is not offered for a wave still to send, or one that moves no more", () => {
    expect(mayDispatchAgain({ status: "scheduled", sendInstant, notAfter }, new Date("2026-12-05T08:59:00Z"))).toBe(
      false,
    );
    for (const status of ["draft", "completed", "cancelled", "halted"] as const) {
      expect(mayDispatchAgain({ status, sendInstant, notAfter }, now)).toBe(false);
    }
  });

  it("is not offered once a dispatch asked for now would run at or after the not-after deadline, and says why", () => {
    // Asked for at 23:58:00, a dispatch runs at the next whole minute 75 s ahead: 00:00, the deadline itself.
    const late = new Date("2026-12-07T23:58:00Z");
    expect(mayDispatchAgain({ status: "scheduled", sendInstant, notAfter }, new Date("2026-12-07T23:57:00Z"))).toBe(
      true,
    );
    expect(mayDispatchAgain({ status: "scheduled", sendInstant, notAfter }, late)).toBe(false);
    expect(mayDispatchAgain({ status: "dispatching", sendInstant, notAfter }, late)).toBe(false);
    expect(tooLateWords({ status: "scheduled", notAfter })).toBe(
      "Too late to dispatch: its letters may leave until 2026-12-08 00:00 UTC, and a dispatch asked for now would " +
        "expire them all unsent. To write to its recipients, cancel it and create a new wave.",
    );
  });
});
