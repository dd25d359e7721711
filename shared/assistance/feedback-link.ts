// The requesting State's note recorded on its request first and then again as the State's document (kind
// assistance-feedback) counted twice; linking the feedback to the document counts it once (ADR 0070), as recording
// the feedback with the document's symbol does when the document came first (ADR 0064).
import type { AuditContext } from "../audit/audit-entry.ts";
import { NotFound } from "../errors.ts";
import { retryOnObligationChange } from "../reporting/obligation-writes.ts";
import { obligationIn } from "../reporting/obligations.ts";
import { allSubmissions } from "../reporting/submissions.ts";
import {
  documentLinkedAlready,
  feedbackDocument,
  feedbackLinkedAlready,
  providerNamesNoDocument,
  refuseDocumentOfOtherDay,
} from "./feedback-document.ts";
import { type AssistanceDependencies, requestFileOf, stateNameOf } from "./requests.ts";
import type { AssistanceFeedback, FeedbackDocumentLink } from "./schemas.ts";

/**
 * Links the requester's feedback `feedbackId` on request `requestId` to the State's counted document of kind
 * assistance-feedback that `input.symbol` names, received the same day: the note counts once, as the document, so
 * the State's obligation counts one less, its days and status as they were (the document, of the same day, still
 * counts). The same link again is the feedback as it is, written nothing; another document is 409. The write holds
 * the obligation as read, so that the document voided meanwhile is read again rather than linked.
 */
export const linkFeedbackDocument =
  (deps: Pick<AssistanceDependencies, "assistance" | "registry" | "reporting" | "clock">) =>
  (requestId: string, feedbackId: string, input: FeedbackDocumentLink, audit: AuditContext) =>
    retryOnObligationChange(async (): Promise<AssistanceFeedback> => {
      const { feedback: recorded } = await requestFileOf(deps, requestId);
      const feedback = recorded.find((one) => one.id === feedbackId);
      if (!feedback) throw new NotFound("Feedback", feedbackId);
      if (feedback.from !== "requester") throw providerNamesNoDocument();
      if (feedback.document) {
        if (feedback.document.symbol.toUpperCase() === input.symbol.toUpperCase()) return feedback;
        throw feedbackLinkedAlready(feedback, feedback.document.symbol);
      }
      const { iso3 } = feedback;
      const [counted, stateName] = await Promise.all([allSubmissions(deps, iso3), stateNameOf(deps, iso3)]);
      const document = feedbackDocument(
        input.symbol,
        counted,
        stateName,
        `record the note on the State's page first, received ${feedback.receivedOn}, then link the feedback to it`,
      );
      refuseDocumentOfOtherDay(document, feedback, stateName);
      const linked = recorded.find((other) => other.document?.submissionId === document.id);
      if (linked) throw documentLinkedAlready(document, linked);

      const before = obligationIn(await deps.reporting.obligations(iso3), iso3, "assistance-feedback");
      // The document counts the note, so at least it stays.
      const after = { ...before, submissions: Math.max(1, before.submissions - 1) };
      const ref = { submissionId: document.id, symbol: document.symbol };
      const next: AssistanceFeedback = { ...feedback, document: ref };
      await deps.assistance.write([
        deps.assistance.linkFeedback(feedback, ref),
        deps.assistance.updateFeedbackObligation(before, after),
        deps.assistance.audit({
          ...audit,
          action: "assistance.feedback.link",
          entity: { type: "assistance-request", id: requestId },
          before: { iso3, feedback, obligation: before },
          after: { iso3, feedback: next, obligation: after },
        }),
      ]);
      return next;
    });
