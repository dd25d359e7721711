// The words the report uses for the snapshot's codes: statuses, letter kinds, paragraphs (age buckets: with their rule,
// ../../assistance/age-buckets.ts). The figures' and lists' labels are declared with them (../figure-declarations.ts).
import type * as z from "zod";
import type { MessageStatus } from "../../correspondence/schemas.ts";
import type { Category, Paragraph } from "../../matrix/schemas.ts";
import type { letterKindSchema } from "../../templates/schemas.ts";

type LetterKind = z.infer<typeof letterKindSchema>;

/** In the ledger's lifecycle order: the way through, then each way out. */
export const messageStatusLabels: Record<MessageStatus, string> = {
  queued: "Queued",
  sending: "Sending",
  sent: "Sent",
  delivered: "Delivered",
  bounced: "Bounced",
  complained: "Complained",
  rejected: "Rejected by SES",
  failed: "Failed",
  expired: "Expired (past deadline)",
  skipped: "Skipped (no usable address)",
  unknown: "Unknown (being reconciled)",
};

export const letterKindLabels: Record<LetterKind, string> = {
  "first-report-request": "First report request",
  "resolution-2663-letter": "Resolution 2663 letter",
  "point-of-contact-update": "Point-of-contact update",
  "provider-offer-update": "Provider offer update",
  "effective-practices-invitation": "Effective practices invitation",
  "open-briefing-invitation": "Open briefing invitation",
  "assistance-follow-up": "Assistance follow-up",
  "outreach-letter": "Outreach letter",
  other: "Other letter",
};

export const paragraphLabels: Record<Paragraph, string> = {
  op1: "OP1",
  op2: "OP2",
  op3ab: "OP3(a)(b)",
  op3cd: "OP3(c)(d)",
};

export const categoryLabels: Record<Category, string> = {
  nuclear: "Nuclear",
  chemical: "Chemical",
  biological: "Biological",
  "means-of-delivery": "Means of delivery",
  "related-materials": "Related materials",
};
