// When an activity of the programme falls, in words: on a day, due by a day, or during a span of days.
import type { Schemas } from "../api/client.ts";

const TIMING = { on: "on", by: "due by", in: "during" } as const;

export function ActivityWhen({ activity }: { activity: Schemas["ScheduledActivity"] }) {
  return (
    <>
      {TIMING[activity.timing]} <time dateTime={activity.day}>{activity.day}</time>
      {activity.timing === "in" ? ` to ${activity.lastDay}` : ""}
    </>
  );
}
