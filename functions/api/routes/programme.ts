// Routes of the programme of work: one year's timetable with the days left and what is due next, the years the desk
// has, one year as stored (with its ETag), putting and adopting a year, and the year's iCalendar feed.
import * as z from "zod";
import type { Clock } from "#shared/clock.ts";
import { defineRoute } from "#shared/http/route.ts";
import { programmeCalendar } from "#shared/programme/ical.ts";
import type { LetterWaves } from "#shared/programme/letters.ts";
import { DEFAULT_DUE_NEXT, viewProgramme } from "#shared/programme/programme-view.ts";
import {
  programmeFileSchema,
  programmePeriodSchema,
  programmeSourceSchema,
  programmeStatusSchema,
  programmeViewSchema,
  programmeYearsSchema,
} from "#shared/programme/schemas.ts";
import type { ProgrammeYear, ProgrammeYears } from "#shared/programme/years.ts";
import { everyone, secretariatOnly } from "../access.ts";

const wholeNumber = z.string().regex(/^\d+$/, "must be a whole number").transform(Number);

// Dates are checked by the use case, so a day that is not one is 422 at its path, like a bad body field.
const programmeQuery = z.strictObject({
  year: wholeNumber
    .optional()
    .describe("The programme year (its period starts in February of it); default: the one today falls in"),
  from: z.string().optional().describe("Only activities on or after this day (YYYY-MM-DD)"),
  to: z.string().optional().describe("Only activities on or before this day (YYYY-MM-DD)"),
  next: wholeNumber
    .pipe(z.number().int().min(1).max(50))
    .optional()
    .describe(`How many upcoming activities dueNext lists, 1 to 50 (default ${DEFAULT_DUE_NEXT})`),
});

const yearParams = z.strictObject({
  year: z
    .string()
    .regex(/^\d{4}$/, "must be a year, e.g. 2026")
    .transform(Number),
});

// The router matches whole path segments, so the feed is the same segment with `.ics` after the year.
const yearOrFeedParams = z.strictObject({
  year: z
    .string()
    .regex(/^\d{4}(\.ics)?$/, "must be a year, e.g. 2026, or a year's feed, e.g. 2026.ics")
    .transform((segment) => ({ year: Number(segment.slice(0, 4)), feed: segment.endsWith(".ics") }))
    .describe("The year (JSON, with its ETag), or the year followed by .ics (its iCalendar feed, text/calendar)"),
});

/** One programme year as written and stored: what PUT takes back, with its status. */
const programmeYearSchema = z
  .object({
    year: z.number().int(),
    status: programmeStatusSchema,
    stored: z.boolean().describe('false: a draft rolled forward now (ETag "0"); PUT or adopt it to store it'),
    rolledFrom: z.number().int().optional(),
    updatedAt: z.iso.datetime().optional(),
    title: z.string(),
    period: programmePeriodSchema,
    source: programmeSourceSchema,
    programme: z.unknown().describe("The programme file as stored (the PUT body's shape)"),
  })
  .meta({ id: "ProgrammeYear" });

const yearBody = (year: ProgrammeYear) => ({
  year: year.file.year,
  status: year.status,
  stored: year.stored,
  ...(year.rolledFrom === undefined ? {} : { rolledFrom: year.rolledFrom }),
  ...(year.updatedAt === undefined ? {} : { updatedAt: year.updatedAt }),
  title: year.file.title,
  period: year.file.period,
  source: year.file.source,
  programme: year.file,
});

export interface ProgrammeRouteDependencies {
  clock: Clock;
  years: ProgrammeYears;
  letters?: LetterWaves | undefined;
}

export function programmeRoutes({ clock, years, letters }: ProgrammeRouteDependencies) {
  const view = viewProgramme({ clock, years, letters });
  return [
    defineRoute({
      method: "GET",
      path: "/programme",
      operationId: "getProgramme",
      summary:
        "The programme of work's timetable for one year (default: the current one, a draft when none is adopted): " +
        "every activity with the New York calendar days left, and what is due next",
      tag: "Programme",
      access: everyone,
      query: programmeQuery,
      responses: [{ status: 200, description: "The programme year's activities", schema: programmeViewSchema }],
      async handle({ query }) {
        return { body: await view({ ...query, next: query.next ?? DEFAULT_DUE_NEXT }) };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/programme/years",
      operationId: "listProgrammeYears",
      summary: "The programme years the desk has, and the current one (a draft when none is stored)",
      tag: "Programme",
      access: everyone,
      responses: [{ status: 200, description: "The years, ascending", schema: programmeYearsSchema }],
      async handle() {
        return { body: await years.list() };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/programme/{year}",
      operationId: "getProgrammeYear",
      summary:
        'One programme year as stored, with its ETag ("0" for a draft rolled forward and not stored); ' +
        "GET /programme/{year}.ics is the year's iCalendar feed (RFC 5545, all-day events, stable UIDs, zone " +
        "America/New_York) for staff calendars, behind the same bearer token",
      tag: "Programme",
      access: everyone,
      params: yearOrFeedParams,
      responses: [
        {
          status: 200,
          description: "The programme year (for {year}.ics: its feed, text/calendar)",
          schema: programmeYearSchema,
          etag: true,
        },
      ],
      async handle({ params }) {
        const year = await years.get(params.year.year);
        if (params.year.feed) {
          return {
            raw: {
              contentType: "text/calendar; charset=utf-8",
              body: programmeCalendar(year.programme, year.status, clock.now()),
              headers: { "content-disposition": `inline; filename="programme-${params.year.year}.ics"` },
            },
          };
        }
        return { body: yearBody(year), version: year.version };
      },
    }),
    defineRoute({
      method: "PUT",
      path: "/programme/{year}",
      operationId: "putProgrammeYear",
      summary:
        "Store a programme year (a new year as a draft; a stored year keeps its status). If-Match: the ETag of " +
        "GET /programme/{year}. An impossible date, a duplicate id, a day outside the period or a year that does " +
        "not match its period is 422 at its path, and nothing is stored",
      tag: "Programme",
      access: secretariatOnly,
      params: yearParams,
      body: programmeFileSchema(),
      maxBodyBytes: 256 * 1024,
      requiresIfMatch: true,
      responses: [{ status: 200, description: "The year as stored", schema: programmeYearSchema, etag: true }],
      async handle({ params, body, expectedVersion, audit }) {
        const year = await years.put(params.year, body, expectedVersion, audit);
        return { body: yearBody(year), version: year.version };
      },
    }),
    defineRoute({
      method: "POST",
      path: "/programme/{year}/adopt",
      operationId: "adoptProgrammeYear",
      summary:
        "Adopt the year's draft (stored, or rolled forward from the latest adopted year); If-Match: its ETag. " +
        "An adopted year is 409",
      tag: "Programme",
      access: secretariatOnly,
      params: yearParams,
      requiresIfMatch: true,
      responses: [{ status: 200, description: "The adopted year", schema: programmeYearSchema, etag: true }],
      async handle({ params, expectedVersion, audit }) {
        const year = await years.adopt(params.year, expectedVersion, audit);
        return { body: yearBody(year), version: year.version };
      },
    }),
  ];
}
