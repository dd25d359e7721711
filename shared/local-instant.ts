// Which instant a local date-time (YYYY-MM-DDTHH:mm, as staff type a wave's send time) names in an IANA zone. One
// rule for the API, which refuses what names no instant, and the console, which shows the instant before sending:
// pure and without Node, so the console bundles this same file.
import { wallClockAt } from "./zoned-time.ts";

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const DAY_MS = 86_400_000;

/** The instant, or why there is none: not YYYY-MM-DDTHH:mm, no such calendar day, or a time the clocks skip. */
export type LocalInstant = { instant: Date } | { refused: "format" | "not-a-date" | "skipped" };

/** The zone's wall clock at an instant, as if that wall clock were UTC (milliseconds). */
function wallClockAsUtc(instant: number, timeZone: string): number {
  const { year, month, day, hour, minute, second } = wallClockAt(instant, timeZone);
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/**
 * A time that happens twice (the clocks go back) is the earlier instant, the first time the wall clock shows it; a
 * time the clocks skip (spring forward) names none, rather than being moved an hour. `timeZone` must be a zone Intl
 * knows (the API's schema and the console's choices see to it).
 */
export function instantOfLocal(local: string, timeZone: string): LocalInstant {
  const [year, month, day, hour, minute] = (LOCAL.exec(local)?.slice(1) ?? []).map(Number);
  if (
    year === undefined ||
    month === undefined ||
    day === undefined ||
    hour === undefined ||
    minute === undefined ||
    month < 1 ||
    month > 12 ||
    hour > 23 ||
    minute > 59
  ) {
    return { refused: "format" };
  }
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  if (new Date(wall).getUTCDate() !== day) return { refused: "not-a-date" };
  // The zone's offset a day either side covers both sides of any change on that day; each offset gives a candidate.
  const offsets = new Set([DAY_MS, -DAY_MS].map((shift) => wallClockAsUtc(wall + shift, timeZone) - (wall + shift)));
  const first = [...offsets]
    .map((offset) => wall - offset)
    .filter((instant) => wallClockAsUtc(instant, timeZone) === wall)
    .sort((a, b) => a - b)[0];
  return first === undefined ? { refused: "skipped" } : { instant: new Date(first) };
}
