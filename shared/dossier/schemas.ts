// The shapes of the dossier: a State's and an organization's timeline (every change, by the day it happened, newest
// first) and the audit trail's queries.
// Schemas built at import are marked pure: a bundle leaves out, and never builds, those it does not use (ADR 0039).
import * as z from "zod";
import { auditEntrySchema } from "../audit/audit-entry.ts";
import { organizationTrailKinds, type TrailKind, trailKinds } from "../audit/subject.ts";
import { pageQueryShape } from "../http/pagination-query.ts";

/** Every kind an entry may have, a State's first, in the order the document has always listed them. */
const everyTrailKind = /* @__PURE__ */ (() => [...new Set<TrailKind>([...trailKinds, ...organizationTrailKinds])])();

export const trailKindSchema = /* @__PURE__ */ (() =>
  z.enum(everyTrailKind as [TrailKind, ...TrailKind[]]).describe("A kind of timeline entry"))();

const day = /* @__PURE__ */ (() => z.iso.date())();

/** `from` and `to` are days (New York or UTC alike at this grain: the trail is kept in UTC), both included. */
const periodShape = /* @__PURE__ */ (() => ({
  from: day.optional().describe("The first day (YYYY-MM-DD, UTC) to include"),
  to: day.optional().describe("The last day (YYYY-MM-DD, UTC) to include"),
}))();

/** A timeline's period: the days its events happened on, the desk's (New York's) days, as entries' `on` gives them. */
const timelinePeriodShape = /* @__PURE__ */ (() => ({
  from: day.optional().describe("The first day (YYYY-MM-DD) to include, by the day each event happened (`on`)"),
  to: day.optional().describe("The last day (YYYY-MM-DD) to include, by the day each event happened (`on`)"),
}))();

function checkPeriod(query: { from?: string | undefined; to?: string | undefined }, context: z.RefinementCtx) {
  if (query.from && query.to && query.from > query.to) {
    context.addIssue({ code: "custom", path: ["from"], message: `is after to (${query.to})` });
  }
}

/** `kinds=submission,letter`: a comma-separated list of the kinds the owner's timeline holds; an unknown one names itself. */
function kindsSchemaOf<const Kinds extends readonly TrailKind[]>(kinds: Kinds) {
  return z
    .string()
    .transform((text, context) => {
      const names = text.split(",").map((name) => name.trim());
      const chosen: Kinds[number][] = [];
      for (const name of names) {
        const kind = kinds.find((known) => known === name);
        if (kind) chosen.push(kind);
        else context.addIssue({ code: "custom", message: `${name || "(empty)"} is not one of ${kinds.join(", ")}` });
      }
      return [...new Set(chosen)];
    })
    .describe(`Comma-separated kinds to include: ${kinds.join(", ")} (default: all)`);
}

export const timelineQuerySchema = /* @__PURE__ */ z
  .strictObject({ ...timelinePeriodShape, kinds: kindsSchemaOf(trailKinds).optional(), ...pageQueryShape })
  .superRefine(checkPeriod);
export type TimelineQuery = z.infer<typeof timelineQuerySchema>;

export const organizationTimelineQuerySchema = /* @__PURE__ */ z
  .strictObject({ ...timelinePeriodShape, kinds: kindsSchemaOf(organizationTrailKinds).optional(), ...pageQueryShape })
  .superRefine(checkPeriod);

export const timelineActorSchema = /* @__PURE__ */ z
  .object({ kind: z.enum(["user", "system"]), id: z.string(), username: z.string().optional() })
  .describe("Who did it: a staff member, or the system (a schedule, the send pipeline, a seed)");

export const timelineEntrySchema = /* @__PURE__ */ z
  .object({
    on: day.describe(
      "The day it happened (YYYY-MM-DD), where the record says it: the day a submission, a request or feedback was " +
        "received, the day given for a move, a consent or a match, the day the provider made an offer; for a " +
        "letter, the day it was queued to be sent; else (a contact edited, a correction) the desk's (New York's) " +
        "day it was recorded. The timeline is ordered by it, newest first, then by `at`",
    ),
    at: z.iso
      .datetime()
      .describe(
        "When it was recorded at the desk (UTC; for a letter: when it was queued). An event entered after the " +
          "fact was recorded later than it happened (`on`)",
      ),
    kind: trailKindSchema,
    action: z.string().describe("What was done, e.g. submission.void, contact.deactivate, letter.delivered"),
    source: z
      .object({ type: z.string(), id: z.string() })
      .describe("The record it is about: a submission, contact, assistance request, matrix, message (wave/recipient)"),
    actor: timelineActorSchema,
    auditId: z.string().optional().describe("The audit entry it comes from (GET /states/{iso3}/audit)"),
    correlationId: z
      .string()
      .optional()
      .describe(
        "The request or SES event the write came from: entries of one write share it (a contact's change and the " +
          "point-of-contact obligation it moves)",
      ),
    reason: z.string().optional().describe("The reason given for a correction"),
    before: z.unknown().optional(),
    after: z.unknown().optional(),
  })
  .meta({ id: "TimelineEntry" });
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/** A period's page: a State's or an organization's audit trail, an organization's letters. */
export const periodPageQuerySchema = /* @__PURE__ */ z
  .strictObject({ ...periodShape, ...pageQueryShape })
  .superRefine(checkPeriod);

export const auditQuerySchema = /* @__PURE__ */ z
  .strictObject({
    entity: z
      .string()
      .regex(/^[a-z][a-z-]*:[^\s]+$/, "must be <type>:<id>, e.g. state:MLI or contact:<id>")
      .optional()
      .describe("One entity's entries: <type>:<id>, e.g. state:MLI, contact:<id>, assistance-request:<id>, wave:<id>"),
    actor: z.string().min(1).max(200).optional().describe("One person's (or the system's) entries: the actor's id"),
    ...periodShape,
    ...pageQueryShape,
  })
  .superRefine(checkPeriod);
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditEntryViewSchema = /* @__PURE__ */ auditEntrySchema.meta({ id: "AuditEntry" });
