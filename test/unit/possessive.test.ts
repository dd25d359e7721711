// A name's possessive in the desk's words (audit 32: "Propose Association of Southeast Asian Nations's offer").
import { describe, expect, it } from "vitest";
import { possessive } from "#shared/possessive.ts";

describe("a name's possessive", () => {
  it("takes 's, or the apostrophe alone after a final s", () => {
    expect(possessive("Kenya")).toBe("Kenya's");
    expect(possessive("the Philippines")).toBe("the Philippines'");
    expect(possessive("Association of Southeast Asian Nations")).toBe("Association of Southeast Asian Nations'");
    expect(possessive("BAHAMAS")).toBe("BAHAMAS'");
  });
});
