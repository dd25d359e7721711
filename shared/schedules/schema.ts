// The programme's schedules as data: each one names an EventBridge Scheduler expression, a time zone and a target.
// Schemas built at import are marked pure: a bundle leaves out, and never builds, those it does not use (ADR 0039).
import * as z from "zod";
import { parseScheduleExpression, ScheduleExpressionError } from "./aws-cron.ts";

const kebabCase = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A zone name Intl knows, written as an IANA name (EventBridge Scheduler takes names, not offsets). */
export function isValidTimeZone(timeZone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(timeZone)) return false;
  try {
    new Intl.DateTimeFormat(undefined, { timeZone });
    return true;
  } catch {
    return false;
  }
}

export const scheduleSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    id: z.string().regex(kebabCase, "must be kebab-case, e.g. first-reminder-letters"),
    description: z.string().trim().min(1),
    expression: z.string().superRefine((expression, ctx) => {
      try {
        parseScheduleExpression(expression);
      } catch (error) {
        if (!(error instanceof ScheduleExpressionError)) throw error;
        ctx.addIssue({ code: "custom", message: error.message });
      }
    }),
    timezone: z.string().refine(isValidTimeZone, "must be an IANA time zone name, e.g. America/New_York"),
    target: z.string().regex(kebabCase, "must name a function in kebab-case, e.g. dispatch"),
    input: z.record(z.string(), z.json()).optional(),
  }))();

export const programmeSchema = /* @__PURE__ */ z
  .strictObject({
    year: z.number().int().min(2000).max(2100),
    schedules: z.array(scheduleSchema),
  })
  .superRefine((programme, ctx) => {
    const seen = new Set<string>();
    programme.schedules.forEach((schedule, index) => {
      if (seen.has(schedule.id)) {
        ctx.addIssue({
          code: "custom",
          path: ["schedules", index, "id"],
          message: `duplicate schedule id "${schedule.id}"`,
        });
      }
      seen.add(schedule.id);
    });
  });

export type Schedule = z.infer<typeof scheduleSchema>;
export type Programme = z.infer<typeof programmeSchema>;
export type ScheduleInput = NonNullable<Schedule["input"]>;
