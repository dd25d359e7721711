// The programme of work's timetable as data: the file's shape (events/programme-of-work/<year>.json) and the
// activity as the desk serves it, with its due date resolved from a quarter or month end.
// Schemas built at import are marked pure: a bundle leaves out, and never builds, those it does not use (ADR 0039).
import * as z from "zod";
import { audienceSchema } from "../correspondence/schemas.ts";
import { lazy } from "../lazy.ts";
import { waveValuesSchema } from "../templates/values.ts";
import { waveStatusSchema } from "../waves/schemas.ts";
import { REMINDER_OFFSETS } from "./calendar.ts";

const kebabCase = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const isoDateSchema = /* @__PURE__ */ z.iso.date().describe("A calendar date, YYYY-MM-DD");

/**
 * What an activity is. Annex II names meetings, informal meetings, briefings, correspondence, open briefings and the
 * adoption of the annual review; the other kinds are deliverables read elsewhere (Annex I, the Council's resolutions).
 */
export const activityKindSchema = /* @__PURE__ */ (() =>
  z.enum([
    "meeting",
    "informal-meeting",
    "briefing",
    "open-briefing",
    "correspondence",
    "adoption",
    "deadline",
    "review",
    "report",
    "other",
  ]))();
export type ActivityKind = z.infer<typeof activityKindSchema>;

export const responsibleBodySchema = /* @__PURE__ */ (() =>
  z.enum(["committee", "chair", "working-groups", "group-of-experts"]))();
export type ResponsibleBody = z.infer<typeof responsibleBodySchema>;

/**
 * How far the desk got in reading a date: `annex` (read in the programme's Annex II itself), `programme` (read in its
 * Annex I, the programme's text), `mandate` (set by a Council resolution, read in a stored copy), `record` (a
 * published record says it happened that day), `inference` (reasoned from the above, not read anywhere).
 */
export const sourceBasisSchema = /* @__PURE__ */ (() =>
  z.enum(["annex", "programme", "mandate", "record", "inference"]))();
export type SourceBasis = z.infer<typeof sourceBasisSchema>;

export const activitySourceSchema = /* @__PURE__ */ z
  .strictObject({
    basis: sourceBasisSchema,
    document: z.string().trim().min(1).describe("What was read, e.g. a resolution as reported in a press release"),
    url: z.url().optional(),
    locator: z.string().trim().min(1).describe("Where in it: paragraph, line or page"),
    line: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe("The line of the stored text it was read on (required when basis is annex or programme)"),
    retrievedOn: isoDateSchema.optional(),
  })
  .meta({ id: "ProgrammeActivitySource" });

export const monthSchema = /* @__PURE__ */ z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month, e.g. 2023-10");

/** The day a published record says an activity planned for a month took place; the annex's month stays beside it. */
export const heldSchema = /* @__PURE__ */ z
  .strictObject({
    date: isoDateSchema,
    sources: z.array(activitySourceSchema).min(1).describe("The records that date it"),
  })
  .meta({ id: "ProgrammeActivityHeld" });

/**
 * The programme letter a correspondence item is sent as: the wave key of its schedule in events/programme.json (the
 * year's wave is <waveKey>-<year>) and its template; `manual` when no schedule sends it and staff create the wave.
 */
export const letterLinkSchema = /* @__PURE__ */ z
  .strictObject({
    waveKey: z
      .string()
      .regex(kebabCase, "must be kebab-case, e.g. first-report-request")
      .max(59)
      .describe("The programme letter's key"),
    templateId: z.string().min(1).max(80),
    manual: z.boolean().optional().describe("No schedule sends it: staff create the wave (POST /waves) as required"),
    values: waveValuesSchema
      .optional()
      .describe(
        "This year's values of its letters (e.g. the open briefing's date, time and venue), laid key by key over its " +
          "schedule's when the schedule fires; a wave already made keeps its values. Not on a manual letter",
      ),
  })
  .meta({ id: "ProgrammeLetterLink" });
export type LetterLink = z.infer<typeof letterLinkSchema>;

/** One scheduled letter's values for its year, as GET and PUT /programme/{year}/activities/{id}/letters/{key}/values
 * serve them; their ETag is theirs alone (letter-values.ts), so writing one letter never conflicts with another. */
export const programmeLetterValuesSchema = /* @__PURE__ */ z
  .object({
    year: z.number().int(),
    activityId: z.string().describe("The correspondence item the letter is sent for"),
    waveKey: z.string(),
    templateId: z.string(),
    // {} when the year gives none; laid over the schedule's values when it fires.
    values: waveValuesSchema,
  })
  .meta({ id: "ProgrammeLetterValues" });
export type ProgrammeLetterValues = z.infer<typeof programmeLetterValuesSchema>;

/** A wave a letter went out as (or will): enough to follow it to GET /waves/{id}. */
export const letterWaveSchema = /* @__PURE__ */ z
  .object({
    id: z.string(),
    status: waveStatusSchema,
    sendAt: z.string().describe("Local send time in the wave's zone"),
    timeZone: z.string(),
    description: z
      .string()
      .optional()
      .describe("The wave's description: a programme letter's wave its schedule made a draft says why it was not sent"),
  })
  .meta({ id: "ProgrammeLetterWave" });
export type LetterWave = z.infer<typeof letterWaveSchema>;

/**
 * The schedule that sends a scheduled letter: to whom, and its EventBridge Scheduler expression in its zone, whose
 * first firing in the item's days makes the year's wave (shared/schedules/send-day.ts reads it).
 */
export const letterScheduleSchema = /* @__PURE__ */ z
  .object({
    id: z.string().describe("The schedule's id in events/programme.json"),
    audience: audienceSchema,
    expression: z.string().describe("Its EventBridge Scheduler expression, e.g. cron(0 9 ? 3 3#2 *)"),
    timeZone: z.string().describe("The IANA zone the expression is read in"),
  })
  .meta({ id: "ProgrammeLetterSchedule" });
export type LetterSchedule = z.infer<typeof letterScheduleSchema>;

/** A letter as served: its link, and its waves once made (a scheduled letter's once its schedule fired). */
export const servedLetterSchema = /* @__PURE__ */ z
  .object({
    waveKey: z.string(),
    templateId: z.string(),
    manual: z.boolean().optional(),
    values: waveValuesSchema.optional().describe("This year's values of its letters, over its schedule's"),
    waves: z
      .array(letterWaveSchema)
      .optional()
      .describe("The year's wave <waveKey>-<year> once fired; for a manual letter, the waves made from its template"),
    schedule: letterScheduleSchema
      .optional()
      .describe(
        "The schedule in events/programme.json that sends it; none on a manual letter, or one no schedule sends",
      ),
  })
  .meta({ id: "ProgrammeLetter" });

// The file's shapes (the due date as written, the activity and the file) are built on first use: only validating the
// bundled files needs them, once per process, when the programme is first read.

/** A due date as the programme writes it: a day, the end of a quarter (`2023-Q3`) or of a month (`2023-10`). */
export const writtenDueBySchema = /* @__PURE__ */ lazy(() =>
  z.union([
    isoDateSchema,
    z.strictObject({ quarterEnd: z.string().regex(/^\d{4}-Q[1-4]$/, "must be a quarter, e.g. 2023-Q3") }),
    z.strictObject({ monthEnd: monthSchema }),
  ]),
);
export type WrittenDueBy = z.infer<ReturnType<typeof writtenDueBySchema>>;

const activityFields = /* @__PURE__ */ (() => ({
  id: z.string().regex(kebabCase, "must be kebab-case, e.g. annual-review"),
  kind: activityKindSchema,
  title: z.string().trim().min(1),
  agendaItems: z.array(z.string().trim().min(1)).describe("The agenda items the programme lists for it"),
  responsible: z.array(responsibleBodySchema).min(1).describe("Who carries it out"),
  source: activitySourceSchema,
  verified: z.boolean().describe("Read in the programme's Annex II itself; false: only inferred or read elsewhere"),
  note: z.string().trim().min(1).optional().describe("Why it is not verified, and what is uncertain"),
  annexText: z.string().trim().min(1).optional().describe("The Annex II line as written (links dropped)"),
  held: heldSchema.optional(),
  letters: z.array(letterLinkSchema).optional().describe("Correspondence only: the letters it is sent as"),
  recurring: z
    .boolean()
    .optional()
    .describe("false: a one-off, left out when the programme is rolled forward to a later year (default true)"),
  oneOffAgendaItems: z
    .array(z.string().trim().min(1))
    .optional()
    .describe("Agenda items of this year only (a task the programme dates once): a later year's draft leaves them out"),
  recurringTitle: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe("The title a later year's draft takes, where this one names what its one-off agenda items do"),
}))();

export const activityFileSchema = /* @__PURE__ */ lazy(() =>
  z
    .strictObject({
      ...activityFields,
      agendaItems: activityFields.agendaItems.default([]),
      date: isoDateSchema.optional().describe("The day it takes place"),
      dueBy: writtenDueBySchema()
        .optional()
        .describe("The day it is due by, or the quarter or month it is due by the end of"),
      month: monthSchema.optional().describe("The month it is planned for, when the programme gives no day"),
    })
    .superRefine((activity, ctx) => {
      const timings = [activity.date, activity.dueBy, activity.month].filter((timing) => timing !== undefined);
      if (timings.length !== 1) {
        ctx.addIssue({ code: "custom", path: ["date"], message: "give exactly one of date, dueBy and month" });
      }
      if (activity.held && activity.month === undefined) {
        ctx.addIssue({ code: "custom", path: ["held"], message: "held dates an activity planned for a month" });
      }
      activity.oneOffAgendaItems?.forEach((item, at) => {
        if (!activity.agendaItems.includes(item)) {
          ctx.addIssue({ code: "custom", path: ["oneOffAgendaItems", at], message: "must be one of its agendaItems" });
        }
      });
      if (activity.letters && activity.kind !== "correspondence") {
        ctx.addIssue({ code: "custom", path: ["letters"], message: "only correspondence is sent as letters" });
      }
      activity.letters?.forEach((letter, at) => {
        if (letter.manual && letter.values) {
          ctx.addIssue({
            code: "custom",
            path: ["letters", at, "values"],
            message:
              "a manual letter has no schedule to give values to: give them on the wave staff make (POST /waves)",
          });
        }
      });
      const { basis, line } = activity.source;
      if ((basis === "annex" || basis === "programme") && line === undefined) {
        ctx.addIssue({ code: "custom", path: ["source", "line"], message: `a ${basis} source names its line` });
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

export const programmeSourceSchema = /* @__PURE__ */ z
  .strictObject({
    document: z.string().trim().min(1).describe("The programme of work this timetable comes from"),
    symbol: z.string().trim().min(1).optional().describe("Its Security Council document symbol, once known"),
    url: z.url().optional(),
    retrievedOn: isoDateSchema.optional(),
    annexRead: z.boolean().describe("Whether Annex II itself was read; false: compiled from other sources"),
    note: z.string().trim().min(1).optional(),
  })
  .meta({ id: "ProgrammeSource" });

export const programmeStatusSchema = /* @__PURE__ */ z
  .enum(["draft", "adopted"])
  .describe("`adopted`: the Committee's programme; `draft`: entered or rolled forward, not yet adopted");
export type ProgrammeStatus = z.infer<typeof programmeStatusSchema>;

export const programmePeriodSchema = /* @__PURE__ */ (() =>
  z.strictObject({ from: isoDateSchema, to: isoDateSchema }))();

export const programmeFileSchema = /* @__PURE__ */ lazy(() =>
  z
    .strictObject({
      year: z.number().int().min(2004).max(2100).describe("The year the programme's period starts in"),
      title: z.string().trim().min(1),
      period: programmePeriodSchema,
      source: programmeSourceSchema,
      activities: z.array(activityFileSchema()).min(1),
    })
    .meta({ id: "ProgrammeFile" }),
);
export type ProgrammeFile = z.infer<ReturnType<typeof programmeFileSchema>>;

/** An activity as served: `day` is its date, or its due date resolved to a day. */
export const activitySchema = /* @__PURE__ */ z
  .object({
    ...activityFields,
    timing: z
      .enum(["on", "by", "in"])
      .describe("`on`: it takes place on `day`; `by`: it is due by `day`; `in`: some day from `day` to `lastDay`"),
    day: isoDateSchema.describe("The day, or the first day of the month it is planned for"),
    lastDay: isoDateSchema.describe("`day`, or the last day of the month it is planned for"),
    plannedMonth: monthSchema.optional().describe("The month the programme plans it for (Annex II)"),
    dueByAsWritten: z.string().optional().describe("The quarter or month end the programme gives, e.g. 2023-Q3"),
    letters: z.array(servedLetterSchema).optional().describe("Correspondence only: the letters it is sent as"),
  })
  .meta({ id: "ProgrammeActivity" });
export type Activity = z.infer<typeof activitySchema>;

export const programmeSchema = /* @__PURE__ */ z
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
export const scheduledActivitySchema = /* @__PURE__ */ activitySchema
  .extend({
    daysLeft: z.number().int().describe("New York calendar days from today to `day`; negative once past"),
    status: z
      .enum(["past", "today", "this-month", "upcoming"])
      .describe("`this-month`: planned for the month today is in, day not fixed"),
  })
  .meta({ id: "ScheduledActivity" });
export type ScheduledActivity = z.infer<typeof scheduledActivitySchema>;

/** How many upcoming activities `dueNext` lists when the query does not say. */
export const DEFAULT_DUE_NEXT = 5;

/**
 * GET /programme's query. A bad one is a malformed request (400 at its path), a day that is not one or a range that
 * runs backwards included: the view trusts `from` not after `to`.
 */
export const programmeQuerySchema = /* @__PURE__ */ (() => {
  const wholeNumber = z.string().regex(/^\d+$/, "must be a whole number").transform(Number);
  const day = z.iso.date({ error: "is not a calendar date (YYYY-MM-DD)" });
  return z
    .strictObject({
      year: wholeNumber
        .optional()
        .describe("The programme year (its period starts in February of it); default: the one today falls in"),
      from: day.optional().describe("Only activities on or after this day (YYYY-MM-DD)"),
      to: day.optional().describe("Only activities on or before this day (YYYY-MM-DD)"),
      next: wholeNumber
        .pipe(z.number().int().min(1).max(50))
        .optional()
        .describe(`How many upcoming activities dueNext lists, 1 to 50 (default ${DEFAULT_DUE_NEXT})`),
    })
    .superRefine(({ from, to }, context) => {
      if (from && to && from > to) context.addIssue({ code: "custom", path: ["from"], message: `is after to (${to})` });
    });
})();

export const programmeViewSchema = /* @__PURE__ */ programmeSchema
  .omit({ activities: true })
  .extend({
    status: programmeStatusSchema,
    stored: z.boolean().describe("false: a draft rolled forward now; PUT or adopt it to store it"),
    rolledFrom: z.number().int().optional().describe("The adopted year a draft was rolled forward from"),
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
export const reminderClaimSchema = /* @__PURE__ */ (() =>
  z.object({
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
  }))();
export type ReminderClaim = z.infer<typeof reminderClaimSchema>;

/** A programme year as stored: the file as the secretariat gave it, its status and when it last changed. */
export interface ProgrammeRecord {
  file: ProgrammeFile;
  status: ProgrammeStatus;
  updatedAt: string;
  /** The adopted year a draft was rolled forward from. */
  rolledFrom?: number;
  /** Written by the seed from the bundled file and by no one since: the next seed brings it up to date. */
  seeded?: true;
}

export const programmeYearSummarySchema = /* @__PURE__ */ z
  .object({
    year: z.number().int(),
    title: z.string(),
    period: programmePeriodSchema,
    status: programmeStatusSchema,
    stored: z.boolean().describe("false: a draft rolled forward now, not stored until it is put or adopted"),
    rolledFrom: z.number().int().optional().describe("The adopted year a draft was rolled forward from"),
    activities: z.number().int().describe("How many activities it has"),
    updatedAt: z.iso.datetime().optional(),
  })
  .meta({ id: "ProgrammeYearSummary" });
export type ProgrammeYearSummary = z.infer<typeof programmeYearSummarySchema>;

export const programmeYearsSchema = /* @__PURE__ */ z
  .object({
    currentYear: z.number().int().describe("The programme year today (New York) falls in: February to January"),
    years: z.array(programmeYearSummarySchema).describe("Every stored year, and the current one, ascending"),
  })
  .meta({ id: "ProgrammeYears" });
