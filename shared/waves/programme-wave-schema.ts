// What a programme schedule in events/programme.json gives wave-dispatch: the letter's key, template, audience and
// values. On its own, without the firing's code, so that what reads the schedules (the programme's view) stays light.
// Marked pure: a bundle that uses neither schema builds neither (ADR 0039).
import * as z from "zod";
import { audienceSchema } from "../correspondence/schemas.ts";
import { type WaveValues, waveValuesSchema } from "../templates/values.ts";

const YEAR_SUFFIX = "-2026".length;

export const programmeWaveSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      key: z
        .string()
        .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be kebab-case, e.g. first-report-request")
        .max(64 - YEAR_SUFFIX)
        .describe("The letter's name in the programme; the year's wave is <key>-<year>"),
      templateId: z.string().min(1).max(80).describe("The template, normally programme-<letter kind>"),
      audience: audienceSchema,
      notAfterHours: z
        .number()
        .int()
        .min(1)
        .max(24 * 31)
        .describe("No letter leaves later than this many hours after the schedule fired"),
      deadlineDays: z
        .number()
        .int()
        .min(1)
        .max(366)
        .optional()
        .describe("{{deadline|date}}: the firing date in the schedule's zone plus this many days (a yyyy-mm-dd date)"),
      values: waveValuesSchema
        .optional()
        .describe("The letters' other values, e.g. the open briefing's date, time and venue for its invitation"),
    })
    .meta({ id: "ProgrammeWave" }))();
export type ProgrammeWave = z.infer<typeof programmeWaveSchema>;

/** The input of a programme schedule whose target is wave-dispatch. */
export const programmeWaveInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({ programmeWave: programmeWaveSchema }))();

/**
 * The schedule's input with a year's own values for its letter laid over its values, key by key: a year that gives
 * `briefing.date` wins over the schedule's, and what it leaves out stays the schedule's. The firing (from the stored
 * year), the reminder run's readiness check (from the year it reads) and a year's write (its values checked) all lay
 * them through this, so the warning, the refusal and the firing agree.
 */
export const withOwnValues = (input: ProgrammeWave, own: WaveValues | undefined): ProgrammeWave =>
  own ? { ...input, values: { ...input.values, ...own } } : input;
