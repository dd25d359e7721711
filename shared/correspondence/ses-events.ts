// SES delivery events (configuration set -> EventBridge): parsed, matched to their ledger row by the tags the sender
// set (wave, message), and applied forward only, so that duplicates and events out of order change nothing. A hard
// bounce or a complaint also marks the contact's address, and may halt the wave (bounce-guard.ts).
import * as z from "zod";
import type { AuditContext } from "../audit/audit-entry.ts";
import { systemActor } from "../auth/actor.ts";
import type { ContactDependencies } from "../contacts/contacts.ts";
import { type EmailStatusOutcome, recordEmailStatus } from "../contacts/email-status.ts";
import { type EmailStatus, normalizeEmail } from "../contacts/schemas.ts";
import { IllegalTransition, PreconditionFailed } from "../errors.ts";
import { completeWaveIfSettled, type WaveSettlingDependencies } from "../waves/waves.ts";
import { haltIfBouncing } from "./bounce-guard.ts";
import type { MoveFields } from "./ledger.ts";
import { canMove } from "./lifecycle.ts";
import type { Message, MessageKey, MessageStatus } from "./schemas.ts";

const recipientSchema = z.object({
  emailAddress: z.string(),
  status: z.string().optional(),
  diagnosticCode: z.string().optional(),
});

const mailSchema = z.object({
  messageId: z.string().min(1),
  timestamp: z.string(),
  destination: z.array(z.string()).default([]),
  /** Every tag of the SendEmail call (and SES's own, ses:*), each as a list of values. */
  tags: z.record(z.string(), z.array(z.string())).default({}),
});

/** The SES event record, the `detail` of the EventBridge event; fields the desk does not use are let through. */
export const sesEventRecordSchema = z.discriminatedUnion("eventType", [
  z.object({ eventType: z.literal("Send"), mail: mailSchema }),
  z.object({
    eventType: z.literal("Delivery"),
    mail: mailSchema,
    delivery: z.object({ timestamp: z.string(), smtpResponse: z.string().optional() }),
  }),
  z.object({
    eventType: z.literal("Bounce"),
    mail: mailSchema,
    bounce: z.object({
      bounceType: z.enum(["Permanent", "Transient", "Undetermined"]),
      bounceSubType: z.string(),
      bouncedRecipients: z.array(recipientSchema).default([]),
      timestamp: z.string(),
    }),
  }),
  z.object({
    eventType: z.literal("Complaint"),
    mail: mailSchema,
    complaint: z.object({
      complainedRecipients: z.array(recipientSchema).default([]),
      timestamp: z.string(),
      complaintFeedbackType: z.string().nullish(),
      complaintSubType: z.string().nullish(),
    }),
  }),
  z.object({ eventType: z.literal("Reject"), mail: mailSchema, reject: z.object({ reason: z.string() }) }),
  z.object({
    eventType: z.literal("DeliveryDelay"),
    mail: mailSchema,
    deliveryDelay: z.object({ delayType: z.string(), timestamp: z.string(), expirationTime: z.string().optional() }),
  }),
  z.object({
    eventType: z.literal("Rendering Failure"),
    mail: mailSchema,
    failure: z.object({ errorMessage: z.string(), templateName: z.string().optional() }),
  }),
]);
export type SesEventRecord = z.infer<typeof sesEventRecordSchema>;

/** The EventBridge detail-types the configuration set's event destination publishes and the desk listens to. */
export const SES_DETAIL_TYPES = [
  "Email Sent",
  "Email Delivered",
  "Email Bounced",
  "Email Complaint Received",
  "Email Rejected",
  "Email Delivery Delayed",
  "Email Rendering Failed",
] as const;

export const sesEventSchema = z.object({
  id: z.string(),
  source: z.literal("aws.ses"),
  "detail-type": z.enum(SES_DETAIL_TYPES),
  time: z.string().optional(),
  detail: sesEventRecordSchema,
});
export type SesEvent = z.infer<typeof sesEventSchema>;

/** A timestamp SES wrote, as the ledger stores instants; `fallback` when it is not one. */
function instant(text: string, fallback: string): string {
  const time = new Date(text);
  return Number.isNaN(time.getTime()) ? fallback : time.toISOString();
}

/** What an event says about its letter: the status it proves, and for a soft bounce or a delay, a note. */
export interface Verdict {
  to: "sent" | "delivered" | "bounced" | "complained" | "rejected";
  fields: MoveFields;
  /** A soft bounce or a delay: the letter stays sent, with this as its reason. */
  note?: string;
  /** The address's new e-mail status (hard bounce, complaint). */
  emailStatus?: Exclude<EmailStatus, "ok">;
}

const SUPPRESSED_SUBTYPES = new Set(["Suppressed", "OnAccountSuppressionList"]);

/** A hard bounce's status for the address: suppressed when SES's suppression list held it, else bounced. */
const hardBounceStatus = (subType: string): "bounced" | "suppressed" =>
  SUPPRESSED_SUBTYPES.has(subType) ? "suppressed" : "bounced";

/** A bounce as the letter's reason keeps it: "hard bounce (General): smtp; 550 …" (read back by reportedEmailStatus). */
const bounceReason = (hard: boolean, subType: string, diagnostic: string | undefined) =>
  `${hard ? "hard" : "soft"} bounce (${subType})${diagnostic ? `: ${diagnostic}` : ""}`.slice(0, 500);
const HARD_BOUNCE_SUBTYPE = /^hard bounce \(([^)]*)\)/;

/**
 * The status SES's report of the letter gave its address, read back from the letter it moved: complained, or for a
 * hard bounce bounced (suppressed when its reason names SES's suppression list); none for a letter SES reported
 * nothing of. The bounce reconciliation (bounce-reconcile.ts) completes a report with it.
 */
export function reportedEmailStatus(letter: Pick<Message, "status" | "reason">): Verdict["emailStatus"] {
  if (letter.status === "complained") return "complained";
  if (letter.status !== "bounced") return undefined;
  return hardBounceStatus(HARD_BOUNCE_SUBTYPE.exec(letter.reason ?? "")?.[1] ?? "");
}

export function verdictOf(record: SesEventRecord, now: string): Verdict {
  const at = (text: string) => instant(text, now);
  switch (record.eventType) {
    case "Send":
      return { to: "sent", fields: {} };
    case "Delivery":
      return { to: "delivered", fields: { deliveredAt: at(record.delivery.timestamp) } };
    case "DeliveryDelay": {
      const { delayType, expirationTime } = record.deliveryDelay;
      const until = expirationTime ? `; SES tries until ${at(expirationTime)}` : "";
      return { to: "sent", fields: {}, note: `delivery delayed (${delayType})${until}` };
    }
    case "Bounce": {
      const { bounceType, bounceSubType, bouncedRecipients, timestamp } = record.bounce;
      const diagnostic = bouncedRecipients.find((recipient) => recipient.diagnosticCode)?.diagnosticCode;
      const hard = bounceType === "Permanent";
      const reason = bounceReason(hard, bounceSubType, diagnostic);
      if (!hard) return { to: "sent", fields: {}, note: reason };
      return {
        to: "bounced",
        fields: { feedbackAt: at(timestamp), reason },
        emailStatus: hardBounceStatus(bounceSubType),
      };
    }
    case "Complaint": {
      const { complaintFeedbackType, timestamp } = record.complaint;
      return {
        to: "complained",
        fields: {
          feedbackAt: at(timestamp),
          reason: `complaint${complaintFeedbackType ? ` (${complaintFeedbackType})` : ""}`,
        },
        emailStatus: "complained",
      };
    }
    case "Reject":
      return { to: "rejected", fields: { reason: `SES rejected it: ${record.reject.reason}`.slice(0, 500) } };
    case "Rendering Failure":
      return {
        to: "rejected",
        fields: { reason: `SES could not render it: ${record.failure.errorMessage}`.slice(0, 500) },
      };
  }
}

/**
 * Precedence: a status only moves forward. `sending` (an event can overtake the sender's own write) and `unknown`
 * (which events settle) come first, then sent, then delivered, then the verdicts bounced, complained and rejected,
 * which nothing changes.
 */
export const eventRank: Partial<Record<MessageStatus, number>> = {
  sending: 0,
  unknown: 0,
  sent: 1,
  delivered: 2,
  bounced: 3,
  complained: 3,
  rejected: 3,
};

export type Decision =
  | { kind: "move"; from: MessageStatus; to: MessageStatus; fields: MoveFields }
  | { kind: "note"; status: "sent"; fields: MoveFields }
  | { kind: "ignore"; cause: "another-message" | "never-accepted" | "duplicate" | "out-of-order"; why: string };

/** What the event does to the message as it stands (pure: the ledger write is conditional on `from`). */
export function decide(message: Message, record: SesEventRecord, verdict: Verdict, now: string): Decision {
  const sesMessageId = record.mail.messageId;
  if (message.sesMessageId && message.sesMessageId !== sesMessageId) {
    return { kind: "ignore", cause: "another-message", why: "the event names another SES message than the ledger's" };
  }
  const rank = eventRank[message.status];
  // Queued, failed, expired, skipped: the ledger holds it as never accepted by SES; an event cannot undo that here.
  if (rank === undefined) {
    return { kind: "ignore", cause: "never-accepted", why: `the ledger holds it as ${message.status}` };
  }
  const target = eventRank[verdict.to] ?? 0;
  if (target > rank && canMove(message.status, verdict.to)) {
    const fields: MoveFields = { ...verdict.fields };
    if (rank === 0) {
      // The event proves SES accepted it: it takes the place of the sender's own record.
      Object.assign(fields, { sesMessageId, sentAt: message.sentAt ?? instant(record.mail.timestamp, now) });
      fields.leaseUntil = undefined;
      fields.reason = verdict.note ?? verdict.fields.reason;
    } else if (verdict.note) fields.reason = verdict.note;
    return { kind: "move", from: message.status, to: verdict.to, fields };
  }
  if (verdict.note && message.status === "sent") {
    return { kind: "note", status: "sent", fields: { reason: verdict.note } };
  }
  return target === rank
    ? { kind: "ignore", cause: "duplicate", why: `already ${message.status}` }
    : { kind: "ignore", cause: "out-of-order", why: `already ${message.status}, past what the event says` };
}

/** The addresses a bounce or complaint names (SES may leave a complaint's empty). */
function reportedAddresses(record: SesEventRecord): string[] {
  const recipients =
    record.eventType === "Bounce"
      ? record.bounce.bouncedRecipients
      : record.eventType === "Complaint"
        ? record.complaint.complainedRecipients
        : [];
  return recipients.map((recipient) => normalizeEmail(recipient.emailAddress));
}

/** The ledger key the sender's tags name, or undefined for mail sent outside a wave. */
export function keyOf(record: SesEventRecord): MessageKey | undefined {
  const waveId = record.mail.tags.wave?.[0];
  const recipient = record.mail.tags.message?.[0];
  return waveId && recipient ? { waveId, recipient } : undefined;
}

export type SesEventDependencies = WaveSettlingDependencies & ContactDependencies;

export interface SesEventResult {
  eventType: SesEventRecord["eventType"];
  outcome: "moved" | "noted" | "ignored" | "untracked" | "no-message";
  waveId?: string;
  from?: MessageStatus;
  to?: MessageStatus;
  why?: string;
  contact?: EmailStatusOutcome["outcome"];
  halted?: boolean;
}

/** The ledger write lost a race with another event or the sender: read again and decide afresh, a few times. */
const ATTEMPTS = 4;

export const recordSesEvent =
  (deps: SesEventDependencies) =>
  async (event: SesEvent): Promise<SesEventResult> => {
    const record = event.detail;
    const eventType = record.eventType;
    const key = keyOf(record);
    if (!key) return { eventType, outcome: "untracked" };
    const audit: AuditContext = { actor: systemActor("ses-events"), correlationId: event.id };
    const now = deps.clock.now().toISOString();
    const verdict = verdictOf(record, now);

    let message: Message | undefined;
    let decision: Decision | undefined;
    let applied = false;
    for (let attempt = 1; attempt <= ATTEMPTS && !applied; attempt++) {
      message = await deps.ledger.get(key);
      if (!message) return { eventType, outcome: "no-message", waveId: key.waveId };
      decision = decide(message, record, verdict, now);
      if (decision.kind === "ignore") break;
      applied =
        decision.kind === "move"
          ? await deps.ledger.move(key, decision.from, decision.to, decision.fields)
          : await deps.ledger.note(key, decision.status, decision.fields);
    }
    if (!message || !decision) return { eventType, outcome: "no-message", waveId: key.waveId };
    if (!applied && decision.kind !== "ignore") throw new Error(`the message of ${key.waveId} kept changing`);
    const result: SesEventResult = { eventType, outcome: "ignored", waveId: key.waveId };
    if (decision.kind === "ignore") result.why = decision.why;
    else if (decision.kind === "move")
      Object.assign(result, { outcome: "moved", from: decision.from, to: decision.to });
    else result.outcome = "noted";

    // SES accepted this letter (the ledger knows it, or learns it now). What follows is done even when the ledger
    // had the verdict already: a retry after a crash between these writes completes them, and where none comes, the
    // bounce reconciliation (bounce-reconcile.ts) does. The guard judges before the contact is marked: a contact still
    // unmarked is how the reconciliation finds a report that stopped, and it then judges the wave again (audit 35,
    // bug 1: a report that stopped after the contact, before the guard, let the rest of the wave go out).
    const accepted =
      decision.kind !== "ignore" || (decision.cause !== "another-message" && decision.cause !== "never-accepted");
    if (accepted && verdict.to === "bounced") {
      result.halted = (await haltIfBouncing(deps)(key.waveId, audit)) !== undefined;
    }
    const { contactId, email } = message;
    if (accepted && verdict.emailStatus && contactId && email) {
      const named = reportedAddresses(record);
      if (!named.length || named.includes(email)) {
        // When the ledger recorded the report: now, or, for a report it had already (applied again), its last write.
        const reportedAt = decision.kind === "ignore" ? message.updatedAt : now;
        const change = { email, status: verdict.emailStatus, reportedAt };
        const outcome = await recordEmailStatus(deps)(contactId, change, audit);
        result.contact = outcome.outcome;
      }
    }
    if (result.outcome === "moved") await settleWave(deps, key.waveId, audit);
    return result;
  };

/**
 * The sender completes a wave after its last batch, but the status index it counts on can lag its own last write;
 * the events that follow every letter complete it then. Losing that race to another writer is not a failure.
 */
async function settleWave(deps: WaveSettlingDependencies, waveId: string, audit: AuditContext) {
  try {
    await completeWaveIfSettled(deps)(waveId, audit);
  } catch (error) {
    if (!(error instanceof PreconditionFailed || error instanceof IllegalTransition)) throw error;
  }
}
