// How far an activity of the programme is from today, in words. An activity planned for a month (its day not fixed)
// is named by its month while it is ahead or current: counted from its first day, it would read "in -3 days".
// Pure (types only from the generated schema), tested in Node.
import type { components } from "../api/schema";
import { counted } from "../ui/counted.ts";

type ScheduledActivity = components["schemas"]["ScheduledActivity"];

/** A month (YYYY-MM) in words: "March 2023". */
export const monthWords = (month: string): string =>
  new Date(`${month}-01T00:00:00Z`).toLocaleString("en", { month: "long", year: "numeric", timeZone: "UTC" });

export function fromToday(
  activity: Pick<ScheduledActivity, "status" | "daysLeft" | "day" | "plannedMonth" | "timing">,
): string {
  const month = monthWords(activity.plannedMonth ?? activity.day.slice(0, 7));
  // Said without parentheses of its own: the pages put these words in parentheses.
  if (activity.status === "this-month") return `in ${month}, this month`;
  if (activity.timing === "in" && activity.daysLeft > 0) return `in ${month}`;
  if (activity.daysLeft === 0) return "today";
  return activity.daysLeft > 0
    ? `in ${counted(activity.daysLeft, "day")}`
    : `${counted(-activity.daysLeft, "day")} ago`;
}

/** The day an activity is shown at: its month when the programme plans it for a month, not the month's first day. */
export const shownDay = (activity: Pick<ScheduledActivity, "day" | "plannedMonth" | "timing">): string =>
  activity.timing === "in" ? (activity.plannedMonth ?? activity.day.slice(0, 7)) : activity.day;

/** A year's status in words: a draft's title says "Draft" already, so its words say what it still lacks. */
export const YEAR_STATUS_WORDS: Readonly<Record<components["schemas"]["ProgrammeView"]["status"], string>> = {
  draft: "not yet adopted",
  adopted: "adopted",
};

/** An activity's kind as the programme's pages name it (the API's code is `informal-meeting`). */
export const ACTIVITY_KIND_WORDS = {
  meeting: "Meeting",
  "informal-meeting": "Informal meeting",
  briefing: "Briefing",
  "open-briefing": "Open briefing",
  correspondence: "Letters",
  adoption: "Adoption",
  deadline: "Deadline",
  review: "Review",
  report: "Report",
  other: "Other",
} as const satisfies Record<ScheduledActivity["kind"], string>;

type LetterWave = NonNullable<NonNullable<ScheduledActivity["letters"]>[number]["waves"]>[number];

/** A letter's waves counted as sent or sending: a cancelled one is said apart ("1 wave, 1 cancelled"). */
export function letterWavesWords(waves: readonly Pick<LetterWave, "status">[]): string {
  const cancelled = waves.filter((wave) => wave.status === "cancelled").length;
  return `${counted(waves.length - cancelled, "wave")}${cancelled ? `, ${cancelled} cancelled` : ""}`;
}
