// A pending request's age: one rule for the quarterly snapshot and the console's home page, counted on the desk's day.
import { afterEach, describe, expect, it, vi } from "vitest";
import { ageBucketOf, countByAge } from "#shared/assistance/age-buckets.ts";
import { deskToday } from "../../console/src/ui/desk-today.ts";

describe("a pending request's age bucket", () => {
  it("moves on the day whole months have passed", () => {
    expect(ageBucketOf("2026-01-15", "2026-07-14")).toBe("under-6-months");
    expect(ageBucketOf("2026-01-15", "2026-07-15")).toBe("6-to-12-months");
    expect(ageBucketOf("2025-01-15", "2026-01-15")).toBe("12-to-24-months");
    expect(ageBucketOf("2024-01-15", "2026-01-14")).toBe("12-to-24-months");
    expect(ageBucketOf("2024-01-15", "2026-01-15")).toBe("over-24-months");
  });

  it("counts a month from a month's last day to the next month's last (the snapshot's rule)", () => {
    // The home page's own rule said five months here, and put the request in another bucket than the snapshot.
    expect(ageBucketOf("2025-08-31", "2026-02-28")).toBe("6-to-12-months");
    expect(ageBucketOf("2025-08-31", "2026-02-27")).toBe("under-6-months");
  });

  it("counts requests by bucket, every bucket present", () => {
    expect(countByAge(["2026-03-01", "2026-02-01", "2025-06-01", "2020-01-01"], "2026-03-10")).toEqual({
      "under-6-months": 2,
      "6-to-12-months": 1,
      "12-to-24-months": 0,
      "over-24-months": 1,
    });
  });
});

describe("the console's today", () => {
  afterEach(() => vi.useRealTimers());

  it("is New York's day, not UTC's, in a New York evening", () => {
    vi.useFakeTimers({ now: new Date("2027-03-15T02:00:00Z") });
    expect(deskToday()).toBe("2027-03-14");
    vi.setSystemTime(new Date("2027-03-15T04:00:00Z"));
    expect(deskToday()).toBe("2027-03-15");
  });
});
