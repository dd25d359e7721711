// How the console's "Correct this offer" form writes back (PATCH /assistance/offers/{id}), in Node, against the API's
// own schema: only what the reader typed is sent (areas chosen in any order, an emptied end of validity made
// open-ended, a new last-updated day that refreshes a stale provider), a form left as read sends nothing, a colleague's
// change made meanwhile is never put back, and the words after a stale write and a save say areas in words.
import { describe, expect, it } from "vitest";
import { assistanceOfferChangesSchema } from "#shared/assistance/schemas.ts";
import type { components } from "../../console/src/api/schema";
import {
  areasOfValue,
  areasValue,
  correctedWords,
  offerChanges,
  offerFieldWords,
  offerValuesOf,
} from "../../console/src/pages/assistance-offer-changes.ts";
import { readAgainWords } from "../../console/src/pages/typed-over.ts";

type Offer = components["schemas"]["AssistanceOffer"];

const workshop: Offer = {
  id: "01J0000000000000000000WORK",
  provider: { kind: "state", iso3: "FRA" },
  areas: ["legislation", "export-and-licensing"],
  description: "Legislative drafting workshop",
  validFrom: "2024-01-01",
  validUntil: "2026-12-31",
  lastUpdatedOn: "2024-01-15",
  createdAt: "2024-01-15T10:00:00.000Z",
  updatedAt: "2024-01-15T10:00:00.000Z",
};

describe("an offer's correction", () => {
  it("sends nothing for a form left as read, or changed only by spaces at its ends", () => {
    expect(offerChanges(workshop, offerValuesOf(workshop))).toEqual({});
    expect(offerChanges(workshop, { description: " Legislative drafting workshop " })).toEqual({});
  });

  it("reads the areas as one value whatever order they were chosen in", () => {
    expect(areasValue(["export-and-licensing", "legislation"])).toBe(offerValuesOf(workshop).areas);
    expect(offerChanges(workshop, { areas: areasValue(["export-and-licensing", "legislation"]) })).toEqual({});
    expect(areasOfValue(areasValue(["other", "legislation"]))).toEqual(["legislation", "other"]);
  });

  it("sends only what changed, and the API's schema takes it", () => {
    const changes = offerChanges(workshop, {
      ...offerValuesOf(workshop),
      areas: areasValue(["legislation", "other"]),
      lastUpdatedOn: "2026-05-02",
    });
    expect(changes).toEqual({ areas: ["legislation", "other"], lastUpdatedOn: "2026-05-02" });
    expect(assistanceOfferChangesSchema.safeParse(changes).success).toBe(true);
  });

  it("makes an offer open-ended with null when its end is emptied, as the API reads it", () => {
    const changes = offerChanges(workshop, { validUntil: " " });
    expect(changes).toEqual({ validUntil: null });
    expect(assistanceOfferChangesSchema.safeParse(changes).success).toBe(true);
    // An open-ended offer given an end sends that end.
    const { validUntil: _open, ...openEnded } = workshop;
    expect(offerChanges(openEnded, { validUntil: "2027-06-30" })).toEqual({ validUntil: "2027-06-30" });
  });

  it("sends every area unchosen as none, for the API to refuse at the field", () => {
    const changes = offerChanges(workshop, { areas: areasValue([]) });
    expect(changes).toEqual({ areas: [] });
    expect(assistanceOfferChangesSchema.safeParse(changes).success).toBe(false);
  });

  it("after a stale write, sends only what was typed against the offer read again, not a field left alone", () => {
    // A colleague made the offer open-ended meanwhile; the reader typed a new last-updated day.
    const { validUntil: _gone, ...since } = workshop;
    expect(offerChanges(since, { lastUpdatedOn: "2026-05-02" })).toEqual({ lastUpdatedOn: "2026-05-02" });
    // What the colleague's change already made is not sent again.
    expect(offerChanges(since, { validUntil: "" })).toEqual({});
  });

  it("says areas and an open-ended validity in words after reading again, and only the typed fields that differ", () => {
    const since = { ...workshop, validUntil: undefined, areas: ["legislation" as const] };
    const stored = offerValuesOf(since);
    const typed = { areas: areasValue(["legislation", "other"]), lastUpdatedOn: "2026-05-02" };
    expect(readAgainWords(stored, typed, offerFieldWords(stored.areas, typed.areas))).toBe(
      'Now on record: areas Legislation, description "Legislative drafting workshop", valid from "2024-01-01", ' +
        'valid until open-ended, last updated "2024-01-15". Saving sends only what you typed that differs from it: ' +
        'areas Legislation, Other (now Legislation), last updated "2026-05-02" (now "2024-01-15"). The other fields ' +
        "show the version now on record.",
    );
  });

  it("says what a save changed, areas in words, the description by name only", () => {
    expect(
      correctedWords({
        areas: ["legislation", "other"],
        description: "A long description",
        validUntil: null,
        lastUpdatedOn: "2026-05-02",
      }),
    ).toBe("areas Legislation, Other; the description; valid until open-ended; last updated 2026-05-02");
  });
});
