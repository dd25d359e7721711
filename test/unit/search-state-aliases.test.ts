// States found by the names officers type beside the UN's short names (audit 36, finding 16): the UN's former names,
// its formal names and common English names, from shared/search/state-aliases.json, each with a source (in
// state-aliases.sources.json, which no bundle carries) that says what was read. The 193 States indexed as the indexer
// indexes them, searched by the search use case.
import { afterAll, describe, expect, it } from "vitest";
import { loadMemberStates } from "#shared/registry/member-states.ts";
import { indexedWords, MAX_TOKENS, type SearchEntry, searchEntryOf } from "#shared/search/entries.ts";
import aliasFile from "#shared/search/state-aliases.json" with { type: "json" };
import sourceFile from "#shared/search/state-aliases.sources.json" with { type: "json" };
import { searchOverEntries } from "../support/search-index-stand-in.ts";

const states = loadMemberStates();
const entries = states.flatMap(
  (state) => searchEntryOf({ entity: "state", iso3: state.iso3, iso2: state.iso2, name: state.name }) ?? [],
);
const index = searchOverEntries(entries);
afterAll(() => index.restore());

async function statesFound(q: string): Promise<string[]> {
  const result = await index.search({ q, kinds: ["state"], limit: 50 }, undefined);
  return result.groups.flatMap((group) => group.items.map((hit) => hit.id));
}

describe("the file of other names", () => {
  it("names Member States only, each name with sources the file describes", () => {
    const codes = new Set(states.map((state) => state.iso3));
    const sources = sourceFile.sources as Record<string, { title: string; where: string; read: string }>;
    for (const source of Object.values(sources)) {
      expect(source.title.length * source.where.length).toBeGreaterThan(0);
      // What was read, and on what day: nothing is said to be checked without it.
      expect(source.read).toMatch(/^\d{4}-\d{2}-\d{2}: /);
    }
    for (const name of aliasFile.names) {
      expect(codes.has(name.iso3), name.iso3).toBe(true);
      expect(name.sources.length, name.name).toBeGreaterThan(0);
      expect(
        name.sources.filter((id) => !(id in sources)),
        name.name,
      ).toEqual([]);
      expect(["former-un-name", "un-formal-name", "common-english-name"]).toContain(name.why);
    }
    const cited = new Set(aliasFile.names.flatMap((name) => name.sources));
    expect(Object.keys(sources).filter((id) => !cited.has(id))).toEqual([]);
  });

  it("keeps every State under the token cap, so no name it was found by before is cut off", () => {
    const over = entries.filter((entry: SearchEntry) => indexedWords(entry).tokens.length >= MAX_TOKENS);
    expect(over.map((entry) => entry.id)).toEqual([]);
  });
});

describe("States found by the names officers type", () => {
  it.each([
    ["Turkey", "TUR"],
    ["Czech Republic", "CZE"],
    ["Swaziland", "SWZ"],
    ["Ivory Coast", "CIV"],
    ["former Yugoslav Republic of Macedonia", "MKD"],
    ["East Timor", "TLS"],
    ["DRC", "COD"],
    ["DR Congo", "COD"],
    ["Congo-Brazzaville", "COG"],
  ])("finds %s: %s alone", async (q, iso3) => {
    expect(await statesFound(q)).toEqual([iso3]);
  });

  it("finds the United Kingdom by UK, beside Ukraine", async () => {
    expect(await statesFound("UK")).toEqual(["GBR", "UKR"]);
    expect(await statesFound("United Kingdom")).toEqual(["GBR"]);
  });

  it("finds the common English short names whatever Node's ICU calls the State", async () => {
    for (const name of aliasFile.names) {
      expect(await statesFound(name.name), name.name).toContain(name.iso3);
    }
  });

  it('ignores a leading "the" when another word follows, and searches "the" alone as typed', async () => {
    expect(await statesFound("the Gambia")).toEqual(["GMB"]);
    expect(await statesFound("The Netherlands")).toEqual(["NLD"]);
    expect(await statesFound("the UK")).toEqual(["GBR", "UKR"]);
    // Both Congos: UNTERM's short name of the Republic is "Congo (the)", and the other's name has "of the Congo".
    expect(await statesFound("the Congo")).toEqual(["COD", "COG"]);
    // Alone, "the" is looked up as typed: the names with the word in them.
    expect(await statesFound("the")).toEqual(["COD", "NLD", "VCT"]);
    // A one-letter word after it cannot be looked up: "the" stays, and the answer is what it was.
    expect(await statesFound("the x")).toEqual([]);
  });
});
