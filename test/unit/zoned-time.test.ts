// The zone's wall clock at an instant: across daylight-saving changes, at midnight, and for zones east of UTC.
import { describe, expect, it } from "vitest";
import { deskToday, fixedClock } from "#shared/clock.ts";
import { DESK_TIME_ZONE, dayIn, dayOf, deskDay, minuteOf, wallClockAt } from "#shared/zoned-time.ts";

describe("wallClockAt", () => {
  it("reads New York's clocks on both sides of the spring and autumn changes", () => {
    expect(wallClockAt("2026-03-08T06:59:00Z", "America/New_York")).toEqual({
      year: 2026,
      month: 3,
      day: 8,
      hour: 1,
      minute: 59,
      second: 0,
    });
    expect(wallClockAt("2026-03-08T07:00:00Z", "America/New_York")).toMatchObject({ hour: 3, minute: 0 });
    expect(wallClockAt("2026-11-01T05:30:00Z", "America/New_York")).toMatchObject({ hour: 1, minute: 30 });
    expect(wallClockAt("2026-11-01T06:30:00Z", "America/New_York")).toMatchObject({ hour: 1, minute: 30 });
  });

  it("writes midnight as hour 0 and takes a Date, epoch milliseconds or an ISO string alike", () => {
    const instant = new Date("2027-01-01T05:00:00Z");
    const clock = wallClockAt(instant, "America/New_York");
    expect(clock).toMatchObject({ year: 2027, month: 1, day: 1, hour: 0 });
    expect(wallClockAt(instant.getTime(), "America/New_York")).toEqual(clock);
    expect(wallClockAt(instant.toISOString(), "America/New_York")).toEqual(clock);
  });

  it("refuses a zone Intl does not know", () => {
    expect(() => wallClockAt(0, "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});

describe("dayIn, dayOf and minuteOf", () => {
  it("give the zone's own calendar day, which differs from UTC's near midnight", () => {
    expect(dayIn("2027-01-01T03:00:00Z", "America/New_York")).toBe("2026-12-31");
    expect(dayIn("2026-12-31T20:00:00Z", "Asia/Tokyo")).toBe("2027-01-01");
    expect(dayOf({ year: 2028, month: 2, day: 9 })).toBe("2028-02-09");
    expect(minuteOf({ hour: 7, minute: 5 })).toBe("07:05");
  });
});

describe("the desk's today", () => {
  it("is the calendar day in New York: 21:00 there on a Thursday is Thursday, though UTC is on Friday", () => {
    expect(DESK_TIME_ZONE).toBe("America/New_York");
    expect(deskToday(fixedClock("2026-12-04T02:00:00Z"))).toBe("2026-12-03");
    expect(deskToday(fixedClock("2026-12-04T05:00:00Z"))).toBe("2026-12-04");
    expect(deskDay("2026-07-01T03:59:00Z")).toBe("2026-06-30");
  });
});
