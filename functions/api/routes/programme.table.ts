// The programme routes as data: method, path, who may call them (functions/api/access.ts); their schemas and handlers are
// in programme.ts, loaded on the first request for one of them.
import { routeTable } from "#shared/http/route.ts";
import { everyone, secretariatOnly } from "../access.ts";

export const programmeTable = routeTable({
  getProgramme: {
    method: "GET",
    path: "/programme",
    summary:
      "The programme of work's timetable for one year (default: the current one, a draft when none is adopted): " +
      "every activity with the New York calendar days left, and what is due next",
    tag: "Programme",
    access: everyone,
  },
  listProgrammeYears: {
    method: "GET",
    path: "/programme/years",
    summary: "The programme years the desk has, and the current one (a draft when none is stored)",
    tag: "Programme",
    access: everyone,
  },
  getProgrammeYear: {
    method: "GET",
    path: "/programme/{year}",
    summary:
      'One programme year as stored, with its ETag ("0" for a draft rolled forward and not stored); ' +
      "GET /programme/{year}.ics is the year's iCalendar feed (RFC 5545, all-day events, stable UIDs, zone " +
      "America/New_York) for staff calendars, behind the same bearer token",
    tag: "Programme",
    access: everyone,
  },
  putProgrammeYear: {
    method: "PUT",
    path: "/programme/{year}",
    summary:
      "Store a programme year (a new year as a draft; a stored year keeps its status). If-Match: the ETag of " +
      "GET /programme/{year}. An impossible date, a duplicate id, a day outside the period or a year that does " +
      "not match its period is 422 at its path, and nothing is stored",
    tag: "Programme",
    access: secretariatOnly,
    maxBodyBytes: 256 * 1024,
    requiresIfMatch: true,
  },
  adoptProgrammeYear: {
    method: "POST",
    path: "/programme/{year}/adopt",
    summary:
      "Adopt the year's draft (stored, or rolled forward from the latest adopted year); If-Match: its ETag. " +
      "An adopted year is 409",
    tag: "Programme",
    access: secretariatOnly,
    requiresIfMatch: true,
  },
});
