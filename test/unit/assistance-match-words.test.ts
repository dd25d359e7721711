// A request's history, and the audit entry of its move, say whose offer a match's move was about, and which
// ("Bulgaria's offer “Legislative drafting workshop” accepted"), not the match's id (audit 35, item 9). On the
// in-memory stores, no database. Two offers of one provider told apart: assistance-match-offer-words.test.ts.
import { beforeEach, describe, expect, it } from "vitest";
import { offerOf } from "#shared/assistance/match-words.ts";
import { proposeMatch, transitionMatch } from "#shared/assistance/matches.ts";
import { createOffer } from "#shared/assistance/offers.ts";
import type { Provider } from "#shared/assistance/schemas.ts";
import { systemActor } from "#shared/auth/actor.ts";
import { createOrganization } from "#shared/organizations/organizations.ts";
import { circulatedRequest } from "../support/circulated-request.ts";
import { aMemberState } from "../support/fixtures.ts";
import { inMemoryAssistanceDesk } from "../support/in-memory/assistance-desk.ts";

const audit = { actor: systemActor("test") };

const stores = () => inMemoryAssistanceDesk("2027-03-01T15:00:00Z");

let deps: ReturnType<typeof stores>;

beforeEach(async () => {
  deps = stores();
  await deps.registry.addMissingStates(
    [
      { ...aMemberState("KEN", "african", "en"), name: "Kenya" },
      { ...aMemberState("BGR", "eastern-european", "en"), name: "Bulgaria" },
      { ...aMemberState("BOL", "grulac", "es"), name: "Bolivia (Plurinational State of)" },
    ],
    () => [],
    audit,
  );
  await createOrganization(deps)(
    { kind: "international", name: "International Atomic Energy Agency", acronym: "IAEA" },
    audit,
  );
});

/** Kenya's request, circulated, and a proposed match of `provider`'s offer for it. */
async function proposedFor(provider: Provider) {
  const request = await circulatedRequest(deps, audit);
  const offer = await createOffer(deps)(
    { provider, areas: ["legislation"], description: "Legislative drafting workshop", validFrom: "2027-01-01" },
    audit,
  );
  return proposeMatch(deps)({ requestId: request.value.id, offerId: offer.value.id }, audit);
}

/** The notes of the request's moves a match's move made, and of their audit entries. */
function matchMoveNotes(moved: { request: { history: readonly { note?: string }[] } }) {
  const audited = deps.trail.entries
    .filter((entry) => entry.action === "assistance.request.transition")
    .map((entry) => (entry.after as { note?: string }).note)
    .filter((note) => note !== undefined);
  return { history: moved.request.history.flatMap(({ note }) => (note ? [note] : [])), audited };
}

describe("the note of a request's move made by a match's move", () => {
  it("names the State and which of its offers was accepted, then declined, not the match", async () => {
    const match = await proposedFor({ kind: "state", iso3: "BGR" });
    await transitionMatch(deps)(match.value.id, 1, { to: "accepted" }, audit);
    const declined = await transitionMatch(deps)(match.value.id, 2, { to: "declined" }, audit);
    expect(declined.request.status).toBe("circulated");
    expect(matchMoveNotes(declined)).toEqual({
      history: [
        "Bulgaria's offer “Legislative drafting workshop” accepted",
        "Bulgaria's offer “Legislative drafting workshop” declined",
      ],
      audited: [
        "Bulgaria's offer “Legislative drafting workshop” accepted",
        "Bulgaria's offer “Legislative drafting workshop” declined",
      ],
    });
  });

  it("names an organization by its name", async () => {
    const match = await proposedFor({ kind: "organization", id: "iaea" });
    const accepted = await transitionMatch(deps)(match.value.id, 1, { to: "accepted" }, audit);
    expect(accepted.request.history.at(-1)).toMatchObject({
      from: "circulated",
      to: "matched",
      note: "the International Atomic Energy Agency's offer “Legislative drafting workshop” accepted",
    });
  });

  it("says 'the offer of' a State whose name ends in brackets", async () => {
    const match = await proposedFor({ kind: "state", iso3: "BOL" });
    const accepted = await transitionMatch(deps)(match.value.id, 1, { to: "accepted" }, audit);
    expect(accepted.request.history.at(-1)?.note).toBe(
      "the offer of Bolivia (Plurinational State of) “Legislative drafting workshop” accepted",
    );
  });

  it("adds no note where the request stays as it is", async () => {
    const match = await proposedFor({ kind: "state", iso3: "BGR" });
    const declined = await transitionMatch(deps)(match.value.id, 1, { to: "declined" }, audit);
    expect(declined.request.status).toBe("circulated");
    expect(matchMoveNotes(declined)).toEqual({ history: [], audited: [] });
  });
});

describe("offerOf", () => {
  it.each([
    ["Bulgaria", "Bulgaria's offer"],
    ["the International Atomic Energy Agency", "the International Atomic Energy Agency's offer"],
    ["Netherlands (Kingdom of the)", "the offer of Netherlands (Kingdom of the)"],
    // A plural name takes the apostrophe alone (audit 36: "Organisation for the Prohibition of Chemical Weapons's").
    [
      "Organisation for the Prohibition of Chemical Weapons",
      "Organisation for the Prohibition of Chemical Weapons' offer",
    ],
    ["Philippines", "Philippines' offer"],
  ])("%s -> %s", (name, words) => {
    expect(offerOf(name)).toBe(words);
  });
});
