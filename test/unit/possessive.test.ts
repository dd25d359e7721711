// A name's possessive in the desk's words (audit 32: "Propose Association of Southeast Asian Nations's offer").
import { describe, expect, it } from "vitest";
import { possessive } from "#shared/possessive.ts";

describe("a name's possessive", () => {
  it("takes 's, or the apostrophe alone after a plural name", () => {
    expect(possessive("Kenya")).toBe("Kenya's");
    expect(possessive("the Philippines")).toBe("the Philippines'");
    expect(possessive("Association of Southeast Asian Nations")).toBe("Association of Southeast Asian Nations'");
    expect(possessive("United States of America")).toBe("United States of America's");
    expect(possessive("United Arab Emirates")).toBe("United Arab Emirates'");
    expect(possessive("Marshall Islands")).toBe("Marshall Islands'");
    expect(possessive("Netherlands (Kingdom of the)")).toBe("Netherlands (Kingdom of the)'s");
    expect(possessive("BAHAMAS")).toBe("BAHAMAS'");
  });

  it("takes 's after a singular name ending in s (review 32b)", () => {
    for (const name of ["Belarus", "Cyprus", "Honduras", "Saint Kitts and Nevis", "Mauritius", "Paris"]) {
      expect(possessive(name)).toBe(`${name}'s`);
    }
  });
});
