// The registry's shapes: a Member State, its regional group and its correspondence language.
// Schemas built at import are marked pure: a bundle leaves out, and never builds, those it does not use (ADR 0039).
import * as z from "zod";

/** The UN regional groups, by the slug used in URLs, with the name the UN gives them. */
export const regionalGroups = {
  african: "African",
  "asia-pacific": "Asia-Pacific",
  "eastern-european": "Eastern European",
  grulac: "Latin American and Caribbean",
  weog: "Western European and others",
} as const;

export type RegionSlug = keyof typeof regionalGroups;
export const regionSchema = /* @__PURE__ */ z
  .enum(Object.keys(regionalGroups) as [RegionSlug, ...RegionSlug[]])
  .describe("UN regional group: african, asia-pacific, eastern-european, grulac (Latin American and Caribbean), weog");

/** The six official languages of the United Nations. */
export const unLanguageSchema = /* @__PURE__ */ z
  .enum(["ar", "zh", "en", "fr", "ru", "es"])
  .describe("UN official language");
export type UnLanguage = z.infer<typeof unLanguageSchema>;

export const languageBasisSchema = /* @__PURE__ */ z
  .enum(["official language", "inferred", "confirmed"])
  .describe(
    "official language: an official language of the State; inferred: a best guess; confirmed: set by the secretariat",
  );
export type LanguageBasis = z.infer<typeof languageBasisSchema>;

/** A State is non-reporting until its first national report is received, and reported for ever after. */
export const reportingStatusSchema = /* @__PURE__ */ (() => z.enum(["non-reporting", "reported"]))();
export type ReportingStatus = z.infer<typeof reportingStatusSchema>;

export const iso3Schema = /* @__PURE__ */ z
  .string()
  .regex(/^[A-Za-z]{3}$/, "must be an ISO 3166-1 alpha-3 code (three letters)")
  .transform((code) => code.toUpperCase())
  .describe("ISO 3166-1 alpha-3 code, case-insensitive");

export const stateSchema = /* @__PURE__ */ z
  .object({
    iso3: z.string().regex(/^[A-Z]{3}$/),
    iso2: z.string().regex(/^[A-Z]{2}$/),
    name: z.string().min(1),
    region: regionSchema,
    regionName: z.string(),
    groupNote: z.string().optional().describe("Why the State's group is an edge case, where it is one"),
    language: unLanguageSchema,
    languageBasis: languageBasisSchema,
    reportingStatus: reportingStatusSchema,
    firstReportOn: z.iso.date().optional().describe("When the first national report was received"),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "State" });
export type State = z.infer<typeof stateSchema>;

/** What the secretariat may correct on a State: its correspondence language. Codes, names and groups are data. */
export const stateChangesSchema = /* @__PURE__ */ z
  .object({ language: unLanguageSchema })
  .strict()
  .meta({ id: "StateChanges" });
export type StateChanges = z.infer<typeof stateChangesSchema>;
