// Voiding feedback recorded in error (ADR 0073): on the wrong request, from the wrong author, or not feedback at all.
// It stays listed for the record, marked voided with why; it no longer counts, repeats or takes a link, and its words
// are free again. Correction (ADR 0071) mends what a note says; voiding is for a note that should not be there.
import type { AuditContext } from "../audit/audit-entry.ts";
import { retryOnObligationChange } from "../reporting/obligation-writes.ts";
import { derivedObligation, obligationIn } from "../reporting/obligations.ts";
import type { Versioned } from "../versioning.ts";
import { feedbackStale } from "./feedback-content.ts";
import { noteDays } from "./feedback-dates.ts";
import { standingFeedbackIn } from "./feedback-link.ts";
import { countsOnItsOwn } from "./feedback-open.ts";
import { writeFeedbackChange } from "./feedback-write.ts";
import type { AssistanceDependencies } from "./requests.ts";
import type { AssistanceFeedback, FeedbackVoid } from "./schemas.ts";

type VoidDependencies = Pick<AssistanceDependencies, "assistance" | "registry" | "reporting" | "clock">;

/**
 * Voids feedback `feedbackId` on request `requestId` if it is still at `expectedVersion` (412 otherwise), with the
 * reason. Feedback that counted on its own takes one from the State's assistance-feedback obligation, dated again by
 * the notes still counted (none left: back to not applicable), in the same write, held at the revision read; a note
 * linked to its document counted there and leaves the obligation as it is. Voided feedback is 409.
 */
export const voidFeedback =
  (deps: VoidDependencies) =>
  (requestId: string, feedbackId: string, expectedVersion: number, input: FeedbackVoid, audit: AuditContext) =>
    retryOnObligationChange(async (): Promise<Versioned<AssistanceFeedback>> => {
      const { feedback, version } = await standingFeedbackIn(deps, requestId, feedbackId);
      if (version !== expectedVersion) throw feedbackStale(feedback, version, expectedVersion);
      const now = deps.clock.now().toISOString();
      const next: AssistanceFeedback = { ...feedback, voided: { at: now, by: audit.actor.id, reason: input.reason } };
      const { iso3 } = feedback;
      const before = countsOnItsOwn(feedback)
        ? obligationIn(await deps.reporting.obligations(iso3), iso3, "assistance-feedback")
        : undefined;
      const days = before && (await noteDays(deps, iso3, next));
      const obligation = before && days && { before, after: derivedObligation(before, receivedOn(days), -1) };
      return writeFeedbackChange(deps, audit, {
        feedback,
        version,
        next,
        obligation,
        action: "assistance.feedback.void",
        reason: input.reason,
      });
    });

const receivedOn = (days: readonly string[]) => days.map((day) => ({ receivedOn: day }));
