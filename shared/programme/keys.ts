// Item keys of the programme's reminder claims in the desk table, read and written by key only (no index). One item
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
