// The shapes of international, regional and subregional organizations (IROs) that work with the Committee.
// Schemas built at import are marked pure: a bundle leaves out, and never builds, those it does not use (ADR 0039).
import * as z from "zod";
import { freeText, oneLine } from "../http/body-text.ts";
import { ORGANIZATION_ID } from "./keys.ts";

export const organizationKindSchema = /* @__PURE__ */ z
  .enum(["international", "regional", "subregional"])
  .describe("international (global reach), regional (a continent or region), subregional (part of a region)");
export type OrganizationKind = z.infer<typeof organizationKindSchema>;

/** A stable slug, normally the acronym in lower case: `iaea`, `bwc-isu`. */
export const organizationIdSchema = /* @__PURE__ */ z
  .string()
  .trim()
  .toLowerCase()
  .regex(ORGANIZATION_ID, "must be a slug of lower-case letters, digits and dashes")
  .describe("Stable id: the acronym as a lower-case slug, e.g. iaea, bwc-isu");

/** A route's `{id}` of an organization. */
export const organizationParamsSchema = /* @__PURE__ */ z.strictObject({ id: organizationIdSchema });

const fields = /* @__PURE__ */ (() => ({
  kind: organizationKindSchema,
  name: oneLine(z.string().trim().min(1).max(200)),
  acronym: oneLine(z.string().trim().min(1).max(30)),
  region: oneLine(z.string().trim().min(1).max(100)).describe("Where a regional or subregional organization works"),
  note: freeText(z.string().trim().min(1).max(1000)),
}))();

export const organizationSchema = /* @__PURE__ */ z
  .object({
    id: z.string(),
    kind: fields.kind,
    name: z.string(),
    acronym: z.string(),
    region: z.string().optional(),
    note: z.string().optional().describe("Notes, e.g. where the organization's engagement is not verified"),
    retiredOn: z.iso
      .date()
      .optional()
      .describe("The desk's day it was retired: kept as history, written to and changed no more (absent while active)"),
    retiredBy: z
      .string()
      .optional()
      .describe("Who retired it: the staff member's username, as the timeline names actors (absent without one)"),
    retirementReason: z.string().optional().describe("Why it was retired, as the secretariat recorded it"),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "Organization" });
export type Organization = z.infer<typeof organizationSchema>;

export const newOrganizationSchema = /* @__PURE__ */ z
  .strictObject({
    id: organizationIdSchema.optional().describe("Defaults to the acronym as a slug"),
    kind: fields.kind,
    name: fields.name,
    acronym: fields.acronym,
    region: fields.region.optional(),
    note: fields.note.optional(),
  })
  .meta({ id: "NewOrganization" });
export type NewOrganization = z.infer<typeof newOrganizationSchema>;

/** The id never changes (contacts and letters refer to it); everything else may be corrected. */
export const organizationChangesSchema = /* @__PURE__ */ z
  .strictObject({
    kind: fields.kind.optional(),
    name: fields.name.optional(),
    acronym: fields.acronym.optional(),
    region: fields.region.nullable().optional().describe("null clears the region"),
    note: fields.note.nullable().optional().describe("null clears the note"),
  })
  .refine((changes) => Object.keys(changes).length > 0, "name at least one field to change")
  .meta({ id: "OrganizationChanges" });
export type OrganizationChanges = z.infer<typeof organizationChangesSchema>;

export const organizationRetirementSchema = /* @__PURE__ */ z
  .strictObject({
    reason: freeText(z.string().trim().min(3, "say why, in at least 3 characters").max(500)).describe(
      "Why the organization is retired (recorded twice, dissolved...); kept on it and in the audit trail, and shown " +
        "on its timeline to experts and members too: name no person in it",
    ),
  })
  .meta({ id: "OrganizationRetirement" });
