// The calendar feeds' use case on the in-memory store (ADR 0023): the limit counts live feeds only, an expired feed
// leaves its owner's list at the next issue, a lost race is read again, and an owner with no group that reads the
// programme gets no feed.
import { describe, expect, it } from "vitest";
import { fixedClock } from "#shared/clock.ts";
import { Conflict, Forbidden, NotFound } from "#shared/errors.ts";
import { calendarFeeds, tokenHash } from "#shared/programme/feeds.ts";
import { MAX_LIVE_FEEDS } from "#shared/programme/feeds-schemas.ts";
import { type CalendarFeedStore, OwnedFeedsChanged } from "#shared/programme/feeds-store.ts";
import { memoryCalendarFeedStore } from "../support/in-memory/calendar-feeds.ts";
import { seededProgramme } from "./programme-fixture.ts";

const audit = { actor: { kind: "user" as const, id: "user-1", groups: ["members" as const] } };
const owner = { id: "user-1", groups: ["members" as const] };

async function setUp(store: CalendarFeedStore = memoryCalendarFeedStore()) {
  const clock = fixedClock("2026-12-03T15:00:00Z");
  const { years } = await seededProgramme(clock);
  return { clock, store, years, feeds: calendarFeeds({ store, years, clock }) };
}

/** The programme years a feed's events belong to, from their UIDs (`programme-<year>-<activity>@desk-1540`). */
const yearsIn = (calendar: string) =>
  [...new Set([...calendar.matchAll(/^UID:programme-(\d{4})-/gm)].map(([, year]) => Number(year)))].sort();

describe("calendar feeds", () => {
  it("counts live feeds only: a year after the first five, five more can be issued", async () => {
    const { clock, store, feeds } = await setUp();
    for (let n = 0; n < MAX_LIVE_FEEDS; n++) await feeds.issue(owner, {}, audit);
    await expect(feeds.issue(owner, {}, audit)).rejects.toBeInstanceOf(Conflict);
    clock.advance(366 * 24 * 60 * 60 * 1000);
    expect((await feeds.list("user-1")).feeds).toEqual([]);
    const next = await feeds.issue(owner, {}, audit);
    expect((await store.owned("user-1")).feeds.map((feed) => feed.id)).toEqual([next.id]);
  });

  it("reads the owner's list again when another request changed it, and gives up after three tries", async () => {
    const memory = memoryCalendarFeedStore();
    let races = 1;
    const racing: CalendarFeedStore = {
      ...memory,
      async issue(...args) {
        if (races-- > 0) throw new OwnedFeedsChanged();
        return memory.issue(...args);
      },
    };
    const { feeds } = await setUp(racing);
    await feeds.issue(owner, {}, audit);
    expect((await feeds.list("user-1")).feeds).toHaveLength(1);
    races = 3;
    await expect(feeds.issue(owner, {}, audit)).rejects.toBeInstanceOf(OwnedFeedsChanged);
    expect((await feeds.list("user-1")).feeds).toHaveLength(1);
  });

  it("serves a feed only while its secret is live, by its hash", async () => {
    const store = memoryCalendarFeedStore();
    const { feeds } = await setUp(store);
    const issued = await feeds.issue(owner, { label: "desk" }, audit);
    const secret = issued.path.slice("/calendar/".length, -".ics".length);
    expect(await store.byTokenHash(tokenHash(secret))).toMatchObject({ revoked: false, feed: { owner: "user-1" } });
    expect(await feeds.calendar(secret)).toContain("BEGIN:VCALENDAR");
    await feeds.revoke("user-1", issued.id, audit);
    await expect(feeds.calendar(secret)).rejects.toBeInstanceOf(NotFound);
    await expect(feeds.revoke("user-1", issued.id, audit)).rejects.toBeInstanceOf(NotFound);
    expect(store.audit.map((entry) => entry.action)).toEqual(["calendar-feed.issue", "calendar-feed.revoke"]);
  });

  it("carries the years around today that the programme's pages offer: no draft of a year ended or not begun", async () => {
    const { clock, years, feeds } = await setUp();
    const secret = (await feeds.issue(owner, {}, audit)).path.slice("/calendar/".length, -".ics".length);
    // 3 December 2026: programme year 2026, a draft; 2025 ended in January and was never stored, nor was 2027.
    expect((await years.list()).years.map(({ year }) => year)).toEqual([2023, 2024, 2026]);
    expect(yearsIn(await feeds.calendar(secret))).toEqual([2026]);
    // Once the secretariat stores next year's draft, the pages offer it, and so does the feed.
    await years.put(2027, (await years.get(2027)).file, 0, audit);
    expect(yearsIn(await feeds.calendar(secret))).toEqual([2026, 2027]);
    // In February 2027 the 2026 draft, never stored, has ended: offered nowhere, it leaves the feed; 2028 is not begun.
    clock.set("2027-02-10T15:00:00Z");
    expect(yearsIn(await feeds.calendar(secret))).toEqual([2027]);
  });

  it("issues no feed to someone in no group that reads the programme", async () => {
    const { feeds } = await setUp();
    await expect(feeds.issue({ id: "user-9", groups: [] }, {}, audit)).rejects.toBeInstanceOf(Forbidden);
  });
});
