// The shapes of reporting: what a State owes or is encouraged to do (obligations) and what it sent (submissions).
// Schemas built at import are marked pure: a bundle leaves out, and never builds, those it does not use (ADR 0039).
import * as z from "zod";
import { freeText } from "../http/body-text.ts";
import { unLanguageSchema } from "../registry/schemas.ts";

export const obligationKindSchema = /* @__PURE__ */ z
  .enum([
    "first-report",
    "additional-information",
    "action-plan",
    "point-of-contact",
    "matrix-review",
    "effective-practices",
    "assistance-feedback",
  ])
  .describe("What the State owes (first-report) or is encouraged to do (the others)");
export type ObligationKind = z.infer<typeof obligationKindSchema>;

/** Kinds a submission can fulfil; the point of contact is derived from contacts, never submitted. */
export const submissionKindSchema = /* @__PURE__ */ obligationKindSchema.exclude(["point-of-contact"]);
export type SubmissionKind = z.infer<typeof submissionKindSchema>;

export const obligationStatusSchema = /* @__PURE__ */ z
  .enum(["outstanding", "fulfilled", "not-applicable", "unknown"])
  .describe(
    "outstanding: owed and not received; fulfilled; not-applicable: voluntary and the State has not engaged; " +
      "unknown: derived from data the desk does not hold yet",
  );
export type ObligationStatus = z.infer<typeof obligationStatusSchema>;

export const obligationSchema = /* @__PURE__ */ z
  .object({
    iso3: z.string(),
    kind: obligationKindSchema,
    mandatory: z.boolean(),
    status: obligationStatusSchema,
    submissions: z.number().int().describe("How many submissions of this kind were received"),
    firstReceivedOn: z.iso.date().optional(),
    lastReceivedOn: z.iso.date().optional(),
    revision: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe("How many times the obligation was written; absent until its first write since revisions were kept"),
  })
  .meta({ id: "Obligation" });
export type Obligation = z.infer<typeof obligationSchema>;

/** The date the Security Council adopted resolution 1540 (2004): nothing can have been received before it. */
export const RESOLUTION_ADOPTED_ON = "2004-04-28";

export const documentSymbolSchema = /* @__PURE__ */ z
  .string()
  .trim()
  .min(3)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9/().\-_ ]*$/, "must be a UN document symbol such as S/AC.44/2004/(02)/5")
  .describe(
    "UN document symbol, e.g. S/AC.44/2004/(02)/5; unique across all submissions, and shared with an assistance " +
      "request only of the same State's (ADR 0068)",
  );

const submissionFields = /* @__PURE__ */ (() => ({
  receivedOn: z.iso.date().describe("The day the document was received (YYYY-MM-DD)"),
  symbol: documentSymbolSchema,
  language: unLanguageSchema.describe("The language the document was submitted in"),
  note: freeText(z.string().trim().max(2000)).optional(),
}))();

export const newSubmissionSchema = /* @__PURE__ */ z
  .strictObject({ kind: submissionKindSchema, ...submissionFields })
  .meta({ id: "NewSubmission" });
export type NewSubmission = z.infer<typeof newSubmissionSchema>;

/** A correction: any of the descriptive fields; the kind is fixed once recorded (record a new one instead). */
export const submissionCorrectionSchema = /* @__PURE__ */ z
  .strictObject({
    receivedOn: submissionFields.receivedOn.optional(),
    symbol: submissionFields.symbol.optional(),
    language: submissionFields.language.optional(),
    note: freeText(z.string().trim().max(2000)).nullable().optional().describe("null clears the note"),
  })
  .refine((changes) => Object.keys(changes).length > 0, "name at least one field to correct")
  .meta({ id: "SubmissionCorrection" });
export type SubmissionCorrection = z.infer<typeof submissionCorrectionSchema>;

export const submissionSchema = /* @__PURE__ */ z
  .object({
    id: z.string(),
    iso3: z.string(),
    kind: submissionKindSchema,
    ...submissionFields,
    // As stored: a note recorded before the control-character rule still reads.
    note: z.string().optional(),
    demo: z.boolean().optional().describe("true for demonstration data whose details are not from the public record"),
    recordedAt: z.iso.datetime(),
    recordedBy: z.string(),
    updatedAt: z.iso.datetime(),
    voided: z
      .object({ at: z.iso.datetime(), by: z.string(), reason: z.string() })
      .optional()
      .describe("Set when the submission was voided: it no longer counts, as if it had never been recorded"),
  })
  .meta({ id: "Submission" });
export type Submission = z.infer<typeof submissionSchema>;

/** Why a correction is made: kept on the audit entry and shown on the State's timeline. */
export const correctionReasonSchema = /* @__PURE__ */ (() =>
  freeText(z.string().trim().min(3, "say why, in at least 3 characters").max(500)).describe(
    "Why the correction is made (kept in the audit trail)",
  ))();

export const submissionVoidSchema = /* @__PURE__ */ z
  .strictObject({ reason: correctionReasonSchema })
  .meta({ id: "SubmissionVoid" });
export type SubmissionVoid = z.infer<typeof submissionVoidSchema>;

export const submissionKindCorrectionSchema = /* @__PURE__ */ z
  .strictObject({ kind: submissionKindSchema, reason: correctionReasonSchema })
  .meta({ id: "SubmissionKindCorrection" });
export type SubmissionKindCorrection = z.infer<typeof submissionKindCorrectionSchema>;
