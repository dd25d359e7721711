// When an activity of the programme falls, in words: on a day, due by a day, or in the month the programme plans it
// for ("in March 2023", as the annex says it, rather than the month's first and last days).
import type { Schemas } from "../api/client.ts";
import { monthWords } from "./programme-due.ts";

const TIMING = { on: "on", by: "due by" } as const;

export function ActivityWhen({ activity }: { activity: Schemas["ScheduledActivity"] }) {
  if (activity.timing === "in") {
    const month = activity.plannedMonth ?? activity.day.slice(0, 7);
    return (
      <>
        in <time dateTime={month}>{monthWords(month)}</time>
      </>
    );
  }
  return (
    <>
      {TIMING[activity.timing]} <time dateTime={activity.day}>{activity.day}</time>
    </>
  );
}
