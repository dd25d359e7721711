// A correction form's typing over the record it was typed on, in Node: the form shows the record under what was typed,
// a field typed back to the record is left alone again, only typed fields that differ count, and after a stale write
// the words say what stands and what saving sends, never a field the reader did not touch.
import { describe, expect, it } from "vitest";
import {
  differencesOf,
  type FieldWords,
  formOver,
  readAgainWords,
  typedWith,
} from "../../console/src/pages/typed-over.ts";

type Field = "region" | "note" | "kind";
const read: Record<Field, string> = { region: "West Africa", note: "", kind: "regional" };
// A colleague's change made meanwhile: the record as read again.
const since: Record<Field, string> = { ...read, region: "West Africa (15 States)" };
const words: FieldWords<Field> = {
  labels: { region: "region", note: "note", kind: "kind" },
  options: { kind: { regional: "Regional", subregional: "Subregional" } },
};

describe("typing over a record", () => {
  it("shows the record under what was typed, and the record read again under the same typing", () => {
    const typed = { note: "Checked with the secretariat" };
    expect(formOver(read, typed)).toEqual({ ...read, note: "Checked with the secretariat" });
    expect(formOver(since, typed)).toEqual({
      region: "West Africa (15 States)",
      note: "Checked with the secretariat",
      kind: "regional",
    });
  });

  it("leaves a field typed back to the record's value alone again, so a later change to it shows", () => {
    const typed = typedWith({}, read, "region", "West Africa, ECOWAS");
    expect(typed).toEqual({ region: "West Africa, ECOWAS" });
    const typedBack = typedWith(typed, read, "region", "West Africa");
    expect(typedBack).toEqual({});
    expect(formOver(since, typedBack).region).toBe("West Africa (15 States)");
    // Spaces being typed are kept as typed, so the field does not jump under the cursor.
    expect(typedWith({}, read, "region", "West Africa ")).toEqual({ region: "West Africa " });
  });

  it("counts only typed fields that differ from the record, but for spaces at their ends, in the record's order", () => {
    expect(differencesOf(since, {})).toEqual([]);
    expect(differencesOf(since, { note: "Checked", region: " West Africa (15 States) " })).toEqual([
      { field: "note", typed: "Checked", stored: "" },
    ]);
    expect(differencesOf(since, { kind: "subregional", region: "West Africa" }).map(({ field }) => field)).toEqual([
      "region",
      "kind",
    ]);
  });

  it("counts a change of case alone as none in the fields named so (an address stored in lower case), only there", () => {
    const contact = { email: "ada@example.org", name: "Ada" };
    expect(differencesOf(contact, { email: " Ada@Example.ORG", name: "ADA" }, { ignoringCase: ["email"] })).toEqual([
      { field: "name", typed: "ADA", stored: "Ada" },
    ]);
    expect(differencesOf(contact, { email: "Ada@Example.org" }).map(({ field }) => field)).toEqual(["email"]);
  });
});

describe("the words after a stale write's reading again", () => {
  it("say what is now on record and that saving sends only the typed values that differ, selects in words", () => {
    expect(readAgainWords(since, { note: "Checked", kind: "subregional" }, words)).toBe(
      'Now on record: region "West Africa (15 States)", note empty, kind Regional. Saving sends only what you typed ' +
        'that differs from it: note "Checked" (now empty), kind Subregional (now Regional). The other fields show the ' +
        "version now on record.",
    );
  });

  it("never name a field the reader did not type, nor one typed as it now stands", () => {
    const said = readAgainWords(since, { region: "West Africa (15 States)" }, words);
    expect(said).toBe(
      'Now on record: region "West Africa (15 States)", note empty, kind Regional. Nothing you typed differs from ' +
        "it. The fields show the version now on record.",
    );
  });
});
