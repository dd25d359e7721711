// The personal calendar feed routes as data (ADR 0023): method, path, who may call them (functions/api/access.ts);
// their schemas and handlers are in calendar-feeds.ts, loaded on the first request for one of them.
import { type RouteSummaries, routeTable } from "#shared/http/route.ts";
import { everyone } from "../access.ts";

export const calendarFeedTable = routeTable({
  issueCalendarFeed: {
    method: "POST",
    path: "/programme/feeds",
    tag: "Programme",
    access: everyone,
  },
  listCalendarFeeds: {
    method: "GET",
    path: "/programme/feeds",
    tag: "Programme",
    access: everyone,
  },
  revokeCalendarFeed: {
    method: "DELETE",
    path: "/programme/feeds/{id}",
    tag: "Programme",
    access: everyone,
  },
  calendarFeed: {
    method: "GET",
    path: "/calendar/{feed}",
    tag: "Programme",
    access: "open",
  },
});

/** Each route's summary in the OpenAPI document: read by the document's writer only (functions/api/summaries.ts), so
 * no Lambda bundle carries it (ADR 0038). */
export const calendarFeedSummaries = {
  issueCalendarFeed:
    "Issue a personal calendar feed: a secret address (shown once; only its SHA-256 is stored) that a calendar " +
    "application polls without a token for last, this and next programme year among those GET /programme/years " +
    "offers. Audited; at most 5 live " +
    "feeds a person (409 beyond); each expires after 365 days",
  listCalendarFeeds: "The caller's own live calendar feeds (never their addresses)",
  revokeCalendarFeed: "Revoke one of the caller's calendar feeds: its address answers 404 from now on. Audited",
  calendarFeed:
    "A personal calendar feed, open (the secret in the address is the credential): last, this and next " +
    "programme year among those GET /programme/years offers, as iCalendar (RFC 5545), the same events and UIDs as GET /programme/{year}.ics. An address " +
    "never issued, revoked or expired is 404",
} satisfies RouteSummaries<typeof calendarFeedTable>;
