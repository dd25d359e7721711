// The request page's moves: only those the API would accept on the day are offered, the others said with why; held to
// the API's own guards (shared/assistance/workflow.ts) over every status, consent and match the page can meet.
import { describe, expect, it } from "vitest";
import { workingCalendar } from "#shared/assistance/consent-window.ts";
import type { AssistanceMatch, AssistanceRequest, RequestStatus } from "#shared/assistance/schemas.ts";
import { requestTransitions } from "#shared/assistance/transitions.ts";
import { moveRequest, moveTo } from "#shared/assistance/workflow.ts";
import type { Actor } from "#shared/auth/actor.ts";
import { Conflict } from "#shared/errors.ts";
import { dayOfMove, mayRecordConsent, movesOf } from "../../console/src/pages/assistance-moves.ts";

type MatchFacts = Pick<AssistanceMatch, "status" | "history">;

const by: Actor = { kind: "user", id: "u-1", groups: ["secretariat"] };

/** Acknowledged Thursday 2026-12-03: its consent window closes at the end of Thursday 2026-12-10. */
function requestIn(status: RequestStatus, consent: { on?: string } | undefined = undefined): AssistanceRequest {
  return {
    id: "01KDV0000000000000000000R1",
    iso3: "MWI",
    areas: ["legislation"],
    description: "Support in reviewing legislation",
    receivedOn: "2026-11-24",
    symbol: "S/AC.44/2026/MWI/1",
    consentedToCirculation: consent !== undefined,
    ...(consent?.on ? { consentedOn: consent.on } : {}),
    status,
    acknowledgedOn: "2026-12-03",
    consentWindowClosesOn: "2026-12-10",
    history: [],
    createdAt: "2026-11-24T15:00:00.000Z",
    createdBy: "u-1",
    updatedAt: "2026-12-03T15:00:00.000Z",
  };
}

const matchOf = (status: MatchFacts["status"], acceptedOn?: string): MatchFacts => ({
  status,
  history: acceptedOn
    ? [{ from: "proposed", to: "accepted", on: acceptedOn, at: `${acceptedOn}T12:00:00.000Z`, by }]
    : [],
});

/** What the API says of each legal move: accepted, or refused (409). */
function apiVerdicts(request: AssistanceRequest, matches: readonly MatchFacts[], on: string) {
  return requestTransitions[request.status].map((to) => {
    try {
      moveRequest(request, moveTo(to, { on, at: `${on}T12:00:00.000Z`, by }, workingCalendar(new Map())), matches);
      return { to, accepted: true };
    } catch (error) {
      if (!(error instanceof Conflict)) throw error;
      return { to, accepted: false };
    }
  });
}

describe("the moves a request's page offers", () => {
  it("withholds matched from a circulated request with no accepted match, saying how to make it matched", () => {
    const { offered, withheld } = movesOf(requestIn("circulated"), [matchOf("proposed")], "2026-12-14");
    expect(offered).toEqual(["withdrawn", "closed-unmet"]);
    expect(withheld).toEqual([
      {
        to: "matched",
        why: "No match has been accepted: accepting one (under Matches) makes the request matched.",
        consentAllows: false,
      },
    ]);
  });

  it("offers matched once a match was accepted by the day of the move, and names the day before it", () => {
    const matches = [matchOf("declined"), matchOf("accepted", "2026-12-12")];
    expect(movesOf(requestIn("circulated"), matches, "2026-12-12").offered).toContain("matched");
    const early = movesOf(requestIn("circulated"), matches, "2026-12-11");
    expect(early.offered).not.toContain("matched");
    expect(early.withheld[0]?.why).toBe(
      "Its first match was accepted only on 2026-12-12: date the move on or after 2026-12-12.",
    );
  });

  it("withholds circulation inside the consent window without consent, and says the consent would allow it", () => {
    const { offered, withheld } = movesOf(requestIn("consent-window"), [], "2026-12-07");
    expect(offered).toEqual(["withdrawn"]);
    expect(withheld).toEqual([
      {
        to: "circulated",
        why:
          "The State's consent window is open until the end of 2026-12-10: circulate the request after that day, or " +
          "record that the State consented to circulation.",
        consentAllows: true,
      },
    ]);
    // The day after the window closes, circulation is offered without consent.
    expect(movesOf(requestIn("consent-window"), [], "2026-12-11").offered).toEqual(["circulated", "withdrawn"]);
  });

  it("offers circulation inside the window once the State consented by that day, not before its consent", () => {
    expect(movesOf(requestIn("consent-window", { on: "2026-12-07" }), [], "2026-12-07").offered).toContain(
      "circulated",
    );
    const early = movesOf(requestIn("consent-window", { on: "2026-12-08" }), [], "2026-12-07");
    expect(early.withheld).toEqual([
      {
        to: "circulated",
        why:
          "The State consented to circulation only on 2026-12-08, inside its consent window (open until the end of " +
          "2026-12-10): date the move on or after 2026-12-08.",
        consentAllows: false,
      },
    ]);
  });

  it("withholds the way back to circulated while a match is still accepted", () => {
    const { withheld } = movesOf(requestIn("matched"), [matchOf("delivered", "2026-12-12")], "2026-12-14");
    expect(withheld.map((move) => move.to)).toEqual(["circulated"]);
    expect(movesOf(requestIn("matched"), [matchOf("declined")], "2026-12-14").offered).toContain("circulated");
  });

  it("agrees with the API's guards on every status, consent and set of matches", () => {
    const consents = [undefined, {}, { on: "2026-12-05" }, { on: "2026-12-09" }];
    const matchSets: MatchFacts[][] = [
      [],
      [matchOf("proposed")],
      [matchOf("accepted", "2026-12-06")],
      [matchOf("accepted")],
      [matchOf("delivered", "2026-12-12"), matchOf("declined")],
    ];
    const days = ["2026-12-04", "2026-12-06", "2026-12-10", "2026-12-11", "2026-12-20"];
    for (const status of Object.keys(requestTransitions) as RequestStatus[]) {
      for (const consent of consents) {
        for (const matches of matchSets) {
          for (const day of days) {
            const request = requestIn(status, consent);
            const { offered, withheld } = movesOf(request, matches, day);
            const page = requestTransitions[status].map((to) => ({ to, accepted: offered.includes(to) }));
            expect(page, JSON.stringify({ status, consent, matches, day })).toEqual(apiVerdicts(request, matches, day));
            expect(offered.length + withheld.length).toBe(requestTransitions[status].length);
          }
        }
      }
    }
  });
});

describe("the day a move is judged on, and the State's consent", () => {
  it("judges on the day typed once it is a whole date, on today while it is being typed", () => {
    expect(dayOfMove(" 2026-12-01 ", "2026-12-06")).toBe("2026-12-01");
    expect(dayOfMove("2026-12", "2026-12-06")).toBe("2026-12-06");
    expect(dayOfMove("", "2026-12-06")).toBe("2026-12-06");
  });

  it("offers the consent before circulation only, and only once", () => {
    for (const status of ["received", "acknowledged", "consent-window"] as const) {
      expect(mayRecordConsent(requestIn(status))).toBe(true);
      expect(mayRecordConsent(requestIn(status, {}))).toBe(false);
    }
    for (const status of ["circulated", "matched", "in-progress", "fulfilled", "withdrawn", "closed-unmet"] as const) {
      expect(mayRecordConsent(requestIn(status))).toBe(false);
    }
  });
});
