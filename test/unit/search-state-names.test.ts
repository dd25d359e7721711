// A State is found by every name a letter prints for it (shared/locale/names.ts, the UN's short names in the six
// languages), not only by CLDR's: the 193 States indexed as the indexer indexes them, searched by the search use case
// over an in-memory stand-in for the index's Queries (test/support/search-index-stand-in.ts).
import { afterAll, describe, expect, it } from "vitest";
import { UN_LANGUAGES } from "#shared/locale/languages.ts";
import { stateNamesOf } from "#shared/locale/names.ts";
import { loadMemberStates } from "#shared/registry/member-states.ts";
import { searchEntryOf } from "#shared/search/entries.ts";
import { searchOverEntries } from "../support/search-index-stand-in.ts";

const states = loadMemberStates();
const index = searchOverEntries(
  states.flatMap(
    (state) => searchEntryOf({ entity: "state", iso3: state.iso3, iso2: state.iso2, name: state.name }) ?? [],
  ),
);
afterAll(() => index.restore());
const searchIndex = index.search;

async function statesFound(q: string): Promise<string[]> {
  const result = await searchIndex({ q, kinds: ["state"], limit: 50 }, undefined);
  return result.groups.flatMap((group) => group.items.map((hit) => hit.id));
}

describe("States found by their UN names", () => {
  it.each(["République de Moldova", "Республика Молдова", "جمهورية مولدوفا", "República de Moldova", "摩尔多瓦共和国"])(
    "finds the Republic of Moldova by %s",
    async (q) => {
      expect(await statesFound(q)).toEqual(["MDA"]);
    },
  );

  it("still finds a State by CLDR's common name", async () => {
    expect(await statesFound("Moldavie")).toEqual(["MDA"]);
    expect(await statesFound("Молдова")).toEqual(["MDA"]);
  });

  it("finds each of the 193 States by the name a letter prints for it in each of the six languages", async () => {
    const missed: string[] = [];
    for (const state of states) {
      const names = stateNamesOf(state.iso3, state.name);
      for (const language of UN_LANGUAGES) {
        if (!(await statesFound(names[language])).includes(state.iso3)) missed.push(`${state.iso3} ${language}`);
      }
    }
    expect(states).toHaveLength(193);
    expect(missed).toEqual([]);
  });
});
