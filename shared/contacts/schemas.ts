// The shapes of points of contact: who they belong to (a State or an organization), their role and details.
// Schemas built at import are marked pure: a bundle leaves out, and never builds, those it does not use (ADR 0039).

import * as z from "zod";
import { dayProblem } from "../clock.ts";
import type { FieldIssue } from "../errors.ts";
import { freeText, oneLine } from "../http/body-text.ts";
import { organizationIdSchema } from "../organizations/schemas.ts";
import { unLanguageSchema } from "../registry/schemas.ts";
import { obligationStatusSchema, RESOLUTION_ADOPTED_ON } from "../reporting/schemas.ts";
import { formulaProblem } from "./formula-cells.ts";
import type { Owner } from "./owner.ts";
import { PERSONAL_FIELDS, type PersonalField, SECRETARIAT_ONLY } from "./personal-data.ts";

export const contactRoleSchema = /* @__PURE__ */ z
  .enum(["capital-poc", "mission-poc", "provider-poc", "organization-poc", "permanent-mission"])
  .describe(
    "capital-poc: the State's point of contact in its capital; mission-poc: at its Permanent Mission in New York; " +
      "provider-poc: for assistance offered (a State or an organization); organization-poc: an organization's point of contact; " +
      "permanent-mission: the State's Permanent Mission to the United Nations as an address of record, written to only " +
      "when no 1540 point of contact is reachable (never counted as a point of contact)",
  );
export type ContactRole = z.infer<typeof contactRoleSchema>;

export const emailStatusSchema = /* @__PURE__ */ z
  .enum(["ok", "bounced", "complained", "suppressed"])
  .describe("ok; bounced: hard bounce; complained: the recipient marked a letter as spam; suppressed: on SES's list");
export type EmailStatus = z.infer<typeof emailStatusSchema>;

export type { Owner } from "./owner.ts";

export function parseOwner(text: string): Owner | undefined {
  const match = /^(state|org):(.+)$/i.exec(text.trim());
  if (!match?.[1] || !match[2]) return undefined;
  if (match[1].toLowerCase() === "state") {
    return /^[A-Za-z]{3}$/.test(match[2]) ? { kind: "state", iso3: match[2].toUpperCase() } : undefined;
  }
  const id = organizationIdSchema.safeParse(match[2]);
  return id.success ? { kind: "organization", id: id.data } : undefined;
}

export const ownerText = (owner: Owner) => (owner.kind === "state" ? `STATE:${owner.iso3}` : `ORG:${owner.id}`);

/** Parses an owner that was validated on the way in (a stored item, a parsed request). */
export function ownerOf(text: string): Owner {
  const owner = parseOwner(text);
  if (!owner) throw new Error("A stored contact has an owner that is not STATE:<iso3> or ORG:<id>");
  return owner;
}

export const OWNER_FORMAT = "must be STATE:<ISO 3166-1 alpha-3 code> (STATE:FRA) or ORG:<organization id> (ORG:iaea)";

export const ownerSchema = /* @__PURE__ */ z
  .string()
  .refine((text) => parseOwner(text) !== undefined, OWNER_FORMAT)
  .transform((text) => ownerText(ownerOf(text)))
  .describe("STATE:<iso3> for a Member State, ORG:<id> for an organization, e.g. STATE:FRA, ORG:iaea");

/** Which roles fit which owner: a State has capital and mission PoCs, an organization its own; both can provide. */
export const rolesByOwnerKind: Record<Owner["kind"], readonly ContactRole[]> = {
  state: ["capital-poc", "mission-poc", "provider-poc", "permanent-mission"],
  organization: ["organization-poc", "provider-poc"],
};

export function roleProblem(role: ContactRole, owner: Owner): string | undefined {
  const allowed = rolesByOwnerKind[owner.kind];
  return allowed.includes(role)
    ? undefined
    : `${role} does not fit ${owner.kind === "state" ? "a State" : "an organization"}; use ${allowed.join(" or ")}`;
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** One address, as the desk compares them: case and surrounding spaces aside. */
export const sameEmail = (one: string, other: string) => normalizeEmail(one) === normalizeEmail(other);

/**
 * The contact with this e-mail status, dated `today` when it becomes one other than ok; a status left as it is keeps
 * its day, and ok has none.
 */
export function withEmailStatus(contact: Contact, status: EmailStatus, today: string): Contact {
  const { emailStatusOn: _dropped, ...rest } = contact;
  if (status === "ok") return { ...rest, emailStatus: status };
  if (status === contact.emailStatus) return contact;
  return { ...rest, emailStatus: status, emailStatusOn: today };
}

/** Compared and stored in lower case, so `A@X.org` and `a@x.org` are one address. */
export const emailSchema = /* @__PURE__ */ z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "must be an e-mail address" }).max(254))
  .describe("E-mail address; stored trimmed and in lower case; unique among active contacts");

/**
 * A one-line text of a contact, which letters print as it is: one a spreadsheet would run as a formula is refused
 * (formula-cells.ts), from the API's forms as from an imported file.
 */
const singleLine = (max: number) =>
  oneLine(z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`)).superRefine(
    (text, context) => {
      const problem = formulaProblem(text);
      if (problem) context.addIssue({ code: "custom", message: problem });
    },
  );

export const contactNameSchema = /* @__PURE__ */ (() => singleLine(200))();
export const contactTextSchema = /* @__PURE__ */ (() => singleLine(200))();

export const phoneSchema = /* @__PURE__ */ z
  .string()
  .trim()
  .max(40, "must be at most 40 characters")
  .regex(
    /^\+?[0-9(][0-9 ()./-]*(?:\s*(?:ext\.?|x)\s*[0-9]{1,6})?$/i,
    "must be a telephone number: digits, spaces, + ( ) . / -, optionally ext. 123",
  )
  .refine((phone) => (phone.match(/[0-9]/g) ?? []).length >= 5, "must have at least 5 digits")
  .describe("Telephone number, international format preferred: +41 22 917 1234");

export const contactSchema = /* @__PURE__ */ (() =>
  z.object({
    id: z.string(),
    owner: z.string().describe("STATE:<iso3> or ORG:<id>"),
    role: contactRoleSchema,
    name: z.string(),
    title: z.string().optional(),
    agency: z.string().optional(),
    email: z.string(),
    phone: z.string().optional(),
    language: unLanguageSchema.describe("The UN language the contact prefers for correspondence"),
    ownLanguage: z
      .boolean()
      .optional()
      .describe(
        "true: the language was set for this contact and stays when its State's language is corrected; otherwise it " +
          "is the State's language of record and follows a correction (PATCH /states/{iso3})",
      ),
    designatedOn: z.iso.date().describe("When the State or organization designated this contact"),
    lastVerifiedOn: z.iso.date().describe("When the contact's details were last confirmed; a designation counts"),
    emailStatus: emailStatusSchema,
    emailStatusOn: z.iso
      .date()
      .optional()
      .describe(
        "The desk's day the e-mail status became what it is, when it is not ok (absent for a status recorded before " +
          "the day was kept)",
      ),
    active: z.boolean().describe("false once deactivated: contacts are never deleted"),
    deactivatedOn: z.iso.date().optional(),
    deactivatedBy: z
      .string()
      .optional()
      .describe("Who deactivated it: the staff member's username, as the timeline names actors (absent without one)"),
    deactivationReason: z.string().optional().describe("Why it was deactivated, as the secretariat recorded it"),
    demo: z.boolean().optional().describe("true for demonstration data: fictional people at example.org"),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  }))();
export type Contact = z.infer<typeof contactSchema>;

/** A contact with whether it is stale today: what the secretariat reads, and exports. */
// Built in an arrow: a pure call whose arguments build schemas is kept by esbuild in a bundle that uses none of them.
export const contactViewSchema = /* @__PURE__ */ (() =>
  contactSchema.extend({ stale: z.boolean().describe("Active and not verified for 12 months (relative to today)") }))();
export type ContactView = z.infer<typeof contactViewSchema>;

/** The personal fields as every group reads them: each one the secretariat's alone. */
const personalFieldsAsRead = /* @__PURE__ */ (() =>
  Object.fromEntries(
    PERSONAL_FIELDS.map((field) => [field, z.string().optional().describe(SECRETARIAT_ONLY)]),
  ) as Record<PersonalField, z.ZodOptional<z.ZodString>>)();

/**
 * A contact as the API answers it, to every group: the person's name, title, agency, e-mail and phone are in the
 * secretariat's answers only (its reads, and the writes, which it alone makes).
 */
export const contactAsReadSchema = /* @__PURE__ */ contactViewSchema
  .extend(personalFieldsAsRead)
  .meta({ id: "Contact" });
export type ContactAsRead = z.infer<typeof contactAsReadSchema>;

export const newContactSchema = /* @__PURE__ */ z
  .strictObject({
    owner: ownerSchema,
    role: contactRoleSchema,
    name: contactNameSchema,
    title: contactTextSchema.optional(),
    agency: contactTextSchema.optional(),
    email: emailSchema,
    phone: phoneSchema.optional(),
    language: unLanguageSchema.optional().describe("Defaults to the State's correspondence language, or en"),
    designatedOn: z.iso.date().optional().describe("Defaults to today"),
    lastVerifiedOn: z.iso.date().optional().describe("Defaults to the designation date"),
    emailStatus: emailStatusSchema.optional().describe("Defaults to ok"),
  })
  .meta({ id: "NewContact" });
export type NewContact = z.infer<typeof newContactSchema>;

/** The owner never changes: a contact that moves is deactivated and a new one is created. */
export const contactChangesSchema = /* @__PURE__ */ z
  .strictObject({
    role: contactRoleSchema.optional(),
    name: contactNameSchema.optional(),
    title: contactTextSchema.nullable().optional().describe("null clears it"),
    agency: contactTextSchema.nullable().optional().describe("null clears it"),
    email: emailSchema.optional(),
    phone: phoneSchema.nullable().optional().describe("null clears it"),
    language: unLanguageSchema
      .nullable()
      .optional()
      .describe("The contact's own language; null: follow its State's language of record again"),
    designatedOn: z.iso.date().optional(),
    lastVerifiedOn: z.iso.date().optional(),
    emailStatus: emailStatusSchema
      .optional()
      .describe("Absent: kept, unless the e-mail changes, when the new address starts ok"),
  })
  .refine((changes) => Object.keys(changes).length > 0, "name at least one field to change")
  .meta({ id: "ContactChanges" });
export type ContactChanges = z.infer<typeof contactChangesSchema>;

export const pocViewSchema = /* @__PURE__ */ z
  .enum(["current", "stale", "unreachable", "missing"])
  .describe(
    "current: an active contact with a working address verified within 12 months; stale: active contacts with a " +
      "working address, none verified within 12 months; unreachable: active contacts, none with a working " +
      "address; missing: no active contact",
  );
export type PocView = z.infer<typeof pocViewSchema>;

export const pointOfContactSchema = /* @__PURE__ */ z
  .object({
    iso3: z.string(),
    view: pocViewSchema,
    evaluatedOn: z.iso.date().describe("Today, by the desk's clock: staleness moves with time alone"),
    staleBefore: z.iso.date().describe("A verification before this day is more than 12 months old"),
    activeContacts: z.number().int(),
    reachableContacts: z.number().int().describe("Active, with e-mail status ok"),
    currentContacts: z.number().int().describe("Active, e-mail status ok and verified within 12 months"),
    lastVerifiedOn: z.iso.date().optional().describe("The latest verification among active, reachable contacts"),
    obligation: z
      .object({ status: obligationStatusSchema, view: pocViewSchema.optional() })
      .describe("The stored point-of-contact obligation, as refreshed by the last contact write"),
  })
  .meta({ id: "PointOfContact" });
export type PointOfContact = z.infer<typeof pointOfContactSchema>;

export const importRowResultSchema = /* @__PURE__ */ (() =>
  z.object({
    line: z.number().int(),
    action: z.enum(["create", "update", "unchanged"]),
    owner: z.string(),
    contactId: z.string().optional().describe("Absent for a row a dry run would create"),
    changed: z.array(z.string()).optional().describe("The fields an update changes"),
  }))();

export const importResultSchema = /* @__PURE__ */ z
  .object({
    dryRun: z.boolean(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rows: z.array(importRowResultSchema),
  })
  .meta({ id: "ContactImportResult" });
export type ImportResult = z.infer<typeof importResultSchema>;

type ContactDates = Pick<Contact, "designatedOn" | "lastVerifiedOn">;

/** A date a contact can carry: not before resolution 1540 was adopted, not after today. */
export const dateProblem = (value: string, today: string): string | undefined =>
  dayProblem(value, today, { day: RESOLUTION_ADOPTED_ON, is: "resolution 1540 was adopted" });

/** Both dates possible, and the contact verified no earlier than it was designated. */
export function dateIssues(
  contact: ContactDates,
  today: string,
  pathOf: (field: keyof ContactDates) => string,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const field of ["designatedOn", "lastVerifiedOn"] as const) {
    const problem = dateProblem(contact[field], today);
    if (problem) issues.push({ path: pathOf(field), message: problem });
  }
  if (contact.lastVerifiedOn < contact.designatedOn) {
    issues.push({ path: pathOf("lastVerifiedOn"), message: "is before the designation date" });
  }
  return issues;
}

export const contactDeactivationSchema = /* @__PURE__ */ z
  .strictObject({
    reason: freeText(z.string().trim().min(3, "say why, in at least 3 characters").max(500)).describe(
      "Why the contact is deactivated (left the post, address no longer used...); kept on the contact and in the audit " +
        "trail, and shown on the State's timeline to experts and members too: name no person in it",
    ),
  })
  .meta({ id: "ContactDeactivation" });
