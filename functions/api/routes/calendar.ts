// Routes of UN Headquarters' holidays: the years on record, one year with its ETag, and a year recorded whole.
import * as z from "zod";
import { recountConsentWindows } from "#shared/assistance/consent-window.ts";
import { assistanceRepository } from "#shared/assistance/repository.ts";
import { type HeadquartersHolidaysUseCases, headquartersHolidays } from "#shared/calendar/holidays.ts";
import {
  headquartersHolidaysListSchema,
  headquartersHolidaysSchema,
  holidaysInputSchema,
  holidayYearSchema,
} from "#shared/calendar/schemas.ts";
import { dynamoHolidayStore } from "#shared/calendar/store.ts";
import { declareRoutes, type Route, routesOf } from "#shared/http/route.ts";
import type { TableDependencies } from "../api-handler.ts";
import { calendarTable } from "./records.tables.ts";

// Four digits first (Number would take "0x7E8" or "2026.0"), then the years the desk takes a list for.
const yearParams = z.strictObject({
  year: z
    .string()
    .regex(/^\d{4}$/, "must be a year, e.g. 2026")
    .transform(Number)
    .refine(
      (year) => holidayYearSchema.safeParse(year).success,
      `must be a year from ${holidayYearSchema.minValue} to ${holidayYearSchema.maxValue}`,
    ),
});

/** The routes' schemas, joined to their data in calendar.table.ts. */
export const declarations = declareRoutes(calendarTable, {
  listHeadquartersHolidays: {
    responses: [{ status: 200, description: "The years on record, ascending", schema: headquartersHolidaysListSchema }],
  },
  getHeadquartersHolidays: {
    params: yearParams,
    responses: [{ status: 200, description: "The year's holidays", schema: headquartersHolidaysSchema, etag: true }],
  },
  putHeadquartersHolidays: {
    params: yearParams,
    body: holidaysInputSchema,
    responses: [
      { status: 200, description: "The year's holidays as stored", schema: headquartersHolidaysSchema, etag: true },
    ],
  },
});

export function calendarRoutes(holidays: HeadquartersHolidaysUseCases) {
  return routesOf(declarations, {
    async listHeadquartersHolidays() {
      return { body: { years: await holidays.list() } };
    },
    async getHeadquartersHolidays({ params }) {
      const { holidays: year, version } = await holidays.get(params.year);
      return { body: year, version };
    },
    async putHeadquartersHolidays({ params, body, expectedVersion, audit }) {
      const { holidays: year, version } = await holidays.put(params.year, body, expectedVersion, audit);
      return { body: year, version };
    },
  });
}

/** The routes on the assistance group's tables (functions/api/assistance.ts). */
export function bindRoutes({ doc, tableNames, clock }: TableDependencies): Route[] {
  const store = dynamoHolidayStore(doc, tableNames, clock);
  const assistance = assistanceRepository(doc, tableNames, clock);
  return calendarRoutes(
    headquartersHolidays({
      store,
      clock,
      recountWindows: recountConsentWindows({ assistance, holidays: store, clock }),
    }),
  );
}
