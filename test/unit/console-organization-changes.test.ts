// How the console's organization form writes a correction back, in Node, against the API's own schema: only what the
// reader changed is sent, an emptied region or note is cleared, and a form left as read sends nothing.
import { describe, expect, it } from "vitest";
import type { components } from "../../console/src/api/schema";
import { organizationChanges, typedOf } from "../../console/src/pages/organization-changes.ts";
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
    expect(organizationChanges(au, typedOf(au))).toEqual({});
    expect(organizationChanges(au, { ...typedOf(au), name: " African Union " })).toEqual({});
  });

  it("sends only what changed, and the API's schema takes it", () => {
    const changes = organizationChanges(au, { ...typedOf(au), kind: "international", acronym: "UA" });
    expect(changes).toEqual({ kind: "international", acronym: "UA" });
    expect(organizationChangesSchema.safeParse(changes).success).toBe(true);
  });

  it("clears an emptied region and note with null, as the API reads it", () => {
    const changes = organizationChanges(au, { ...typedOf(au), region: " ", note: "" });
    expect(changes).toEqual({ region: null, note: null });
    expect(organizationChangesSchema.safeParse(changes).success).toBe(true);
  });

  it("reads an organization without region or note as empty fields", () => {
    const { region: _region, note: _note, ...bare } = au;
    expect(typedOf(bare)).toEqual({ kind: "regional", name: "African Union", acronym: "AU", region: "", note: "" });
  });
});
