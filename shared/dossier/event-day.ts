// The day a timeline entry's event happened, read from the entry itself (as shared/audit/subject.ts reads its State):
// a request received on 20 November and circulated on 3 December, typed in a year later, happened on those days. The
// timeline is ordered by that day, then by when the entry was recorded (ADR 0063).
import type { AuditEntry } from "../audit/audit-entry.ts";
import { instantOfLocal } from "../local-instant.ts";
import { DESK_TIME_ZONE, deskDay } from "../zoned-time.ts";

const field = (image: unknown, name: string): unknown =>
  image !== null && typeof image === "object" ? (image as Record<string, unknown>)[name] : undefined;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Where each action's record says when the event happened: the day the State's document or request was received, a
 * move's, a consent's or a proposal's day, the day the provider made its offer. Corrections, voids and every other
 * write happened when they were recorded.
 */
const EVENT_DAYS: Readonly<Record<string, (after: unknown) => unknown>> = {
  "submission.record": (after) => field(after, "receivedOn"),
  "state.reporting-status": (after) => field(after, "firstReportOn"),
  "assistance.request.create": (after) => field(after, "receivedOn"),
  "assistance.request.seed": (after) => field(after, "receivedOn"),
  "assistance.request.transition": (after) => field(after, "on"),
  "assistance.request.consent": (after) => field(after, "consentedOn"),
  "assistance.feedback.record": (after) => field(field(after, "feedback"), "receivedOn"),
  "assistance.match.propose": (after) => field(after, "proposedOn"),
  "assistance.match.transition": (after) => field(after, "on"),
  "assistance.offer.create": (after) => field(after, "lastUpdatedOn"),
  "matrix.transition": (after) => field(after, "on"),
};

/** The day the entry's record gives for its event, if it gives one. */
export function recordedEventDay(entry: Pick<AuditEntry, "action" | "after">): string | undefined {
  const day = EVENT_DAYS[entry.action]?.(entry.after);
  return typeof day === "string" && ISO_DAY.test(day) ? day : undefined;
}

/** The entry's day on a timeline: its event's, else the desk's (New York's) day it was recorded. */
export const timelineDayOf = (entry: Pick<AuditEntry, "action" | "after" | "at">): string =>
  recordedEventDay(entry) ?? deskDay(entry.at);

/**
 * An entry's place on its owner's timeline index (`stateTimeline`, `organizationTimeline`): `<day>#<at>#<id>`, so
 * the index orders by the event's day, then by the recording instant, and the id keeps one write's entries apart.
 */
export const timelineKeyOf = (entry: Pick<AuditEntry, "action" | "after" | "at" | "id">): string =>
  `${timelineDayOf(entry)}#${entry.at}#${entry.id}`;

/** A letter's place among the audit entries: the desk's day the dispatch queued it, then the instant. */
export const letterTimelineKeyOf = (createdAt: string, waveId: string, recipient: string): string =>
  `${deskDay(createdAt)}#${createdAt}#${waveId}#${recipient}`;

/** The UTC instant a desk day begins, as an ISO time (New York's clocks change at 02:00, never at midnight). */
export function deskDayStart(day: string): string {
  const start = instantOfLocal(`${day}T00:00`, DESK_TIME_ZONE);
  if (!("instant" in start)) throw new Error(`Not a day: ${day}`);
  return start.instant.toISOString();
}
