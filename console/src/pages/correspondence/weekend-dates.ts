// A date the letters name that falls on a Saturday or a Sunday (audit 31): an answer asked by a Sunday, or a briefing
// on one, is more likely a slip than a choice. Said beside the field, never refused: the Committee may mean it.
// Pure, tested in Node.
import { isWeekend, weekdayInWords } from "../../../../shared/assistance/dates.ts";
import { dayInWords } from "./time.ts";

/** "31 January 2027 is a Sunday." for a calendar date (YYYY-MM-DD) on a weekend; undefined otherwise or unparsed. */
export function weekendRemark(date: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) return undefined;
  if (!isWeekend(date)) return undefined;
  return `${dayInWords(date)} is a ${weekdayInWords(date)}.`;
}
