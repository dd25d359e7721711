// Personal calendar feeds of the programme of work (ADR 0023): a signed-in person issues a secret address a calendar
// application can poll without a token, lists and revokes their own; the address serves the programme years around
// today (last, this and next) that the programme's pages offer, so a subscription rolls over at New Year by itself.
import { createHash, randomBytes } from "node:crypto";
import type { AuditContext } from "../audit/audit-entry.ts";
import type { Group } from "../auth/actor.ts";
import type { Clock } from "../clock.ts";
import { Conflict, Forbidden, NotFound } from "../errors.ts";
import { newId } from "../ids.ts";
import {
  type CalendarFeed,
  type CalendarFeedList,
  FEED_LIFETIME_DAYS,
  type IssuedCalendarFeed,
  MAX_LIVE_FEEDS,
  type NewCalendarFeed,
  type StoredCalendarFeed,
} from "./feeds-schemas.ts";
import { type CalendarFeedStore, type OwnedFeeds, OwnedFeedsChanged } from "./feeds-store.ts";
import { type CalendarYear, programmeYearsCalendar } from "./ical.ts";
import type { ProgrammeYears } from "./years.ts";

/** Who may read the programme (GET /programme): a feed serves only what its owner's groups may read there. */
export const PROGRAMME_READERS: readonly Group[] = ["secretariat", "experts", "members"];
/** What a subscriber's calendar is asked to wait between fetches, and how long it may keep an answer. */
export const FEED_REFRESH_MINUTES = 60;
export const FEED_CACHE_SECONDS = 15 * 60;

/** 32 random bytes, base64url: 43 characters. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const DAY_MS = 24 * 60 * 60 * 1000;
/** The same answer for a token never issued, revoked, expired or malformed: the address reveals nothing. */
const unknownFeed = () => new NotFound("Calendar feed", "at this address");
/** Tries of a read-modify-write of one owner's list before a concurrent change is answered as a conflict. */
const TRIES = 3;

export const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");
export const feedPath = (token: string) => `/calendar/${token}.ics`;

export interface Owner {
  id: string;
  groups: readonly Group[];
}

export interface CalendarFeedsDependencies {
  store: CalendarFeedStore;
  years: ProgrammeYears;
  clock: Clock;
}

const publicView = ({ owner: _owner, tokenHash: _hash, ...feed }: StoredCalendarFeed): CalendarFeed => feed;

export function calendarFeeds({ store, years, clock }: CalendarFeedsDependencies) {
  const live = (feeds: readonly StoredCalendarFeed[]) => {
    const now = clock.now().toISOString();
    return feeds.filter((feed) => feed.expires > now);
  };

  /** Runs a change of the owner's list on a fresh read, again when another request changed it in between. */
  async function onOwnedFeeds<T>(owner: string, change: (owned: OwnedFeeds) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await change(await store.owned(owner));
      } catch (error) {
        if (!(error instanceof OwnedFeedsChanged) || attempt >= TRIES) throw error;
      }
    }
  }

  return {
    /** A new feed for the caller; its address is in the answer and nowhere else. 409 at the limit of live feeds. */
    async issue(owner: Owner, request: NewCalendarFeed, audit: AuditContext): Promise<IssuedCalendarFeed> {
      const groups = owner.groups.filter((group) => PROGRAMME_READERS.includes(group));
      if (!groups.length) throw new Forbidden("Only those who may read the programme may subscribe to it");
      return onOwnedFeeds(owner.id, async (owned) => {
        const kept = live(owned.feeds);
        if (kept.length >= MAX_LIVE_FEEDS) {
          throw new Conflict(
            `You have ${kept.length} live calendar feeds, the most one person may have; revoke one first`,
            { limit: MAX_LIVE_FEEDS },
          );
        }
        const now = clock.now();
        const token = randomBytes(32).toString("base64url");
        const feed: StoredCalendarFeed = {
          id: newId(clock),
          ...(request.label === undefined ? {} : { label: request.label }),
          created: now.toISOString(),
          expires: new Date(now.getTime() + FEED_LIFETIME_DAYS * DAY_MS).toISOString(),
          groups,
          owner: owner.id,
          tokenHash: tokenHash(token),
        };
        // Expired feeds leave the owner's list here; their items keep answering 404.
        await store.issue(feed, [...kept, feed], owned.version, {
          ...audit,
          action: "calendar-feed.issue",
          entity: { type: "calendar-feed", id: feed.id },
          after: { ...publicView(feed), owner: owner.id },
        });
        return { ...publicView(feed), path: feedPath(token) };
      });
    },

    async list(owner: string): Promise<CalendarFeedList> {
      const { feeds } = await store.owned(owner);
      return { feeds: live(feeds).map(publicView), limit: MAX_LIVE_FEEDS };
    },

    /** The owner's feed stops answering at once; someone else's feed, or one revoked already, is 404. */
    revoke(owner: string, id: string, audit: AuditContext): Promise<void> {
      return onOwnedFeeds(owner, async (owned) => {
        const feed = owned.feeds.find((candidate) => candidate.id === id);
        if (!feed) throw new NotFound("Calendar feed", id);
        await store.revoke(
          feed,
          owned.feeds.filter((candidate) => candidate !== feed),
          owned.version,
          clock.now().toISOString(),
          {
            ...audit,
            action: "calendar-feed.revoke",
            entity: { type: "calendar-feed", id },
            before: { ...publicView(feed), owner },
          },
        );
      });
    },

    /**
     * The feed's calendar: last, this and next programme year, among the years the programme's pages offer (GET
     * /programme/years: those stored, and the current one). A draft rolled forward for a year that ended, or for one
     * not begun, is offered nowhere, and reaches no one's calendar.
     */
    async calendar(token: string): Promise<string> {
      if (!TOKEN.test(token)) throw unknownFeed();
      const found = await store.byTokenHash(tokenHash(token));
      const now = clock.now();
      if (!found || found.revoked || found.feed.expires <= now.toISOString()) throw unknownFeed();
      if (!found.feed.groups.some((group) => PROGRAMME_READERS.includes(group))) throw unknownFeed();
      const offered = await years.list();
      const around = offered.years.filter(({ year }) => Math.abs(year - offered.currentYear) <= 1);
      const served = await Promise.all(
        around.map(async ({ year }): Promise<CalendarYear> => {
          const { programme, status } = await years.get(year);
          return { programme, status };
        }),
      );
      return programmeYearsCalendar(served, now, {
        name: "1540 Committee programme of work",
        refreshMinutes: FEED_REFRESH_MINUTES,
      });
    },
  };
}

export type CalendarFeeds = ReturnType<typeof calendarFeeds>;
