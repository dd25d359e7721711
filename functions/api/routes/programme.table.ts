// The programme routes as data: method, path, who may call them (functions/api/access.ts); their schemas and handlers are
// in programme.ts, loaded on the first request for one of them.
import { type RouteSummaries, routeTable } from "#shared/http/route.ts";
import { everyone, secretariatOnly } from "../access.ts";

// A wave key may be linked by two activities of one year (nothing in the file forbids it), so the activity names the
// letter too; within one activity a key is linked once (programmeIssues).
const LETTER_VALUES_PATH = "/programme/{year}/activities/{activityId}/letters/{waveKey}/values";

export const programmeTable = routeTable({
  getProgramme: {
    method: "GET",
    path: "/programme",
    tag: "Programme",
    access: everyone,
  },
  listProgrammeYears: {
    method: "GET",
    path: "/programme/years",
    tag: "Programme",
    access: everyone,
  },
  getProgrammeYear: {
    method: "GET",
    path: "/programme/{year}",
    tag: "Programme",
    access: everyone,
  },
  putProgrammeYear: {
    method: "PUT",
    path: "/programme/{year}",
    tag: "Programme",
    access: secretariatOnly,
    maxBodyBytes: 256 * 1024,
    requiresIfMatch: true,
  },
  getProgrammeLetterValues: {
    method: "GET",
    path: LETTER_VALUES_PATH,
    tag: "Programme",
    access: everyone,
  },
  putProgrammeLetterValues: {
    method: "PUT",
    path: LETTER_VALUES_PATH,
    tag: "Programme",
    access: secretariatOnly,
    requiresIfMatch: true,
  },
  adoptProgrammeYear: {
    method: "POST",
    path: "/programme/{year}/adopt",
    tag: "Programme",
    access: secretariatOnly,
    requiresIfMatch: true,
  },
});

/** Each route's summary in the OpenAPI document: read by the document's writer only (functions/api/summaries.ts), so
 * no Lambda bundle carries it (ADR 0038). */
export const programmeSummaries = {
  getProgramme:
    "The programme of work's timetable for one year (default: the current one, a draft when none is adopted): " +
    "every activity with the New York calendar days left, and what is due next",
  listProgrammeYears: "The programme years the desk has, and the current one (a draft when none is stored)",
  getProgrammeYear:
    'One programme year as stored, with its ETag ("0" for a draft rolled forward and not stored); ' +
    "GET /programme/{year}.ics is the year's iCalendar feed (RFC 5545, all-day events, stable UIDs, zone " +
    "America/New_York) for staff calendars, behind the same bearer token",
  putProgrammeYear:
    "Store a programme year (a new year as a draft; a stored year keeps its status). If-Match: the ETag of " +
    "GET /programme/{year}. An impossible date, a duplicate id, a day outside the period, a year that does " +
    "not match its period, or a scheduled letter naming no template or linked by a second activity is 422 at its " +
    "path, and nothing is stored. The year as stored, sent again, writes nothing",
  getProgrammeLetterValues:
    "One scheduled letter's values for the year (the open briefing's date, time and venue; {} when none are given), " +
    "as GET /programme/{year} shows them, with an ETag of those values alone. A manual letter has none: 409",
  putProgrammeLetterValues:
    "Give one scheduled letter's values for the year ({} removes them): If-Match is the ETag of its GET, and only a " +
    "change to this letter's values since is 412, so officers saving two letters of one year do not conflict. " +
    "Checked and audited as PUT /programme/{year} (which still takes the whole year), 422 at body.<field>; a draft " +
    "not yet stored is stored; the values as they stand write nothing. A wave already made keeps its values",
  adoptProgrammeYear:
    "Adopt the year's draft (stored, or rolled forward from the latest adopted year whose Annex II was read); " +
    "If-Match: its ETag. " +
    "An adopted year is 409",
} satisfies RouteSummaries<typeof programmeTable>;
