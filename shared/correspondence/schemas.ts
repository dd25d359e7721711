// The shapes of the send ledger: audiences, the wave as dispatch needs it, and one message per recipient.
// Schemas built at import are marked pure: a bundle leaves out, and never builds, those it does not use (ADR 0039).
import * as z from "zod";
import { unLanguageSchema } from "../registry/schemas.ts";
import { waveValuesSchema } from "../templates/values.ts";
import { AUDIENCE_NAMES } from "./audience-names.ts";

export const audienceSchema = /* @__PURE__ */ z
  .enum(AUDIENCE_NAMES)
  .describe(
    "A named selector computed from the data when the wave is dispatched: non-reporting-states and reporting-states " +
      "(the reporting-status index), all-states, states-without-current-poc (point of contact stale, unreachable or " +
      "missing today), states-with-pending-requests (an assistance request not yet fulfilled, withdrawn or closed), " +
      "states-with-follow-up-due (a pending assistance request whose one-year follow-up letter is due by the letter's " +
      "New York day and not yet sent: no assistance-follow-up letter sent or delivered to the State since it fell due), " +
      "organizations, assistance-providers (States and organizations with an assistance offer), stale-providers " +
      "(providers whose latest offer update is more than 12 months old)",
  );
export type Audience = z.infer<typeof audienceSchema>;

/** SES tag values allow letters, digits, `_`, `-` and `.`: a wave id goes into the `wave` tag unchanged. */
export const waveIdSchema = /* @__PURE__ */ z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "must be 1-64 letters, digits, _ or -")
  .describe("The wave's id; also the SES tag `wave`");

/** What dispatch needs of a wave (the waves API, its lifecycle and its schedule come later). */
export const dispatchWaveSchema = /* @__PURE__ */ (() =>
  z.object({
    id: waveIdSchema,
    templateId: z.string().min(1),
    audience: audienceSchema,
    notAfter: z.iso.datetime().describe("No letter of the wave leaves after this instant"),
    deadline: z.string().min(1).optional().describe("The value of {{deadline}}: the date an answer is asked by"),
    chair: z.string().min(1).optional().describe("The value of {{committee.chair}}"),
    values: waveValuesSchema.optional(),
    restOf: waveIdSchema.optional().describe("The halted wave whose owners written to this one leaves out"),
  }))();
export type DispatchWave = z.infer<typeof dispatchWaveSchema>;

export const messageStatusSchema = /* @__PURE__ */ z
  .enum([
    "queued",
    "sending",
    "sent",
    "delivered",
    "bounced",
    "complained",
    "rejected",
    "failed",
    "expired",
    "skipped",
    "unknown",
  ])
  .describe(
    "queued -> sending -> sent -> delivered, or bounced, complained, rejected (SES refused it), failed (could not be " +
      "rendered or sent), expired (still queued at the not-after deadline), skipped (no usable address), unknown " +
      "(the sender stopped between SES and the ledger: reconciled from SES events, never re-sent blindly)",
  );
export type MessageStatus = z.infer<typeof messageStatusSchema>;

export const skipReasonSchema = /* @__PURE__ */ z
  .enum([
    "no-active-contact",
    "bounced",
    "complained",
    "suppressed",
    "inactive",
    "duplicate-address",
    "followed-up-elsewhere",
    "written-by-halted-wave",
  ])
  .describe(
    "no-active-contact: the owner has no active contact of a role the audience writes to; bounced, complained, " +
      "suppressed: the contact's e-mail status; inactive: a deactivated contact; duplicate-address: another " +
      "recipient of the wave has the same address and gets the one letter; followed-up-elsewhere: another wave of " +
      "the one-year follow-up letter writes to the State (its reason names the wave, ADR 0059); written-by-halted-wave: " +
      "the halted wave this one writes the rest of (restOf), or one before it in the chain, wrote to the owner (its " +
      "reason names the wave)",
  );
export type SkipReason = z.infer<typeof skipReasonSchema>;

/** A queue item: the ledger key of one message. Bodies carry keys only, never addresses or letters. */
export const messageKeySchema = /* @__PURE__ */ (() =>
  z.strictObject({ waveId: waveIdSchema, recipient: z.string().min(1) }))();
export type MessageKey = z.infer<typeof messageKeySchema>;

export const letterSchema = /* @__PURE__ */ (() =>
  z.object({
    language: unLanguageSchema,
    fellBack: z.boolean(),
    subject: z.string(),
    text: z.string(),
    html: z.string(),
  }))();

export const messageSchema = /* @__PURE__ */ (() =>
  z.object({
    waveId: z.string(),
    /** The contact's id, or `owner:<owner>` for an owner the audience found without an active contact. */
    recipient: z.string(),
    contactId: z.string().optional(),
    owner: z.string().describe("STATE:<iso3> or ORG:<id>"),
    email: z.string().optional().describe("The normalized address the letter goes (or went) to"),
    status: messageStatusSchema,
    reason: z
      .string()
      .optional()
      .describe(
        "Why it is skipped, failed, rejected, expired, unknown, bounced or complained; on a sent letter, the last soft " +
          "bounce or delivery delay SES reported",
      ),
    skipReason: skipReasonSchema.optional(),
    duplicateOf: z.string().optional().describe("For duplicate-address: the recipient that gets the letter"),
    letter: letterSchema.optional().describe("The letter exactly as rendered for this recipient"),
    notAfter: z.iso.datetime(),
    leaseUntil: z.iso.datetime().optional().describe("While sending: the claim's end; past it the outcome is unknown"),
    claims: z.number().int().describe("How many times a sender claimed it (more than one only after throttling)"),
    sesMessageId: z.string().optional(),
    sentAt: z.iso.datetime().optional(),
    deliveredAt: z.iso.datetime().optional().describe("When SES delivered it to the recipient's mail server"),
    feedbackAt: z.iso.datetime().optional().describe("When the hard bounce or complaint was reported"),
    resentAt: z.iso
      .datetime()
      .optional()
      .describe("When the secretariat sent again a letter left unknown, after its event window (queued again then)"),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  }))();
export type Message = z.infer<typeof messageSchema>;
