// Voided feedback (ADR 0073) is listed for the record only: it counts on its own no more, and drops out of what stands.
import { describe, expect, it } from "vitest";
import { countsOnItsOwn, standing } from "#shared/assistance/feedback-open.ts";

const voided = { at: "2026-12-08T10:00:00.000Z", by: "user-1", reason: "Recorded on the wrong request" };
const linked = { submissionId: "d1", symbol: "S/AC.44/2026/NOTE.55" };

describe("feedback that stands", () => {
  it("counts the requester's note naming no document, until it is voided", () => {
    expect(countsOnItsOwn({ from: "requester" })).toBe(true);
    expect(countsOnItsOwn({ from: "requester", voided })).toBe(false);
    expect(countsOnItsOwn({ from: "requester", document: linked })).toBe(false);
    expect(countsOnItsOwn({ from: "provider" })).toBe(false);
  });

  it("leaves voided feedback out, in order", () => {
    const list = [{ id: "a" }, { id: "b", voided }, { id: "c" }];
    expect(standing(list).map((one) => one.id)).toEqual(["a", "c"]);
  });
});
