// One programme year as an iCalendar feed (RFC 5545) for staff calendars: one all-day event per activity (the annex
// gives months and days, never hours), a UID stable across edits, drafts and adoption (year and activity id), and the
// Committee's zone, America/New_York, declared. Written here rather than with ical-generator: that library adds
// 36 KB to the reports bundle, which would pass its 500 KB budget (ADR 0019).
import { addDays } from "../assistance/dates.ts";
import { DESK_TIME_ZONE } from "../zoned-time.ts";
import type { Activity, Programme, ProgrammeStatus } from "./schemas.ts";

/** The UID of an activity's event: a subscriber's calendar updates it in place whatever changes but year and id. */
export const eventUid = (year: number, activityId: string) => `programme-${year}-${activityId}@desk-1540`;

/** TEXT values escape backslash, semicolon, comma and newlines (RFC 5545, 3.3.11). */
const text = (value: string) =>
  value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");

/** Lines longer than 75 octets are folded: CRLF and a space, never inside a UTF-8 character (RFC 5545, 3.1). */
function fold(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    // Continuation lines start with the space, which counts among their 75 octets.
    if (octets + size > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

const basicDate = (day: string) => day.replaceAll("-", "");
const utcStamp = (instant: Date) => `${instant.toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`;

// The zone's rules since 2007: daylight time from the second Sunday of March to the first Sunday of November.
const NEW_YORK = [
  "BEGIN:VTIMEZONE",
  `TZID:${DESK_TIME_ZONE}`,
  `X-LIC-LOCATION:${DESK_TIME_ZONE}`,
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:-0500",
  "TZOFFSETTO:-0400",
  "TZNAME:EDT",
  "DTSTART:20070311T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:-0400",
  "TZOFFSETTO:-0500",
  "TZNAME:EST",
  "DTSTART:20071104T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
];

function summaryOf(activity: Activity): string {
  if (activity.timing === "by") return `Due: ${activity.title}`;
  return activity.title;
}

function descriptionOf(activity: Activity, status: ProgrammeStatus): string {
  const lines = [
    ...(status === "draft" ? ["Draft programme: not adopted; the day is rolled forward from an adopted year."] : []),
    activity.timing === "in"
      ? `Planned for ${activity.plannedMonth ?? activity.day.slice(0, 7)}; the day is not fixed.`
      : activity.timing === "by"
        ? `Due by ${activity.day}${activity.dueByAsWritten ? ` (${activity.dueByAsWritten})` : ""}.`
        : `On ${activity.day}${activity.plannedMonth ? ` (Annex II planned it for ${activity.plannedMonth})` : ""}.`,
    ...(activity.agendaItems.length ? ["Agenda:", ...activity.agendaItems.map((item) => `- ${item}`)] : []),
    ...(activity.letters ?? []).map((letter) => `Letter: ${letter.waveKey} (template ${letter.templateId})`),
    `Source: ${activity.source.document}, ${activity.source.locator}`,
    ...(activity.held ? activity.held.sources.map((source) => `Held: ${source.document}, ${source.locator}`) : []),
    ...(activity.note ? [`Note: ${activity.note}`] : []),
  ];
  return lines.join("\n");
}

function eventOf(programme: Programme, activity: Activity, status: ProgrammeStatus, stamp: string): string[] {
  return [
    "BEGIN:VEVENT",
    `UID:${eventUid(programme.year, activity.id)}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${basicDate(activity.day)}`,
    // DTEND is exclusive: the day after the last.
    `DTEND;VALUE=DATE:${basicDate(addDays(activity.lastDay, 1))}`,
    `SUMMARY:${text(summaryOf(activity))}`,
    `DESCRIPTION:${text(descriptionOf(activity, status))}`,
    `CATEGORIES:${text(activity.kind)}`,
    `STATUS:${status === "draft" ? "TENTATIVE" : "CONFIRMED"}`,
    // A month-long or all-day marker should not block anyone's time.
    "TRANSP:TRANSPARENT",
    "END:VEVENT",
  ];
}

/** One programme year in a feed: its timetable and whether it is adopted. */
export interface CalendarYear {
  programme: Programme;
  status: ProgrammeStatus;
}

export interface CalendarOptions {
  /** X-WR-CALNAME: the name a calendar application shows. */
  name: string;
  /** How often a subscriber should fetch the feed again (REFRESH-INTERVAL, RFC 7986; X-PUBLISHED-TTL for Outlook). */
  refreshMinutes?: number;
}

/** The feed of one or more programme years: the events of each, as its own `{year}.ics` has them. */
export function programmeYearsCalendar(years: readonly CalendarYear[], now: Date, options: CalendarOptions): string {
  const stamp = utcStamp(now);
  const refresh = options.refreshMinutes
    ? [`REFRESH-INTERVAL;VALUE=DURATION:PT${options.refreshMinutes}M`, `X-PUBLISHED-TTL:PT${options.refreshMinutes}M`]
    : [];
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//1540 Committee desk//Programme of work//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${text(options.name)}`,
    `X-WR-TIMEZONE:${DESK_TIME_ZONE}`,
    ...refresh,
    ...NEW_YORK,
    ...years.flatMap(({ programme, status }) =>
      programme.activities.flatMap((activity) => eventOf(programme, activity, status, stamp)),
    ),
    "END:VCALENDAR",
  ];
  return `${lines.map(fold).join("\r\n")}\r\n`;
}

/** The programme year's feed; `now` stamps it (DTSTAMP), so the same programme gives the same feed but for it. */
export function programmeCalendar(programme: Programme, status: ProgrammeStatus, now: Date): string {
  const name = `1540 Committee programme of work ${programme.year}${status === "draft" ? " (draft)" : ""}`;
  return programmeYearsCalendar([{ programme, status }], now, { name });
}
