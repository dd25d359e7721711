// How the console says a retired organization (ADR 0061), in Node: its retirement in the API's words, and the list
// that leaves the retired out unless the reader asks, then shows them after the active ones, by name.
import { describe, expect, it } from "vitest";
import type { components } from "../../console/src/api/schema";
import {
  organizationsListed,
  retiredWords,
  showRetiredLabel,
} from "../../console/src/pages/organization-retirement.ts";

type Organization = components["schemas"]["Organization"];

const organization = (id: string, name: string, retired?: Partial<Organization>): Organization => ({
  id,
  kind: "international",
  name,
  acronym: id.toUpperCase(),
  updatedAt: "2027-03-01T09:00:00.000Z",
  ...retired,
});

const iaea = organization("iaea", "International Atomic Energy Agency");
const duplicate = organization("iaea-2", "International Atomic Energy Agency", {
  retiredOn: "2027-03-01",
  retiredBy: "officer",
  retirementReason: "recorded twice",
});
const opcw = organization("opcw", "Organisation for the Prohibition of Chemical Weapons");
const au = organization("au", "African Union", { retiredOn: "2027-02-01" });

describe("a retired organization in the console", () => {
  it("says the day, who and why, leaving out what was not recorded", () => {
    expect(retiredWords(duplicate)).toBe("Retired on 2027-03-01 by officer: recorded twice");
    expect(retiredWords(au)).toBe("Retired on 2027-02-01");
  });

  it("lists the active organizations by name, and the retired after them only when asked", () => {
    const all = [opcw, duplicate, au, iaea];
    expect(organizationsListed(all, false).map(({ id }) => id)).toEqual(["iaea", "opcw"]);
    expect(organizationsListed(all, true).map(({ id }) => id)).toEqual(["iaea", "opcw", "au", "iaea-2"]);
  });

  it("offers the retired ones, counted, only while there is one", () => {
    expect(showRetiredLabel([iaea, opcw])).toBeUndefined();
    expect(showRetiredLabel([iaea, duplicate])).toBe("Show the 1 retired organization too");
    expect(showRetiredLabel([iaea, duplicate, au])).toBe("Show the 2 retired organizations too");
  });
});
