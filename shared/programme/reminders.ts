// The daily reminder run: every deadline, meeting and briefing of the current and the next programme year (adopted,
// or the draft rolled forward) owed a reminder today (14 or 3 New York calendar days before it, or late after a
// missed run) is claimed, mailed to the secretariat once with its agenda, and marked sent; so is a warning for a
// programme letter its schedule would not send. Every mail lists the letters whose wave was made a draft. It also
// names what comes next.

import { addDays } from "../assistance/dates.ts";
import type { AuditContext } from "../audit/audit-entry.ts";
import type { Clock } from "../clock.ts";
import type { Mailer } from "../mail/ses.ts";
import { deskDay } from "../zoned-time.ts";
import {
  daysLeft,
  dueNext,
  isRemindable,
  programmeYearOf,
  REMINDER_OFFSETS,
  type ReminderDue,
  reminderDue,
} from "./calendar.ts";
import { reminderEntity } from "./keys.ts";
import type { ProgrammeLetterReadiness, UnsentLetter, WithheldLetter } from "./letter-readiness.ts";
import { reminderMail } from "./reminder-mail.ts";
import type { ReminderRepository } from "./reminder-repository.ts";
import type { Activity, Programme, ReminderClaim } from "./schemas.ts";
import { type ProgrammeYear, yearIfAny } from "./years.ts";

export interface ReminderDependencies {
  /** The programme years (shared/programme/years.ts): a year as stored, else a draft rolled forward (up to next year). */
  programmes: { get(year: number): Promise<ProgrammeYear> };
  /**
   * Whether a programme's scheduled letters go out (shared/programme/letter-readiness.ts): one reader a run, asked of
   * each year the run reads, so that the waves are listed once a run.
   */
  letters: () => (programme: Programme) => Promise<ProgrammeLetterReadiness>;
  reminders: ReminderRepository;
  clock: Clock;
  mailer: Mailer;
  /** Where reminders go; never logged. */
  secretariatEmail: string;
}

/**
 * A claim older than this belongs to a run that died between claiming and recording the send (the function's
 * timeout is far shorter), so a later run may take it over; its mail then says it may be a repeat.
 */
export const REMINDER_CLAIM_LEASE_MS = 15 * 60_000;

export interface ReminderOutcome {
  year: number;
  activityId: string;
  offset: ReminderDue["offset"];
  dueBy: string;
  late: boolean;
  /** A correspondence item's warning: the letters its schedules would not send. */
  withheldLetters?: string[];
  /** sent: this run mailed it; already-sent / in-flight: another run did or is doing it; failed: SES refused. */
  result: "sent" | "already-sent" | "in-flight" | "failed";
  /** Why SES refused, by error name only (an SES message may carry the address). */
  error?: string;
}

/** What comes next in the programme, and the days its reminders go out. */
export interface UpcomingActivity {
  activityId: string;
  title: string;
  kind: Activity["kind"];
  timing: Activity["timing"];
  day: string;
  agendaItems: string[];
  /** The reminder days still ahead (none for letters, which their schedules send). */
  reminderDays: string[];
}

export interface ReminderRun {
  /** The New York calendar day the run reminded for. */
  today: string;
  /** The programme year today falls in, and whether it is adopted or a draft. */
  programme: { year: number; status: ProgrammeYear["status"] };
  /** The next year, read too: its first weeks' reminders fall in this year's January. */
  nextProgramme?: { year: number; status: ProgrammeYear["status"] };
  outcomes: ReminderOutcome[];
  /** Programme letters whose wave was made a draft, which nothing sends: every mail of the run lists them. */
  lettersNotSent: UnsentLetter[];
  next: UpcomingActivity[];
}

/** How many upcoming activities a run names. */
const NEXT_COUNT = 5;

/** Some reminders could not be sent; their claims were given back, so the scheduler's retry sends them. */
export class RemindersFailed extends Error {
  constructor(readonly failed: ReminderOutcome[]) {
    const which = failed.map((o) => `${o.year}/${o.activityId}/${o.offset} (${o.error ?? "unknown"})`);
    super(`${failed.length} programme reminder(s) could not be sent: ${which.join(", ")}`);
  }
}

interface Owed {
  year: ProgrammeYear;
  activity: Activity;
  due: ReminderDue;
  /** The day it is reminded of: the activity's day, or for letters the day they are sent. */
  day: string;
  withheld: WithheldLetter[];
}

const yearOf = ({ programme, status }: ProgrammeYear) => ({ year: programme.year, status });

/**
 * The years a run on `today` reads: the one it falls in, and the next, whose first activities' reminder days fall in
 * this year's January (the farthest, 14 days, is shorter than January, so no later year has one). The next year is
 * missing only when no year could be rolled forward to it.
 */
async function yearsRead(
  programmes: ReminderDependencies["programmes"],
  today: string,
): Promise<{ current: ProgrammeYear; next?: ProgrammeYear | undefined }> {
  const current = await programmes.get(programmeYearOf(today));
  return { current, next: await yearIfAny(programmes, current.programme.year + 1) };
}

/**
 * The reminders owed today, and the warnings for correspondence items whose letters would not go out, timed from the
 * day the letters are sent (their schedule's firing), not the item's first day.
 */
async function owedOn(year: ProgrammeYear, letters: ProgrammeLetterReadiness, today: string): Promise<Owed[]> {
  const owed: Owed[] = [];
  for (const activity of year.programme.activities) {
    const remindable = isRemindable(activity);
    if (!remindable && !activity.letters) continue;
    const day = remindable ? activity.day : letters.sendDay(activity);
    const due = reminderDue(day, today);
    if (!due) continue;
    const withheld = remindable ? [] : await letters.withheld(activity);
    if (remindable || withheld.length) owed.push({ year, activity, due, day, withheld });
  }
  return owed;
}

function upcoming(activities: readonly Activity[], today: string): UpcomingActivity[] {
  return dueNext(activities, today, NEXT_COUNT).map((activity) => ({
    activityId: activity.id,
    title: activity.title,
    kind: activity.kind,
    timing: activity.timing,
    day: activity.day,
    agendaItems: activity.agendaItems,
    reminderDays: isRemindable(activity)
      ? REMINDER_OFFSETS.map((offset) => addDays(activity.day, -offset)).filter((day) => day >= today)
      : [],
  }));
}

export const runProgrammeReminders =
  (deps: ReminderDependencies) =>
  async (audit: AuditContext): Promise<ReminderRun> => {
    const now = deps.clock.now();
    const today = deskDay(now);
    const staleBefore = new Date(now.getTime() - REMINDER_CLAIM_LEASE_MS).toISOString();
    const outcomes: ReminderOutcome[] = [];
    const { current, next } = await yearsRead(deps.programmes, today);
    const years = next ? [current, next] : [current];
    const owed: Owed[] = [];
    const lettersNotSent: UnsentLetter[] = [];
    const readinessOf = deps.letters();
    for (const year of years) {
      const letters = await readinessOf(year.programme);
      owed.push(...(await owedOn(year, letters, today)));
      lettersNotSent.push(...letters.unsent());
    }

    // One at a time: a day owes a handful at most, and SES pacing is then a non-issue.
    for (const { year, activity, due, day, withheld } of owed) {
      const { programme } = year;
      const base = {
        year: programme.year,
        activityId: activity.id,
        offset: due.offset,
        // The claim's key keeps the activity's own day, whatever day a warning is timed from: one per offset.
        dueBy: activity.day,
        late: due.late,
      };
      const reported = {
        ...base,
        ...(withheld.length ? { withheldLetters: withheld.map((letter) => letter.waveKey) } : {}),
      };
      const entity = reminderEntity(base);
      const existing = await deps.reminders.get(base);
      if (existing?.status === "sent") {
        outcomes.push({ ...reported, result: "already-sent" });
        continue;
      }
      if (existing?.status === "sending" && existing.claimedAt >= staleBefore) {
        outcomes.push({ ...reported, result: "in-flight" });
        continue;
      }

      const claim: ReminderClaim = {
        ...base,
        reminderDay: due.day,
        status: "sending",
        claimedAt: deps.clock.now().toISOString(),
      };
      const claimed = await deps.reminders.claim(claim, staleBefore, {
        ...audit,
        action: "programme.reminder.claim",
        entity,
        ...(existing ? { before: existing } : {}),
        after: claim,
      });
      if (claimed === "taken") {
        outcomes.push({ ...reported, result: "in-flight" });
        continue;
      }

      let messageId: string;
      try {
        ({ messageId } = await deps.mailer.sendMail({
          to: deps.secretariatEmail,
          ...reminderMail({
            programme,
            activity,
            due,
            daysLeft: daysLeft(day, today),
            ...(withheld.length ? { sendDay: day } : {}),
            possiblyResent: existing?.status === "sending",
            status: year.status,
            withheld,
            lettersNotSent,
          }),
          tags: { kind: "programme-reminder", programme: String(programme.year), days: String(due.offset) },
        }));
      } catch (error) {
        await deps.reminders.release(claim, { ...audit, action: "programme.reminder.release", entity });
        outcomes.push({ ...reported, result: "failed", error: error instanceof Error ? error.name : "unknown" });
        continue;
      }
      await deps.reminders.markSent(claim, messageId, deps.clock.now().toISOString(), {
        ...audit,
        action: "programme.reminder.sent",
        entity,
        after: { messageId },
      });
      outcomes.push({ ...reported, result: "sent" });
    }

    const failed = outcomes.filter((outcome) => outcome.result === "failed");
    if (failed.length) throw new RemindersFailed(failed);
    return {
      today,
      programme: yearOf(current),
      ...(next ? { nextProgramme: yearOf(next) } : {}),
      outcomes,
      lettersNotSent,
      next: upcoming(
        years.flatMap((year) => year.programme.activities),
        today,
      ),
    };
  };
