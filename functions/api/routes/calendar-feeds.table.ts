// The personal calendar feed routes as data (ADR 0023): method, path, who may call them (functions/api/access.ts);
// their schemas and handlers are in calendar-feeds.ts, loaded on the first request for one of them.
import { routeTable } from "#shared/http/route.ts";
import { everyone } from "../access.ts";

export const calendarFeedTable = routeTable({
  issueCalendarFeed: {
    method: "POST",
    path: "/programme/feeds",
    summary:
      "Issue a personal calendar feed: a secret address (shown once; only its SHA-256 is stored) that a calendar " +
      "application polls without a token for last, this and next programme year. Audited; at most 5 live " +
      "feeds a person (409 beyond); each expires after 365 days",
    tag: "Programme",
    access: everyone,
  },
  listCalendarFeeds: {
    method: "GET",
    path: "/programme/feeds",
    summary: "The caller's own live calendar feeds (never their addresses)",
    tag: "Programme",
    access: everyone,
  },
  revokeCalendarFeed: {
    method: "DELETE",
    path: "/programme/feeds/{id}",
    summary: "Revoke one of the caller's calendar feeds: its address answers 404 from now on. Audited",
    tag: "Programme",
    access: everyone,
  },
  calendarFeed: {
    method: "GET",
    path: "/calendar/{feed}",
    summary:
      "A personal calendar feed, open (the secret in the address is the credential): last, this and next " +
      "programme year as iCalendar (RFC 5545), the same events and UIDs as GET /programme/{year}.ics. An address " +
      "never issued, revoked or expired is 404",
    tag: "Programme",
    access: "open",
  },
});
