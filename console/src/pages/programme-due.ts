// How far an activity of the programme is from today, in words. An activity planned for a month (its day not fixed)
// is named by that month while it is the current one: counted from its first day, it would read "in -3 days".
// Pure (types only from the generated schema), tested in Node.
import type { components } from "../api/schema";

type ScheduledActivity = components["schemas"]["ScheduledActivity"];

const monthWords = (month: string): string =>
  new Date(`${month}-01T00:00:00Z`).toLocaleString("en", { month: "long", year: "numeric", timeZone: "UTC" });

const dayCount = (days: number): string => `${days} day${days === 1 ? "" : "s"}`;

export function fromToday(activity: Pick<ScheduledActivity, "status" | "daysLeft" | "day" | "plannedMonth">): string {
  if (activity.status === "this-month") {
    return `in ${monthWords(activity.plannedMonth ?? activity.day.slice(0, 7))} (this month)`;
  }
  if (activity.daysLeft === 0) return "today";
  return activity.daysLeft > 0 ? `in ${dayCount(activity.daysLeft)}` : `${dayCount(-activity.daysLeft)} ago`;
}
