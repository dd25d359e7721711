// The calendar routes as data: UN Headquarters' holidays, a year at a time, as the secretariat records them from the
// year's information circular. Their schemas and handlers are in calendar.ts, loaded on the first request for one.
import { type RouteSummaries, routeTable } from "#shared/http/route.ts";
import { everyone, secretariatOnly } from "../access.ts";

export const calendarTable = routeTable({
  listHeadquartersHolidays: {
    method: "GET",
    path: "/calendar/holidays",
    tag: "Calendar",
    access: everyone,
  },
  getHeadquartersHolidays: {
    method: "GET",
    path: "/calendar/holidays/{year}",
    tag: "Calendar",
    access: everyone,
  },
  putHeadquartersHolidays: {
    method: "PUT",
    path: "/calendar/holidays/{year}",
    tag: "Calendar",
    access: secretariatOnly,
    requiresIfMatch: true,
  },
});

/** Each route's summary in the OpenAPI document: read by the document's writer only (functions/api/summaries.ts), so
 * no Lambda bundle carries it (ADR 0038). */
export const calendarSummaries = {
  listHeadquartersHolidays:
    "The years whose UN Headquarters holidays are on record, ascending, each with its information circular and days",
  getHeadquartersHolidays:
    "One year's UN Headquarters holidays as recorded, with its ETag; a year not on record is 404 (the desk knows no " +
    "holiday by itself)",
  putHeadquartersHolidays:
    "Record the year's UN Headquarters holidays from its information circular (ST/IC/...), the whole list; " +
    'If-Match: "0" for a year not on record, else the ETag of its GET. A day outside the year, on a Saturday or ' +
    "Sunday (give the day observed) or given twice is 422 at its path, and nothing is stored. Kept in date order; " +
    "the list as stored, sent again, writes nothing. The assistance consent window skips these days",
} satisfies RouteSummaries<typeof calendarTable>;
