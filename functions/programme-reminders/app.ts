// The programme-reminders Lambda as a function of its dependencies: check the scheduler's input, run the use case.
import type { Logger } from "@aws-lambda-powertools/logger";
import * as z from "zod";
import { systemActor } from "#shared/auth/actor.ts";
import { Invalid } from "#shared/errors.ts";
import { type ReminderDependencies, type ReminderRun, runProgrammeReminders } from "#shared/programme/reminders.ts";

/** What the daily schedule passes (`input` in events/programme.json): nothing. */
export const reminderEventSchema = z.strictObject({});

export function createProgrammeRemindersHandler(deps: ReminderDependencies & { logger: Pick<Logger, "info"> }) {
  const run = runProgrammeReminders(deps);
  return async (event: unknown): Promise<ReminderRun> => {
    const parsed = reminderEventSchema.safeParse(event ?? {});
    if (!parsed.success) {
      throw new Invalid(
        "The schedule's input is not valid",
        parsed.error.issues.map((issue) => ({ path: issue.path.join(".") || "input", message: issue.message })),
      );
    }
    const result = await run({ actor: systemActor("programme-reminders") });
    // Ids, days and counts only: the recipient's address never reaches a log.
    deps.logger.info("programme reminders", {
      today: result.today,
      programme: result.programme,
      nextProgramme: result.nextProgramme,
      sent: result.outcomes.filter((outcome) => outcome.result === "sent").length,
      outcomes: result.outcomes,
      lettersNotSent: result.lettersNotSent.map(({ wave }) => wave.id),
      next: result.next.map(({ activityId, day, reminderDays }) => ({ activityId, day, reminderDays })),
    });
    return result;
  };
}
