// A wave's send time as staff choose it (a wall-clock time in a chosen IANA zone) and the UTC instant it names.
// Pure, so it is tested in Node (test/unit/console-correspondence.test.ts); the API converts sendAt itself, the
// console converts only to show the instant and to send notAfter, which the API takes as an instant.

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const DAY_MS = 86_400_000;

/** The wall clock in `timeZone` at `instant`, read as if it were UTC (milliseconds). */
function wallClockAsUtc(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"));
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * The instant a local date-time (YYYY-MM-DDTHH:mm, as <input type=datetime-local> gives it) names in `timeZone`:
 * the earlier one when the clocks go back, none when they skip it or the text is no date-time.
 */
export function localToInstant(local: string, timeZone: string): Date | undefined {
  const [year, month, day, hour, minute] = (LOCAL.exec(local)?.slice(1) ?? []).map(Number);
  if (year === undefined || month === undefined || day === undefined || hour === undefined || minute === undefined) {
    return undefined;
  }
  if (!isTimeZone(timeZone) || month < 1 || month > 12 || hour > 23 || minute > 59) return undefined;
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  if (new Date(wall).getUTCDate() !== day) return undefined;
  // The zone's offset a day either side covers both sides of a change on that day; each offset gives a candidate.
  const offsets = new Set([DAY_MS, -DAY_MS].map((shift) => wallClockAsUtc(wall + shift, timeZone) - (wall + shift)));
  const candidates = [...offsets]
    .map((offset) => wall - offset)
    .filter((instant) => wallClockAsUtc(instant, timeZone) === wall)
    .sort((a, b) => a - b);
  const first = candidates[0];
  return first === undefined ? undefined : new Date(first);
}

/** The wall clock in `timeZone` at `instant`, as YYYY-MM-DDTHH:mm (what a datetime-local input holds). */
export function wallClockOf(instant: Date, timeZone: string): string {
  return new Date(wallClockAsUtc(instant.getTime(), timeZone)).toISOString().slice(0, 16);
}

/** An instant as staff read it in UTC: 2027-03-15 13:00 UTC. */
export function utcText(instant: Date | string): string {
  const iso = typeof instant === "string" ? instant : instant.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** The zones offered for a send time: every IANA zone the browser knows, with UTC, the Committee's first. */
export function timeZoneChoices(known: readonly string[]): string[] {
  // Geneva keeps Zurich's time (Europe/Zurich): IANA names no zone after it.
  const first = ["America/New_York", "UTC", "Europe/Zurich", "Europe/Vienna"];
  return [...first, ...known.filter((zone) => !first.includes(zone))];
}
