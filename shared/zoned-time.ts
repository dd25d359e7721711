// A zone's wall clock at an instant, from ICU's time-zone data through Intl. One formatter per zone, built on first
// use: a process's first Intl.DateTimeFormat costs about 25 ms, which only the callers that need a zone pay.

export interface WallClock {
  year: number;
  /** 1 to 12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** What the zone's clocks show at an instant (a Date, epoch milliseconds or an ISO date-time). */
export function wallClockAt(instant: Date | number | string, timeZone: string): WallClock {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: part("year"),
    month: part("month"),
    day: part("day"),
    hour: part("hour"),
    minute: part("minute"),
    second: part("second"),
  };
}

const twoDigits = (value: number) => String(value).padStart(2, "0");

/** A wall clock's calendar day, YYYY-MM-DD. */
export const dayOf = (clock: Pick<WallClock, "year" | "month" | "day">): string =>
  `${clock.year}-${twoDigits(clock.month)}-${twoDigits(clock.day)}`;

/** A wall clock's minute, HH:MM. */
export const minuteOf = (clock: Pick<WallClock, "hour" | "minute">): string =>
  `${twoDigits(clock.hour)}:${twoDigits(clock.minute)}`;

/** The zone's calendar day at an instant, YYYY-MM-DD. */
export const dayIn = (instant: Date | number | string, timeZone: string): string =>
  dayOf(wallClockAt(instant, timeZone));

/** The zone the Committee works in: the desk's days are New York's calendar days (ADR 0011). */
export const DESK_TIME_ZONE = "America/New_York";

/** The desk's calendar day at an instant: the day it is in New York. */
export const deskDay = (instant: Date | number | string): string => dayIn(instant, DESK_TIME_ZONE);

/** An instant as the desk's words give it to an officer: its UTC day and minute, "2026-12-06 16:49 UTC". */
export const utcMinute = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/**
 * A wave's send time in words, the wall-clock time its zone reads and the UTC instant, said once in UTC:
 * "2026-12-06 03:00 in America/New_York (2026-12-06 08:00 UTC)", "2026-12-06 03:00 UTC".
 */
export const sendTimeWords = (local: string, timeZone: string, instant: string): string =>
  timeZone === "UTC" ? utcMinute(instant) : `${local.replace("T", " ")} in ${timeZone} (${utcMinute(instant)})`;
