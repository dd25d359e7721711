// The shapes of a correspondence wave: what staff give to create one, and the wave as stored and answered.
// Schemas built at import are marked pure: a bundle leaves out, and never builds, those it does not use (ADR 0039).
import * as z from "zod";
import { emailSchema } from "../contacts/schemas.ts";
import { audienceSchema, waveIdSchema } from "../correspondence/schemas.ts";
import { freeText, oneLine } from "../http/body-text.ts";
import { unLanguageSchema } from "../registry/schemas.ts";
import { isValidTimeZone } from "../schedules/schema.ts";
import { waveValuesSchema } from "../templates/values.ts";

export const waveStatusSchema = /* @__PURE__ */ z
  .enum(["draft", "scheduled", "dispatching", "completed", "cancelled", "halted"])
  .describe(
    "draft -> scheduled -> dispatching -> completed; cancelled (from draft or scheduled); halted (while dispatching)",
  );
export type WaveStatus = z.infer<typeof waveStatusSchema>;

/** A wall-clock time without offset: the zone says which instant it is (EventBridge Scheduler's at() takes the same). */
export const localDateTimeSchema = /* @__PURE__ */ z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "must be a local date-time YYYY-MM-DDTHH:mm, without offset")
  .describe("Local date-time in the wave's time zone, e.g. 2027-03-15T09:00");

export const timeZoneSchema = /* @__PURE__ */ z
  .string()
  .refine(isValidTimeZone, "must be an IANA time zone name, e.g. America/New_York")
  .describe("IANA time zone of sendAt");

export const newWaveSchema = /* @__PURE__ */ z
  .strictObject({
    templateId: z.string().min(1).max(80).describe("An existing template"),
    audience: audienceSchema,
    sendAt: localDateTimeSchema,
    timeZone: timeZoneSchema,
    notAfter: z.iso.datetime().describe("No letter leaves after this instant; must be after sendAt"),
    deadline: z.iso
      .date("must be a date yyyy-mm-dd, e.g. 2027-06-08: each letter writes it in its own language")
      .optional()
      .describe("{{deadline|date}}: the date an answer is asked by; required when the template uses it"),
    chair: oneLine(z.string().trim().min(1).max(200))
      .optional()
      .describe(
        "Overrides the Chair's name the letters are signed with (and {{committee.chair}}), e.g. an acting Chair; " +
          "by default the Chair configured for the letter's date (shared/templates/committee-chairs.json)",
      ),
    values: waveValuesSchema.optional(),
    description: freeText(z.string().trim().max(500)).optional(),
    restOf: waveIdSchema
      .optional()
      .describe(
        "A halted wave this one writes the rest of, or a completed rest of one (whose chain's letters bounced or " +
          "failed after the rests left their owners out): same template and audience (422 otherwise), less every " +
          "State or organization a wave of the chain wrote to (a letter sent, delivered, reported as spam, still " +
          "sending, unknown, or sent again and waiting), each of whose addresses is skipped as written-by-halted-wave",
      ),
  })
  .meta({ id: "NewWave" });
export type NewWave = z.infer<typeof newWaveSchema>;

export const waveSchema = /* @__PURE__ */ z
  .object({
    id: waveIdSchema,
    templateId: z.string(),
    audience: audienceSchema,
    sendAt: z.string(),
    timeZone: z.string(),
    sendInstant: z.iso.datetime().describe("sendAt in timeZone, as a UTC instant"),
    notAfter: z.iso.datetime(),
    deadline: z
      .string()
      .optional()
      .describe("yyyy-mm-dd; a wave created before deadlines were dates may hold free text, sent as written"),
    chair: z.string().optional(),
    values: waveValuesSchema.optional(),
    description: z.string().optional(),
    restOf: waveIdSchema
      .optional()
      .describe(
        "The halted wave, or completed rest of one, this one writes the rest of: those its chain wrote to are left " +
          "out (written-by-halted-wave)",
      ),
    status: waveStatusSchema,
    haltReason: z
      .string()
      .optional()
      .describe(
        "Why the wave halted itself: its hard-bounce rate passed the threshold, or its template's letters changed " +
          "after it was scheduled (then nothing was sent)",
      ),
    letterDigest: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional()
      .describe(
        "sha256 of what the template's letters said when the wave was scheduled (each language's subject, text and " +
          "HTML, the languages present, the fallback): dispatch halts the wave, sending nothing, when the template's " +
          "letters no longer match it, and a test copy is refused. Absent on waves scheduled before it was kept",
      ),
    scheduleName: z
      .string()
      .optional()
      .describe("The wave's one-time EventBridge Scheduler schedule (wave-<id>), set when it was scheduled"),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "Wave" });
export type Wave = z.infer<typeof waveSchema>;

export const waveTestRequestSchema = /* @__PURE__ */ z
  .strictObject({
    to: emailSchema.describe("The staff address the one test copy goes to"),
    contactId: z
      .string()
      .min(1)
      .max(80)
      .optional()
      .describe("A recipient of the wave to render the letter for; by default the first its audience resolves to"),
  })
  .meta({ id: "WaveTestRequest" });
export type WaveTestRequest = z.infer<typeof waveTestRequestSchema>;

export const waveTestResultSchema = /* @__PURE__ */ z
  .object({
    waveId: waveIdSchema,
    contactId: z.string().describe("The recipient the letter was rendered for"),
    owner: z.string().describe("STATE:<iso3> or ORG:<id>"),
    to: z.string().describe("Where the test copy went"),
    language: unLanguageSchema.describe("The variant rendered: the recipient's language, or the fallback"),
    fellBack: z.boolean(),
    subject: z.string().describe("The subject as sent, with its [TEST] prefix"),
    sesMessageId: z.string(),
  })
  .meta({ id: "WaveTestSent" });
export type WaveTestResult = z.infer<typeof waveTestResultSchema>;
