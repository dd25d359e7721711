// The id the console's "Add an organization" sends (ADR 0061): none while the acronym's slug is free or held by an
// active organization (the API derives it, or refuses it in words), the first free one beside a retired organization's.
import { describe, expect, it } from "vitest";
import { newOrganizationId } from "../../console/src/pages/organization-new-id.ts";
import { freeOrganizationId, organizationSlug } from "../../shared/organizations/organization-id.ts";

const organization = (id: string, acronym: string, retired = false) => ({
  id,
  kind: "regional" as const,
  name: `Organization ${acronym}`,
  acronym,
  updatedAt: "2026-12-01T00:00:00.000Z",
  ...(retired ? { retiredOn: "2026-12-06", retiredBy: "officer", retirementReason: "recorded twice" } : {}),
});

describe("freeOrganizationId", () => {
  it("numbers from 2 past the ids taken, cut to the longest id without a trailing dash", () => {
    expect(freeOrganizationId("osce", new Set(["osce"]))).toBe("osce-2");
    expect(freeOrganizationId("osce", new Set(["osce", "osce-2", "osce-3"]))).toBe("osce-4");
    expect(freeOrganizationId("iaea-2", new Set(["iaea", "iaea-2"]))).toBe("iaea-3");
    // A number that is the acronym's own is kept (review 32b: "G 77" was offered g-2, "P5+1" p5-2).
    expect(freeOrganizationId("g-77", new Set(["g-77"]))).toBe("g-77-2");
    expect(freeOrganizationId("p5-1", new Set(["p5-1"]))).toBe("p5-1-2");
    const long = organizationSlug(`${"a".repeat(37)} b`);
    expect(long).toHaveLength(39);
    expect(freeOrganizationId(long, new Set([long]))).toBe(`${"a".repeat(37)}-2`);
  });
});

describe("newOrganizationId", () => {
  it("sends no id while the acronym's slug is free or held by an active organization", () => {
    expect(newOrganizationId("OSCE", [organization("iaea", "IAEA", true)])).toBeUndefined();
    expect(newOrganizationId("OSCE", [organization("osce", "OSCE")])).toBeUndefined();
    expect(newOrganizationId("", [organization("osce", "OSCE", true)])).toBeUndefined();
  });

  it("sends the first free id beside a retired organization's, and says why", () => {
    const recorded = [organization("osce", "OSCE", true), organization("osce-2", "OSCE 2")];
    expect(newOrganizationId(" Osce ", recorded)).toEqual({
      id: "osce-3",
      why:
        "The id osce is kept by the retired OSCE, Organization OSCE (retired on 2026-12-06 by officer), as its " +
        "letters and audit trail name it: this organization will be added as osce-3.",
    });
  });
});
