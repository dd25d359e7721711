// The consent window counted on UN Headquarters' working calendar (audit suggestion 18): weekends and the holidays on
// record for the years the window runs into, the years not on record said as such, and the refusal that says how the
// window was counted. Pure: no store.
import { describe, expect, it } from "vitest";
import { countConsentWindow, type HolidayLists, workingCalendar } from "#shared/assistance/consent-window.ts";
import { addWorkingDays } from "#shared/assistance/dates.ts";
import type { AssistanceRequest } from "#shared/assistance/schemas.ts";
import { moveRequest, moveTo } from "#shared/assistance/workflow.ts";
import { systemActor } from "#shared/auth/actor.ts";
import { Conflict } from "#shared/errors.ts";

const by = systemActor("test");

/** A year's list as the secretariat records it from the circular. */
const list = (source: string, ...dates: string[]) => ({
  source,
  days: dates.map((date) => ({ date, name: `Holiday on ${date}` })),
});

// 2025's official holidays were designated by ST/IC/2024/30; Thanksgiving fell on Thursday 27 November.
const LISTS_2025: HolidayLists = new Map([[2025, list("ST/IC/2024/30", "2025-11-27", "2025-12-25")]]);
const HOLIDAYS_2026 = list("ST/IC/2025/23", "2026-12-25");
const HOLIDAYS_2027 = list("ST/IC/2026/17", "2027-01-01");

describe("countConsentWindow", () => {
  it("skips Thanksgiving on record: acknowledged 2025-11-25, the window closes 2025-12-03 (the audit's case)", () => {
    expect(countConsentWindow("2025-11-25", LISTS_2025)).toEqual({
      consentWindowClosesOn: "2025-12-03",
      consentWindowCounted: { holidaysFrom: ["ST/IC/2024/30"], yearsNotOnRecord: [] },
    });
  });

  it("counts weekends only when the year's list is not on record, and says so", () => {
    expect(countConsentWindow("2025-11-25", new Map())).toEqual({
      consentWindowClosesOn: "2025-12-02",
      consentWindowCounted: { holidaysFrom: [], yearsNotOnRecord: [2025] },
    });
  });

  it("crosses New Year with both years' lists: skips New Year's Day and names both circulars", () => {
    // Tuesday 29 December 2026: 30, 31 December, (1 January a holiday), 4, 5, 6 January.
    const lists: HolidayLists = new Map([
      [2026, HOLIDAYS_2026],
      [2027, HOLIDAYS_2027],
    ]);
    expect(countConsentWindow("2026-12-29", lists)).toEqual({
      consentWindowClosesOn: "2027-01-06",
      consentWindowCounted: { holidaysFrom: ["ST/IC/2025/23", "ST/IC/2026/17"], yearsNotOnRecord: [] },
    });
  });

  it("crosses New Year without next year's list: 1 January counts, and the next year is named as not on record", () => {
    expect(countConsentWindow("2026-12-29", new Map([[2026, HOLIDAYS_2026]]))).toEqual({
      consentWindowClosesOn: "2027-01-05",
      consentWindowCounted: { holidaysFrom: ["ST/IC/2025/23"], yearsNotOnRecord: [2027] },
    });
    expect(countConsentWindow("2026-12-29", new Map()).consentWindowCounted.yearsNotOnRecord).toEqual([2026, 2027]);
  });

  it("names only the years the window's days fall in", () => {
    // Monday 21 December 2026: 22, 23, 24, (25 a holiday), 28, 29 December; 2027's list is read but not run into.
    const lists: HolidayLists = new Map([
      [2026, HOLIDAYS_2026],
      [2027, HOLIDAYS_2027],
    ]);
    expect(countConsentWindow("2026-12-21", lists)).toEqual({
      consentWindowClosesOn: "2026-12-29",
      consentWindowCounted: { holidaysFrom: ["ST/IC/2025/23"], yearsNotOnRecord: [] },
    });
    // Acknowledged on 31 December, the window's first day is in the next year: only that year is named.
    expect(countConsentWindow("2026-12-31", lists)).toEqual({
      consentWindowClosesOn: "2027-01-08",
      consentWindowCounted: { holidaysFrom: ["ST/IC/2026/17"], yearsNotOnRecord: [] },
    });
  });

  it("ignores a holiday listed on a weekend: the weekend is skipped anyway", () => {
    // Independence Day 2026 is a Saturday, observed on Friday 3 July.
    const saturdayOnly: HolidayLists = new Map([[2026, list("ST/IC/2025/23", "2026-07-04")]]);
    const observed: HolidayLists = new Map([[2026, list("ST/IC/2025/23", "2026-07-03", "2026-07-04")]]);
    expect(countConsentWindow("2026-07-01", saturdayOnly).consentWindowClosesOn).toBe("2026-07-08");
    expect(countConsentWindow("2026-07-01", observed).consentWindowClosesOn).toBe("2026-07-09");
    expect(addWorkingDays("2026-07-01", 5, new Set(["2026-07-04", "2026-07-05"]))).toBe(
      addWorkingDays("2026-07-01", 5, new Set()),
    );
  });
});

/** Gambia's request, received on 20 November 2025. */
const received: AssistanceRequest = {
  id: "01KDV0000000000000000000G1",
  iso3: "GMB",
  areas: ["legislation"],
  description: "Export control law",
  receivedOn: "2025-11-20",
  symbol: "S/AC.44/2025/31",
  consentedToCirculation: false,
  status: "received",
  history: [],
  createdAt: "2025-11-20T15:00:00.000Z",
  createdBy: "u-1",
  updatedAt: "2025-11-20T15:00:00.000Z",
};

const moved = (request: AssistanceRequest, to: AssistanceRequest["status"], on: string, lists: HolidayLists) =>
  moveRequest(request, moveTo(to, { on, at: `${on}T16:00:00.000Z`, by }, workingCalendar(lists)), []);

/** Acknowledged on `on` and in its consent window, counted with `lists`. */
const inWindow = (on: string, lists: HolidayLists) =>
  moved(moved(received, "acknowledged", on, lists), "consent-window", on, lists);

describe("moveRequest", () => {
  it("sets the window's last day and how it was counted on acknowledgement, from the calendar it is given", () => {
    const acknowledged = moved(received, "acknowledged", "2025-11-25", LISTS_2025);
    expect(acknowledged).toMatchObject({
      status: "acknowledged",
      acknowledgedOn: "2025-11-25",
      consentWindowClosesOn: "2025-12-03",
      consentWindowCounted: { holidaysFrom: ["ST/IC/2024/30"], yearsNotOnRecord: [] },
    });
    // Later moves keep the window as counted, whatever calendar they are given.
    const opened = moved(acknowledged, "consent-window", "2025-11-26", new Map());
    expect(opened.consentWindowClosesOn).toBe("2025-12-03");
    expect(opened.consentWindowCounted).toEqual(acknowledged.consentWindowCounted);
  });

  it("refuses circulation on the day Thanksgiving on record added to the window", () => {
    const request = inWindow("2025-11-25", LISTS_2025);
    expect(() => moved(request, "circulated", "2025-12-03", LISTS_2025)).toThrow(Conflict);
    expect(moved(request, "circulated", "2025-12-04", LISTS_2025).status).toBe("circulated");
  });
});

/** The words of the refusal to circulate `request` on `on`. */
function refusalWords(request: AssistanceRequest, on: string): string {
  try {
    moved(request, "circulated", on, new Map());
  } catch (error) {
    if (error instanceof Conflict) return error.message;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("the consent window's refusal", () => {
  const named = "Assistance request S/AC.44/2025/31 cannot be circulated on 2025-12-01";

  it("names the circulars whose holidays the window skipped", () => {
    expect(refusalWords(inWindow("2025-11-25", LISTS_2025), "2025-12-01")).toBe(
      `${named}: the State's consent window closes at the end of 2025-12-03 (5 working days after acknowledgement ` +
        "on 2025-11-25, skipping the UN Headquarters holidays of ST/IC/2024/30). Circulate it after 2025-12-03, or " +
        "record that the State consented to circulation",
    );
  });

  it("says the window counted weekends only where the year's holidays were not on record", () => {
    expect(refusalWords(inWindow("2025-11-25", new Map()), "2025-12-01")).toContain(
      "(5 working days after acknowledgement on 2025-11-25, weekends only: the 2025 UN Headquarters holidays were " +
        "not on record)",
    );
  });

  it("says both across New Year with one year on record", () => {
    const request = inWindow("2026-12-29", new Map([[2026, HOLIDAYS_2026]]));
    expect(refusalWords(request, "2026-12-31")).toContain(
      "closes at the end of 2027-01-05 (5 working days after acknowledgement on 2026-12-29, skipping the UN " +
        "Headquarters holidays of ST/IC/2025/23, and weekends only in 2027, whose UN Headquarters holidays were not " +
        "on record)",
    );
  });

  it("keeps its words for a request acknowledged before holidays were counted", () => {
    const { consentWindowCounted: _, ...before } = inWindow("2025-11-25", new Map());
    expect(refusalWords(before, "2025-12-01")).toBe(
      `${named}: the State's consent window closes at the end of 2025-12-02 (5 working days after acknowledgement ` +
        "on 2025-11-25). Circulate it after 2025-12-02, or record that the State consented to circulation",
    );
  });
});
