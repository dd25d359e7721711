// The snapshots' diff page's rule for "Only the figures that changed", in Node: a figure blank in both quarters (a
// share of no letters bounced, a median of no days) is unchanged; one going from blank to a value, or back, changed.
import { describe, expect, it } from "vitest";
import { figureChanged } from "../../console/src/pages/snapshot-diff-figures.ts";

describe("a figure of two quarters", () => {
  it("changed when its change is not 0, and not when it is", () => {
    expect(figureChanged({ from: 8, to: 7, change: -1 })).toBe(true);
    expect(figureChanged({ from: 0.6667, to: 0.75, change: 0.0833 })).toBe(true);
    expect(figureChanged({ from: 185, to: 185, change: 0 })).toBe(false);
  });

  it("is unchanged when it is blank in both quarters", () => {
    expect(figureChanged({ from: null, to: null, change: null })).toBe(false);
  });

  it("changed when it goes from blank to a value, or from a value to blank, 0 included", () => {
    expect(figureChanged({ from: null, to: 0.25, change: null })).toBe(true);
    expect(figureChanged({ from: 14, to: null, change: null })).toBe(true);
    expect(figureChanged({ from: null, to: 0, change: null })).toBe(true);
    expect(figureChanged({ from: 0, to: null, change: null })).toBe(true);
  });
});
