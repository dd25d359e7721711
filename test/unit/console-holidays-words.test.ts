// The UN Headquarters holidays in the console: a day with its weekday, the years offered, the form's rows to the body
// sent and the API's 422 back to the rows it names (by the rows' keys, so a row removed after a refusal moves no
// problem onto another), the pages' routes, and a request's consent-window line saying how its window was counted.
import { describe, expect, it } from "vitest";
import { countedInWords, windowCountedParts } from "../../console/src/pages/assistance-request-standing.ts";
import {
  daysCounted,
  dayWithWeekday,
  holidaysBodyOf,
  holidaysFormOf,
  holidaysProblems,
  listInWords,
  withRowAdded,
  yearsOffered,
} from "../../console/src/pages/holidays-words.ts";
import { href, routeOf } from "../../console/src/routes.ts";

const list2026 = {
  source: "ST/IC/2025/23",
  days: [
    { date: "2026-01-01", name: "New Year's Day" },
    { date: "2026-12-25", name: "Christmas Day" },
  ],
};

const unprocessable = (errors: { path: string; message: string }[]) => ({
  type: "/problems/unprocessable",
  title: "Unprocessable",
  status: 422,
  errors,
});

describe("a year's holidays in words", () => {
  it("gives each day its weekday", () => {
    expect(dayWithWeekday("2026-12-25")).toBe("Friday 25 December 2026");
    expect(dayWithWeekday("2027-01-01")).toBe("Friday 1 January 2027");
  });

  it("counts the days and names the circular", () => {
    expect(listInWords(list2026)).toBe("2 days from ST/IC/2025/23");
    expect(daysCounted(1)).toBe("1 day");
    expect(daysCounted(0)).toBe("no days");
  });

  it("offers this year and the next besides those on record, each once and in order", () => {
    expect(yearsOffered([2027, 2025], 2026)).toEqual([2025, 2026, 2027]);
    expect(yearsOffered([], 2026)).toEqual([2026, 2027]);
  });
});

describe("the form of a year's holidays", () => {
  it("opens on the list on record, or one blank row for a year not on record", () => {
    expect(holidaysFormOf(list2026).rows.map((row) => row.name)).toEqual(["New Year's Day", "Christmas Day"]);
    expect(holidaysFormOf(undefined)).toEqual({ source: "", rows: [{ key: 0, date: "", name: "" }] });
  });

  it("adds a row under a key no other row has, and sends no row left blank", () => {
    const form = withRowAdded(holidaysFormOf(list2026));
    expect(form.rows.map((row) => row.key)).toEqual([0, 1, 2]);
    const { body, sent } = holidaysBodyOf({
      source: " ST/IC/2025/23 ",
      rows: [
        { key: 0, date: "2026-01-01", name: "New Year's Day" },
        { key: 1, date: " ", name: "" },
        { key: 2, date: "2026-11-26", name: " Thanksgiving Day " },
      ],
    });
    expect(body).toEqual({
      source: "ST/IC/2025/23",
      days: [
        { date: "2026-01-01", name: "New Year's Day" },
        { date: "2026-11-26", name: "Thanksgiving Day" },
      ],
    });
    expect(sent).toEqual([0, 2]);
  });

  it("puts the API's problem at the row that was sent at its index, and the circular's at its field", () => {
    const problem = unprocessable([
      { path: "body.days.1.date", message: "2026-11-28 is a Saturday: a holiday is observed on a weekday" },
      { path: "body.days.1.name", message: "is empty" },
      { path: "body.source", message: "is not an information circular's symbol, such as ST/IC/2025/23" },
    ]);
    const problems = holidaysProblems(problem, [0, 2]);
    expect(problems.rows.get(2)).toEqual({
      date: "2026-11-28 is a Saturday: a holiday is observed on a weekday",
      name: "is empty",
    });
    expect(problems.rows.has(1)).toBe(false);
    expect(problems.source).toBe("is not an information circular's symbol, such as ST/IC/2025/23");
    expect(holidaysProblems(unprocessable([{ path: "body.days", message: "too many" }]), []).days).toBe("too many");
    expect(holidaysProblems(undefined, [0]).rows.size).toBe(0);
  });
});

describe("the holidays pages' routes", () => {
  it("reads every year and one year, and writes their links", () => {
    expect(routeOf(href.holidays())).toEqual({ page: "holidays" });
    expect(routeOf(href.holidaysYear(2027))).toEqual({ page: "holidays-year", year: 2027 });
    expect(routeOf("#/holidays/next").page).toBe("not-found");
  });
});

describe("how a request's consent window was counted", () => {
  const acknowledged = {
    status: "acknowledged" as const,
    consentWindowClosesOn: "2026-12-14",
    consentedToCirculation: false,
    receivedOn: "2026-12-01",
  };
  const today = "2026-12-07";

  it("names the circulars whose holidays it skipped", () => {
    const parts = windowCountedParts(
      { ...acknowledged, consentWindowCounted: { holidaysFrom: ["ST/IC/2025/23"], yearsNotOnRecord: [] } },
      today,
    );
    expect(countedInWords(parts)).toBe("skipping the UN Headquarters holidays of ST/IC/2025/23");
  });

  it("says weekends only for a year not on record, the year apart to link it", () => {
    const parts = windowCountedParts(
      { ...acknowledged, consentWindowCounted: { holidaysFrom: [], yearsNotOnRecord: [2026] } },
      today,
    );
    expect(countedInWords(parts)).toBe("weekends only: the 2026 UN Headquarters holidays were not on record");
    expect(parts).toContainEqual({ yearNotOnRecord: 2026 });
  });

  it("says both over two years", () => {
    const parts = windowCountedParts(
      {
        ...acknowledged,
        consentWindowClosesOn: "2027-01-05",
        consentWindowCounted: { holidaysFrom: ["ST/IC/2025/23"], yearsNotOnRecord: [2027] },
      },
      today,
    );
    expect(countedInWords(parts)).toBe(
      "skipping the UN Headquarters holidays of ST/IC/2025/23; weekends only: the 2027 UN Headquarters holidays were not on record",
    );
  });

  it("says nothing without the API's count, once the State consented, or when the window's words say nothing", () => {
    const counted = { holidaysFrom: ["ST/IC/2025/23"], yearsNotOnRecord: [] };
    expect(windowCountedParts(acknowledged, today)).toEqual([]);
    expect(
      windowCountedParts({ ...acknowledged, consentedToCirculation: true, consentWindowCounted: counted }, today),
    ).toEqual([]);
    expect(windowCountedParts({ ...acknowledged, consentWindowCounted: counted }, "2026-12-20")).toEqual([]);
  });
});
