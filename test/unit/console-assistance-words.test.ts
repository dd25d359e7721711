// The assistance pages' words for the API's codes: every status and area in words, none left as its code.
import { describe, expect, it } from "vitest";
import { assistanceAreas, requestStatuses } from "#shared/assistance/schemas.ts";
import {
  AREA_WORDS,
  aboutThisRequest,
  areasInWords,
  MOVE_WORDS,
  MOVED_WORDS,
  proposeOfferLabel,
  providerStandingWords,
  REQUEST_STATUS_WORDS,
  statusesInWords,
  withAreasInWords,
} from "../../console/src/pages/assistance-words.ts";

describe("the assistance pages' words", () => {
  it("puts every status, the move to it, what the move did and every area in words, not as its code", () => {
    for (const status of requestStatuses) {
      expect(REQUEST_STATUS_WORDS[status]).not.toMatch(/-/);
      expect(MOVE_WORDS[status]).not.toMatch(/-/);
      expect(MOVED_WORDS[status]).not.toMatch(/-/);
    }
    expect(REQUEST_STATUS_WORDS["consent-window"]).toBe("in the consent window");
    expect(MOVE_WORDS["consent-window"]).toBe("Open the consent window");
    // In the API's order, each once: the forms list the areas so.
    expect(Object.keys(AREA_WORDS)).toEqual([...assistanceAreas]);
    for (const area of assistanceAreas) expect(AREA_WORDS[area]).not.toMatch(/-/);
    expect(areasInWords(["biosafety-biosecurity", "legislation"])).toBe("Biosafety and biosecurity, Legislation");
  });

  it("puts the areas a candidate's reason lists by code in words, and leaves other words as they are", () => {
    const shared = ["legislation", "national-reporting"] as const;
    expect(withAreasInWords("shares 2 of the 2 areas requested: legislation, national-reporting", shared)).toBe(
      "shares 2 of the 2 areas requested: Legislation, National reporting",
    );
    expect(withAreasInWords("last updated 3 months ago (2026-09-04): 9 freshness points", shared)).toBe(
      "last updated 3 months ago (2026-09-04): 9 freshness points",
    );
  });

  it("says a refusal's legal moves in words, and an unknown status as the API names it", () => {
    expect(statusesInWords(["circulated", "closed-unmet"])).toBe("circulated or closed unmet");
    expect(statusesInWords(["archived"])).toBe("archived");
    expect(statusesInWords([])).toBe("none");
  });

  it("puts the request, named by its symbol and State in the API's words, as this request", () => {
    const request = { symbol: "S/AC.44/2026/3" };
    expect(
      aboutThisRequest("Assistance request S/AC.44/2026/3 of Gambia has no accepted match", request, "Gambia"),
    ).toBe("This request has no accepted match");
    expect(aboutThisRequest("The match of … to assistance request S/AC.44/2026/3 of Gambia", request, "Gambia")).toBe(
      "The match of … to this request",
    );
    expect(aboutThisRequest("Assistance request S/AC.44/2026/3 is withdrawn", request, "GMB")).toBe(
      "This request is withdrawn",
    );
  });

  it("names the provider whose offer a button proposes, a name ending in s with the apostrophe alone", () => {
    expect(proposeOfferLabel("Kenya")).toBe("Propose Kenya's offer");
    expect(proposeOfferLabel("Association of Southeast Asian Nations")).toBe(
      "Propose Association of Southeast Asian Nations' offer",
    );
  });

  it("marks a retired organization among the providers, never as stale, and a stale provider as such", () => {
    expect(providerStandingWords({ stale: true, retiredOn: "2026-12-06" })).toBe(
      " (retired on 2026-12-06: its offers are history)",
    );
    expect(providerStandingWords({ stale: true })).toBe(" (stale: over 12 months)");
    expect(providerStandingWords({ stale: false })).toBe("");
  });
});
