// The shapes of letter templates: a kind, one variant per UN language, and a declared fallback language.
// Schemas built at import are marked pure: a bundle leaves out, and never builds, those it does not use (ADR 0039).
import * as z from "zod";
import { freeText } from "../http/body-text.ts";
import { unLanguageSchema } from "../registry/schemas.ts";
import { RESERVED_TEMPLATE_ID, TEMPLATE_ID_MAX_LENGTH, TEMPLATE_ID_WORDS } from "./template-id.ts";

export const letterKindSchema = /* @__PURE__ */ z
  .enum([
    "first-report-request",
    "resolution-2663-letter",
    "point-of-contact-update",
    "provider-offer-update",
    "effective-practices-invitation",
    "open-briefing-invitation",
    "assistance-follow-up",
    "outreach-letter",
    "other",
  ])
  .describe("The letter of the programme of work this template writes");

const REVIEWED =
  "false on a drafted translation nobody at the secretariat has reviewed yet. A PATCH that gives a variant (any of " +
  "its parts, or just {} to approve it as it is) clears the flag for that variant: it is stored reviewed: true " +
  "unless the PATCH itself says reviewed: false. On POST, absent means true.";

export const variantSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      subject: z.string().trim().min(1).max(200).describe("One line; {{name}} placeholders, no list"),
      text: z.string().min(1).max(50_000).describe("The plain-text body, between the Committee's form parts"),
      html: z
        .string()
        .min(1)
        .max(100_000)
        .describe(
          "The HTML body (a fragment: the letter's document, with its lang and dir, is the form's); values are " +
            "HTML-escaped when rendered",
        ),
      reviewed: z.boolean().optional().describe(REVIEWED),
    })
    .meta({ id: "TemplateVariant" }))();
export type TemplateVariant = z.infer<typeof variantSchema>;

export const variantsSchema = /* @__PURE__ */ z
  .strictObject({
    ar: variantSchema.optional(),
    zh: variantSchema.optional(),
    en: variantSchema.optional(),
    fr: variantSchema.optional(),
    ru: variantSchema.optional(),
    es: variantSchema.optional(),
  })
  .describe("One variant per UN language; a language without one gets the fallback");

const variantPatchSchema = /* @__PURE__ */ (() =>
  variantSchema
    .partial()
    .nullable()
    .describe(`The parts to change (merged into the variant), or null to remove the language. ${REVIEWED}`))();

const variantsPatchSchema = /* @__PURE__ */ z
  .strictObject({
    ar: variantPatchSchema.optional(),
    zh: variantPatchSchema.optional(),
    en: variantPatchSchema.optional(),
    fr: variantPatchSchema.optional(),
    ru: variantPatchSchema.optional(),
    es: variantPatchSchema.optional(),
  })
  .describe("Merged language by language into the variants (JSON merge patch); languages not named are kept");
export type VariantsPatch = z.infer<typeof variantsPatchSchema>;

const templateIdSchema = /* @__PURE__ */ z
  .string()
  .regex(TEMPLATE_ID_WORDS, "must be lower-case words joined by hyphens, e.g. first-report-request-2026")
  .max(TEMPLATE_ID_MAX_LENGTH)
  // Spelled out: a template literal of an import is not pure to esbuild, and would keep zod in bundles using no schema.
  .refine((id) => id !== RESERVED_TEMPLATE_ID, "variables is reserved (GET /templates/variables)");

export const newTemplateSchema = /* @__PURE__ */ z
  .strictObject({
    id: templateIdSchema,
    kind: letterKindSchema,
    description: freeText(z.string().trim().max(500)).optional(),
    fallbackLanguage: unLanguageSchema
      .optional()
      .describe("The variant sent to a recipient whose language has none; without it, all six are required"),
    variants: variantsSchema,
  })
  .meta({ id: "NewTemplate" });
export type NewTemplate = z.infer<typeof newTemplateSchema>;

export const templateChangesSchema = /* @__PURE__ */ newTemplateSchema
  .omit({ id: true })
  .partial()
  .extend({
    fallbackLanguage: unLanguageSchema.nullable().optional().describe("null removes the fallback"),
    variants: variantsPatchSchema.optional(),
  })
  .refine((changes) => Object.keys(changes).length > 0, "name at least one field to change")
  .meta({ id: "TemplateChanges" });
export type TemplateChanges = z.infer<typeof templateChangesSchema>;

export const templateSchema = /* @__PURE__ */ z
  .object({
    id: z.string(),
    kind: letterKindSchema,
    description: z.string().optional(),
    fallbackLanguage: unLanguageSchema.optional(),
    variants: variantsSchema,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "Template" });
export type Template = z.infer<typeof templateSchema>;

export const renderedLetterSchema = /* @__PURE__ */ z
  .object({
    language: unLanguageSchema.describe("The variant used"),
    fellBack: z.boolean().describe("true when the recipient's language had no variant"),
    lang: z.string().describe("The BCP 47 tag the letter's HTML declares (lang)"),
    dir: z.enum(["ltr", "rtl"]).describe("The writing direction the letter's HTML declares (dir): rtl for Arabic"),
    subject: z.string(),
    text: z.string(),
    html: z.string(),
  })
  .meta({ id: "RenderedLetter" });
export type RenderedLetter = z.infer<typeof renderedLetterSchema>;
