// Routes of the personal calendar feeds (ADR 0023): issue, list and revoke one's own feed addresses behind the token,
// and the feed itself at its secret address, open, for calendar applications that cannot send a bearer token.
import * as z from "zod";
import type { Actor, Group } from "#shared/auth/actor.ts";
import { defineRoute } from "#shared/http/route.ts";
import { Unauthenticated } from "#shared/http/transport-errors.ts";
import { type CalendarFeeds, calendarFeeds, FEED_CACHE_SECONDS, PROGRAMME_READERS } from "#shared/programme/feeds.ts";
import {
  calendarFeedListSchema,
  issuedCalendarFeedSchema,
  newCalendarFeedSchema,
} from "#shared/programme/feeds-schemas.ts";
import { dynamoCalendarFeedStore } from "#shared/programme/feeds-store.ts";
import { dynamoProgrammeStore } from "#shared/programme/store.ts";
import { programmeYears } from "#shared/programme/years.ts";
import type { TableDependencies } from "../api-handler.ts";

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

export function calendarFeedRoutes(feeds: CalendarFeeds) {
  return [
    defineRoute({
      method: "POST",
      path: "/programme/feeds",
      operationId: "issueCalendarFeed",
      summary:
        "Issue a personal calendar feed: a secret address (shown once; only its SHA-256 is stored) that a calendar " +
        "application polls without a token for last, this and next programme year. Audited; at most 5 live " +
        "feeds a person (409 beyond); each expires after 365 days",
      tag: "Programme",
      access: PROGRAMME_READERS,
      body: newCalendarFeedSchema,
      responses: [{ status: 201, description: "The new feed, with its address", schema: issuedCalendarFeedSchema }],
      async handle({ actor, body, audit }) {
        return { status: 201, body: await feeds.issue(signedIn(actor), body ?? {}, audit) };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/programme/feeds",
      operationId: "listCalendarFeeds",
      summary: "The caller's own live calendar feeds (never their addresses)",
      tag: "Programme",
      access: PROGRAMME_READERS,
      responses: [{ status: 200, description: "The caller's feeds", schema: calendarFeedListSchema }],
      async handle({ actor }) {
        return { body: await feeds.list(signedIn(actor).id) };
      },
    }),
    defineRoute({
      method: "DELETE",
      path: "/programme/feeds/{id}",
      operationId: "revokeCalendarFeed",
      summary: "Revoke one of the caller's calendar feeds: its address answers 404 from now on. Audited",
      tag: "Programme",
      access: PROGRAMME_READERS,
      params: feedParams,
      responses: [{ status: 204, description: "Revoked" }],
      async handle({ actor, params, audit }) {
        await feeds.revoke(signedIn(actor).id, params.id, audit);
        return { status: 204, body: undefined };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/calendar/{feed}",
      operationId: "calendarFeed",
      summary:
        "A personal calendar feed, open (the secret in the address is the credential): last, this and next " +
        "programme year as iCalendar (RFC 5545), the same events and UIDs as GET /programme/{year}.ics. An address " +
        "never issued, revoked or expired is 404",
      tag: "Programme",
      access: "open",
      params: addressParams,
      responses: [
        { status: 200, description: "The feed", contentType: "text/calendar" },
        { status: 404, description: "No live feed at this address" },
      ],
      async handle({ params }) {
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
    }),
  ];
}

/** The routes on the desk table: the reports group's wiring. */
export function calendarFeedRoutesOn({ doc, tableNames, clock }: TableDependencies) {
  return calendarFeedRoutes(
    calendarFeeds({
      store: dynamoCalendarFeedStore(doc, tableNames, clock),
      years: programmeYears({ store: dynamoProgrammeStore(doc, tableNames, clock), clock }),
      clock,
    }),
  );
}
