// The programme's calendar rules: New York calendar days, quarter and month ends, what is due next, and which
// reminder a deadline is owed on a given day.
import { addDays, daysBetween } from "../assistance/dates.ts";
import type { Activity, ActivityKind, WrittenDueBy } from "./schemas.ts";

export { programmeYearOf } from "./year-of.ts";

/** The last day of a month, `2024-02` -> `2024-02-29`. */
export function monthEnd(month: string): string {
  const [year, number] = month.split("-").map(Number);
  const last = new Date(Date.UTC(year ?? 0, number ?? 0, 0));
  return last.toISOString().slice(0, 10);
}

/** The last day of a quarter, `2023-Q3` -> `2023-09-30`. */
export function quarterEnd(quarter: string): string {
  const [year, q] = quarter.split("-Q");
  return monthEnd(`${year}-${String(Number(q) * 3).padStart(2, "0")}`);
}

/** A due date as written, resolved to a day; the quarter or month it names is kept for display. */
export function resolveDueBy(dueBy: WrittenDueBy): { day: string; asWritten?: string } {
  if (typeof dueBy === "string") return { day: dueBy };
  if ("quarterEnd" in dueBy) return { day: quarterEnd(dueBy.quarterEnd), asWritten: `end of ${dueBy.quarterEnd}` };
  return { day: monthEnd(dueBy.monthEnd), asWritten: `end of ${dueBy.monthEnd}` };
}

/** Whole New York calendar days from `today` to `day`; negative once it has passed. */
export const daysLeft = (day: string, today: string): number => daysBetween(today, day);

/** The next `count` activities not yet past (one planned for this month counts), soonest first. */
export function dueNext(activities: readonly Activity[], today: string, count: number): Activity[] {
  return activities
    .filter((activity) => activity.lastDay >= today)
    .sort((a, b) => a.day.localeCompare(b.day) || a.id.localeCompare(b.id))
    .slice(0, count);
}

/** The kinds that name something to deliver by a day; meetings and briefings are events, not deadlines. */
const deliverables: readonly ActivityKind[] = ["deadline", "report", "review"];

/** A deadline: something to deliver, due by a day. */
export const isDeadline = (activity: Activity): boolean =>
  activity.timing === "by" && deliverables.includes(activity.kind);

/**
 * What gets reminders: deadlines, and the meetings, briefings and adoptions with their agenda (one planned for a
 * month is reminded of before the month starts). Letters do not: their schedules send them.
 */
export const isRemindable = (activity: Activity): boolean =>
  activity.kind !== "correspondence" && activity.kind !== "other";

/** Days before a deadline its reminders go out, farthest first. */
export const REMINDER_OFFSETS = [14, 3] as const;
export type ReminderOffset = (typeof REMINDER_OFFSETS)[number];

export interface ReminderDue {
  offset: ReminderOffset;
  /** The day it was meant to go out. */
  day: string;
  /** Its day has passed unsent (a run missed, or the activity added since): it goes out now, saying so. */
  late: boolean;
}

/**
 * The reminder a deadline due on `dueBy` is owed on `today`, if any. On time: today is its day (14 or 3 New York
 * calendar days before). Late: its day passed without a run (an outage), the deadline is still ahead, and no
 * nearer reminder's day has come, which would supersede it. Nothing is owed on or after the deadline.
 * Whether it was already sent is the claim's business, not this rule's.
 */
export function reminderDue(dueBy: string, today: string): ReminderDue | undefined {
  if (today >= dueBy) return undefined;
  const reached = REMINDER_OFFSETS.filter((offset) => addDays(dueBy, -offset) <= today);
  const nearest = reached.at(-1);
  if (nearest === undefined) return undefined;
  const day = addDays(dueBy, -nearest);
  return { offset: nearest, day, late: day < today };
}
