// UN Headquarters' official holidays, a year at a time, as the secretariat records them from the year's information
// circular (ST/IC/...): the days the desk's working-day counts skip besides weekends (the assistance request's consent
// window, ADR 0067). The desk knows no holiday by itself: the circular designates them each year (the two Eids move).
import * as z from "zod";

/** The years the desk takes a list for: the resolution's and a programme year's range. */
export const holidayYearSchema = /* @__PURE__ */ z.coerce
  .number()
  .int()
  .min(2004)
  .max(2100)
  .describe("The calendar year, 2004 to 2100");

export const holidaySchema = /* @__PURE__ */ z
  .object({
    date: z.iso.date().describe("The day observed at Headquarters, YYYY-MM-DD: a weekday of the list's year"),
    name: z.string().trim().min(1).max(80).describe("The holiday as the circular names it (Thanksgiving Day)"),
  })
  .meta({ id: "HeadquartersHoliday" });
export type Holiday = z.infer<typeof holidaySchema>;

/** An information circular's symbol: ST/IC/2025/23, or a revision or amendment of one. */
export const CIRCULAR_SYMBOL = /^ST\/IC\/\d{4}\/\d+(\/(Rev|Amend)\.\d+)?$/;

/** What the secretariat sends: the circular and its days (the year is the path's). */
export const holidaysInputSchema = /* @__PURE__ */ z
  .object({
    source: z
      .string()
      .trim()
      .regex(CIRCULAR_SYMBOL, "is not an information circular's symbol, such as ST/IC/2025/23")
      .describe("The information circular that designates the year's official holidays at Headquarters"),
    days: z.array(holidaySchema).max(20).describe("The official holidays, each on the day observed"),
  })
  .meta({ id: "HeadquartersHolidaysInput" });
export type HolidaysInput = z.infer<typeof holidaysInputSchema>;

export const headquartersHolidaysSchema = /* @__PURE__ */ holidaysInputSchema
  .extend({
    year: z.number().int(),
    updatedAt: z.iso.datetime(),
    updatedBy: z.string().describe("Who recorded the list last"),
  })
  .meta({ id: "HeadquartersHolidays" });
export type HeadquartersHolidays = z.infer<typeof headquartersHolidaysSchema>;

export const headquartersHolidaysListSchema = /* @__PURE__ */ z
  .object({ years: z.array(headquartersHolidaysSchema).describe("The years on record, ascending") })
  .meta({ id: "HeadquartersHolidaysList" });
