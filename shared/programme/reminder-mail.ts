// The reminder e-mail to the secretariat for one deadline of the programme: plain text and HTML, values escaped.
import { lazy } from "../lazy.ts";
import { escapeHtml } from "../mail/html.ts";
import type { ReminderDue } from "./calendar.ts";
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
  /** Calendar days from today to the deadline. */
  daysLeft: number;
  /** A previous run claimed this reminder and vanished: it may have sent it. */
  possiblyResent: boolean;
  /** The programme's status: a draft's days are rolled forward, not agreed. */
  status?: "adopted" | "draft";
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

/** Subject, text and HTML of one reminder; a late one says which day it was meant for and why it is late. */
export function reminderMail(input: ReminderMailInput): { subject: string; text: string; html: string } {
  const { programme, activity, due, daysLeft } = input;
  const at = when(activity);
  const lead = activity.timing === "in" ? at.subject : `${at.subject} ${plural(daysLeft)}`;
  const subject = `${due.late ? "Late reminder" : "Reminder"}: ${activity.title}, ${lead}`;

  const notices = [
    ...(due.late
      ? [
          `This is the ${due.offset}-day reminder meant for ${spelledDay(due.day)}. The daily reminder run did not ` +
            "send it that day (a missed run); it goes out now because the deadline is still ahead.",
        ]
      : []),
    ...(input.possiblyResent
      ? ["An earlier attempt to send this reminder did not record its outcome: you may have received it already."]
      : []),
  ];
  const facts: [string, string][] = [
    [at.label, at.value],
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
