// The programme of work's timetable as data: the file's shape (events/programme-of-work/<year>.json) and the
// activity as the desk serves it, with its due date resolved from a quarter or month end.
import * as z from "zod";
import { lazy } from "../lazy.ts";
import { REMINDER_OFFSETS } from "./calendar.ts";

const kebabCase = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const isoDateSchema = z.iso.date().describe("A calendar date, YYYY-MM-DD");

export const activityKindSchema = z.enum(["meeting", "deadline", "briefing", "review", "report", "other"]);
export type ActivityKind = z.infer<typeof activityKindSchema>;

export const responsibleBodySchema = z.enum(["committee", "chair", "working-groups", "group-of-experts"]);
export type ResponsibleBody = z.infer<typeof responsibleBodySchema>;

/**
 * How far the desk got in reading a date: `annex` (read in the programme's Annex II itself), `mandate` (set by a
 * Council resolution, read in a stored copy), `record` (a published record says it happened that day),
 * `inference` (reasoned from the above, not read anywhere).
 */
export const sourceBasisSchema = z.enum(["annex", "mandate", "record", "inference"]);
export type SourceBasis = z.infer<typeof sourceBasisSchema>;

export const activitySourceSchema = z
  .strictObject({
    basis: sourceBasisSchema,
    document: z.string().trim().min(1).describe("What was read, e.g. a resolution as reported in a press release"),
    url: z.url().optional(),
    locator: z.string().trim().min(1).describe("Where in it: paragraph, line or page"),
    retrievedOn: isoDateSchema.optional(),
  })
  .meta({ id: "ProgrammeActivitySource" });

// The file's shapes (the due date as written, the activity and the file) are built on first use: only validating the
// bundled files needs them, once per process, when the programme is first read.

/** A due date as the programme writes it: a day, the end of a quarter (`2023-Q3`) or of a month (`2023-10`). */
export const writtenDueBySchema = lazy(() =>
  z.union([
    isoDateSchema,
    z.strictObject({ quarterEnd: z.string().regex(/^\d{4}-Q[1-4]$/, "must be a quarter, e.g. 2023-Q3") }),
    z.strictObject({ monthEnd: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month, e.g. 2023-10") }),
  ]),
);
export type WrittenDueBy = z.infer<ReturnType<typeof writtenDueBySchema>>;

const activityFields = {
  id: z.string().regex(kebabCase, "must be kebab-case, e.g. annual-review"),
  kind: activityKindSchema,
  title: z.string().trim().min(1),
  agendaItems: z.array(z.string().trim().min(1)).describe("The agenda items the programme lists for it"),
  responsible: z.array(responsibleBodySchema).min(1).describe("Who carries it out"),
  source: activitySourceSchema,
  verified: z.boolean().describe("Read in the programme's Annex II itself; false: only inferred or read elsewhere"),
  note: z.string().trim().min(1).optional().describe("Why it is not verified, and what is uncertain"),
};

export const activityFileSchema = lazy(() =>
  z
    .strictObject({
      ...activityFields,
      agendaItems: activityFields.agendaItems.default([]),
      date: isoDateSchema.optional().describe("The day it takes place"),
      dueBy: writtenDueBySchema()
        .optional()
        .describe("The day it is due by, or the quarter or month it is due by the end of"),
    })
    .superRefine((activity, ctx) => {
      if ((activity.date === undefined) === (activity.dueBy === undefined)) {
        ctx.addIssue({ code: "custom", path: ["date"], message: "give exactly one of date and dueBy" });
      }
      if (!activity.verified && !activity.note) {
        ctx.addIssue({ code: "custom", path: ["note"], message: "an unverified activity must say why in a note" });
      }
      if (activity.verified !== (activity.source.basis === "annex")) {
        ctx.addIssue({
          code: "custom",
          path: ["verified"],
          message: "verified means read in the annex: it must be true exactly when source.basis is annex",
        });
      }
    }),
);
export type ActivityFile = z.infer<ReturnType<typeof activityFileSchema>>;

export const programmeSourceSchema = z
  .strictObject({
    document: z.string().trim().min(1).describe("The programme of work this timetable comes from"),
    symbol: z.string().trim().min(1).optional().describe("Its Security Council document symbol, once known"),
    url: z.url().optional(),
    retrievedOn: isoDateSchema.optional(),
    annexRead: z.boolean().describe("Whether Annex II itself was read; false: compiled from other sources"),
    note: z.string().trim().min(1).optional(),
  })
  .meta({ id: "ProgrammeSource" });

export const programmePeriodSchema = z.strictObject({ from: isoDateSchema, to: isoDateSchema });

export const programmeFileSchema = lazy(() =>
  z.strictObject({
    year: z.number().int().min(2004).max(2100).describe("The year the programme's period starts in"),
    title: z.string().trim().min(1),
    period: programmePeriodSchema,
    source: programmeSourceSchema,
    activities: z.array(activityFileSchema()).min(1),
  }),
);
export type ProgrammeFile = z.infer<ReturnType<typeof programmeFileSchema>>;

/** An activity as served: `day` is its date, or its due date resolved to a day. */
export const activitySchema = z
  .object({
    ...activityFields,
    timing: z.enum(["on", "by"]).describe("`on`: it takes place on `day`; `by`: it is due by `day`"),
    day: isoDateSchema,
    dueByAsWritten: z.string().optional().describe("The quarter or month end the programme gives, e.g. 2023-Q3"),
  })
  .meta({ id: "ProgrammeActivity" });
export type Activity = z.infer<typeof activitySchema>;

export const programmeSchema = z
  .object({
    year: z.number().int(),
    title: z.string(),
    period: programmePeriodSchema,
    source: programmeSourceSchema,
    activities: z.array(activitySchema).describe("In date order"),
  })
  .meta({ id: "Programme" });
export type Programme = z.infer<typeof programmeSchema>;

/** An activity seen from a day: how many New York calendar days are left, and whether it is past. */
export const scheduledActivitySchema = activitySchema
  .extend({
    daysLeft: z.number().int().describe("New York calendar days from today to `day`; negative once past"),
    status: z.enum(["past", "today", "upcoming"]),
  })
  .meta({ id: "ScheduledActivity" });
export type ScheduledActivity = z.infer<typeof scheduledActivitySchema>;

export const programmeViewSchema = programmeSchema
  .omit({ activities: true })
  .extend({
    today: isoDateSchema.describe("Today in the programme's time zone"),
    timeZone: z.string().describe("The programme's days are this zone's calendar days (America/New_York)"),
    years: z.array(z.number().int()).describe("Every programme year the desk has"),
    from: isoDateSchema.optional().describe("Only activities on or after this day"),
    to: isoDateSchema.optional().describe("Only activities on or before this day"),
    activities: z.array(scheduledActivitySchema).describe("Every activity in the range, in date order"),
    dueNext: z.array(scheduledActivitySchema).describe("The next activities on or after today, soonest first"),
  })
  .meta({ id: "ProgrammeView" });
export type ProgrammeView = z.infer<typeof programmeViewSchema>;

/**
 * One reminder e-mail's claim: written before the mail is sent, so a retried or concurrent run never sends it twice.
 * `sending` while a run holds it, `sent` once SES took it, `released` when the send failed (the next run may claim).
 */
export const reminderClaimSchema = z.object({
  year: z.number().int(),
  activityId: z.string(),
  offset: z.literal([...REMINDER_OFFSETS]),
  dueBy: isoDateSchema,
  reminderDay: isoDateSchema.describe("The day it was meant to go out"),
  late: z.boolean().describe("Sent after its day, because a run was missed"),
  status: z.enum(["sending", "sent", "released"]),
  claimedAt: z.iso.datetime(),
  messageId: z.string().optional(),
  sentAt: z.iso.datetime().optional(),
});
export type ReminderClaim = z.infer<typeof reminderClaimSchema>;
