// Two offers of one provider on one request read apart wherever a match is named: its offer's description always, its
// validity where the descriptions start alike; in the request's history, the trail's entries, the request's list of
// matches and the console's timeline. An entry written before the words names the provider alone. In memory.
import { beforeEach, describe, expect, it } from "vitest";
import { offerOf } from "#shared/assistance/match-words.ts";
import { listedMatches, proposeMatch, transitionMatch } from "#shared/assistance/matches.ts";
import { matchedOfferWords } from "#shared/assistance/offer-words.ts";
import { createOffer } from "#shared/assistance/offers.ts";
import { systemActor } from "#shared/auth/actor.ts";
import type { components } from "../../console/src/api/schema";
import { matchOfferWords as timelineOfferWords } from "../../console/src/pages/state/timeline-words.ts";
import { circulatedRequest } from "../support/circulated-request.ts";
import { aMemberState } from "../support/fixtures.ts";
import { inMemoryAssistanceDesk } from "../support/in-memory/assistance-desk.ts";

const audit = { actor: systemActor("test") };

const TRAINING = "Training of customs officers in the identification of strategic goods at the border";

describe("matchedOfferWords", () => {
  const offer = { id: "a", description: "Legislative drafting workshop", validFrom: "2027-01-01" };

  it("names the offer by its description alone where the provider's other offers start otherwise", () => {
    const other = { id: "b", description: TRAINING, validFrom: "2027-01-01" };
    expect(matchedOfferWords(offer, [offer, other])).toBe("“Legislative drafting workshop”");
    expect(matchedOfferWords(offer, [])).toBe("“Legislative drafting workshop”");
  });

  it("adds the validity where another starts with the same words, cut or not", () => {
    const again = { id: "b", description: "Legislative drafting\n workshop", validFrom: "2028-01-01" };
    expect(matchedOfferWords(offer, [offer, again])).toBe(
      "“Legislative drafting workshop” (valid from 1 January 2027, with no end date)",
    );
    const first = { id: "c", description: TRAINING, validFrom: "2027-01-01", validUntil: "2027-12-31" };
    const second = { id: "d", description: `${TRAINING}, second course`, validFrom: "2028-01-01" };
    expect(matchedOfferWords(second, [first, second])).toBe(
      "“Training of customs officers in the identification of…” (valid from 1 January 2028, with no end date)",
    );
  });

  it("is said after whose offer it is", () => {
    expect(offerOf("Bulgaria", "“Legislative drafting workshop”")).toBe(
      "Bulgaria's offer “Legislative drafting workshop”",
    );
    expect(offerOf("Bolivia (Plurinational State of)", "“Legislative drafting workshop”")).toBe(
      "the offer of Bolivia (Plurinational State of) “Legislative drafting workshop”",
    );
  });
});

describe("two offers of one provider on one request", () => {
  const stores = () => inMemoryAssistanceDesk("2027-03-01T15:00:00Z");
  let deps: ReturnType<typeof stores>;

  beforeEach(async () => {
    deps = stores();
    await deps.registry.addMissingStates(
      [
        { ...aMemberState("KEN", "african", "en"), name: "Kenya" },
        { ...aMemberState("BGR", "eastern-european", "en"), name: "Bulgaria" },
      ],
      () => [],
      audit,
    );
  });

  /** Bulgaria's offers of `descriptions`, each valid from a year later than the one before, proposed for Kenya's. */
  async function proposedOffers(...descriptions: string[]) {
    const request = await circulatedRequest(deps, audit);
    const matches = [];
    for (const [index, description] of descriptions.entries()) {
      const offer = await createOffer(deps)(
        {
          provider: { kind: "state", iso3: "BGR" },
          areas: ["legislation"],
          description,
          validFrom: `${2026 - index}-01-01`,
        },
        audit,
      );
      matches.push(await proposeMatch(deps)({ requestId: request.value.id, offerId: offer.value.id }, audit));
    }
    return { requestId: request.value.id, matches };
  }

  const entriesOf = (action: string) => deps.trail.entries.filter((entry) => entry.action === action);
  const offerIn = (image: unknown) => (image as { offer?: string }).offer;

  it("names each by its description in the list, the proposals' entries, the history and the moves' entries", async () => {
    const { requestId, matches } = await proposedOffers("Legislative drafting workshop", TRAINING);
    const [drafting, training] = matches.map((match) => match.value.id);
    const listed = await listedMatches(deps)(requestId);
    expect(listed.map(({ id, offer }) => [id, offer])).toEqual([
      [drafting, "“Legislative drafting workshop”"],
      [training, "“Training of customs officers in the identification of…”"],
    ]);
    expect(entriesOf("assistance.match.propose").map((entry) => offerIn(entry.after))).toEqual([
      "“Legislative drafting workshop”",
      "“Training of customs officers in the identification of…”",
    ]);

    const accepted = await transitionMatch(deps)(String(training), 1, { to: "accepted" }, audit);
    expect(accepted.request.history.at(-1)?.note).toBe(
      "Bulgaria's offer “Training of customs officers in the identification of…” accepted",
    );
    const [moved] = entriesOf("assistance.match.transition");
    expect([offerIn(moved?.before), offerIn(moved?.after)]).toEqual([
      "“Training of customs officers in the identification of…”",
      "“Training of customs officers in the identification of…”",
    ]);
    expect(entriesOf("assistance.request.transition").at(-1)?.after).toMatchObject({
      status: "matched",
      note: "Bulgaria's offer “Training of customs officers in the identification of…” accepted",
    });
  });

  it("adds the validity to the offers whose descriptions start alike, from the second's proposal on", async () => {
    const { requestId, matches } = await proposedOffers(
      "Legislative drafting workshop",
      "Legislative drafting workshop",
    );
    const [first] = matches.map((match) => match.value.id);
    expect((await listedMatches(deps)(requestId)).map((match) => match.offer)).toEqual([
      "“Legislative drafting workshop” (valid from 1 January 2026, with no end date)",
      "“Legislative drafting workshop” (valid from 1 January 2025, with no end date)",
    ]);
    // The first proposal's entry keeps the words it was written with, when the second was not yet proposed.
    expect(entriesOf("assistance.match.propose").map((entry) => offerIn(entry.after))).toEqual([
      "“Legislative drafting workshop”",
      "“Legislative drafting workshop” (valid from 1 January 2025, with no end date)",
    ]);
    const accepted = await transitionMatch(deps)(String(first), 1, { to: "accepted" }, audit);
    expect(accepted.request.history.at(-1)?.note).toBe(
      "Bulgaria's offer “Legislative drafting workshop” (valid from 1 January 2026, with no end date) accepted",
    );
  });
});

describe("a match's entry on the console's timeline", () => {
  type TimelineEntry = components["schemas"]["TimelineEntry"];
  const names = new Map([["STATE:BGR", "Bulgaria"]]);
  const proposed: Pick<TimelineEntry, "action" | "after"> = {
    action: "assistance.match.propose",
    after: { iso3: "KEN", provider: { kind: "state", iso3: "BGR" }, offer: "“Legislative drafting workshop”" },
  };

  it("names the offer in the words the entry was written with", () => {
    expect(timelineOfferWords(proposed, names)).toBe("Bulgaria's offer “Legislative drafting workshop”");
  });

  it("names the provider alone on an entry written before the words", () => {
    const older = { ...proposed, after: { iso3: "KEN", provider: { kind: "state", iso3: "BGR" } } };
    expect(timelineOfferWords(older, names)).toBe("Bulgaria's offer");
  });
});
