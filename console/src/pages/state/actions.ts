// The actions in words, for the timeline and the audit trail alike. Audit actions are the writers' own ids
// (`submission.void`), declared in shared/audit/actions.ts: the words are a Record over them all, so a new one without
// words fails `tsc` (and test/unit/console-timeline-actions.test.ts, which reads the writers' source).
// A letter's entry is `letter.<its ledger status>`.
import type { AuditAction } from "../../../../shared/audit/actions.ts";
import type { components } from "../../api/schema";
import { type ListedLetter, skipReasonParts, timelineSkipWords } from "../correspondence/skip-other-wave.ts";
import { skipInWords } from "../correspondence/wave-facts.ts";
import { codeIn, SUBMISSION_KINDS } from "./labels.ts";

// The generated document types, not the client: this module is also read by a unit test in Node, without a window.
type LetterStatus = components["schemas"]["WaveMessage"]["status"];

export const AUDIT_ACTION_WORDS: Readonly<Record<AuditAction, string>> = {
  "registry.seed": "State registered",
  "state.update": "State's details corrected",
  "state.reporting-status": "Reporting status changed",
  "submission.record": "Submission recorded",
  "submission.correct": "Submission corrected",
  "submission.correct-kind": "Submission's kind corrected",
  "submission.void": "Submission voided",
  "obligation.point-of-contact": "Point-of-contact obligation updated",
  "contact.create": "Contact added",
  "contact.update": "Contact corrected",
  "contact.verify": "Contact's details confirmed",
  "contact.deactivate": "Contact deactivated",
  "contact.email-status": "Contact's e-mail status changed",
  "contact.language-of-record": "Contact's language follows the State's",
  "contacts.import": "Contacts imported",
  "contacts.seed-demo": "Demonstration contact added",
  "assistance.request.create": "Assistance request received",
  "assistance.request.correct": "Assistance request's details corrected",
  "assistance.request.seed": "Demonstration assistance request added",
  "assistance.request.transition": "Assistance request moved",
  "assistance.request.consent": "Consent to circulation recorded",
  "assistance.request.recount": "Consent window counted again with the holidays on record",
  "assistance.feedback.record": "Assistance feedback recorded",
  "assistance.feedback.link": "Assistance feedback linked to the State's document: the note counts once",
  "assistance.feedback.unlink": "Assistance feedback unlinked from the State's document: each counts on its own",
  "assistance.feedback.correct": "Assistance feedback corrected",
  "assistance.feedback.void": "Assistance feedback voided",
  "assistance.match.propose": "Assistance match proposed",
  "assistance.match.transition": "Assistance match moved",
  "assistance.offer.create": "Assistance offer made",
  "assistance.offer.update": "Assistance offer updated",
  "assistance.report.create": "Pending-assistance report compiled",
  "assistance.report.mail.claim": "Pending-assistance report being mailed",
  "assistance.report.mail.release": "Pending-assistance report's mailing released",
  "assistance.report.mail.sent": "Pending-assistance report mailed",
  "matrix.draft.create": "Matrix draft started",
  "matrix.cells.edit": "Matrix cells edited",
  "matrix.transition": "Matrix moved",
  "organization.create": "Organization added",
  "organization.update": "Organization's details corrected",
  "organization.retire": "Organization retired",
  "organizations.seed": "Organization added from the desk's catalogue",
  "holidays.put": "UN Headquarters holidays recorded",
  "programme.seed": "Programme of work loaded from the desk's files",
  "programme.put": "Programme of work saved",
  "programme.adopt": "Programme of work adopted",
  "programme.reminder.claim": "Programme reminder being mailed",
  "programme.reminder.release": "Programme reminder's mailing released",
  "programme.reminder.sent": "Programme reminder mailed",
  "calendar-feed.issue": "Calendar feed issued",
  "calendar-feed.revoke": "Calendar feed revoked",
  "template.create": "Template created",
  "template.update": "Template changed",
  "snapshot.create": "Quarter's snapshot taken",
  "wave.create": "Wave drafted",
  "wave.schedule": "Wave scheduled",
  "wave.dispatch": "Wave's dispatch started",
  "wave.complete": "Wave's dispatch completed",
  "wave.cancel": "Wave cancelled",
  "wave.halt": "Wave halted",
  "wave.redispatch": "Wave dispatched again",
  "wave.resend": "Wave's letter sent again",
  "wave.test-send": "Wave's test copy sent",
};

export const LETTER_WORDS: Readonly<Record<LetterStatus, string>> = {
  queued: "Letter queued",
  sending: "Letter being sent",
  sent: "Letter sent",
  delivered: "Letter delivered",
  bounced: "Letter bounced",
  complained: "Letter marked as spam by its recipient",
  rejected: "Letter refused by the mail service",
  failed: "Letter failed",
  expired: "Letter not sent: its wave's no-letter-after time had passed",
  skipped: "Letter skipped",
  unknown: "Letter's fate being reconciled",
};

function isLetterStatus(status: string): status is LetterStatus {
  return Object.hasOwn(LETTER_WORDS, status);
}

function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(AUDIT_ACTION_WORDS, action);
}

/** The letter statuses whose entry says why, from the reason it carries: a skipped letter, one that failed unsent. */
const SAYS_WHY: ReadonlySet<string> = new Set(["letter.skipped", "letter.failed"]);

/**
 * A timeline's letter or audit entry in words: a skipped letter says why in the desk's words, a failed one its
 * reason ("wave halted: …"). `letters`, the letters the timeline lists, each once (timelineLetters), judge a rest's skip again: the
 * halted wave that wrote may have had its letter bounce since.
 */
export function entryActionWords(
  entry: { action: string; after?: unknown; at?: string },
  letters: readonly ListedLetter[] = [],
): string {
  const received = entry.action === "submission.record" ? documentReceived(entry.after) : undefined;
  if (received) return received;
  const words = actionWords(entry.action);
  if (!SAYS_WHY.has(entry.action)) return words;
  const { after } = entry;
  const reason =
    typeof after === "object" && after !== null && "reason" in after && typeof after.reason === "string"
      ? after.reason
      : undefined;
  const skip = entry.action === "letter.skipped" ? skipReasonParts(reason) : undefined;
  const why = skip ? (timelineSkipWords(skip, letters, entry.at) ?? skipInWords(skip)) : reason;
  return why ? `${words} (${why})` : words;
}

/** A document recorded, as what was received: "First national report received (S/AC.44/2026/7)" (audit 36). */
function documentReceived(after: unknown): string | undefined {
  if (typeof after !== "object" || after === null || !("kind" in after) || typeof after.kind !== "string") {
    return undefined;
  }
  const kind = codeIn(SUBMISSION_KINDS, after.kind);
  if (!kind) return undefined;
  const symbol = "symbol" in after && typeof after.symbol === "string" ? ` (${after.symbol})` : "";
  return `${SUBMISSION_KINDS[kind]} received${symbol}`;
}

/** The words for an action; an id nobody has named yet is shown as it is rather than hidden. */
export function actionWords(action: string): string {
  const [head, status = ""] = action.split(/\.(.*)/s);
  if (head === "letter" && isLetterStatus(status)) return LETTER_WORDS[status];
  return isAuditAction(action) ? AUDIT_ACTION_WORDS[action] : action;
}
