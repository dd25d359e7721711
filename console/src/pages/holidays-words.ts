// UN Headquarters' official holidays as the console says and edits them (GET and PUT /calendar/holidays/{year}): a
// day with its weekday in words, the years a reader is offered, the form's rows from a list and the body from the rows,
// and the API's 422 paths (`body.days.N.date`) read back to the rows they name. Pure, tested in Node
// (test/unit/console-holidays-words.test.ts).
import { weekdayInWords } from "../../../shared/assistance/dates.ts";
import type { components } from "../api/schema";
import { dayInWords } from "./correspondence/time.ts";

type Problem = components["schemas"]["Problem"];
export type HeadquartersHolidays = components["schemas"]["HeadquartersHolidays"];
export type HolidaysInput = components["schemas"]["HeadquartersHolidaysInput"];

/** "Friday 25 December 2026" for a calendar date (YYYY-MM-DD). */
export function dayWithWeekday(date: string): string {
  return `${weekdayInWords(date)} ${dayInWords(date)}`;
}

/** "11 days", "1 day", "no days": how many holidays a year's list holds. */
export const daysCounted = (count: number): string =>
  count === 0 ? "no days" : `${count} ${count === 1 ? "day" : "days"}`;

/**
 * The years a reader may open besides those on record: this year and the next (the next year's circular comes out in
 * December), in order, each once.
 */
export function yearsOffered(onRecord: readonly number[], thisYear: number): number[] {
  return [...new Set([...onRecord, thisYear, thisYear + 1])].sort((a, b) => a - b);
}

/** One row of the form: a day as typed; `key` names the row while rows come and go around it. */
export interface DayRow {
  key: number;
  date: string;
  name: string;
}

export interface HolidaysForm {
  source: string;
  rows: DayRow[];
}

const blankRow = (key: number): DayRow => ({ key, date: "", name: "" });

/** The form from the list on record, or one blank row to begin a year not on record. */
export function holidaysFormOf(list: Pick<HeadquartersHolidays, "source" | "days"> | undefined): HolidaysForm {
  if (!list || list.days.length === 0) return { source: list?.source ?? "", rows: [blankRow(0)] };
  return { source: list.source, rows: list.days.map((day, key) => ({ key, date: day.date, name: day.name })) };
}

/** The form with a blank row added at its end. */
export function withRowAdded(form: HolidaysForm): HolidaysForm {
  const key = Math.max(-1, ...form.rows.map((row) => row.key)) + 1;
  return { ...form, rows: [...form.rows, blankRow(key)] };
}

/** What Save sends: the rows left wholly blank are dropped; `sent` is the key of each day sent, in the body's order. */
export function holidaysBodyOf(form: HolidaysForm): { body: HolidaysInput; sent: number[] } {
  const kept = form.rows.filter((row) => row.date.trim() !== "" || row.name.trim() !== "");
  return {
    body: { source: form.source.trim(), days: kept.map((row) => ({ date: row.date.trim(), name: row.name.trim() })) },
    sent: kept.map((row) => row.key),
  };
}

/** The 422's messages where the form shows them: the circular's field, a row's date or name, or the list's own. */
export interface HolidaysProblems {
  source?: string;
  /** By row key, from the days' index in the body that was sent. */
  rows: Map<number, { date?: string; name?: string }>;
  /** The list's own (`body.days`: too many), shown above the rows. */
  days?: string;
}

export function holidaysProblems(problem: Problem | undefined, sent: readonly number[]): HolidaysProblems {
  const found: HolidaysProblems = { rows: new Map() };
  for (const { path, message } of problem?.errors ?? []) {
    if (path === "body.source") found.source ??= message;
    else if (path === "body.days") found.days ??= message;
    const at = /^body\.days\.(\d+)\.(date|name)$/.exec(path);
    const key = at ? sent[Number(at[1])] : undefined;
    if (!at || key === undefined) continue;
    const row = found.rows.get(key) ?? {};
    const field = at[2] === "date" ? "date" : "name";
    row[field] ??= message;
    found.rows.set(key, row);
  }
  return found;
}

/** What a stored list comes to, after a save or a reading again: "10 days from ST/IC/2025/23". */
export const listInWords = (list: Pick<HeadquartersHolidays, "source" | "days">): string =>
  `${daysCounted(list.days.length)} from ${list.source}`;
