// The notices above the diff page's figures, in Node: the earlier quarter's snapshot computed after the later one's
// (either way round the page compares them), and what each quarter's snapshot describes as of its computation, as the
// snapshot's report says both (audit 30, item 12: Mali "unreachable" in 2026-Q3 for a bounce of 6 December).
import { describe, expect, it } from "vitest";
import { asOfComputationWords } from "#shared/snapshots/as-of-computation-words.ts";
import { AS_OF_COMPUTATION } from "#shared/snapshots/schemas.ts";
import {
  asOfComputationNotices,
  computedLaterNotice,
  type DiffSide,
  diffNotices,
} from "../../console/src/pages/snapshot-diff-notices.ts";

const q2: DiffSide = {
  period: "2026-Q2",
  periodEnd: "2026-06-30",
  computedAt: "2026-12-06T14:38:39.236Z",
  asOfComputation: [],
};
const q3: DiffSide = {
  period: "2026-Q3",
  periodEnd: "2026-09-30",
  computedAt: "2026-12-06T14:38:38.985Z",
  asOfComputation: ["pointOfContact", "correspondence.byStatus"],
};

const COMPUTED_LATER =
  "2026-Q2 was computed 2026-12-06 14:38:39 UTC, after 2026-Q3 (2026-12-06 14:38:38 UTC): what was recorded between " +
  "the two computations counts in 2026-Q2 but not in 2026-Q3, so the changes mix two moments of computation. No " +
  "State goes back to non-reporting: one that appears to do so had its first report recorded in between.";

describe("the earlier quarter's snapshot computed after the later one's", () => {
  it("is said, to the second, whichever quarter the page compares against", () => {
    expect(computedLaterNotice(q2, q3)).toBe(COMPUTED_LATER);
    expect(computedLaterNotice(q3, q2)).toBe(COMPUTED_LATER);
  });

  it("is not said when the earlier quarter was computed first", () => {
    expect(computedLaterNotice({ ...q2, computedAt: "2026-07-01T10:00:00.000Z" }, q3)).toBeUndefined();
  });
});

describe("what the quarters' snapshots describe as of their computation", () => {
  const q3Notice =
    "In 2026-Q3 (ended 2026-09-30, computed 2026-12-06 14:38 UTC), the point-of-contact coverage and message statuses " +
    "describe the records when the snapshot was computed, not at the quarter's end: no history of them is kept, so " +
    "what was recorded since, a letter that bounced for one, counts in it.";

  it("is said with each quarter's end and moment of computation; not of a snapshot that names no such group", () => {
    expect(asOfComputationNotices([q2, q3])).toEqual([q3Notice]);
    expect(asOfComputationNotices([q2])).toEqual([]);
  });

  it("is said once of two quarters that name the same groups, each for a quarter whose groups differ", () => {
    const q2Alike = { ...q2, asOfComputation: q3.asOfComputation };
    expect(asOfComputationNotices([q2Alike, q3])).toEqual([
      "In 2026-Q2 (ended 2026-06-30, computed 2026-12-06 14:38 UTC) and 2026-Q3 (ended 2026-09-30, computed " +
        "2026-12-06 14:38 UTC), the point-of-contact coverage and message statuses describe the records when the " +
        "snapshot was computed, not at the quarter's end: no history of them is kept, so what was recorded since, a " +
        "letter that bounced for one, counts in it.",
    ]);
    const q2Other = { ...q2, asOfComputation: ["correspondence.byStatus"] };
    expect(asOfComputationNotices([q2Other, q3])).toHaveLength(2);
  });

  it("names every group the snapshots can hold in words, and a group it does not know as it is", () => {
    for (const group of AS_OF_COMPUTATION) expect(asOfComputationWords([group])).not.toBe(group);
    expect(asOfComputationWords(["pointOfContact", "later.group", "responses.respondedOn"])).toBe(
      "point-of-contact coverage, later.group and answers to letters",
    );
  });
});

describe("the page's notices", () => {
  it("put the order of computation first, then each quarter's groups as of computation", () => {
    expect(diffNotices(q2, q3)).toEqual([COMPUTED_LATER, ...asOfComputationNotices([q3])]);
    expect(diffNotices({ ...q2, computedAt: "2026-07-01T10:00:00.000Z" }, { ...q3, asOfComputation: [] })).toEqual([]);
  });
});
