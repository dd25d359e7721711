// The reminder e-mail to the secretariat for one deadline of the programme, or the warning for a programme letter its
// schedule would not send; each lists the programme letters whose wave was made a draft. Plain text and HTML, values
// escaped.
import { lazy } from "../lazy.ts";
import { escapeHtml } from "../mail/html.ts";
import type { ReminderDue } from "./calendar.ts";
import type { UnsentLetter, WithheldLetter } from "./letter-readiness.ts";
import type { Activity, Programme } from "./schemas.ts";

// Built on first use: only a run with a reminder to send spells a day out.
const longDate = lazy(
  () =>
    new Intl.DateTimeFormat("en-GB", {
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    }),
);

/** `2023-04-30` -> `Sunday 30 April 2023`: the day itself, whatever the reader's zone. */
export function spelledDay(day: string): string {
  const parts = longDate().formatToParts(new Date(`${day}T00:00:00Z`));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("weekday")} ${part("day")} ${part("month")} ${part("year")}`;
}

export interface ReminderMailInput {
  programme: Pick<Programme, "year" | "title">;
  activity: Activity;
  due: ReminderDue;
  /** Calendar days from today to the deadline, or to the day a warning's letters are sent. */
  daysLeft: number;
  /** A letter warning's: the day its letters are sent (their schedule's firing). */
  sendDay?: string;
  /** A previous run claimed this reminder and vanished: it may have sent it. */
  possiblyResent: boolean;
  /** The programme's status: a draft's days are rolled forward, not agreed. */
  status?: "adopted" | "draft";
  /** A correspondence item's letters that their schedules would not send: the mail is a warning about them. */
  withheld?: readonly WithheldLetter[];
  /** The programme letters whose wave was made a draft, which nothing sends. */
  lettersNotSent?: readonly UnsentLetter[];
}

const monthName = lazy(() => new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }));

/** When it is, as the mail says it: due by a day, on a day, or some day in a month. */
function when(activity: Activity): { label: string; value: string; subject: string } {
  if (activity.timing === "in") {
    const month = monthName().format(new Date(`${activity.day}T00:00:00Z`));
    return { label: "Planned for", value: `${month} (the day is not fixed)`, subject: `planned for ${month}` };
  }
  const value = `${spelledDay(activity.day)}${activity.dueByAsWritten ? ` (${activity.dueByAsWritten})` : ""}`;
  // A meeting on a day is "in 4 days" in the subject ("on in 4 days" read as a typo); a deadline is "due in".
  return activity.timing === "by"
    ? { label: "Due by", value, subject: "due in" }
    : { label: "On", value, subject: "in" };
}

const plural = (count: number) => `${count} day${count === 1 ? "" : "s"}`;

/**
 * What to do about a letter its schedule will not send, simplest first: give the year's values (no deploy), or send it
 * as a staff wave, or change the schedule's input and deploy.
 */
function withheldLine(
  { waveKey, templateId, reasons, scheduleId }: WithheldLetter,
  year: number,
  activityId: string,
): string {
  const ways = [
    ...(scheduleId
      ? [
          `give the values in PUT /programme/${year}/activities/${activityId}/letters/${waveKey}/values (the ` +
            "item's page in the console) before its send day",
        ]
      : []),
    `create it as a staff wave of ${templateId} (POST /waves) with them; the programme item links that wave`,
    ...(scheduleId
      ? [`give them in the programmeWave of schedule ${scheduleId} (events/programme.json) and deploy`]
      : []),
  ];
  return `Will not be sent: ${waveKey} (template ${templateId}): ${reasons.join("; ")}. To send it: ${ways.join("; or ")}.`;
}

function unsentLine({ title, waveKey, wave }: UnsentLetter): string {
  return (
    `Not sent: ${waveKey} (${title}): its schedule made the wave ${wave.id} a draft on ${wave.sendAt} ` +
    `(${wave.timeZone}), and no staff wave of its template goes out; GET /waves/${wave.id} says what it lacks.`
  );
}

/**
 * Why a reminder comes after its day: a run was missed, or what it reminds of is newer than that day (an activity
 * added, a desk first deployed); a letter's check also when what it finds arose after its day (a template edited).
 * Neither claims to know which.
 */
function lateNotice(due: ReminderDue, aboutLetters: boolean): string {
  return aboutLetters
    ? `This is the ${due.offset}-day warning meant for ${spelledDay(due.day)}. It goes out now: the letters were ` +
        "found unsendable after that day, or that day's run was missed; their day is still ahead."
    : `This is the ${due.offset}-day reminder meant for ${spelledDay(due.day)}. No run sent it that day: a run was ` +
        "missed, or the activity (or the desk) was added after that day; it goes out now because the deadline is " +
        "still ahead.";
}

/**
 * Subject, text and HTML of one reminder, or of a letter's warning; a late one says which day it was meant for and
 * why it is late.
 */
export function reminderMail(input: ReminderMailInput): { subject: string; text: string; html: string } {
  const { programme, activity, due, daysLeft } = input;
  const withheld = input.withheld ?? [];
  const at = when(activity);
  const lead = activity.timing === "in" ? at.subject : `${at.subject} ${plural(daysLeft)}`;
  const subject = withheld.length
    ? `Warning: ${activity.title}, ${lead}: will not be sent as scheduled`
    : `${due.late ? "Late reminder" : "Reminder"}: ${activity.title}, ${lead}`;

  const notices = [
    ...(due.late ? [lateNotice(due, withheld.length > 0)] : []),
    ...(input.possiblyResent
      ? ["An earlier attempt to send this reminder did not record its outcome: you may have received it already."]
      : []),
    ...withheld.map((letter) => withheldLine(letter, programme.year, activity.id)),
    ...(input.lettersNotSent ?? []).map(unsentLine),
  ];
  const facts: [string, string][] = [
    [at.label, at.value],
    ...(input.sendDay ? [["Letters sent on", spelledDay(input.sendDay)] as [string, string]] : []),
    ["Days left", plural(daysLeft)],
    ["Kind", activity.kind],
    ["Responsible", activity.responsible.join(", ")],
    ...(activity.agendaItems.length ? [["Agenda items", activity.agendaItems.join("; ")] as [string, string]] : []),
    ["Programme", `${programme.title}${input.status === "draft" ? " (draft, not adopted)" : ""}`],
    ["Source", [activity.source.document, activity.source.url, activity.source.locator].filter(Boolean).join(", ")],
    ["Verified in Annex II", activity.verified ? "yes" : `no${activity.note ? `: ${activity.note}` : ""}`],
  ];
  const link = `GET /programme?year=${programme.year}`;

  const text = [
    subject,
    "",
    ...notices.flatMap((notice) => [notice, ""]),
    ...facts.map(([label, value]) => `${label}: ${value}`),
    "",
    `The programme: ${link}.`,
  ].join("\n");

  const html = [
    "<!doctype html>",
    `<html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>`,
    `<h1>${escapeHtml(subject)}</h1>`,
    ...notices.map((notice) => `<p><strong>${escapeHtml(notice)}</strong></p>`),
    `<table>${facts
      .map(([label, value]) => `<tr><th align="left">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`)
      .join("")}</table>`,
    `<p>The programme: <code>${escapeHtml(link)}</code>.</p>`,
    "</body></html>",
  ].join("\n");

  return { subject, text, html };
}
