// Quarter arithmetic in New York time: names, bounds, the quarter just ended across a year boundary and DST.
import { describe, expect, it } from "vitest";
import { Invalid } from "#shared/errors.ts";
import {
  dayIsIn,
  hasEnded,
  parsePeriod,
  previousQuarter,
  quarterJustEnded,
  quarterOfDay,
} from "#shared/snapshots/period.ts";
import { snapshotSchema } from "#shared/snapshots/schemas.ts";
import { deskDay } from "#shared/zoned-time.ts";

describe("quarters", () => {
  it("run from the first day of their first month to the last day of their third", () => {
    expect(parsePeriod("2024-Q1")).toEqual({
      id: "2024-Q1",
      year: 2024,
      quarter: 1,
      start: "2024-01-01",
      end: "2024-03-31",
    });
    expect(parsePeriod("2023-Q2")).toMatchObject({ start: "2023-04-01", end: "2023-06-30" });
    expect(parsePeriod("2023-Q3")).toMatchObject({ start: "2023-07-01", end: "2023-09-30" });
    expect(parsePeriod("2023-Q4")).toMatchObject({ start: "2023-10-01", end: "2023-12-31" });
  });

  it("refuse any other name with 422 at the given path", () => {
    for (const bad of ["2024-Q0", "2024-Q5", "2024-1", "24-Q1", "2024-q1", ""]) {
      expect(() => parsePeriod(bad, "body.period")).toThrow(Invalid);
    }
    try {
      parsePeriod("2024-Q5", "body.period");
    } catch (error) {
      expect((error as Invalid).issues).toEqual([{ path: "body.period", message: expect.stringContaining("YYYY-Qn") }]);
    }
  });

  it("begin with the one in which resolution 1540 was adopted (28 April 2004): an earlier one is refused", () => {
    expect(parsePeriod("2004-Q2", "body.period")).toMatchObject({ start: "2004-04-01", end: "2004-06-30" });
    for (const early of ["2004-Q1", "2003-Q4", "1999-Q1", "0001-Q1"]) {
      try {
        parsePeriod(early, "body.period");
        expect.unreachable(`${early} was accepted`);
      } catch (error) {
        expect((error as Invalid).issues).toEqual([
          { path: "body.period", message: expect.stringContaining("the first quarter is 2004-Q2") },
        ]);
      }
    }
  });

  it("are read as stored whatever the quarter: one taken before the bound still reads, and stays a previous quarter", () => {
    expect(snapshotSchema.shape.period.parse("1999-Q1")).toBe("1999-Q1");
    expect(snapshotSchema.shape.previousPeriod.parse("2004-Q1")).toBe("2004-Q1");
  });

  it("step back across a year boundary", () => {
    expect(previousQuarter(parsePeriod("2024-Q1")).id).toBe("2023-Q4");
    expect(previousQuarter(parsePeriod("2024-Q3")).id).toBe("2024-Q2");
  });

  it("contain the days between their bounds", () => {
    expect(quarterOfDay("2024-02-29").id).toBe("2024-Q1");
    expect(quarterOfDay("2024-04-01").id).toBe("2024-Q2");
    expect(quarterOfDay("2024-12-31").id).toBe("2024-Q4");
    expect(dayIsIn("2024-03-31", parsePeriod("2024-Q1"))).toBe(true);
    expect(dayIsIn("2024-04-01", parsePeriod("2024-Q1"))).toBe(false);
  });
});

describe("the quarter just ended, in New York", () => {
  it("is still the one before last at 23:59 on 31 December in New York, though it is 1 January in UTC", () => {
    expect(deskDay(new Date("2024-01-01T04:59:00Z"))).toBe("2023-12-31");
    expect(quarterJustEnded(new Date("2024-01-01T04:59:00Z")).id).toBe("2023-Q3");
  });

  it("is the fourth quarter of last year from midnight on 1 January in New York (EST, UTC-5)", () => {
    expect(quarterJustEnded(new Date("2024-01-01T05:00:00Z")).id).toBe("2023-Q4");
    expect(quarterJustEnded(new Date("2024-01-01T05:30:00Z")).id).toBe("2023-Q4");
  });

  it("follows daylight saving time (EDT, UTC-4) on 1 July", () => {
    expect(quarterJustEnded(new Date("2024-07-01T03:59:00Z")).id).toBe("2024-Q1");
    expect(quarterJustEnded(new Date("2024-07-01T04:00:00Z")).id).toBe("2024-Q2");
  });

  it("has ended only once New York reaches the day after its last", () => {
    const q4 = parsePeriod("2023-Q4");
    expect(hasEnded(q4, new Date("2024-01-01T04:59:00Z"))).toBe(false);
    expect(hasEnded(q4, new Date("2024-01-01T05:00:00Z"))).toBe(true);
    expect(hasEnded(parsePeriod("2024-Q1"), new Date("2024-01-01T05:00:00Z"))).toBe(false);
  });
});
