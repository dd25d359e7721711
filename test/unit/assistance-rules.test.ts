// The assistance mechanism's rules without storage: lifecycles, working days, ranking, report periods and content.
import { describe, expect, it } from "vitest";
import { workingCalendar } from "#shared/assistance/consent-window.ts";
import {
  addMonths,
  addWorkingDays,
  addYears,
  daysBetween,
  isWeekend,
  monthsBetween,
} from "#shared/assistance/dates.ts";
import { isActiveOn, isStale, rankCandidates } from "#shared/assistance/ranking.ts";
import { buildReport, parsePeriod, periodOf } from "#shared/assistance/report.ts";
import { reportSummaryMail } from "#shared/assistance/report-mail.ts";
import type {
  AssistanceMatch,
  AssistanceOffer,
  AssistanceRequest,
  MatchStatus,
  RequestStatus,
} from "#shared/assistance/schemas.ts";
import { finalRequestStatuses, requestTransitions } from "#shared/assistance/transitions.ts";
import {
  assertMatchTransition,
  assertRequestTransition,
  checkMoveDate,
  moveRequest,
  moveTo,
} from "#shared/assistance/workflow.ts";
import { Conflict, IllegalTransition, Invalid } from "#shared/errors.ts";

const allRequestStatuses: RequestStatus[] = [
  "received",
  "acknowledged",
  "consent-window",
  "circulated",
  "matched",
  "in-progress",
  "fulfilled",
  "withdrawn",
  "closed-unmet",
];

/** The lifecycle as ADR 0006 states it, written out independently of the code's table. */
const legalRequestMoves: Record<RequestStatus, RequestStatus[]> = {
  received: ["acknowledged", "withdrawn"],
  acknowledged: ["consent-window", "withdrawn"],
  "consent-window": ["circulated", "withdrawn"],
  circulated: ["matched", "withdrawn", "closed-unmet"],
  matched: ["in-progress", "circulated", "withdrawn", "closed-unmet"],
  "in-progress": ["fulfilled", "withdrawn", "closed-unmet"],
  fulfilled: [],
  withdrawn: [],
  "closed-unmet": [],
};

const allMatchStatuses: MatchStatus[] = ["proposed", "accepted", "delivered", "declined"];
const legalMatchMoves: Record<MatchStatus, MatchStatus[]> = {
  proposed: ["accepted", "declined"],
  accepted: ["delivered", "declined"],
  delivered: [],
  declined: [],
};

const by = { kind: "system" as const, id: "test" };
const at = "2026-03-20T12:00:00.000Z";

function aRequest(overrides: Partial<AssistanceRequest> = {}): AssistanceRequest {
  return {
    id: "01J00000000000000000000001",
    iso3: "KEN",
    areas: ["legislation", "customs-and-border", "laboratories"],
    description: "Help",
    receivedOn: "2026-02-02",
    symbol: "S/AC.44/2026/1",
    consentedToCirculation: false,
    status: "received",
    history: [],
    createdAt: at,
    createdBy: "test",
    updatedAt: at,
    ...overrides,
  };
}

type MatchOfRequest = Pick<AssistanceMatch, "status" | "history">;

/** No UN Headquarters holidays on record: the windows here count weekends only. */
const weekendsOnly = workingCalendar(new Map());
const none = new Set<string>();

const move = (request: AssistanceRequest, to: RequestStatus, on: string, matches: MatchOfRequest[] = []) =>
  moveRequest(request, moveTo(to, { on, at, by }, weekendsOnly), matches);

/** A match in `status`, accepted on `acceptedOn` if it ever was. */
const aMatch = (status: MatchStatus, acceptedOn = "2026-03-20"): MatchOfRequest => ({
  status,
  history: status === "proposed" ? [] : [{ from: "proposed", to: "accepted", on: acceptedOn, at, by }],
});

/** Received, acknowledged on `ackOn` and in its consent window. */
const inWindow = (ackOn: string, overrides: Partial<AssistanceRequest> = {}) =>
  move(move(aRequest(overrides), "acknowledged", ackOn), "consent-window", ackOn);

describe("request lifecycle", () => {
  it.each(allRequestStatuses.flatMap((from) => allRequestStatuses.map((to) => [from, to] as const)))(
    "%s -> %s is legal exactly when the table says so",
    (from, to) => {
      const legal = legalRequestMoves[from].includes(to);
      if (legal) {
        expect(() => assertRequestTransition("R1", from, to)).not.toThrow();
        return;
      }
      let thrown: unknown;
      try {
        assertRequestTransition("R1", from, to);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(IllegalTransition);
      expect((thrown as IllegalTransition).allowed).toEqual(legalRequestMoves[from]);
    },
  );

  it("keeps the code's table equal to the documented one, and every final status final", () => {
    expect(requestTransitions).toEqual(legalRequestMoves);
    for (const final of ["fulfilled", "withdrawn", "closed-unmet"] as const)
      expect(requestTransitions[final]).toEqual([]);
    // The final statuses, read from the moves: the snapshot, the reports and the console's home count the rest.
    expect(finalRequestStatuses).toEqual(["fulfilled", "withdrawn", "closed-unmet"]);
  });

  it.each(allMatchStatuses.flatMap((from) => allMatchStatuses.map((to) => [from, to] as const)))(
    "match %s -> %s is legal exactly when proposed -> accepted -> delivered, or declined from proposed/accepted",
    (from, to) => {
      if (legalMatchMoves[from].includes(to)) expect(() => assertMatchTransition("M1", from, to)).not.toThrow();
      else expect(() => assertMatchTransition("M1", from, to)).toThrow(IllegalTransition);
    },
  );

  it("names the legal moves when refusing one", () => {
    expect(() => move(aRequest(), "circulated", "2026-02-03")).toThrow(
      "Assistance request S/AC.44/2026/1 is received: it cannot be circulated from there; it can be acknowledged or withdrawn",
    );
  });
});

describe("working days", () => {
  it("knows the weekend", () => {
    expect(["2026-03-07", "2026-03-08"].map(isWeekend)).toEqual([true, true]);
    expect(["2026-03-06", "2026-03-09"].map(isWeekend)).toEqual([false, false]);
  });

  it("closes a window opened on a Thursday the following Thursday", () => {
    expect(addWorkingDays("2026-03-05", 5, none)).toBe("2026-03-12");
  });

  it("skips the weekend from a Friday, a Monday and a Wednesday", () => {
    expect(addWorkingDays("2026-03-06", 5, none)).toBe("2026-03-13");
    expect(addWorkingDays("2026-03-09", 5, none)).toBe("2026-03-16");
    expect(addWorkingDays("2026-03-11", 5, none)).toBe("2026-03-18");
  });

  it("counts from a Saturday or a Sunday acknowledgement to the Friday after", () => {
    expect(addWorkingDays("2026-03-07", 5, none)).toBe("2026-03-13");
    expect(addWorkingDays("2026-03-08", 5, none)).toBe("2026-03-13");
  });

  it("runs across a month end, a leap day and a year end", () => {
    expect(addWorkingDays("2026-01-29", 5, none)).toBe("2026-02-05");
    expect(addWorkingDays("2026-04-29", 5, none)).toBe("2026-05-06");
    expect(addWorkingDays("2028-02-24", 5, none)).toBe("2028-03-02");
    expect(addWorkingDays("2026-12-31", 5, none)).toBe("2027-01-07");
  });

  it("adds months and years at month ends, and counts whole months and days", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addYears("2028-02-29", 1)).toBe("2029-02-28");
    expect(addYears("2026-06-15", 1)).toBe("2027-06-15");
    expect(monthsBetween("2026-01-15", "2026-02-14")).toBe(0);
    expect(monthsBetween("2026-01-15", "2026-02-15")).toBe(1);
    expect(monthsBetween("2025-03-01", "2026-03-01")).toBe(12);
    expect(daysBetween("2025-12-31", "2026-03-01")).toBe(60);
  });
});

describe("request moves and their guards", () => {
  it("dates the acknowledgement and the consent window, and keeps each move in the history", () => {
    const request = inWindow("2026-03-05");
    expect(request).toMatchObject({
      status: "consent-window",
      acknowledgedOn: "2026-03-05",
      consentWindowClosesOn: "2026-03-12",
    });
    expect(request.history.map(({ from, to, on }) => [from, to, on])).toEqual([
      ["received", "acknowledged", "2026-03-05"],
      ["acknowledged", "consent-window", "2026-03-05"],
    ]);
  });

  it("refuses circulation until the window has closed, naming the day it closes", () => {
    const request = inWindow("2026-03-05");
    for (const on of ["2026-03-06", "2026-03-12"]) {
      let thrown: unknown;
      try {
        move(request, "circulated", on);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(Conflict);
      expect((thrown as Conflict).message).toContain("closes at the end of 2026-03-12");
    }
    const circulated = move(request, "circulated", "2026-03-13");
    expect(circulated).toMatchObject({ status: "circulated", circulatedOn: "2026-03-13", followUpDueOn: "2027-03-13" });
  });

  it("lets a State that consented be circulated at once", () => {
    const request = inWindow("2026-03-05", { consentedToCirculation: true });
    expect(move(request, "circulated", "2026-03-05").status).toBe("circulated");
  });

  it("refuses circulation inside the window before the day the State consented, naming that day", () => {
    const request = inWindow("2026-11-30", { receivedOn: "2026-11-27" });
    const consented = { ...request, consentedToCirculation: true, consentedOn: "2026-12-03" };
    let thrown: unknown;
    try {
      move(consented, "circulated", "2026-12-01");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Conflict);
    expect((thrown as Conflict).message).toContain("consented to circulation only on 2026-12-03");
    expect((thrown as Conflict).details).toEqual({ consentWindowClosesOn: "2026-12-07", consentedOn: "2026-12-03" });
    expect(move(consented, "circulated", "2026-12-03")).toMatchObject({
      status: "circulated",
      circulatedOn: "2026-12-03",
    });
  });

  it("refuses a request matched before its match was accepted, naming the day of the acceptance", () => {
    const circulated = move(inWindow("2026-03-05"), "circulated", "2026-03-16");
    const accepted = [aMatch("declined"), aMatch("accepted", "2026-03-20")];
    expect(() => move(circulated, "matched", "2026-03-18", accepted)).toThrow(
      /cannot be matched on 2026-03-18: its first accepted match was accepted only on 2026-03-20/,
    );
    expect(move(circulated, "matched", "2026-03-20", accepted).status).toBe("matched");
  });

  it("sets the follow-up one year after circulation, a leap day included", () => {
    const request = move(inWindow("2028-02-18", { receivedOn: "2028-02-10" }), "circulated", "2028-02-29");
    expect(request.followUpDueOn).toBe("2029-02-28");
  });

  it("makes a request matched only with an accepted or delivered match, and takes it back only without one", () => {
    const circulated = move(inWindow("2026-03-05"), "circulated", "2026-03-16");
    expect(() => move(circulated, "matched", "2026-03-20", [aMatch("proposed")])).toThrow(/no accepted match/);
    const matched = move(circulated, "matched", "2026-03-20", [aMatch("accepted")]);
    expect(() => move(matched, "circulated", "2026-03-20", [aMatch("delivered")])).toThrow(/still has an accepted/);
    const back = move(matched, "circulated", "2026-03-20", [aMatch("declined")]);
    // The follow-up still counts from the first circulation.
    expect(back).toMatchObject({ status: "circulated", circulatedOn: "2026-03-16", followUpDueOn: "2027-03-16" });
  });

  it("dates a final move as closed", () => {
    expect(move(aRequest(), "withdrawn", "2026-02-10")).toMatchObject({ status: "withdrawn", closedOn: "2026-02-10" });
  });

  it("refuses a move dated in the future or before the previous step", () => {
    const request = inWindow("2026-03-05");
    expect(() => checkMoveDate(request, "2026-03-21", "2026-03-20")).toThrow(Invalid);
    expect(() => checkMoveDate(request, "2026-03-04", "2026-03-20")).toThrow(Invalid);
    expect(() => checkMoveDate(request, "2026-03-05", "2026-03-20")).not.toThrow();
  });
});

function anOffer(id: string, overrides: Partial<AssistanceOffer> = {}): AssistanceOffer {
  return {
    id,
    provider: { kind: "organization", id: `org-${id.toLowerCase()}` },
    areas: ["legislation"],
    description: "Offer",
    validFrom: "2020-01-01",
    lastUpdatedOn: "2026-01-20",
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

describe("matchmaking rank", () => {
  const request = aRequest();
  const today = "2026-05-20";

  it("puts more shared areas first, then fresher offers, and explains every component", () => {
    const offers = [
      anOffer("A", { areas: ["legislation"], lastUpdatedOn: "2026-05-01" }),
      anOffer("B", { areas: ["legislation", "customs-and-border"], lastUpdatedOn: "2024-01-01" }),
      anOffer("C", { areas: ["legislation", "laboratories"], lastUpdatedOn: "2026-01-20" }),
    ];
    const ranked = rankCandidates(request, offers, today);
    expect(ranked.map((candidate) => candidate.offer.id)).toEqual(["C", "B", "A"]);
    const [best, second] = ranked;
    expect(best).toMatchObject({
      areaOverlap: 2,
      areasRequested: 3,
      sharedAreas: ["legislation", "laboratories"],
      freshnessMonths: 4,
      score: 208,
    });
    expect(best?.reasons).toEqual([
      "shares 2 of the 3 areas requested: legislation, laboratories",
      "last updated 4 months ago (2026-01-20): 8 freshness points",
      "score = 100 x 2 shared + 8 freshness = 208",
    ]);
    expect(second).toMatchObject({ freshnessMonths: 28, score: 200 });
    expect(second?.reasons[1]).toContain("stale");
  });

  it("says one freshness point in the singular (audit 36)", () => {
    const [only] = rankCandidates(request, [anOffer("D", { lastUpdatedOn: "2025-06-20" })], today);
    expect(only?.reasons[1]).toBe("last updated 11 months ago (2025-06-20): 1 freshness point");
  });

  it("leaves out offers not valid today, from the requesting State, or sharing no area", () => {
    const offers = [
      anOffer("EXPIRED", { validUntil: "2026-05-19" }),
      anOffer("LATER", { validFrom: "2026-05-21" }),
      anOffer("LASTDAY", { validUntil: "2026-05-20" }),
      anOffer("SELF", { provider: { kind: "state", iso3: "KEN" } }),
      anOffer("OTHER", { areas: ["nuclear-security"] }),
    ];
    expect(rankCandidates(request, offers, today).map((candidate) => candidate.offer.id)).toEqual(["LASTDAY"]);
    expect(isActiveOn({ validFrom: "2026-05-20" }, today)).toBe(true);
  });

  it("flags an offer already matched to the request", () => {
    const [candidate] = rankCandidates(request, [anOffer("A")], today, [
      { id: "M1", offerId: "A", status: "declined" },
    ]);
    expect(candidate?.existingMatch).toEqual({ id: "M1", status: "declined" });
    expect(candidate?.reasons.at(-1)).toBe("already matched to this request (declined)");
  });

  it("calls a provider stale only after 12 months", () => {
    expect(isStale("2025-05-20", "2026-05-20")).toBe(false);
    expect(isStale("2025-05-20", "2026-05-21")).toBe(true);
  });
});

describe("report periods", () => {
  it.each([
    ["2026-01-01", "2026-1", "2026-01-01", "2026-04-30"],
    ["2026-04-30", "2026-1", "2026-01-01", "2026-04-30"],
    ["2026-05-01", "2026-2", "2026-05-01", "2026-08-31"],
    ["2026-08-31", "2026-2", "2026-05-01", "2026-08-31"],
    ["2026-09-01", "2026-3", "2026-09-01", "2026-12-31"],
    ["2026-12-31", "2026-3", "2026-09-01", "2026-12-31"],
  ])("puts %s in report %s", (day, id, from, to) => {
    expect(periodOf(day)).toMatchObject({ id, from, to });
  });

  it("reads an explicit period and refuses a fourth one", () => {
    expect(parsePeriod("2027-2")).toEqual({
      id: "2027-2",
      year: 2027,
      n: 2,
      from: "2027-05-01",
      to: "2027-08-31",
      reportOn: "2027-08-20",
    });
    expect(() => parsePeriod("2027-4")).toThrow(Invalid);
    expect(() => parsePeriod("27-1")).toThrow(Invalid);
  });
});

describe("report content", () => {
  const asOf = "2026-04-20";
  const circulated = (receivedOn: string, ackOn: string, circOn: string, overrides: Partial<AssistanceRequest> = {}) =>
    move(inWindow(ackOn, { receivedOn, ...overrides }), "circulated", circOn);
  const match = (requestId: string, status: MatchStatus, createdAt = at): AssistanceMatch => ({
    id: `M-${requestId}-${status}`,
    requestId,
    offerId: "O1",
    iso3: "KEN",
    provider: { kind: "organization", id: "iaea" },
    areas: ["legislation"],
    status,
    proposedOn: "2025-01-10",
    history: status === "proposed" ? [] : [{ from: "proposed", to: status, on: "2025-02-01", at: createdAt, by }],
    createdAt,
    createdBy: "test",
    updatedAt: createdAt,
  });

  const old = circulated("2024-11-04", "2024-11-11", "2024-11-20", { id: "OLD", iso3: "NGA" });
  const dueSoon = circulated("2025-06-02", "2025-06-09", "2025-06-30", { id: "SOON", iso3: "PHL" });
  const fresh = aRequest({ id: "FRESH", receivedOn: "2026-04-06", iso3: "FJI" });
  const done = move(aRequest({ id: "DONE" }), "withdrawn", "2026-02-10");
  const report = buildReport({
    period: periodOf(asOf),
    asOf,
    generatedAt: at,
    generatedBy: "test",
    requests: [
      { request: fresh, matches: [] },
      { request: dueSoon, matches: [match("SOON", "declined")] },
      { request: old, matches: [match("OLD", "proposed")] },
      { request: done, matches: [] },
    ],
    stateNames: new Map([["NGA", "Nigeria"]]),
    organizationNames: new Map([["iaea", "International Atomic Energy Agency"]]),
    letters: new Map(),
  });

  it("lists every pending request oldest first, with its age, and leaves out final ones", () => {
    expect(report.requests.map((row) => [row.requestId, row.ageDays])).toEqual([
      ["OLD", 532],
      ["SOON", 322],
      ["FRESH", 14],
    ]);
    expect(report).toMatchObject({ id: "2026-1", asOf, periodFrom: "2026-01-01", periodTo: "2026-04-30" });
    expect(report.requests[0]?.stateName).toBe("Nigeria");
  });

  it("flags follow-ups overdue, due within 4 months, or not circulated yet", () => {
    expect(report.requests.map((row) => row.followUp)).toEqual([
      { dueOn: "2025-11-20", status: "overdue" },
      { dueOn: "2026-06-30", status: "due" },
      null,
    ]);
    expect(report.totals).toMatchObject({ followUpsOverdue: 1, followUpsDue: 1 });
  });

  it("says followed up, with the letter's date, once a follow-up letter to the State left on or after the due day", () => {
    const letters = new Map([
      [
        "NGA",
        [
          { kind: "assistance-follow-up" as const, status: "delivered" as const, on: "2025-12-01" },
          { kind: "assistance-follow-up" as const, status: "sent" as const, on: "2026-01-15" },
        ],
      ],
      // The Philippines' letter went before its request fell due: it answered another year.
      ["PHL", [{ kind: "assistance-follow-up" as const, status: "sent" as const, on: "2026-03-02" }]],
    ]);
    const followed = buildReport({
      period: periodOf(asOf),
      asOf,
      generatedAt: at,
      generatedBy: "test",
      requests: [
        { request: old, matches: [] },
        { request: dueSoon, matches: [] },
      ],
      stateNames: new Map(),
      organizationNames: new Map(),
      letters,
    });
    expect(followed.requests.map((row) => row.followUp)).toEqual([
      { dueOn: "2025-11-20", status: "followed-up", followedUpOn: "2025-12-01" },
      { dueOn: "2026-06-30", status: "due" },
    ]);
    expect(followed.totals).toMatchObject({ followUpsOverdue: 0, followUpsDue: 1 });
    expect(reportSummaryMail(followed).text).toContain("follow-up: followed up on 2025-12-01 (due 2025-11-20)");
  });

  it("counts by status and age, and the circulated requests with no open match", () => {
    expect(report.totals.pending).toBe(3);
    expect(report.totals.byStatus).toMatchObject({ received: 1, circulated: 2, matched: 0 });
    // The snapshots' scale (shared/assistance/age-buckets.ts): 532, 322 and 14 days.
    expect(report.totals.byAge).toEqual({
      "under-6-months": 1,
      "6-to-12-months": 1,
      "12-to-24-months": 1,
      "over-24-months": 0,
    });
    // SOON's only match was declined; OLD has a proposed one.
    expect(report.totals.withoutMatch).toBe(1);
  });

  it("names the last action in words, a match's included, and each match's provider as named that day", () => {
    const [oldRow, soonRow, freshRow] = report.requests;
    expect(oldRow?.lastAction).toEqual({
      action: "match with the International Atomic Energy Agency proposed",
      on: "2025-01-10",
    });
    expect(soonRow?.lastAction).toEqual({ action: "circulated", on: "2025-06-30" });
    expect(freshRow?.lastAction).toEqual({ action: "received", on: "2026-04-06" });
    expect(oldRow?.matches).toEqual([
      {
        id: "M-OLD-proposed",
        offerId: "O1",
        provider: { kind: "organization", id: "iaea" },
        providerName: "International Atomic Energy Agency",
        status: "proposed",
      },
    ]);
    const later = buildReport({
      period: periodOf(asOf),
      asOf,
      generatedAt: at,
      generatedBy: "test",
      requests: [
        {
          request: old,
          matches: [
            { ...match("OLD", "accepted"), history: [{ from: "proposed", to: "accepted", on: "2025-03-03", at, by }] },
          ],
        },
      ],
      stateNames: new Map(),
      organizationNames: new Map(),
      letters: new Map(),
    });
    // No name on record: the provider's code, with no "the" before it.
    expect(later.requests[0]?.lastAction).toEqual({ action: "match with iaea accepted", on: "2025-03-03" });
    expect(later.requests[0]?.matches[0]).not.toHaveProperty("providerName");
  });

  it("names the later of two moves made the same day at the same instant (as the demonstration seed writes them)", () => {
    const acknowledged = move(aRequest({ id: "TWICE", receivedOn: "2026-03-02" }), "acknowledged", "2026-03-09");
    const inWindow = move(acknowledged, "consent-window", "2026-03-09");
    const twice = buildReport({
      period: periodOf(asOf),
      asOf,
      generatedAt: at,
      generatedBy: "test",
      requests: [{ request: inWindow, matches: [] }],
      stateNames: new Map(),
      organizationNames: new Map(),
      letters: new Map(),
    });
    expect(twice.requests[0]?.lastAction).toEqual({ action: "put in the consent window", on: "2026-03-09" });
  });
});
