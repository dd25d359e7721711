// The timeline's words for where a move went (console/src/pages/state/move-words.ts), from the entry's before and after
// as the writers keep them (shared/matrix/matrix.ts, shared/reporting/, shared/assistance/).
import { describe, expect, it } from "vitest";
import { SUBMISSION_KINDS } from "../../console/src/pages/state/labels.ts";
import { moveWords } from "../../console/src/pages/state/move-words.ts";

describe("a move's words on the timeline", () => {
  it("say where a matrix, a reporting status, a request and a match went, in words", () => {
    expect(
      moveWords({
        action: "matrix.transition",
        before: { version: 2, status: "draft" },
        after: { version: 2, status: "shared-with-state", on: "2026-12-01" },
      }),
    ).toBe("from a draft to shared with the State");
    expect(
      moveWords({
        action: "state.reporting-status",
        before: { iso3: "MLI", reportingStatus: "non-reporting" },
        after: { iso3: "MLI", reportingStatus: "reported", firstReportOn: "2026-11-30" },
      }),
    ).toBe("from non-reporting to reported");
    expect(
      moveWords({
        action: "assistance.request.transition",
        before: { iso3: "MWI", status: "acknowledged" },
        after: { iso3: "MWI", status: "consent-window", on: "2026-12-01" },
      }),
    ).toBe("from acknowledged to in the consent window");
    expect(
      moveWords({
        action: "assistance.match.transition",
        before: { match: "m1", status: "proposed" },
        after: { match: "m1", status: "accepted" },
      }),
    ).toBe("from proposed to accepted");
    expect(
      moveWords({
        action: "submission.correct-kind",
        before: { id: "s1", kind: "first-report", obligations: [] },
        after: { id: "s1", kind: "action-plan", obligations: [] },
      }),
    ).toBe(`from ${SUBMISSION_KINDS["first-report"]} to ${SUBMISSION_KINDS["action-plan"]}`);
  });

  it("say nothing for another action, a side missing, or no change, and show a code they have no words for", () => {
    expect(moveWords({ action: "contact.update", before: { status: "a" }, after: { status: "b" } })).toBeUndefined();
    expect(moveWords({ action: "matrix.transition", after: { status: "approved" } })).toBeUndefined();
    expect(
      moveWords({ action: "matrix.transition", before: { status: "draft" }, after: { status: "draft" } }),
    ).toBeUndefined();
    expect(moveWords({ action: "matrix.transition", before: { status: "draft" }, after: { status: "archived" } })).toBe(
      "from a draft to archived",
    );
  });
});
