// A match agreed months ago is entered with its day (audit 36, item 4): proposed on the day given, not in the future,
// nor before the request's circulation or the offer's validity; accepted on a later day, which the request's move to
// matched carries. And the refusals name the record in words (item 13): the request's symbol and State, the offer's
// provider and words, statuses in words, never ids or codes. In memory.
import { beforeEach, describe, expect, it } from "vitest";
import { proposeMatch, transitionMatch } from "#shared/assistance/matches.ts";
import { createOffer } from "#shared/assistance/offers.ts";
import { createRequest, transitionRequest } from "#shared/assistance/requests.ts";
import type { NewAssistanceOffer } from "#shared/assistance/schemas.ts";
import { systemActor } from "#shared/auth/actor.ts";
import { Conflict, IllegalTransition, Invalid } from "#shared/errors.ts";
import { aMemberState, refusal } from "../support/fixtures.ts";
import { inMemoryAssistanceDesk } from "../support/in-memory/assistance-desk.ts";

const audit = { actor: systemActor("test") };
const KENYA_REQUEST = "assistance request S/AC.44/2026/KEN/9 of Kenya";

let deps: ReturnType<typeof inMemoryAssistanceDesk>;

beforeEach(async () => {
  deps = inMemoryAssistanceDesk("2027-03-01T15:00:00Z");
  await deps.registry.addMissingStates(
    [
      { ...aMemberState("KEN", "african", "en"), name: "Kenya" },
      { ...aMemberState("BGR", "eastern-european", "en"), name: "Bulgaria" },
    ],
    () => [],
    audit,
  );
});

/** Kenya's request, received in October 2026 and circulated on 3 November 2026, moved with back-dated days. */
async function circulatedInNovember() {
  const request = await createRequest(deps)(
    {
      iso3: "KEN",
      areas: ["legislation"],
      description: "Export control law",
      receivedOn: "2026-10-30",
      symbol: "S/AC.44/2026/KEN/9",
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

const offerOf = (iso3: string, validity: Pick<NewAssistanceOffer, "validFrom" | "validUntil">) =>
  createOffer(deps)(
    {
      provider: { kind: "state", iso3 },
      areas: ["legislation"],
      description: "Legislative drafting workshop",
      ...validity,
    },
    audit,
  );

describe("a match entered after the day it was agreed", () => {
  it("is proposed on the day given and accepted later, the request matched on the day of the acceptance", async () => {
    const requestId = await circulatedInNovember();
    const offer = await offerOf("BGR", { validFrom: "2026-12-01", validUntil: "2027-01-31" });
    const proposed = await proposeMatch(deps)({ requestId, offerId: offer.value.id, on: "2027-01-10" }, audit);
    expect(proposed.value.proposedOn).toBe("2027-01-10");
    const propose = deps.trail.entries.find((entry) => entry.action === "assistance.match.propose");
    expect(propose).toMatchObject({ action: "assistance.match.propose", after: { proposedOn: "2027-01-10" } });

    // The offer has lapsed since (31 January): the acceptance of 15 January stands.
    const { match, request } = await transitionMatch(deps)(
      proposed.value.id,
      1,
      { to: "accepted", on: "2027-01-15" },
      audit,
    );
    expect(match.value.history.map((move) => `${move.to} ${move.on}`)).toEqual(["accepted 2027-01-15"]);
    expect(request.status).toBe("matched");
    expect(request.history.at(-1)).toMatchObject({ from: "circulated", to: "matched", on: "2027-01-15" });
  });

  it("is today's when no day is given", async () => {
    const requestId = await circulatedInNovember();
    const offer = await offerOf("BGR", { validFrom: "2026-12-01" });
    const proposed = await proposeMatch(deps)({ requestId, offerId: offer.value.id }, audit);
    expect(proposed.value.proposedOn).toBe("2027-03-01");
  });

  it("refuses a day in the future, before the circulation or before the offer's validity at body.on, keeping nothing", async () => {
    const requestId = await circulatedInNovember();
    const early = await offerOf("BGR", { validFrom: "2026-01-01" });
    const late = await offerOf("BGR", { validFrom: "2026-12-01", validUntil: "2027-12-31" });
    const cases = [
      [early, "2027-03-02", "is in the future (today is 2027-03-01)"],
      [early, "2026-11-02", "is before the request was circulated on 2026-11-03"],
      [late, "2026-11-20", "is before the offer's validity starts on 2026-12-01"],
    ] as const;
    for (const [offer, on, message] of cases) {
      const refused = await refusal(proposeMatch(deps)({ requestId, offerId: offer.value.id, on }, audit));
      expect(refused).toBeInstanceOf(Invalid);
      expect((refused as Invalid).issues).toEqual([{ path: "body.on", message }]);
    }
    expect((await deps.assistance.requestFile(requestId))?.matches).toEqual([]);
  });

  it("refuses an offer no longer valid on the day given with 409, naming the offer in words", async () => {
    const requestId = await circulatedInNovember();
    const offer = await offerOf("BGR", { validFrom: "2026-12-01", validUntil: "2026-12-31" });
    const refused = await refusal(proposeMatch(deps)({ requestId, offerId: offer.value.id, on: "2027-01-10" }, audit));
    expect(refused).toBeInstanceOf(Conflict);
    expect((refused as Conflict).message).toBe(
      "Bulgaria's offer “Legislative drafting workshop” (valid from 1 December 2026 to 31 December 2026) is not " +
        "valid on 2027-01-10",
    );
  });
});

describe("refusals in words", () => {
  it("names the requesting State's own offer, and an offer matched already, by words (409, the match's id kept)", async () => {
    const requestId = await circulatedInNovember();
    const own = await offerOf("KEN", { validFrom: "2026-01-01" });
    const refusedOwn = await refusal(proposeMatch(deps)({ requestId, offerId: own.value.id }, audit));
    expect(refusedOwn).toBeInstanceOf(Conflict);
    expect((refusedOwn as Conflict).message).toBe(
      `Kenya's offer “Legislative drafting workshop” (valid from 1 January 2026, with no end date) cannot answer ` +
        `${KENYA_REQUEST}: it is the requesting State's own`,
    );

    const offer = await offerOf("BGR", { validFrom: "2026-01-01" });
    const first = await proposeMatch(deps)({ requestId, offerId: offer.value.id }, audit);
    const again = await refusal(proposeMatch(deps)({ requestId, offerId: offer.value.id }, audit));
    expect(again).toBeInstanceOf(Conflict);
    expect((again as Conflict).message).toBe(
      `Bulgaria's offer “Legislative drafting workshop” (valid from 1 January 2026, with no end date) is already ` +
        `matched to ${KENYA_REQUEST}`,
    );
    expect((again as Conflict).details).toEqual({ matchId: first.value.id });
  });

  it("names a request closed to matches, and an illegal move of a request or a match, with statuses in words", async () => {
    const requestId = await circulatedInNovember();
    const offer = await offerOf("BGR", { validFrom: "2026-01-01" });
    const proposed = await proposeMatch(deps)({ requestId, offerId: offer.value.id }, audit);
    await transitionMatch(deps)(proposed.value.id, 1, { to: "declined" }, audit);
    const matchMove = await refusal(transitionMatch(deps)(proposed.value.id, 2, { to: "accepted" }, audit));
    expect(matchMove).toBeInstanceOf(IllegalTransition);
    expect((matchMove as IllegalTransition).message).toBe(
      `The match of Bulgaria's offer “Legislative drafting workshop” to ${KENYA_REQUEST} is declined and moves no ` +
        "more: it cannot be accepted",
    );

    const requestMove = await refusal(transitionRequest(deps)(requestId, 4, { to: "acknowledged" }, audit));
    expect(requestMove).toBeInstanceOf(IllegalTransition);
    expect((requestMove as IllegalTransition).message).toBe(
      "Assistance request S/AC.44/2026/KEN/9 of Kenya is circulated: it cannot be acknowledged from there; it can be " +
        "marked matched, withdrawn or closed unmet",
    );
    // Programs still read the moves by their codes.
    expect((requestMove as IllegalTransition).allowed).toEqual(["matched", "withdrawn", "closed-unmet"]);

    await transitionRequest(deps)(requestId, 4, { to: "withdrawn" }, audit);
    const other = await offerOf("BGR", { validFrom: "2025-01-01" });
    const closed = await refusal(proposeMatch(deps)({ requestId, offerId: other.value.id }, audit));
    expect((closed as Conflict).message).toBe(
      "Assistance request S/AC.44/2026/KEN/9 of Kenya is withdrawn; offers are matched to requests that are " +
        "circulated, matched or in progress",
    );
  });
});
