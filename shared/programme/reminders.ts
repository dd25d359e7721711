// The daily reminder run: every deadline of every programme owed a reminder today (14 or 3 New York calendar days
// before it, or late after a missed run) is claimed, mailed to the secretariat once, and marked sent.
import type { AuditContext } from "../audit/audit-entry.ts";
import type { Clock } from "../clock.ts";
import type { Mailer } from "../mail/ses.ts";
import { daysLeft, isDeadline, newYorkDay, type ReminderDue, reminderDue } from "./calendar.ts";
import type { ProgrammeCatalogue } from "./catalogue.ts";
import { reminderEntity } from "./keys.ts";
import { reminderMail } from "./reminder-mail.ts";
import type { ReminderRepository } from "./reminder-repository.ts";
import type { Activity, Programme, ReminderClaim } from "./schemas.ts";

export interface ReminderDependencies {
  programmes: ProgrammeCatalogue;
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
  /** sent: this run mailed it; already-sent / in-flight: another run did or is doing it; failed: SES refused. */
  result: "sent" | "already-sent" | "in-flight" | "failed";
  /** Why SES refused, by error name only (an SES message may carry the address). */
  error?: string;
}

export interface ReminderRun {
  /** The New York calendar day the run reminded for. */
  today: string;
  outcomes: ReminderOutcome[];
}

/** Some reminders could not be sent; their claims were given back, so the scheduler's retry sends them. */
export class RemindersFailed extends Error {
  constructor(readonly failed: ReminderOutcome[]) {
    const which = failed.map((o) => `${o.year}/${o.activityId}/${o.offset} (${o.error ?? "unknown"})`);
    super(`${failed.length} programme reminder(s) could not be sent: ${which.join(", ")}`);
  }
}

interface Owed {
  programme: Programme;
  activity: Activity;
  due: ReminderDue;
}

/** The reminders owed today across every programme year (a deadline of last year's programme may still be ahead). */
function owedOn(programmes: ProgrammeCatalogue, today: string): Owed[] {
  return programmes.all().flatMap((programme) =>
    programme.activities.filter(isDeadline).flatMap((activity) => {
      const due = reminderDue(activity.day, today);
      return due ? [{ programme, activity, due }] : [];
    }),
  );
}

export const runProgrammeReminders =
  (deps: ReminderDependencies) =>
  async (audit: AuditContext): Promise<ReminderRun> => {
    const now = deps.clock.now();
    const today = newYorkDay(now);
    const staleBefore = new Date(now.getTime() - REMINDER_CLAIM_LEASE_MS).toISOString();
    const outcomes: ReminderOutcome[] = [];

    // One at a time: a day owes a handful at most, and SES pacing is then a non-issue.
    for (const { programme, activity, due } of owedOn(deps.programmes, today)) {
      const base = {
        year: programme.year,
        activityId: activity.id,
        offset: due.offset,
        dueBy: activity.day,
        late: due.late,
      };
      const entity = reminderEntity(base);
      const existing = await deps.reminders.get(base);
      if (existing?.status === "sent") {
        outcomes.push({ ...base, result: "already-sent" });
        continue;
      }
      if (existing?.status === "sending" && existing.claimedAt >= staleBefore) {
        outcomes.push({ ...base, result: "in-flight" });
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
        outcomes.push({ ...base, result: "in-flight" });
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
            daysLeft: daysLeft(activity.day, today),
            possiblyResent: existing?.status === "sending",
          }),
          tags: { kind: "programme-reminder", programme: String(programme.year), days: String(due.offset) },
        }));
      } catch (error) {
        await deps.reminders.release(claim, { ...audit, action: "programme.reminder.release", entity });
        outcomes.push({ ...base, result: "failed", error: error instanceof Error ? error.name : "unknown" });
        continue;
      }
      await deps.reminders.markSent(claim, messageId, deps.clock.now().toISOString(), {
        ...audit,
        action: "programme.reminder.sent",
        entity,
        after: { messageId },
      });
      outcomes.push({ ...base, result: "sent" });
    }

    const failed = outcomes.filter((outcome) => outcome.result === "failed");
    if (failed.length) throw new RemindersFailed(failed);
    return { today, outcomes };
  };
