// Every action the audit trail records, by the writers' own ids. A writer naming an action not listed here fails
// `tsc`, and the console's timeline keeps its words in a Record over the actions about a State or an organization, so
// an action without words fails `tsc` too (console/src/pages/state/actions.ts).

/** The heads of the actions that can concern one State, and so reach its timeline (shared/audit/subject.ts). */
export type StateActionHead =
  | "registry"
  | "state"
  | "submission"
  | "obligation"
  | "contact"
  | "contacts"
  | "assistance"
  | "matrix";

export type AuditAction =
  | "registry.seed"
  | "state.update"
  | "state.reporting-status"
  | "submission.record"
  | "submission.correct"
  | "submission.correct-kind"
  | "submission.void"
  | "obligation.point-of-contact"
  | "contact.create"
  | "contact.update"
  | "contact.verify"
  | "contact.deactivate"
  | "contact.email-status"
  | "contact.language-of-record"
  | "contacts.import"
  | "contacts.seed-demo"
  | "assistance.request.create"
  | "assistance.request.seed"
  | "assistance.request.transition"
  | "assistance.request.consent"
  | "assistance.feedback.record"
  | "assistance.match.propose"
  | "assistance.match.transition"
  | "assistance.offer.create"
  | "assistance.offer.update"
  | "assistance.report.create"
  | "assistance.report.mail.claim"
  | "assistance.report.mail.release"
  | "assistance.report.mail.sent"
  | "matrix.draft.create"
  | "matrix.cells.edit"
  | "matrix.transition"
  | "organization.create"
  | "organization.update"
  | "organizations.seed"
  | "programme.seed"
  | "programme.put"
  | "programme.adopt"
  | "programme.reminder.claim"
  | "programme.reminder.release"
  | "programme.reminder.sent"
  | "calendar-feed.issue"
  | "calendar-feed.revoke"
  | "template.create"
  | "template.update"
  | "snapshot.create"
  | "wave.create"
  | "wave.schedule"
  | "wave.dispatch"
  | "wave.complete"
  | "wave.cancel"
  | "wave.halt"
  | "wave.redispatch"
  | "wave.resend"
  | "wave.test-send";

/** The heads of the actions that can concern one organization, and so reach its timeline (shared/audit/subject.ts). */
export type OrganizationActionHead = "organization" | "organizations" | "contact" | "contacts" | "assistance";

/** The actions that can concern one State or one organization: the ones their timelines name in words. */
export type TimelineAuditAction = Extract<AuditAction, `${StateActionHead | OrganizationActionHead}.${string}`>;
