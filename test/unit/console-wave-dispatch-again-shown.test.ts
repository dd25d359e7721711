// What a wave's "Dispatch again" part shows, in Node, of the wave as its page last read it (audit 35, item 11): a page
// left open after "Dispatch again" read the wave completed and still offered the button, which the API refused (409).
import { describe, expect, it } from "vitest";
import { dispatchAgainShown } from "../../console/src/pages/correspondence/wave-repair.ts";

const sendInstant = "2026-12-05T09:00:00.000Z";
const notAfter = "2026-12-08T00:00:00.000Z";
const now = new Date("2026-12-05T09:30:00Z");
const wave = (status: "draft" | "scheduled" | "dispatching" | "completed" | "halted" | "cancelled") => ({
  status,
  sendInstant,
  notAfter,
});

describe("the wave page's Dispatch again", () => {
  it("offers a dispatch while the wave is dispatching or scheduled past its send time, pressed before or not", () => {
    for (const refused of [false, true]) {
      expect(dispatchAgainShown(wave("dispatching"), now, refused)).toBe("offer");
      expect(dispatchAgainShown(wave("scheduled"), now, refused)).toBe("offer");
    }
  });

  it("shows nothing once the wave read again after a dispatch asked for has completed", () => {
    expect(dispatchAgainShown(wave("completed"), now, false)).toBe("nothing");
  });

  it("keeps only the refusal a press met once the wave has moved on: no button the API would refuse", () => {
    for (const status of ["completed", "halted", "cancelled"] as const) {
      expect(dispatchAgainShown(wave(status), now, true)).toBe("refusal");
    }
  });

  it("says it is too late, rather than offering it, once a dispatch would run at its not-after deadline", () => {
    const late = new Date("2026-12-07T23:58:00Z");
    expect(dispatchAgainShown(wave("scheduled"), late, false)).toBe("too-late");
    expect(dispatchAgainShown(wave("dispatching"), late, true)).toBe("too-late");
  });

  it("shows nothing for a wave still to send", () => {
    expect(dispatchAgainShown(wave("scheduled"), new Date("2026-12-05T08:59:00Z"), false)).toBe("nothing");
    expect(dispatchAgainShown(wave("draft"), now, false)).toBe("nothing");
  });
});
