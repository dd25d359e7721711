// How the console's "Correct this request" form writes back (PATCH /assistance/requests/{id}, ADR 0069), in Node,
// against the API's own schema: only what the reader typed is sent (trimmed symbol and day, areas in any order), a form
// left as read sends nothing, a colleague's correction made meanwhile is never put back, and the words after a save and
// a stale write name the fields.
import { describe, expect, it } from "vitest";
import { assistanceRequestCorrectionSchema } from "#shared/assistance/schemas.ts";
import type { components } from "../../console/src/api/schema";
import {
  correctedWords,
  requestCorrectionOf,
  requestValuesOf,
  staleCorrectionWords,
} from "../../console/src/pages/assistance-request-changes.ts";

type AssistanceRequest = components["schemas"]["AssistanceRequest"];

const kenyas: AssistanceRequest = {
  id: "01J0000000000000000000KENR",
  iso3: "KEN",
  areas: ["legislation"],
  description: "Export control law",
  receivedOn: "2027-02-15",
  symbol: "S/AC.44/2027/TYPO",
  consentedToCirculation: false,
  status: "received",
  history: [],
  createdAt: "2027-02-15T10:00:00.000Z",
  createdBy: "user-1",
  updatedAt: "2027-02-15T10:00:00.000Z",
};

describe("the request's correction form", () => {
  it("sends only what was typed over, trimmed, as the API's schema takes it; nothing for a form left as read", () => {
    const typed = { ...requestValuesOf(kenyas), symbol: " S/AC.44/2027/7 ", areas: "customs-and-border legislation" };
    const changes = requestCorrectionOf(kenyas, typed);
    expect(changes).toEqual({ symbol: "S/AC.44/2027/7", areas: ["legislation", "customs-and-border"] });
    expect(assistanceRequestCorrectionSchema.safeParse(changes).success).toBe(true);
    expect(requestCorrectionOf(kenyas, requestValuesOf(kenyas))).toEqual({});
    expect(correctedWords(changes)).toBe("the symbol and the areas");
  });

  it("leaves a colleague's correction standing, and says it after a stale write", () => {
    const now: AssistanceRequest = { ...kenyas, description: "Export control law and its regulations" };
    // What the reader typed over (the form keeps only those fields), not the form's every value.
    const typed = { receivedOn: "2027-02-14" };
    expect(requestCorrectionOf(now, typed)).toEqual({ receivedOn: "2027-02-14" });
    const words = staleCorrectionWords(kenyas, now, typed);
    expect(words).toMatch(/^Your correction was not saved: meanwhile, the description was corrected\. /);
    expect(words).toContain("2027-02-14");
  });
});
