import { describe, expect, it } from "vitest";
import { indexedWords, searchEntryOf, searchTokenItems } from "#shared/search/entries.ts";
import { indexWrites } from "#shared/search/indexer.ts";
import { foldText, matchesAll, tokensOfWord, wordsOf } from "#shared/search/normalize.ts";
import { searchQuerySchema } from "#shared/search/schemas.ts";

const contact = {
  pk: "STATE:MLI",
  sk: "CONTACT#c1",
  entity: "contact",
  id: "c1",
  owner: "STATE:MLI",
  role: "capital-poc",
  name: "Aïssata Traoré",
  email: "poc@mali.example",
  active: true,
};

describe("search text folding", () => {
  it("drops case and accents in Latin, Cyrillic and Arabic script", () => {
    expect(foldText("Côte d’Ivoire")).toBe("cote d’ivoire");
    expect(foldText("TÜRKİYE")).toBe("turkiye");
    expect(foldText("Ёлка")).toBe("елка");
    // Harakat and hamza marks go; alef maqsura and teh marbuta take the forms most keyboards give.
    expect(foldText("مُوريتانيا")).toBe("موريتانيا");
    expect(foldText("أفريقيا")).toBe("افريقيا");
    expect(foldText("الجزائر")).toBe("الجزاير");
    expect(foldText("ﬁnland ＭＡＬＩ")).toBe("finland mali");
  });

  it("splits words on anything but letters and digits, keeping each once", () => {
    expect(wordsOf("S/AC.44/2027/NOTE.7 note")).toEqual(["s", "ac", "44", "2027", "note", "7"]);
    expect(wordsOf("  -- ")).toEqual([]);
  });

  it("indexes every suffix of an unspaced script and an Arabic word without its article", () => {
    expect(tokensOfWord("中非共和国")).toEqual(["中非共和国", "非共和国", "共和国", "和国"]);
    expect(tokensOfWord("الجزاير")).toEqual(["الجزاير", "جزاير"]);
    expect(tokensOfWord("x")).toEqual([]);
  });

  it("matches when every word of the query starts an indexed word", () => {
    expect(matchesAll(["rep", "centr"], ["republique", "centrafricaine"])).toBe(true);
    expect(matchesAll(["rep", "dem"], ["republique", "centrafricaine"])).toBe(false);
  });
});

describe("search entries and index writes", () => {
  it("derives a State's names in the six UN languages from its ISO alpha-2 code", () => {
    const entry = searchEntryOf({ entity: "state", iso3: "MLI", iso2: "ML", name: "Mali" });
    expect(entry?.texts).toEqual(expect.arrayContaining(["MLI", "ML", "Mali", "马里", "Мали", "مالي"]));
    expect(entry?.path).toBe("/states/MLI");
  });

  it("leaves out items that are not searchable records or lack their fields", () => {
    expect(searchEntryOf({ entity: "obligation", iso3: "MLI" })).toBeUndefined();
    expect(searchEntryOf({ entity: "contact", id: "c1" })).toBeUndefined();
    expect(searchEntryOf(undefined)).toBeUndefined();
  });

  it("marks a retired organization's entry inactive, as a deactivated contact's (audit 33, item 10)", () => {
    const osce = { entity: "organization", id: "osce", name: "Organization for Security", acronym: "OSCE" };
    expect(searchEntryOf(osce)?.active).toBe(true);
    expect(searchEntryOf({ ...osce, retiredOn: "2026-12-06" })?.active).toBe(false);
  });

  it("keeps one-letter words for filtering but never as a token", () => {
    const entry = searchEntryOf({ entity: "organization", id: "x-y", name: "X Y Organization", acronym: "XY" });
    if (!entry) throw new Error("no entry");
    const { words, tokens } = indexedWords(entry);
    expect(tokens).toEqual(["xy", "organization"]);
    expect(words).toEqual(expect.arrayContaining(["x", "y", "xy", "organization"]));
  });

  it("removes the old image's tokens the new image lacks and rewrites the new image's", () => {
    const writes = indexWrites(contact, { ...contact, name: "Aïssata Keïta" });
    const deleted = writes.flatMap((w) => ("DeleteRequest" in w ? [w.DeleteRequest.Key.sk] : []));
    const put = writes.flatMap((w) => ("PutRequest" in w ? [String(w.PutRequest.Item.sk)] : []));
    expect(deleted).toEqual(["contact#traore#c1"]);
    expect(put).toEqual(expect.arrayContaining(["contact#aissata#c1", "contact#keita#c1", "contact#mali#c1"]));
    expect(put).not.toContain("contact#traore#c1");
  });

  it("removes every token of a record that stops being searchable, and writes nothing for other items", () => {
    const entry = searchEntryOf(contact);
    if (!entry) throw new Error("no entry");
    const removal = indexWrites(contact, undefined);
    expect(removal).toHaveLength(searchTokenItems(entry).length);
    expect(removal.every((w) => "DeleteRequest" in w)).toBe(true);
    expect(indexWrites({ entity: "audit" }, { entity: "audit" })).toEqual([]);
  });
});

describe("the search query", () => {
  it("refuses a query without a word of two characters, and unknown kinds", () => {
    expect(searchQuerySchema.safeParse({ q: "a" }).success).toBe(false);
    expect(searchQuerySchema.safeParse({ q: "a b" }).success).toBe(false);
    expect(searchQuerySchema.safeParse({ q: "马" }).success).toBe(false);
    expect(searchQuerySchema.safeParse({ q: "马里" }).success).toBe(true);
    expect(searchQuerySchema.safeParse({ q: "ml", kinds: "state,persons" }).success).toBe(false);
    expect(searchQuerySchema.parse({ q: "ml", kinds: "state, wave,state" }).kinds).toEqual(["state", "wave"]);
  });
});
