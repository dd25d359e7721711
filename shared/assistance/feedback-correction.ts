// Correcting feedback on the assistance process (ADR 0071): its text, or the day it was received, typed wrongly. A
// feedback's day decides whether it is the same note as a document (ADR 0070) and dates the requesting State's
// assistance-feedback obligation, so a wrong day could not be left standing.
import type { AuditContext } from "../audit/audit-entry.ts";
import { checkDayOfMove, deskToday } from "../clock.ts";
import { Invalid } from "../errors.ts";
import { retryOnObligationChange } from "../reporting/obligation-writes.ts";
import { obligationIn } from "../reporting/obligations.ts";
import type { Versioned } from "../versioning.ts";
import { feedbackRepeated, feedbackStale, sameFeedback } from "./feedback-content.ts";
import { noteDays, redated } from "./feedback-dates.ts";
import { standingFeedbackIn } from "./feedback-link.ts";
import { countsOnItsOwn } from "./feedback-open.ts";
import { writeFeedbackChange } from "./feedback-write.ts";
import type { AssistanceDependencies } from "./requests.ts";
import type { AssistanceFeedback, FeedbackCorrection } from "./schemas.ts";

type CorrectionDependencies = Pick<AssistanceDependencies, "assistance" | "registry" | "reporting" | "clock">;

/**
 * Corrects feedback `feedbackId` on request `requestId` if it is still at `expectedVersion` (412 naming the current
 * ETag otherwise, ADR 0072): its text, its day (not before the request was received, not in the future; a linked
 * note's day is its document's, 422). The same text and day again write nothing. Saying what another feedback of the
 * request says is 409 naming it. A day moved on feedback that counts on its own dates the State's obligation again
 * from every note it counts (its count unchanged), in the same write, held at the revision read.
 */
export const correctFeedback =
  (deps: CorrectionDependencies) =>
  (requestId: string, feedbackId: string, expectedVersion: number, input: FeedbackCorrection, audit: AuditContext) =>
    retryOnObligationChange(async (): Promise<Versioned<AssistanceFeedback>> => {
      const { request, feedback, version, recorded } = await standingFeedbackIn(deps, requestId, feedbackId);
      if (version !== expectedVersion) {
        throw feedbackStale(feedback, version, expectedVersion);
      }
      const next: AssistanceFeedback = { ...feedback, ...input };
      if (next.text === feedback.text && next.receivedOn === feedback.receivedOn) return { value: feedback, version };
      const dayMoved = next.receivedOn !== feedback.receivedOn;
      if (dayMoved && feedback.document) {
        throw new Invalid("The feedback's received date is not possible", [
          {
            path: "body.receivedOn",
            message:
              `is not the day ${feedback.document.symbol} was received (${feedback.receivedOn}): feedback linked to ` +
              "its document is received the day the document was (unlink it first if it is not that note)",
          },
        ]);
      }
      if (dayMoved) {
        checkDayOfMove(next.receivedOn, {
          today: deskToday(deps.clock),
          previous: request.value.receivedOn,
          previousIs: "the request was received",
          path: "body.receivedOn",
          refusal: "The feedback's received date is not possible",
        });
      }
      const held = recorded.find((other) => other.id !== feedback.id && sameFeedback(other, next));
      if (held) throw feedbackRepeated(held.id, next);

      const { iso3 } = feedback;
      const before =
        dayMoved && countsOnItsOwn(feedback)
          ? obligationIn(await deps.reporting.obligations(iso3), iso3, "assistance-feedback")
          : undefined;
      const obligation = before && { before, after: redated(before, await noteDays(deps, iso3, next)) };
      return writeFeedbackChange(deps, audit, {
        feedback,
        version,
        next,
        obligation,
        action: "assistance.feedback.correct",
      });
    });
