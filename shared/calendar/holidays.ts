// UN Headquarters' holidays as the secretariat records them, a year at a time from the year's information circular:
// read, and put whole, checked day by day. The assistance requests' consent windows skip them (ADR 0067): a put counts
// the open windows again.

import { isWeekend, weekdayInWords } from "../assistance/dates.ts";
import type { AuditContext } from "../audit/audit-entry.ts";
import { usernameOf } from "../auth/actor.ts";
import { saysTheSame } from "../canonical-json.ts";
import type { Clock } from "../clock.ts";
import { type FieldIssue, Invalid, NotFound } from "../errors.ts";
import { fieldIssuesOf } from "../zod-issues.ts";
import { holidaysEntity } from "./keys.ts";
import { type HeadquartersHolidays, type Holiday, holidaysInputSchema } from "./schemas.ts";
import type { HolidayStore } from "./store.ts";

export interface HeadquartersHolidaysDependencies {
  store: HolidayStore;
  clock: Clock;
  /** Counts again the open consent windows that `year`'s days may move (shared/assistance/consent-window.ts). */
  recountWindows: (year: number, audit: AuditContext) => Promise<number>;
}

/** A year's list as stored, with the version an `If-Match` must name. */
export interface HolidaysOnRecord {
  holidays: HeadquartersHolidays;
  version: number;
}

/** The year's list is not on record: the desk cannot know it unless the secretariat records it. */
export class HolidaysNotOnRecord extends NotFound {
  constructor(year: number) {
    super("UN Headquarters holidays", String(year));
    this.message = `The ${year} UN Headquarters holidays are not on record: record them from the year's information circular`;
  }
}

/** Each day the year's list cannot hold, at its path: outside the year, on a weekend, or given twice. */
function dayIssues(year: number, days: readonly Holiday[]): FieldIssue[] {
  const firstAt = new Map<string, Holiday>();
  return days.flatMap((day, index) => {
    const { date } = day;
    const path = `body.days.${index}.date`;
    const dayYear = Number(date.slice(0, 4));
    if (dayYear !== year) return [{ path, message: `is in ${dayYear}, not ${year}` }];
    // The circular moves a holiday that falls on a weekend to a weekday: that weekday is the one the count skips.
    if (isWeekend(date))
      return [{ path, message: `is a ${weekdayInWords(date)}: give the day observed at Headquarters` }];
    // Named by the holiday given first, as a reader knows it (the console numbers its rows from 1, the path from 0).
    const first = firstAt.get(date);
    if (first) return [{ path, message: `is already given for ${first.name}` }];
    firstAt.set(date, day);
    return [];
  });
}

const byDate = (a: Holiday, b: Holiday) => a.date.localeCompare(b.date);
const asSent = ({ source, days }: Pick<HeadquartersHolidays, "source" | "days">) => ({ source, days });
const keyOf = (day: Holiday) => `${day.date} ${day.name}`;

/** The days of `from` that `to` lacks (a day renamed is one removed and one added). */
const daysMissing = (from: readonly Holiday[], to: readonly Holiday[]) => {
  const kept = new Set(to.map(keyOf));
  return from.filter((day) => !kept.has(keyOf(day)));
};

export type HeadquartersHolidaysUseCases = ReturnType<typeof headquartersHolidays>;

export function headquartersHolidays({ store, clock, recountWindows }: HeadquartersHolidaysDependencies) {
  return {
    /** Every year on record, ascending. */
    async list(): Promise<HeadquartersHolidays[]> {
      return (await store.list()).map(({ value }) => value);
    },

    async get(year: number): Promise<HolidaysOnRecord> {
      const stored = await store.get(year);
      if (!stored) throw new HolidaysNotOnRecord(year);
      return { holidays: stored.value, version: stored.version };
    },

    /**
     * Records the year's list whole (If-Match: 0 for a year not on record), its days sorted by date. A day outside the
     * year, on a weekend or given twice is 422 at its path, and nothing is stored; the list as stored, sent again at
     * its version, writes nothing (`changed: false`). Either way the open consent windows are counted again after it:
     * a list sent again after a recount that failed half-way puts the windows right.
     */
    async put(
      year: number,
      raw: unknown,
      expectedVersion: number,
      audit: AuditContext,
    ): Promise<HolidaysOnRecord & { changed: boolean }> {
      const parsed = holidaysInputSchema.safeParse(raw);
      if (!parsed.success) {
        throw new Invalid(`The ${year} UN Headquarters holidays are not valid`, fieldIssuesOf(parsed.error, "body"));
      }
      const issues = dayIssues(year, parsed.data.days);
      if (issues.length) throw new Invalid(`The ${year} UN Headquarters holidays are not valid`, issues);
      const source = parsed.data.source;
      const days = [...parsed.data.days].sort(byDate);
      const before = await store.get(year);
      if (before?.version === expectedVersion && saysTheSame({ source, days }, asSent(before.value))) {
        await recountWindows(year, audit);
        return { holidays: before.value, version: before.version, changed: false };
      }
      const holidays: HeadquartersHolidays = {
        year,
        source,
        days,
        updatedAt: clock.now().toISOString(),
        updatedBy: usernameOf(audit.actor) ?? audit.actor.id,
      };
      const previous = before?.value;
      const version = await store.save(holidays, expectedVersion, {
        ...audit,
        action: "holidays.put",
        entity: holidaysEntity(year),
        // What changed, not the whole list twice: the circular named, the days it added and those it took away.
        ...(previous ? { before: { source: previous.source, days: daysMissing(previous.days, days) } } : {}),
        after: { source, days: previous ? daysMissing(days, previous.days) : days },
      });
      await recountWindows(year, audit);
      return { holidays, version, changed: true };
    },
  };
}
