// The shapes of the assistance mechanism: requests from States, offers from providers, matches, feedback, reports.
// Schemas built at import are marked pure: a bundle leaves out, and never builds, those it does not use (ADR 0039).
import * as z from "zod";
import { actorSchema } from "../auth/actor.ts";
import { freeText } from "../http/body-text.ts";
import { ORGANIZATION_ID } from "../organizations/keys.ts";
import { iso3Schema } from "../registry/schemas.ts";
import { correctionReasonSchema, documentSymbolSchema, RESOLUTION_ADOPTED_ON } from "../reporting/schemas.ts";

export const assistanceAreas = [
  "legislation",
  "national-reporting",
  "export-and-licensing",
  "customs-and-border",
  "physical-protection",
  "accounting-of-materials",
  "biosafety-biosecurity",
  "chemical-security",
  "nuclear-security",
  "proliferation-finance",
  "enforcement",
  "laboratories",
  "other",
] as const;

export const assistanceAreaSchema = /* @__PURE__ */ z
  .enum(assistanceAreas)
  .describe("An area in which assistance is asked or offered");
export type AssistanceArea = z.infer<typeof assistanceAreaSchema>;

/** At least one area, each once. */
const areasSchema = /* @__PURE__ */ z
  .array(assistanceAreaSchema)
  .min(1)
  .max(assistanceAreas.length)
  .refine((areas) => new Set(areas).size === areas.length, "name each area once");

export const requestStatuses = [
  "received",
  "acknowledged",
  "consent-window",
  "circulated",
  "matched",
  "in-progress",
  "fulfilled",
  "withdrawn",
  "closed-unmet",
] as const;

export const requestStatusSchema = /* @__PURE__ */ z
  .enum(requestStatuses)
  .describe(
    "received -> acknowledged -> consent-window -> circulated -> matched -> in-progress -> fulfilled; " +
      "withdrawn from any pending status; closed-unmet from circulated, matched or in-progress",
  );
export type RequestStatus = z.infer<typeof requestStatusSchema>;

export const isoDateSchema = /* @__PURE__ */ z.iso.date().describe("A day, YYYY-MM-DD");

/** A dated move of a request or a match, with who recorded it and when. */
const transitionRecordFields = /* @__PURE__ */ (() => ({
  on: isoDateSchema.describe("The day the move happened"),
  at: z.iso.datetime().describe("When it was recorded"),
  by: actorSchema,
  note: z.string().optional(),
}))();

export const requestTransitionRecordSchema = /* @__PURE__ */ z
  .object({ from: requestStatusSchema, to: requestStatusSchema, ...transitionRecordFields })
  .meta({ id: "AssistanceRequestMove" });
export type RequestTransitionRecord = z.infer<typeof requestTransitionRecordSchema>;

export const assistanceRequestSchema = /* @__PURE__ */ z
  .object({
    id: z.string(),
    iso3: z.string().regex(/^[A-Z]{3}$/),
    areas: z.array(assistanceAreaSchema),
    description: z.string(),
    receivedOn: isoDateSchema.describe("The day the request (Note Verbale) was received"),
    symbol: z.string().describe("The document symbol of the request"),
    consentedToCirculation: z
      .boolean()
      .describe("The State consented to circulation: no need to wait for the 5-working-day consent window"),
    consentedOn: isoDateSchema
      .optional()
      .describe("The day the State's consent was received, when it was recorded after the request"),
    consentRecorded: z
      .object({ at: z.iso.datetime(), by: actorSchema })
      .optional()
      .describe("Who recorded the State's consent, and when, when it was recorded after the request"),
    status: requestStatusSchema,
    acknowledgedOn: isoDateSchema.optional(),
    consentWindowClosesOn: isoDateSchema
      .optional()
      .describe(
        "The last day of the consent window: 5 working days after acknowledgement, skipping weekends and the UN " +
          "Headquarters holidays on record (consentWindowCounted says which)",
      ),
    consentWindowCounted: z
      .object({
        holidaysFrom: z
          .array(z.string())
          .describe(
            "The information circulars (ST/IC/...) whose UN Headquarters holidays the window skipped: the lists on " +
              "record for the years it ran into",
          ),
        yearsNotOnRecord: z
          .array(z.number().int())
          .describe("The years the window ran into whose holidays were not on record: only weekends skipped there"),
      })
      .optional()
      .describe(
        "How the consent window was counted; absent on requests acknowledged before the desk knew holidays " +
          "(weekends only)",
      ),
    circulatedOn: isoDateSchema.optional().describe("The day the request was first circulated to providers"),
    followUpDueOn: isoDateSchema.optional().describe("One year after circulation: the follow-up letter falls due"),
    closedOn: isoDateSchema.optional().describe("The day it was fulfilled, withdrawn or closed unmet"),
    history: z.array(requestTransitionRecordSchema).describe("Every move, oldest first"),
    demo: z.boolean().optional().describe("true for demonstration data, not from the public record"),
    createdAt: z.iso.datetime(),
    createdBy: z.string(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "AssistanceRequest" });
export type AssistanceRequest = z.infer<typeof assistanceRequestSchema>;

const notBeforeResolution = (date: string) => date >= RESOLUTION_ADOPTED_ON;

export const newAssistanceRequestSchema = /* @__PURE__ */ z
  .strictObject({
    iso3: iso3Schema.describe("The requesting State"),
    areas: areasSchema,
    description: freeText(z.string().trim().min(1).max(4000)),
    receivedOn: isoDateSchema.refine(notBeforeResolution, `must not be before ${RESOLUTION_ADOPTED_ON}`),
    symbol: documentSymbolSchema.describe(
      "The document symbol of the request; unique among requests, and shared with a document only of the requesting " +
        "State's, the one the request was made in (ADR 0068)",
    ),
    consentedToCirculation: z.boolean(),
  })
  .meta({ id: "NewAssistanceRequest" });
export type NewAssistanceRequest = z.infer<typeof newAssistanceRequestSchema>;

export const assistanceRequestCorrectionSchema = /* @__PURE__ */ newAssistanceRequestSchema
  .pick({ symbol: true, receivedOn: true, areas: true, description: true })
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, "name at least one field to change")
  .meta({ id: "AssistanceRequestCorrection" });
export type AssistanceRequestCorrection = z.infer<typeof assistanceRequestCorrectionSchema>;

const noteSchema = /* @__PURE__ */ (() => freeText(z.string().trim().min(1).max(2000)))();

export const requestTransitionSchema = /* @__PURE__ */ z
  .strictObject({
    to: requestStatusSchema,
    on: isoDateSchema.optional().describe("The day the move happened; today when omitted"),
    note: noteSchema.optional(),
  })
  .meta({ id: "AssistanceRequestTransition" });
export type RequestTransitionInput = z.infer<typeof requestTransitionSchema>;

export const requestConsentSchema = /* @__PURE__ */ z
  .strictObject({
    on: isoDateSchema.optional().describe("The day the State's consent was received; today when omitted"),
    reason: freeText(z.string().trim().min(3, "say how the consent came, in at least 3 characters").max(500)).describe(
      "How the consent came (e.g. the Note Verbale's symbol); kept in the audit trail",
    ),
  })
  .meta({ id: "AssistanceRequestConsent" });
export type RequestConsentInput = z.infer<typeof requestConsentSchema>;

// ---- Providers and offers ----

/** The organizations module defines the same slug; this module checks the format only (see ADR 0006). */
export const organizationSlugSchema = /* @__PURE__ */ z
  .string()
  .regex(ORGANIZATION_ID, "must be an organization id: a lower-case slug such as iaea");

export const providerSchema = /* @__PURE__ */ z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("state"), iso3: z.string().regex(/^[A-Z]{3}$/) }),
    z.object({ kind: z.literal("organization"), id: organizationSlugSchema }),
  ])
  .meta({ id: "AssistanceProvider" });
export type Provider = z.infer<typeof providerSchema>;

export const newProviderSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("state"), iso3: iso3Schema }),
    z.strictObject({ kind: z.literal("organization"), id: organizationSlugSchema }),
  ]))();

/** `state:FRA` or `organization:iaea`: one string that names a provider. */
export const providerKey = (provider: Provider): string =>
  provider.kind === "state" ? `state:${provider.iso3}` : `organization:${provider.id}`;

export const providerQuerySchema = /* @__PURE__ */ z
  .string()
  .regex(/^(state:[A-Za-z]{3}|organization:[a-z0-9-]{1,40})$/, "must be state:<iso3> or organization:<id>")
  .transform((text): Provider => {
    const [kind, id = ""] = text.split(":");
    return kind === "state" ? { kind: "state", iso3: id.toUpperCase() } : { kind: "organization", id };
  })
  .describe("A provider: state:<iso3> or organization:<id>");

export const assistanceOfferSchema = /* @__PURE__ */ z
  .object({
    id: z.string(),
    provider: providerSchema,
    areas: z.array(assistanceAreaSchema),
    description: z.string(),
    validFrom: isoDateSchema,
    validUntil: isoDateSchema.optional().describe("Omitted: open-ended"),
    lastUpdatedOn: isoDateSchema.describe("The day the provider last updated the offer"),
    demo: z.boolean().optional(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "AssistanceOffer" });
export type AssistanceOffer = z.infer<typeof assistanceOfferSchema>;

export const newAssistanceOfferSchema = /* @__PURE__ */ z
  .strictObject({
    provider: newProviderSchema,
    areas: areasSchema,
    description: freeText(z.string().trim().min(1).max(4000)),
    validFrom: isoDateSchema,
    validUntil: isoDateSchema.optional(),
    lastUpdatedOn: isoDateSchema.optional().describe("Today when omitted"),
  })
  .refine((offer) => !offer.validUntil || offer.validUntil >= offer.validFrom, {
    message: "must not be before the day it is valid from",
    path: ["validUntil"],
  })
  .meta({ id: "NewAssistanceOffer" });
export type NewAssistanceOffer = z.infer<typeof newAssistanceOfferSchema>;

export const assistanceOfferChangesSchema = /* @__PURE__ */ z
  .strictObject({
    areas: areasSchema.optional(),
    description: freeText(z.string().trim().min(1).max(4000)).optional(),
    validFrom: isoDateSchema.optional(),
    validUntil: isoDateSchema.nullable().optional().describe("null makes the offer open-ended"),
    lastUpdatedOn: isoDateSchema
      .optional()
      .describe("The day the provider updated the offer; unchanged when omitted (a correction is not an update)"),
  })
  .refine((changes) => Object.keys(changes).length > 0, "name at least one field to change")
  .meta({ id: "AssistanceOfferChanges" });
export type AssistanceOfferChanges = z.infer<typeof assistanceOfferChangesSchema>;

export const providerSummarySchema = /* @__PURE__ */ z
  .object({
    provider: providerSchema,
    name: z.string().optional().describe("The State's name; organizations are named by their id"),
    areas: z.array(assistanceAreaSchema).describe("Every area of its offers"),
    offers: z.number().int(),
    activeOffers: z.number().int().describe("Offers valid today"),
    lastUpdatedOn: isoDateSchema.describe("The latest day it updated any of its offers"),
    stale: z.boolean().describe("No offer updated for more than 12 months: the May letter asks it to update"),
    retiredOn: isoDateSchema
      .optional()
      .describe(
        "The day the organization was retired (ADR 0061): its offers are history, and no letter to providers is " +
          "written to it (absent while active, and for a State)",
      ),
  })
  .meta({ id: "AssistanceProviderSummary" });
export type ProviderSummary = z.infer<typeof providerSummarySchema>;

// ---- Matches ----

export const matchStatusSchema = /* @__PURE__ */ z
  .enum(["proposed", "accepted", "delivered", "declined"])
  .describe("proposed -> accepted -> delivered; declined from proposed or accepted");
export type MatchStatus = z.infer<typeof matchStatusSchema>;

export const matchTransitionRecordSchema = /* @__PURE__ */ z
  .object({ from: matchStatusSchema, to: matchStatusSchema, ...transitionRecordFields })
  .meta({ id: "AssistanceMatchMove" });

export const assistanceMatchSchema = /* @__PURE__ */ z
  .object({
    id: z.string(),
    requestId: z.string(),
    offerId: z.string(),
    iso3: z.string().describe("The requesting State"),
    provider: providerSchema,
    areas: z.array(assistanceAreaSchema).describe("The areas the offer and the request had in common when proposed"),
    status: matchStatusSchema,
    proposedOn: isoDateSchema,
    note: z.string().optional(),
    history: z.array(matchTransitionRecordSchema),
    demo: z.boolean().optional(),
    createdAt: z.iso.datetime(),
    createdBy: z.string(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "AssistanceMatch" });
export type AssistanceMatch = z.infer<typeof assistanceMatchSchema>;

/**
 * A match as a request's list shows it: with its offer in words, which two offers of one provider tell apart, and the
 * offer's validity, which says whether a proposal can still be accepted.
 */
export const listedMatchSchema = /* @__PURE__ */ assistanceMatchSchema
  .extend({
    offer: z
      .string()
      .describe(
        "The offer as people know it: its description's start, in quotes, and its validity where another offer of " +
          "the provider on the request starts alike",
      ),
    offerValidity: assistanceOfferSchema
      .pick({ validFrom: true, validUntil: true })
      .describe("The offer's validity as it stands: a proposal is accepted only on a day within it"),
  })
  .meta({ id: "AssistanceMatchListed" });
export type ListedMatch = z.infer<typeof listedMatchSchema>;

const ulidSchema = /* @__PURE__ */ z.string().regex(/^[0-9A-Z]{26}$/, "not an id of this desk");
export const assistanceIdSchema = ulidSchema;

export const newAssistanceMatchSchema = /* @__PURE__ */ z
  .strictObject({
    requestId: ulidSchema,
    offerId: ulidSchema,
    on: isoDateSchema
      .optional()
      .describe(
        "The day the offer was proposed; today when omitted. Not in the future, nor before the request was first " +
          "circulated or the offer's validity starts; the offer must be valid that day",
      ),
    note: noteSchema.optional(),
  })
  .meta({ id: "NewAssistanceMatch" });
export type NewAssistanceMatch = z.infer<typeof newAssistanceMatchSchema>;

export const matchTransitionSchema = /* @__PURE__ */ z
  .strictObject({
    to: matchStatusSchema,
    on: isoDateSchema.optional().describe("The day the move happened; today when omitted"),
    note: noteSchema.optional(),
  })
  .meta({ id: "AssistanceMatchTransition" });
export type MatchTransitionInput = z.infer<typeof matchTransitionSchema>;

/** A candidate offer for a request, with every component of its rank spelt out. */
export const candidateSchema = /* @__PURE__ */ z
  .object({
    offer: assistanceOfferSchema,
    areaOverlap: z.number().int().describe("Areas the offer shares with the request"),
    areasRequested: z.number().int(),
    sharedAreas: z.array(assistanceAreaSchema),
    freshnessMonths: z.number().int().describe("Whole months since the provider last updated the offer"),
    score: z
      .number()
      .int()
      .describe(
        "A matchmaking rank, not a compliance measure: 100 per shared area + (12 - freshnessMonths, at least 0)",
      ),
    reasons: z.array(z.string()),
    existingMatch: z.object({ id: z.string(), status: matchStatusSchema }).optional(),
  })
  .meta({ id: "AssistanceCandidate" });
export type Candidate = z.infer<typeof candidateSchema>;

// ---- Feedback ----

export const feedbackFromSchema = /* @__PURE__ */ (() => z.enum(["requester", "provider"]))();

export const assistanceFeedbackSchema = /* @__PURE__ */ z
  .object({
    id: z.string(),
    requestId: z.string(),
    iso3: z.string(),
    from: feedbackFromSchema,
    text: z.string(),
    receivedOn: isoDateSchema,
    document: z
      .object({ submissionId: z.string(), symbol: z.string() })
      .optional()
      .describe(
        "The requesting State's document of kind assistance-feedback this feedback was received as: the note counts " +
          "there, once, not again here (ADR 0064)",
      ),
    demo: z.boolean().optional(),
    recordedAt: z.iso.datetime(),
    recordedBy: z.string(),
    voided: z
      .object({ at: z.iso.datetime(), by: z.string(), reason: z.string() })
      .optional()
      .describe(
        "Set when the feedback was voided (recorded in error, ADR 0073): listed for the record, it no longer counts " +
          "nor repeats, and is not corrected or linked",
      ),
  })
  .meta({ id: "AssistanceFeedback" });
export type AssistanceFeedback = z.infer<typeof assistanceFeedbackSchema>;
/** The State's document a note of feedback was recorded as, by its id and its symbol. */
export type FeedbackDocumentRef = NonNullable<AssistanceFeedback["document"]>;

const feedbackTextSchema = /* @__PURE__ */ (() => freeText(z.string().trim().min(1).max(8000)))();

export const newAssistanceFeedbackSchema = /* @__PURE__ */ z
  .strictObject({
    from: feedbackFromSchema.describe(
      "requester: the requesting State (counts towards its assistance-feedback obligation, unless it names the " +
        "document the note is recorded as already)",
    ),
    text: feedbackTextSchema,
    receivedOn: isoDateSchema
      .optional()
      .describe("Today when omitted, or the day the named document was received; not before the request was received"),
    symbol: documentSymbolSchema
      .optional()
      .describe(
        "The requester's only: the symbol of the State's document of kind assistance-feedback this note was recorded " +
          "as, which the feedback then links to instead of counting the note again",
      ),
  })
  .meta({ id: "NewAssistanceFeedback" });
export type NewAssistanceFeedback = z.infer<typeof newAssistanceFeedbackSchema>;

export const assistanceFeedbackCorrectionSchema = /* @__PURE__ */ z
  .strictObject({
    text: feedbackTextSchema.optional(),
    receivedOn: isoDateSchema
      .optional()
      .describe(
        "The day the note was received: not before the request was received, not in the future; a linked note's is " +
          "its document's",
      ),
  })
  .refine((changes) => Object.keys(changes).length > 0, "name at least one field to change")
  .meta({ id: "AssistanceFeedbackCorrection" });
export type FeedbackCorrection = z.infer<typeof assistanceFeedbackCorrectionSchema>;

export const assistanceFeedbackVoidSchema = /* @__PURE__ */ z
  .strictObject({ reason: correctionReasonSchema })
  .meta({ id: "AssistanceFeedbackVoid" });
export type FeedbackVoid = z.infer<typeof assistanceFeedbackVoidSchema>;

export const feedbackDocumentLinkSchema = /* @__PURE__ */ z
  .strictObject({
    symbol: documentSymbolSchema.describe(
      "The symbol of the requesting State's document of kind assistance-feedback that is this same note, received " +
        "the day the feedback was",
    ),
  })
  .meta({ id: "AssistanceFeedbackDocumentLink" });
export type FeedbackDocumentLink = z.infer<typeof feedbackDocumentLinkSchema>;

// ---- Pending-assistance reports ----

export const reportIdSchema = /* @__PURE__ */ z
  .string()
  .regex(/^\d{4}-[123]$/, "must be <year>-<n>, n = 1 (January-April), 2 (May-August) or 3 (September-December)")
  .describe("<year>-<n>: n = 1 for January-April, 2 for May-August, 3 for September-December");

export const followUpSchema = /* @__PURE__ */ (() =>
  z.object({
    dueOn: isoDateSchema,
    status: z
      .enum(["overdue", "due", "not-yet", "followed-up"])
      .describe(
        "overdue: past due; due: falls due within 4 months (before the next report); not-yet: later; followed-up: " +
          "an assistance-follow-up letter to the State was sent or delivered on or after dueOn",
      ),
    followedUpOn: isoDateSchema
      .optional()
      .describe("When followed-up: the date of the first such letter (its New York day)"),
  }))();

export const reportRowSchema = /* @__PURE__ */ (() =>
  z.object({
    requestId: z.string(),
    iso3: z.string(),
    stateName: z.string().optional(),
    status: requestStatusSchema,
    areas: z.array(assistanceAreaSchema),
    receivedOn: isoDateSchema,
    symbol: z.string(),
    ageDays: z.number().int().describe("Days since the request was received"),
    circulatedOn: isoDateSchema.optional(),
    followUp: followUpSchema.nullable().describe("null until the request is circulated"),
    matches: z.array(
      z.object({
        id: z.string(),
        offerId: z.string(),
        provider: providerSchema,
        providerName: z.string().optional().describe("The provider's name on the report's day"),
        status: matchStatusSchema,
      }),
    ),
    lastAction: z.object({
      action: z.string().describe('In words ("match with Germany accepted"); an older report\'s may be in codes'),
      on: isoDateSchema,
      note: z.string().optional(),
    }),
    attention: z
      .array(z.string())
      .optional()
      .describe(
        "Why the secretariat should act on the request, each reason in words (all its matches delivered but not " +
          "marked fulfilled; received over a year ago and never acknowledged); empty: none. An older report has " +
          "none",
      ),
    demo: z.boolean().optional(),
  }))();
export type ReportRow = z.infer<typeof reportRowSchema>;

export const reportTotalsSchema = /* @__PURE__ */ (() =>
  z.object({
    pending: z.number().int(),
    byStatus: z.record(z.string(), z.number().int()).describe("Pending requests per status"),
    byAge: z
      .record(z.string(), z.number().int())
      .describe(
        "Pending requests per age, on the snapshots' scale (shared/assistance/age-buckets.ts): under-6-months, " +
          "6-to-12-months, 12-to-24-months, over-24-months. An older report counted under-3-months, 3-to-12-months, " +
          "1-to-2-years, over-2-years",
      ),
    followUpsOverdue: z.number().int(),
    followUpsDue: z.number().int(),
    withoutMatch: z.number().int().describe("Circulated requests with no proposed or accepted match"),
    needingAttention: z
      .number()
      .int()
      .optional()
      .describe("Requests with a reason in `attention`; an older report has none"),
  }))();
export type ReportTotals = z.infer<typeof reportTotalsSchema>;

export const reportMailSchema = /* @__PURE__ */ (() =>
  z.object({
    status: z.enum(["pending", "sending", "sent"]).describe("The summary e-mail to the secretariat"),
    claimedAt: z.iso.datetime().optional(),
    sentAt: z.iso.datetime().optional(),
    messageId: z.string().optional(),
  }))();
export type ReportMail = z.infer<typeof reportMailSchema>;

const reportHeadFields = /* @__PURE__ */ (() => ({
  id: reportIdSchema,
  year: z.number().int(),
  n: z.number().int().min(1).max(3),
  periodFrom: isoDateSchema,
  periodTo: isoDateSchema,
  asOf: isoDateSchema.describe("The day ages and follow-ups are counted at"),
  generatedAt: z.iso.datetime(),
  generatedBy: z.string(),
  totals: reportTotalsSchema,
  mail: reportMailSchema,
}))();

export const assistanceReportSchema = /* @__PURE__ */ z
  .object({ ...reportHeadFields, requests: z.array(reportRowSchema) })
  .meta({ id: "AssistanceReport" });
export type AssistanceReport = z.infer<typeof assistanceReportSchema>;

export const assistanceReportSummarySchema = /* @__PURE__ */ z
  .object(reportHeadFields)
  .meta({ id: "AssistanceReportSummary" });
export type AssistanceReportSummary = z.infer<typeof assistanceReportSummarySchema>;
