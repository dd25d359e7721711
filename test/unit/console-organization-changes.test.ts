// How the console's organization form writes a correction back, in Node, against the API's own schema: only what the
// reader typed is sent, an emptied region or note is cleared, a form left as read sends nothing, and after a stale
// write a colleague's change to a field the reader left alone is never put back.
import { describe, expect, it } from "vitest";
import type { components } from "../../console/src/api/schema";
import {
  correctionValuesOf,
  ORGANIZATION_WORDS,
  organizationChanges,
} from "../../console/src/pages/organization-changes.ts";
import { readAgainWords } from "../../console/src/pages/typed-over.ts";
import { organizationChangesSchema } from "../../shared/organizations/schemas.ts";

const au: components["schemas"]["Organization"] = {
  id: "au",
  kind: "regional",
  name: "African Union",
  acronym: "AU",
  region: "Africa",
  note: "Engagement verified in 2024",
  updatedAt: "2026-01-01T00:00:00.000Z",
};

describe("an organization's correction", () => {
  it("sends nothing for a form left as read, or changed only by spaces at its ends", () => {
    expect(organizationChanges(au, correctionValuesOf(au))).toEqual({});
    expect(organizationChanges(au, { ...correctionValuesOf(au), name: " African Union " })).toEqual({});
  });

  it("sends only what changed, and the API's schema takes it", () => {
    const changes = organizationChanges(au, { ...correctionValuesOf(au), kind: "international", acronym: "UA" });
    expect(changes).toEqual({ kind: "international", acronym: "UA" });
    expect(organizationChangesSchema.safeParse(changes).success).toBe(true);
  });

  it("clears an emptied region and note with null, as the API reads it", () => {
    const changes = organizationChanges(au, { ...correctionValuesOf(au), region: " ", note: "" });
    expect(changes).toEqual({ region: null, note: null });
    expect(organizationChangesSchema.safeParse(changes).success).toBe(true);
  });

  it("after a stale write, sends only what was typed against the organization read again, not a field left alone", () => {
    const since = { ...au, region: "Africa (55 Member States)" };
    // The reader typed a note; the region changed meanwhile and was left alone: it is not sent back.
    expect(organizationChanges(since, { note: "Checked in 2026" })).toEqual({ note: "Checked in 2026" });
    // What the other change already made is not sent again.
    expect(organizationChanges(since, { region: "Africa (55 Member States)" })).toEqual({});
    // A region the reader did type differs from the one read again: theirs is sent.
    expect(organizationChanges(since, { region: "Africa" })).toEqual({ region: "Africa" });
  });

  it("says the kind in words after reading again, and only the typed fields that differ", () => {
    const since = { ...au, region: "Africa (55 Member States)" };
    expect(readAgainWords(correctionValuesOf(since), { note: "" }, ORGANIZATION_WORDS)).toBe(
      'Now on record: kind Regional, name "African Union", acronym "AU", region "Africa (55 Member States)", note ' +
        '"Engagement verified in 2024". Saving sends only what you typed that differs from it: note empty (now ' +
        '"Engagement verified in 2024"). The other fields show the version now on record.',
    );
  });

  it("reads an organization without region or note as empty fields", () => {
    const { region: _region, note: _note, ...bare } = au;
    expect(correctionValuesOf(bare)).toEqual({
      kind: "regional",
      name: "African Union",
      acronym: "AU",
      region: "",
      note: "",
    });
  });
});
