// Item keys of the programme in the desk table. Reminder claims are read and written by key only (no index), one item
// per (programme year, activity, due date, offset): a due date corrected in the file gets reminders of its own.
import type { ReminderOffset } from "./calendar.ts";

export interface ReminderRef {
  year: number;
  activityId: string;
  dueBy: string;
  offset: ReminderOffset;
}

export const reminderKey = ({ year, activityId, dueBy, offset }: ReminderRef) => ({
  pk: `PROGRAMME-REMINDER#${year}#${activityId}`,
  sk: `DUE#${dueBy}#DAYS-BEFORE#${String(offset).padStart(2, "0")}`,
});

/** The audit trail's name for one reminder. */
export const reminderEntity = ({ year, activityId, dueBy, offset }: ReminderRef) => ({
  type: "programme-reminder",
  id: `${year}/${activityId}/${dueBy}/${offset}`,
});

/** One programme year as the secretariat manages it: one item, listed through the overloaded gsi2 in year order. */
export const programmeYearKey = (year: number) => ({ pk: `PROGRAMME#${year}`, sk: "YEAR" });
export const PROGRAMME_YEARS_PARTITION = "PROGRAMME-YEARS";
export const programmeYearIndexKeys = (year: number) => ({ gsi2pk: PROGRAMME_YEARS_PARTITION, gsi2sk: String(year) });

/** The audit trail's name for one programme year. */
export const programmeYearEntity = (year: number) => ({ type: "programme", id: String(year) });
