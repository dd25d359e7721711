// The snapshots' diff page in words, in Node: "Only the figures that changed" (a figure blank in both quarters, a
// share of no letters bounced or a median of no days, is unchanged; one going from blank to a value, or back,
// changed), a share as a percentage, and the lists' members by name.
import { describe, expect, it } from "vitest";
import {
  figureChanged,
  figureChangeWords,
  figureValueWords,
  listMembersWords,
} from "../../console/src/pages/snapshot-diff-figures.ts";

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

describe("a figure's sides and change in words (audit 30: the page showed 0.6667 → 0.7, +0.0333)", () => {
  it("shows a share as a percentage and its change in percentage points", () => {
    expect([figureValueWords(0.6667, "share"), figureValueWords(0.7, "share")]).toEqual(["66.7%", "70.0%"]);
    expect(figureChangeWords(0.0333, "share")).toBe("+3.3 points");
    expect(figureChangeWords(-0.25, "share")).toBe("-25.0 points");
  });

  it("shows a count as it is, signed when it changed, and a blank side as a dash", () => {
    expect(figureValueWords(185, undefined)).toBe("185");
    expect(figureChangeWords(3, undefined)).toBe("+3");
    expect(figureChangeWords(-1, undefined)).toBe("-1");
    expect(figureChangeWords(0, undefined)).toBe("0");
    expect([figureValueWords(null, "share"), figureChangeWords(null, undefined)]).toEqual(["–", "–"]);
  });
});

describe("a list's members in words (audit 30: the diff page gave BRA, BRB, BRN)", () => {
  const names = new Map([
    ["STATE:BRA", "Brazil"],
    ["STATE:BRB", "Barbados"],
    ["STATE:DEU", "Germany"],
    ["ORG:iaea", "International Atomic Energy Agency"],
  ]);

  it("names States and providers, in name order; a code the names lack stays a code", () => {
    expect(listMembersWords(["BRA", "BRB", "XKX"], names)).toBe("Barbados, Brazil, XKX");
    expect(listMembersWords(["organization:iaea", "state:DEU"], names)).toBe(
      "Germany, International Atomic Energy Agency",
    );
    expect(listMembersWords([], names)).toBe("");
  });
});
