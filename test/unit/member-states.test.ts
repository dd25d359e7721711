import { describe, expect, it } from "vitest";
import { loadMemberStates, parseMemberStates } from "#shared/registry/member-states.ts";

const states = loadMemberStates();
const byCode = new Map(states.map((state) => [state.iso3, state]));

describe("the registry data file", () => {
  it("holds the 193 Member States with unique ISO codes", () => {
    expect(states).toHaveLength(193);
    expect(new Set(states.map((state) => state.iso3)).size).toBe(193);
    expect(new Set(states.map((state) => state.iso2)).size).toBe(193);
    expect(byCode.has("VAT")).toBe(false);
    expect(byCode.has("PSE")).toBe(false);
  });

  it("puts each State in its UN regional group, with the US and Kiribati counted as the file explains", () => {
    const counts: Record<string, number> = {};
    for (const state of states) counts[state.region] = (counts[state.region] ?? 0) + 1;
    expect(counts).toEqual({ african: 54, "asia-pacific": 54, "eastern-european": 23, grulac: 33, weog: 29 });
    expect(byCode.get("USA")).toMatchObject({ region: "weog", groupNote: expect.stringContaining("observer") });
    expect(byCode.get("TUR")).toMatchObject({ region: "weog", groupNote: expect.stringContaining("Asia-Pacific") });
    expect(byCode.get("KIR")).toMatchObject({ region: "asia-pacific", groupNote: expect.stringContaining("no group") });
  });

  it("includes the eight States the Committee lists as not having reported", () => {
    for (const code of ["TCD", "PRK", "SWZ", "GMB", "GIN", "MLI", "MRT", "SOM"]) expect(byCode.has(code)).toBe(true);
  });

  it("names the line of a row that does not fit", () => {
    const bad =
      "iso3,iso2,name,regional_group,group_note,language,language_basis\nAAA,AA,Atlantis,Oceanic,,en,inferred\n";
    expect(() => parseMemberStates(bad)).toThrow(/row 1/);
  });
});
