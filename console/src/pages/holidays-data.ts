// The years' UN Headquarters holidays as the API serves them: every year on record, one year with its ETag (or the
// API's words when it is not on record), and a year's list recorded over the version read.
import { api, dataOf, type Problem, ProblemError } from "../api/client.ts";
import { type Versioned, versionedOf } from "../api/versioned.ts";
import type { HeadquartersHolidays, HolidaysInput } from "./holidays-words.ts";

/** The ETag that asks to record a year not on record yet (shared/versioning.ts: version 0). */
export const NOT_ON_RECORD_ETAG = '"0"';

export type YearRead =
  | { onRecord: true; list: Versioned<HeadquartersHolidays> }
  | { onRecord: false; problem: Problem; etag: typeof NOT_ON_RECORD_ETAG };

export async function holidayYears(): Promise<HeadquartersHolidays[]> {
  return dataOf(await api.GET("/calendar/holidays")).years;
}

/** The year's list with its ETag; a year not on record (404) is an answer too, in the API's words. */
export async function holidaysOfYear(year: number): Promise<YearRead> {
  const result = await api.GET("/calendar/holidays/{year}", { params: { path: { year: String(year) } } });
  try {
    return { onRecord: true, list: versionedOf(dataOf(result), result.response) };
  } catch (error) {
    if (error instanceof ProblemError && error.problem.status === 404) {
      return { onRecord: false, problem: error.problem, etag: NOT_ON_RECORD_ETAG };
    }
    throw error;
  }
}

/** Records the year's list over the version read as `etag` ("0": none); a change made since is the API's 412. */
export async function recordHolidays(
  year: number,
  etag: string,
  body: HolidaysInput,
): Promise<Versioned<HeadquartersHolidays>> {
  const result = await api.PUT("/calendar/holidays/{year}", {
    params: { path: { year: String(year) }, header: { "If-Match": etag } },
    body,
  });
  return versionedOf(dataOf(result), result.response);
}
