// A match is accepted only on a day its offer is valid, as it is proposed (audit 36, bug 6: a lapsed offer's match was
// accepted); delivered or declined after the offer ended. And the match path's reads (session 38 review): a stale move
// is refused on the match alone, the offers' words are one batch read, a proposal reads its provider organization once,
// and one match per request and offer is the pair guard's, in words. In memory.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { listedMatches, proposeMatch, transitionMatch } from "#shared/assistance/matches.ts";
import { createOffer, updateOffer } from "#shared/assistance/offers.ts";
import { createRequest, transitionRequest } from "#shared/assistance/requests.ts";
import type { NewAssistanceOffer, Provider } from "#shared/assistance/schemas.ts";
import { systemActor } from "#shared/auth/actor.ts";
import { Conflict, PreconditionFailed } from "#shared/errors.ts";
import { anOrganization } from "../contracts/organizations.contract.ts";
import { aMemberState, refusal } from "../support/fixtures.ts";
import { inMemoryAssistanceDesk } from "../support/in-memory/assistance-desk.ts";

const audit = { actor: systemActor("test") };
const GAMBIA_REQUEST = "assistance request S/AC.44/2025/31 of Gambia";
const SWEDEN = { kind: "state", iso3: "SWE" } as const;

let deps: ReturnType<typeof inMemoryAssistanceDesk>;

beforeEach(async () => {
  // 7 December 2026 in New York.
  deps = inMemoryAssistanceDesk("2026-12-07T15:00:00Z");
  await deps.registry.addMissingStates(
    [
      { ...aMemberState("GMB", "african", "en"), name: "Gambia" },
      { ...aMemberState("SWE", "weog", "en"), name: "Sweden" },
    ],
    () => [],
    audit,
  );
});

/** Gambia's request, received on 30 October 2026 and circulated on 3 November 2026. */
async function circulatedRequest() {
  const request = await createRequest(deps)(
    {
      iso3: "GMB",
      areas: ["legislation"],
      description: "Export control law",
      receivedOn: "2026-10-30",
      symbol: "S/AC.44/2025/31",
      consentedToCirculation: true,
    },
    audit,
  );
  const moves = [
    ["acknowledged", "2026-11-02"],
    ["consent-window", "2026-11-02"],
    ["circulated", "2026-11-03"],
  ] as const;
  for (const [index, [to, on]] of moves.entries()) {
    await transitionRequest(deps)(request.value.id, index + 1, { to, on }, audit);
  }
  return request.value.id;
}

const offerOf = (provider: Provider, overrides: Partial<NewAssistanceOffer> = {}) =>
  createOffer(deps)(
    {
      provider,
      areas: ["legislation"],
      description: "Legislative drafting workshop",
      validFrom: "2026-01-01",
      validUntil: "2026-12-31",
      ...overrides,
    },
    audit,
  );

/** Sweden's offer, proposed for Gambia's request on 1 December, then ended on 6 December by a correction. */
async function proposedThenLapsed() {
  const requestId = await circulatedRequest();
  const offer = await offerOf(SWEDEN);
  const proposed = await proposeMatch(deps)({ requestId, offerId: offer.value.id, on: "2026-12-01" }, audit);
  await updateOffer(deps)(offer.value.id, 1, { validUntil: "2026-12-06" }, audit);
  return { requestId, matchId: proposed.value.id };
}

const transitionsInTrail = () =>
  deps.trail.entries.filter((entry) => entry.action.endsWith(".transition")).map((entry) => entry.action);

describe("accepting a match whose offer has ended", () => {
  it("refuses it today with 409 in the proposal's words, and writes nothing", async () => {
    const { requestId, matchId } = await proposedThenLapsed();
    const before = transitionsInTrail();
    const refused = await refusal(transitionMatch(deps)(matchId, 1, { to: "accepted" }, audit));
    expect(refused).toBeInstanceOf(Conflict);
    expect((refused as Conflict).message).toBe(
      "Sweden's offer “Legislative drafting workshop” (valid from 1 January 2026 to 6 December 2026) is not valid on " +
        `2026-12-07 (today): its match to ${GAMBIA_REQUEST} cannot be accepted`,
    );
    const file = await deps.assistance.requestFile(requestId);
    expect(file?.matches).toMatchObject([{ value: { status: "proposed", history: [] }, version: 1 }]);
    expect(file?.request).toMatchObject({ value: { status: "circulated" }, version: 4 });
    expect(transitionsInTrail()).toEqual(before);
  });

  it("refuses a day given after the offer ended, naming that day alone", async () => {
    const { matchId } = await proposedThenLapsed();
    const refused = await refusal(transitionMatch(deps)(matchId, 1, { to: "accepted", on: "2026-12-07" }, audit));
    expect((refused as Conflict).message).toContain("is not valid on 2026-12-07 (today): its match to");
    deps.clock.set("2026-12-09T15:00:00Z");
    const later = await refusal(transitionMatch(deps)(matchId, 1, { to: "accepted", on: "2026-12-08" }, audit));
    expect((later as Conflict).message).toContain("is not valid on 2026-12-08: its match to");
  });

  it("accepts it on a day the offer ran, the request matched that day; delivers it after the offer ended", async () => {
    const { matchId } = await proposedThenLapsed();
    const accepted = await transitionMatch(deps)(matchId, 1, { to: "accepted", on: "2026-12-05" }, audit);
    expect(accepted.request).toMatchObject({ status: "matched" });
    expect(accepted.request.history.at(-1)).toMatchObject({ to: "matched", on: "2026-12-05" });
    // A workshop accepted while the offer ran is held after it ended.
    const delivered = await transitionMatch(deps)(matchId, 2, { to: "delivered" }, audit);
    expect(delivered.match.value.history.map((move) => `${move.to} ${move.on}`)).toEqual([
      "accepted 2026-12-05",
      "delivered 2026-12-07",
    ]);
  });

  it("still declines it", async () => {
    const { matchId } = await proposedThenLapsed();
    const declined = await transitionMatch(deps)(matchId, 1, { to: "declined" }, audit);
    expect(declined.match.value.status).toBe("declined");
  });

  it("accepts a match of an offer valid today, as before", async () => {
    const requestId = await circulatedRequest();
    const offer = await offerOf(SWEDEN);
    const proposed = await proposeMatch(deps)({ requestId, offerId: offer.value.id }, audit);
    const accepted = await transitionMatch(deps)(proposed.value.id, 1, { to: "accepted" }, audit);
    expect(accepted.match).toMatchObject({ value: { status: "accepted" }, version: 2 });
  });
});

describe("the match path's reads", () => {
  it("refuses a stale move with 412 on the match read alone: no request, name or offer read", async () => {
    const { matchId } = await proposedThenLapsed();
    await transitionMatch(deps)(matchId, 1, { to: "declined" }, audit);
    const reads = [
      vi.spyOn(deps.assistance, "requestFile"),
      vi.spyOn(deps.assistance, "offersById"),
      vi.spyOn(deps.assistance, "getOffer"),
      vi.spyOn(deps.registry, "getStates"),
      vi.spyOn(deps.organizations, "getOrganizations"),
    ];
    const stale = await refusal(transitionMatch(deps)(matchId, 1, { to: "accepted" }, audit));
    expect(stale).toBeInstanceOf(PreconditionFailed);
    expect((stale as PreconditionFailed).currentEtag).toBe('"2"');
    expect((stale as PreconditionFailed).message).toBe(
      'The match has changed since it was read: it is at "2", If-Match named "1"; fetch it again and retry with its ' +
        "current ETag",
    );
    for (const read of reads) expect(read).not.toHaveBeenCalled();
  });

  it("reads the offers of a request's matches in one batch, none one by one", async () => {
    const requestId = await circulatedRequest();
    const first = await offerOf(SWEDEN);
    // The same workshop for another period: a new offer, whose words are told apart by its validity.
    const second = await offerOf(SWEDEN, { validFrom: "2026-06-01", validUntil: "2027-06-30" });
    await proposeMatch(deps)({ requestId, offerId: first.value.id }, audit);
    await proposeMatch(deps)({ requestId, offerId: second.value.id }, audit);
    const batch = vi.spyOn(deps.assistance, "offersById");
    const single = vi.spyOn(deps.assistance, "getOffer");
    const listed = await listedMatches(deps)(requestId);
    expect(listed.map((match) => match.offer).sort()).toEqual([
      "“Legislative drafting workshop” (valid from 1 January 2026 to 31 December 2026)",
      "“Legislative drafting workshop” (valid from 1 June 2026 to 30 June 2027)",
    ]);
    expect(batch).toHaveBeenCalledTimes(1);
    expect(new Set(batch.mock.calls[0]?.[0])).toEqual(new Set([first.value.id, second.value.id]));
    expect(single).not.toHaveBeenCalled();
  });

  it("reads a provider organization once for a proposal, its name and its retirement", async () => {
    await deps.organizations.createOrganization(anOrganization("wco"), audit);
    const requestId = await circulatedRequest();
    const offer = await offerOf({ kind: "organization", id: "wco" });
    const many = vi.spyOn(deps.organizations, "getOrganizations");
    const one = vi.spyOn(deps.organizations, "getOrganization");
    const proposed = await proposeMatch(deps)({ requestId, offerId: offer.value.id }, audit);
    expect(proposed.value.status).toBe("proposed");
    expect(many).toHaveBeenCalledTimes(1);
    expect(one).not.toHaveBeenCalled();
    const trail = deps.trail.entries.find((entry) => entry.action === "assistance.match.propose");
    expect(trail).toMatchObject({ after: { offer: "“Legislative drafting workshop”" } });
  });

  it("refuses a colleague's proposal of the same offer, read before it landed, by the pair guard in words", async () => {
    const requestId = await circulatedRequest();
    const offer = await offerOf(SWEDEN);
    const asRead = await deps.assistance.requestFile(requestId);
    const first = await proposeMatch(deps)({ requestId, offerId: offer.value.id }, audit);
    // The second officer read the request before the first proposal was written.
    vi.spyOn(deps.assistance, "requestFile").mockResolvedValueOnce(asRead);
    const again = await refusal(proposeMatch(deps)({ requestId, offerId: offer.value.id }, audit));
    expect(again).toBeInstanceOf(Conflict);
    expect((again as Conflict).message).toBe(
      "Sweden's offer “Legislative drafting workshop” (valid from 1 January 2026 to 31 December 2026) is already " +
        `matched to ${GAMBIA_REQUEST}`,
    );
    expect((again as Conflict).details).toEqual({ matchId: first.value.id });
    expect((await deps.assistance.requestFile(requestId))?.matches.map((match) => match.value.id)).toEqual([
      first.value.id,
    ]);
    expect(deps.trail.entries.filter((entry) => entry.action === "assistance.match.propose")).toHaveLength(1);
  });
});
