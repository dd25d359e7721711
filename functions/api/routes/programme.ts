// Routes of the programme of work: one year's timetable with the days left and what is due next, the years the desk
// has, one year as stored (with its ETag), putting and adopting a year, one scheduled letter's values read and given on
// their own, and the year's iCalendar feed.

import * as z from "zod";
import type { Clock } from "#shared/clock.ts";
import { problemSchema } from "#shared/http/problem.ts";
import { declareRoutes, type Route, routesOf } from "#shared/http/route.ts";
import { lazy } from "#shared/lazy.ts";
import { programmeCalendar } from "#shared/programme/ical.ts";
import { programmeLetterValues } from "#shared/programme/letter-values.ts";
import { type LetterWavesPerRun, letterWaves } from "#shared/programme/letters.ts";
import { viewProgramme } from "#shared/programme/programme-view.ts";
import {
  DEFAULT_DUE_NEXT,
  letterLinkSchema,
  programmeFileSchema,
  programmeLetterValuesSchema,
  programmePeriodSchema,
  programmeQuerySchema,
  programmeSourceSchema,
  programmeStatusSchema,
  programmeViewSchema,
  programmeYearsSchema,
} from "#shared/programme/schemas.ts";
import { dynamoProgrammeStore } from "#shared/programme/store.ts";
import type { ProgrammeYear, ProgrammeYears } from "#shared/programme/years.ts";
import { programmeYears } from "#shared/programme/years.ts";
import { programmeSchema, type Programme as Schedules } from "#shared/schedules/schema.ts";
import { templateRepository } from "#shared/templates/repository.ts";
import { waveValuesSchema } from "#shared/templates/values.ts";
import { waveRepository } from "#shared/waves/repository.ts";
import programmeJson from "../../../events/programme.json" with { type: "json" };
import type { TableDependencies } from "../api-handler.ts";
import { programmeTable } from "./reports.tables.ts";

const year = z
  .string()
  .regex(/^\d{4}$/, "must be a year, e.g. 2026")
  .transform(Number);
const yearParams = z.strictObject({ year });

const letterParams = z.strictObject({
  year,
  activityId: z.string().min(1).max(100).describe("The id of the correspondence item that links the letter"),
  waveKey: letterLinkSchema.shape.waveKey,
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
    programme: programmeFileSchema().describe("The programme file as stored (the PUT body's shape)"),
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
  letters?: LetterWavesPerRun | undefined;
  /** The programme's schedules, served with each scheduled letter (events/programme.json as deployed). */
  schedules?: (() => Schedules) | undefined;
}

/** The routes' schemas, joined to their data in programme.table.ts. */
export const declarations = declareRoutes(programmeTable, {
  getProgramme: {
    query: programmeQuerySchema,
    responses: [
      { status: 200, description: "The programme year's activities", schema: programmeViewSchema },
      // A year asked for by query, not path: the document's own rule (404 where there are path parameters) misses it.
      {
        status: 404,
        description: "No programme for the year asked for",
        schema: problemSchema,
        contentType: "application/problem+json",
      },
    ],
  },
  listProgrammeYears: {
    responses: [{ status: 200, description: "The years, ascending", schema: programmeYearsSchema }],
  },
  getProgrammeYear: {
    params: yearOrFeedParams,
    responses: [
      {
        status: 200,
        description: "The programme year (for {year}.ics: its feed, text/calendar)",
        schema: programmeYearSchema,
        etag: true,
      },
    ],
  },
  putProgrammeYear: {
    params: yearParams,
    body: programmeFileSchema(),
    responses: [{ status: 200, description: "The year as stored", schema: programmeYearSchema, etag: true }],
  },
  getProgrammeLetterValues: {
    params: letterParams,
    responses: [
      { status: 200, description: "The letter's values", schema: programmeLetterValuesSchema, etag: true },
      // Declared here: the document gives a GET no 409 of its own.
      {
        status: 409,
        description: "A manual letter: no schedule sends it, so the year gives it no values",
        schema: problemSchema,
        contentType: "application/problem+json",
      },
    ],
  },
  putProgrammeLetterValues: {
    params: letterParams,
    body: waveValuesSchema,
    responses: [
      { status: 200, description: "The letter's values as stored", schema: programmeLetterValuesSchema, etag: true },
    ],
  },
  adoptProgrammeYear: {
    params: yearParams,
    responses: [{ status: 200, description: "The adopted year", schema: programmeYearSchema, etag: true }],
  },
});

export function programmeRoutes({ clock, years, letters, schedules }: ProgrammeRouteDependencies) {
  const view = viewProgramme({ clock, years, letters, schedules });
  const letterValues = programmeLetterValues(years);
  return routesOf(declarations, {
    async getProgramme({ query }) {
      return { body: await view({ ...query, next: query.next ?? DEFAULT_DUE_NEXT }) };
    },
    async listProgrammeYears() {
      return { body: await years.list() };
    },
    async getProgrammeYear({ params }) {
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
    async putProgrammeYear({ params, body, expectedVersion, audit }) {
      const year = await years.put(params.year, body, expectedVersion, audit);
      return { body: yearBody(year), version: year.version };
    },
    async getProgrammeLetterValues({ params }) {
      const { values, version } = await letterValues.get(params);
      return { body: values, version };
    },
    async putProgrammeLetterValues({ params, body, expectedVersion, audit }) {
      const { values, version } = await letterValues.put(params, body, expectedVersion, audit);
      return { body: values, version };
    },
    async adoptProgrammeYear({ params, expectedVersion, audit }) {
      const year = await years.adopt(params.year, expectedVersion, audit);
      return { body: yearBody(year), version: year.version };
    },
  });
}

// Parsed when a letter is first served with its schedule, not when the routes load.
const schedules = lazy(() => programmeSchema.parse(programmeJson));

/** The routes on the reports group's tables (functions/api/reports.ts). */
export function bindRoutes({ doc, tableNames, clock }: TableDependencies): Route[] {
  const waves = waveRepository(doc, tableNames, clock);
  return programmeRoutes({
    clock,
    years: programmeYears({
      store: dynamoProgrammeStore(doc, tableNames, clock),
      clock,
      templates: templateRepository(doc, tableNames, clock),
      schedules,
    }),
    letters: () => letterWaves(waves),
    schedules,
  });
}
