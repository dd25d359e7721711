// The request page's words for a proposed match whose offer is not valid today, and the moves it then offers (audit
// 36, bug 6): by the API's rule, the acceptance is not offered and the reason is said; declining still is. In Node.
import { describe, expect, it } from "vitest";
import { matchTransitions } from "#shared/assistance/transitions.ts";
import { acceptanceWithheld, movesOffered } from "../../console/src/pages/assistance-match-acceptance.ts";

const TODAY = "2026-12-07";

describe("a proposed match's acceptance, withheld while its offer is not valid today", () => {
  it("says the offer ended, and when, once its last day has passed", () => {
    expect(acceptanceWithheld({ validFrom: "2026-01-01", validUntil: "2026-12-06" }, TODAY)).toBe(
      "The offer ended on 6 December 2026: it can no longer be accepted",
    );
  });

  it("says from when an offer not valid yet may be accepted", () => {
    expect(acceptanceWithheld({ validFrom: "2027-01-01" }, TODAY)).toBe(
      "The offer is valid from 1 January 2027: it cannot be accepted before",
    );
  });

  it("says nothing on the offer's first and last days, or for an open-ended offer", () => {
    expect(acceptanceWithheld({ validFrom: TODAY, validUntil: TODAY }, TODAY)).toBeUndefined();
    expect(acceptanceWithheld({ validFrom: "2020-01-01" }, TODAY)).toBeUndefined();
  });

  it("offers declining alone where the acceptance is withheld, and every legal move otherwise", () => {
    expect(movesOffered(matchTransitions.proposed, "The offer ended on 6 December 2026")).toEqual(["declined"]);
    expect(movesOffered(matchTransitions.proposed, undefined)).toEqual(["accepted", "declined"]);
    expect(movesOffered(matchTransitions.accepted, undefined)).toEqual(matchTransitions.accepted);
  });
});
