// A request's page: the consent window said only while it can matter, no candidates ranked for an ended request, the
// State's consent in the history among the moves, and a consent or a move refused as stale said in words once the
// request is read again (what a colleague did, and whether the officer's action still stands). The requests are made
// by the API's own workflow (shared/assistance/workflow.ts), as a colleague's write would leave them.
import { describe, expect, it } from "vitest";
import { workingCalendar } from "#shared/assistance/consent-window.ts";
import type { AssistanceRequest } from "#shared/assistance/schemas.ts";
import { finalRequestStatuses } from "#shared/assistance/transitions.ts";
import { moveRequest, moveTo, withConsent } from "#shared/assistance/workflow.ts";
import type { Actor } from "#shared/auth/actor.ts";
import { afterStaleConsent, afterStaleMove, changesSince } from "../../console/src/pages/assistance-request-stale.ts";
import {
  consentWindowWords,
  matchmakingOf,
  requestHistory,
} from "../../console/src/pages/assistance-request-standing.ts";

const colleague: Actor = { kind: "user", id: "u-2", username: "local-experts", groups: ["experts"] };

/** Guatemala's request, received 2026-11-02, nothing done yet. */
const received: AssistanceRequest = {
  id: "01KDV0000000000000000000R2",
  iso3: "GTM",
  areas: ["export-and-licensing"],
  description: "Drafting a control list",
  receivedOn: "2026-11-02",
  symbol: "S/AC.44/DEMO/GTM/1",
  consentedToCirculation: false,
  status: "received",
  history: [],
  createdAt: "2026-11-02T15:00:00.000Z",
  createdBy: "u-1",
  updatedAt: "2026-11-02T15:00:00.000Z",
};

const moved = (request: AssistanceRequest, to: AssistanceRequest["status"], on: string, note?: string) =>
  moveRequest(
    request,
    moveTo(to, { on, at: `${on}T16:00:00.000Z`, by: colleague, ...(note ? { note } : {}) }, workingCalendar(new Map())),
    [],
  );

/** Acknowledged Thursday 2026-11-12: the window would close at the end of Thursday 2026-11-19. */
const acknowledged = moved(received, "acknowledged", "2026-11-12");
const inWindow = moved(acknowledged, "consent-window", "2026-11-13");

describe("the consent window on a request's page", () => {
  it("says nothing of a window an acknowledged request never entered once its day has passed", () => {
    expect(consentWindowWords(acknowledged, "2026-12-06")).toBe("");
  });

  it("says when it would close while that day is still to come, and counts the days once the request is in it", () => {
    expect(consentWindowWords(acknowledged, "2026-11-16")).toBe("would close on 2026-11-19");
    expect(consentWindowWords(inWindow, "2026-11-16")).toBe("3 days left (closes 2026-11-19)");
    expect(consentWindowWords(inWindow, "2026-12-06")).toBe("closed 2026-11-19");
  });

  it("says nothing once the request has left the window, and the State's consent whenever it was given", () => {
    expect(consentWindowWords(moved(inWindow, "circulated", "2026-11-20"), "2026-12-06")).toBe("");
    expect(consentWindowWords(moved(acknowledged, "withdrawn", "2026-11-14"), "2026-11-16")).toBe("");
    expect(consentWindowWords(received, "2026-11-16")).toBe("");
    const consented = withConsent(inWindow, "2026-11-16", "2026-11-16T15:00:00.000Z", colleague);
    expect(consentWindowWords(consented, "2026-12-06")).toBe("the State consented on 2026-11-16");
    expect(consentWindowWords({ ...received, consentedToCirculation: true }, "2026-12-06")).toBe(
      "the State consented with its request",
    );
  });
});

describe("the candidates on a request's page", () => {
  it("ranks none for an ended request, and says why in words that fit its status", () => {
    expect(matchmakingOf("fulfilled")).toEqual({
      ranked: false,
      words: "The request is fulfilled: its matchmaking is over, so no offers are ranked for it.",
    });
    expect(matchmakingOf("withdrawn").words).toBe(
      "The State withdrew the request: no offer will be matched to it, so none is ranked for it.",
    );
    expect(matchmakingOf("closed-unmet").words).toBe(
      "The request was closed unmet: no offer will be matched to it, so none is ranked for it.",
    );
    for (const status of finalRequestStatuses) expect(matchmakingOf(status).ranked).toBe(false);
  });

  it("ranks them as a preview before circulation, saying so, and plainly while offers are matched", () => {
    expect(matchmakingOf("acknowledged")).toEqual({
      ranked: true,
      words: "Offers are matched once the request is circulated (it is acknowledged).",
    });
    for (const status of ["circulated", "matched", "in-progress"] as const) {
      expect(matchmakingOf(status)).toEqual({ ranked: true, words: undefined });
    }
  });
});

describe("a request's history", () => {
  it("lists the State's consent among the moves by its day, before the moves of that day", () => {
    const consented = withConsent(inWindow, "2026-11-16", "2026-11-16T15:00:00.000Z", colleague);
    const circulated = moved(consented, "circulated", "2026-11-16");
    expect(requestHistory(circulated).map((entry) => [entry.kind, entry.on])).toEqual([
      ["move", "2026-11-12"],
      ["move", "2026-11-13"],
      ["consent", "2026-11-16"],
      ["move", "2026-11-16"],
    ]);
    expect(requestHistory(inWindow).map((entry) => entry.kind)).toEqual(["move", "move"]);
  });

  it("puts a consent given with the request first, on the day the request came", () => {
    const history = requestHistory({ ...acknowledged, consentedToCirculation: true });
    expect(history[0]).toEqual({ kind: "consent", on: "2026-11-02", withRequest: true });
    expect(history.map((entry) => entry.kind)).toEqual(["consent", "move"]);
  });
});

describe("a consent or a move refused as stale, once the request is read again", () => {
  it("names each move made meanwhile, with its day and who recorded it, and a consent recorded meanwhile", () => {
    const consented = withConsent(inWindow, "2026-12-02", "2026-12-06T15:00:00.000Z", colleague);
    expect(changesSince(acknowledged, consented)).toEqual([
      "the request was put in the consent window on 2026-11-13 (recorded by local-experts)",
      "the State's consent to circulation was recorded (received on 2026-12-02, recorded by local-experts)",
    ]);
    expect(changesSince(consented, consented)).toEqual([]);
  });

  it("says the consent is on record already, and offers it no more", () => {
    const consented = withConsent(inWindow, "2026-12-02", "2026-12-06T15:00:00.000Z", colleague);
    expect(afterStaleConsent(inWindow, consented)).toBe(
      "Your consent was not recorded: meanwhile, the State's consent to circulation was recorded (received on " +
        "2026-12-02, recorded by local-experts).",
    );
  });

  it("keeps the consent's typing where a colleague only moved the request, and says why none after a withdrawal", () => {
    expect(afterStaleConsent(acknowledged, inWindow)).toBe(
      "Your consent was not recorded: meanwhile, the request was put in the consent window on 2026-11-13 (recorded " +
        "by local-experts). It may still be recorded: the form keeps what you typed.",
    );
    expect(afterStaleConsent(inWindow, moved(inWindow, "withdrawn", "2026-11-14", "the State withdrew it"))).toBe(
      "Your consent was not recorded: meanwhile, the request was withdrawn on 2026-11-14 (recorded by " +
        "local-experts). A request withdrawn takes no consent.",
    );
  });

  it("says a move made impossible by a colleague's withdrawal, and starts the form afresh", () => {
    const withdrawn = moved(acknowledged, "withdrawn", "2026-12-06");
    expect(afterStaleMove(acknowledged, withdrawn, { to: "consent-window", day: "2026-12-06", matches: [] })).toEqual({
      words:
        "The request was not moved: meanwhile, the request was withdrawn on 2026-12-06 (recorded by local-experts). " +
        "A withdrawn request moves no more.",
      keepsTyping: false,
    });
    expect(afterStaleMove(acknowledged, inWindow, { to: "consent-window", day: "2026-12-06", matches: [] })).toEqual({
      words:
        "The request was not moved: meanwhile, the request was put in the consent window on 2026-11-13 (recorded " +
        "by local-experts). It is already in the consent window.",
      keepsTyping: false,
    });
  });

  it("keeps the typing where the move chosen is still possible, and says when it is not from the new status", () => {
    const consented = withConsent(inWindow, "2026-11-16", "2026-11-16T15:00:00.000Z", colleague);
    expect(afterStaleMove(inWindow, consented, { to: "withdrawn", day: "2026-11-16", matches: [] })).toEqual({
      words:
        "The request was not moved: meanwhile, the State's consent to circulation was recorded (received on " +
        '2026-11-16, recorded by local-experts). "Record the withdrawal" is still possible: the form keeps what you ' +
        "typed.",
      keepsTyping: true,
    });
    // Matched on an accepted match; a colleague declined it and took the request back to matchmaking.
    const accepted = {
      status: "accepted" as const,
      history: [
        {
          from: "proposed" as const,
          to: "accepted" as const,
          on: "2026-11-21",
          at: "2026-11-21T10:00:00.000Z",
          by: colleague,
        },
      ],
    };
    const circulated = moved(inWindow, "circulated", "2026-11-20");
    const matched = moveRequest(
      circulated,
      { to: "matched", on: "2026-11-21", at: "2026-11-21T11:00:00.000Z", by: colleague },
      [accepted],
    );
    const back = moved(matched, "circulated", "2026-11-23");
    const after = afterStaleMove(matched, back, { to: "in-progress", day: "2026-11-23", matches: [] });
    expect(after.words).toBe(
      "The request was not moved: meanwhile, the request was circulated on 2026-11-23 (recorded by local-experts). " +
        "It can no longer be marked in progress from circulated.",
    );
    expect(after.keepsTyping).toBe(false);
  });

  it("says the request changed where nothing the page names did", () => {
    const touched = { ...inWindow, updatedAt: "2026-12-06T15:00:00.000Z" };
    expect(afterStaleMove(inWindow, touched, { to: "withdrawn", day: "2026-12-06", matches: [] }).words).toBe(
      "The request was not moved: meanwhile, the request was changed; it shows as it now stands. " +
        '"Record the withdrawal" is still possible: the form keeps what you typed.',
    );
  });
});
