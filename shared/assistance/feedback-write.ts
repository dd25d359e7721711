// One feedback's change written with what it does to the requesting State's assistance-feedback obligation, and its
// audit entry, in one transaction: the correction (ADR 0071), the link and unlink (ADR 0070) and the void (ADR 0073).
import type { AuditAction } from "../audit/actions.ts";
import type { AuditContext } from "../audit/audit-entry.ts";
import type { Obligation } from "../reporting/schemas.ts";
import type { Versioned } from "../versioning.ts";
import type { AssistanceChange } from "./repository.ts";
import type { AssistanceDependencies } from "./requests.ts";
import type { AssistanceFeedback } from "./schemas.ts";

export interface FeedbackChange {
  /** The feedback as read, at `version`, and as it will be. */
  feedback: AssistanceFeedback;
  version: number;
  next: AssistanceFeedback;
  /** The store's change that writes `next` at the next version: by default `next` replaces it (a correction, a void). */
  change?: AssistanceChange;
  /** The obligation as read (its revision held) and after, when the change moves it. */
  obligation?: { before: Obligation; after: Obligation } | undefined;
  action: AuditAction;
  reason?: string;
}

/** Writes `change`, the obligation it moves and its audit entry together; answers the feedback at its next version. */
export async function writeFeedbackChange(
  deps: Pick<AssistanceDependencies, "assistance">,
  audit: AuditContext,
  { feedback, version, next, change, obligation, action, reason }: FeedbackChange,
): Promise<Versioned<AssistanceFeedback>> {
  const { iso3, requestId } = feedback;
  await deps.assistance.write([
    change ?? deps.assistance.replaceFeedback(next, version, feedback),
    ...(obligation ? [deps.assistance.updateFeedbackObligation(obligation.before, obligation.after)] : []),
    deps.assistance.audit({
      ...audit,
      action,
      entity: { type: "assistance-request", id: requestId },
      ...(reason === undefined ? {} : { reason }),
      before: { iso3, feedback, ...(obligation ? { obligation: obligation.before } : {}) },
      after: { iso3, feedback: next, ...(obligation ? { obligation: obligation.after } : {}) },
    }),
  ]);
  return { value: next, version: version + 1 };
}
