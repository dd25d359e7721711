// Calendar arithmetic on ISO dates (YYYY-MM-DD): working days, years, months, day counts. A date is a calendar day,
// whatever the zone; only the day of an instant needs one, and that is the desk's (New York).

const DAY_MS = 86_400_000;

function toUtc(date: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`${date} is not an ISO date (YYYY-MM-DD)`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

const fromUtc = (date: Date): string => date.toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  return fromUtc(new Date(toUtc(date).getTime() + days * DAY_MS));
}

/** Saturday and Sunday: never working days, whatever holidays a count is given. */
export function isWeekend(date: string): boolean {
  const weekday = toUtc(date).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** The day's weekday in English words ("Saturday"), as refusals and the console say it. */
export const weekdayInWords = (date: string): string =>
  toUtc(date).toLocaleDateString("en-GB", { weekday: "long", timeZone: "UTC" });

/**
 * The date `days` working days after `date`: counting starts the day after, and skips Saturdays, Sundays and the
 * `holidays` (YYYY-MM-DD) the caller knows of; the desk knows none by itself (consent-window.ts reads the recorded ones).
 * Acknowledged on a Thursday, 5 working days end the following Thursday; on a Saturday, the following Friday.
 */
export function addWorkingDays(date: string, days: number, holidays: ReadonlySet<string>): string {
  let current = date;
  let left = days;
  while (left > 0) {
    current = addDays(current, 1);
    if (!isWeekend(current) && !holidays.has(current)) left--;
  }
  return current;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / DAY_MS);
}

/** The same day `months` later; a day the target month lacks (31 April, 29 February) becomes its last day. */
export function addMonths(date: string, months: number): string {
  const start = toUtc(date);
  const firstOfTarget = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0)).getUTCDate();
  firstOfTarget.setUTCDate(Math.min(start.getUTCDate(), lastDay));
  return fromUtc(firstOfTarget);
}

export const addYears = (date: string, years: number): string => addMonths(date, 12 * years);

/** Whole calendar months from `from` to `to`: 2026-01-15 to 2026-02-14 is 0, to 2026-02-15 is 1. */
export function monthsBetween(from: string, to: string): number {
  if (to < from) return -monthsBetween(to, from);
  const a = toUtc(from);
  const b = toUtc(to);
  let months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
  if (addMonths(from, months) > to) months--;
  return months;
}
