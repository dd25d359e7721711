import { describe, expect, it } from "vitest";
import { fixedClock } from "#shared/clock.ts";
import { newId } from "#shared/ids.ts";

describe("newId", () => {
  it("orders ids made in the same millisecond in the order they were made", () => {
    const clock = fixedClock(new Date("2026-03-01T09:00:00.000Z"));
    const ids = Array.from({ length: 500 }, () => newId(clock));
    expect(new Set(ids).size).toBe(500);
    expect([...ids].sort()).toEqual(ids);
  });

  it("starts with the clock's millisecond, so ids of a later instant sort after and an earlier one before", () => {
    const at = (iso: string) => newId(fixedClock(new Date(iso)));
    const middle = at("2026-03-01T09:00:00.001Z");
    const later = at("2026-03-01T09:00:00.002Z");
    const earlier = at("2026-03-01T09:00:00.000Z");
    expect(middle < later).toBe(true);
    expect(earlier < middle).toBe(true);
    expect(middle).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(middle.slice(0, 10)).not.toBe(later.slice(0, 10));
  });
});
