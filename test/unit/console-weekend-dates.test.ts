// The composer's remark on a date the letters name that falls on a weekend (audit 31: "by 31 January 2027", a Sunday).
import { describe, expect, it } from "vitest";
import { weekendRemark } from "../../console/src/pages/correspondence/weekend-dates.ts";

describe("a date the letters name", () => {
  it("on a Saturday or a Sunday is said to be one, in the letters' own day-month-year", () => {
    expect(weekendRemark("2027-01-31")).toBe("31 January 2027 is a Sunday.");
    expect(weekendRemark("2027-01-30")).toBe("30 January 2027 is a Saturday.");
  });

  it("on a weekday, half typed or not a date, draws no remark", () => {
    for (const date of ["2027-01-29", "2027-02-01", "", "2027-01", "2027-02-30", "31/01/2027"]) {
      expect(weekendRemark(date)).toBeUndefined();
    }
  });
});
