// When another wave's letter to a State still follows it up (shared/correspondence/follow-up-holds.ts): on its way,
// left on or after the follow-up fell due, or being written while its wave dispatches; not a letter that failed,
// bounced or was skipped, nor one that left before the follow-up fell due (it answered an earlier year).
import { describe, expect, it } from "vitest";
import { letterStillCounts } from "#shared/correspondence/follow-up-holds.ts";

const since = "2027-02-01";
const letter = (
  status: Parameters<typeof letterStillCounts>[1][number]["status"],
  createdAt = "2027-02-15T15:00:00Z",
) => ({
  status,
  createdAt,
});

describe("a follow-up letter another wave holds", () => {
  it("counts while on its way or once it left since the follow-up fell due", () => {
    for (const status of ["queued", "sending", "sent", "delivered"] as const) {
      expect(letterStillCounts("dispatching", [letter(status)], since)).toBe(true);
    }
  });

  it("does not count once it failed, bounced or was skipped, or when it left before the follow-up fell due", () => {
    for (const status of ["failed", "bounced", "rejected", "expired", "skipped", "unknown"] as const) {
      expect(letterStillCounts("completed", [letter(status)], since)).toBe(false);
    }
    // Reported as spam, it was delivered (audit 30): it counts.
    expect(letterStillCounts("completed", [letter("complained")], since)).toBe(true);
    expect(letterStillCounts("completed", [letter("delivered", "2026-02-15T15:00:00Z")], since)).toBe(false);
    // One address's letter bounced, the other's is on its way: the State is followed up.
    expect(letterStillCounts("dispatching", [letter("bounced"), letter("queued")], since)).toBe(true);
  });

  it("counts a letter not yet written only while its wave is dispatching", () => {
    expect(letterStillCounts("dispatching", [], since)).toBe(true);
    expect(letterStillCounts("completed", [], since)).toBe(false);
    expect(letterStillCounts(undefined, [], since)).toBe(false);
  });
});
