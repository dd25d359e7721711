// Routes of the personal calendar feeds (ADR 0023): issue, list and revoke one's own feed addresses behind the token,
// and the feed itself at its secret address, open, for calendar applications that cannot send a bearer token.
import * as z from "zod";
import type { Actor, Group } from "#shared/auth/actor.ts";
import { declareRoutes, type Route, routesOf } from "#shared/http/route.ts";
import { Unauthenticated } from "#shared/http/transport-errors.ts";
import { type CalendarFeeds, calendarFeeds, FEED_CACHE_SECONDS } from "#shared/programme/feeds.ts";
import {
  calendarFeedListSchema,
  issuedCalendarFeedSchema,
  newCalendarFeedSchema,
} from "#shared/programme/feeds-schemas.ts";
import { dynamoCalendarFeedStore } from "#shared/programme/feeds-store.ts";
import { dynamoProgrammeStore } from "#shared/programme/store.ts";
import { programmeYears } from "#shared/programme/years.ts";
import { templateRepository } from "#shared/templates/repository.ts";
import type { TableDependencies } from "../api-handler.ts";
import { calendarFeedTable } from "./reports.tables.ts";

const feedParams = z.strictObject({ id: z.string().min(1).max(64) });
// Any segment: a malformed address is the same 404 as an unknown one, so the route tells nothing about its form.
const addressParams = z.strictObject({
  feed: z.string().describe("The secret from the address POST /programme/feeds answered, followed by .ics"),
});

/** The signed-in person: a feed belongs to someone (the token's subject), never to the system. */
function signedIn(actor: Actor | undefined): { id: string; groups: readonly Group[] } {
  if (actor?.kind !== "user") throw new Unauthenticated("Send a valid bearer token");
  return actor;
}

/** The routes' schemas, joined to their data in calendar-feeds.table.ts. */
export const declarations = declareRoutes(calendarFeedTable, {
  issueCalendarFeed: {
    body: newCalendarFeedSchema,
    responses: [{ status: 201, description: "The new feed, with its address", schema: issuedCalendarFeedSchema }],
  },
  listCalendarFeeds: {
    responses: [{ status: 200, description: "The caller's feeds", schema: calendarFeedListSchema }],
  },
  revokeCalendarFeed: {
    params: feedParams,
    responses: [{ status: 204, description: "Revoked" }],
  },
  calendarFeed: {
    params: addressParams,
    responses: [
      { status: 200, description: "The feed", contentType: "text/calendar" },
      { status: 404, description: "No live feed at this address" },
    ],
  },
});

export function calendarFeedRoutes(feeds: CalendarFeeds) {
  return routesOf(declarations, {
    async issueCalendarFeed({ actor, body, audit }) {
      return { status: 201, body: await feeds.issue(signedIn(actor), body ?? {}, audit) };
    },
    async listCalendarFeeds({ actor }) {
      return { body: await feeds.list(signedIn(actor).id) };
    },
    async revokeCalendarFeed({ actor, params, audit }) {
      await feeds.revoke(signedIn(actor).id, params.id, audit);
      return { status: 204, body: undefined };
    },
    async calendarFeed({ params }) {
      const token = params.feed.endsWith(".ics") ? params.feed.slice(0, -".ics".length) : "";
      return {
        raw: {
          contentType: "text/calendar; charset=utf-8",
          body: await feeds.calendar(token),
          headers: {
            // Per person: no shared cache may keep it; the calendar may, for a while.
            "cache-control": `private, max-age=${FEED_CACHE_SECONDS}`,
            "content-disposition": 'inline; filename="programme-of-work.ics"',
            "referrer-policy": "no-referrer",
            "x-robots-tag": "noindex",
          },
        },
      };
    },
  });
}

/** The routes on the reports group's tables (functions/api/reports.ts). */
export function bindRoutes({ doc, tableNames, clock }: TableDependencies): Route[] {
  return calendarFeedRoutes(
    calendarFeeds({
      store: dynamoCalendarFeedStore(doc, tableNames, clock),
      years: programmeYears({
        store: dynamoProgrammeStore(doc, tableNames, clock),
        clock,
        templates: templateRepository(doc, tableNames, clock),
      }),
      clock,
    }),
  );
}
