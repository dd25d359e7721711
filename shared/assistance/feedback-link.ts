// The requesting State's note recorded on its request first and then again as the State's document (kind
// assistance-feedback) counted twice; linking the feedback to the document counts it once (ADR 0070), as recording
// the feedback with the document's symbol does when the document came first (ADR 0064). A link made in error is
// undone.
import type { AuditContext } from "../audit/audit-entry.ts";
import { NotFound } from "../errors.ts";
import { retryOnObligationChange } from "../reporting/obligation-writes.ts";
import { obligationIn } from "../reporting/obligations.ts";
import type { Obligation } from "../reporting/schemas.ts";
import { allSubmissions, obligationAfter } from "../reporting/submissions.ts";
import type { Versioned } from "../versioning.ts";
import { feedbackVoided } from "./feedback-content.ts";
import {
  documentLinkedAlready,
  feedbackDocument,
  feedbackLinkedAlready,
  feedbackLinkRefused,
  providerNamesNoDocument,
  refuseDocumentOfOtherDay,
} from "./feedback-document.ts";
import { standing } from "./feedback-open.ts";
import { type FeedbackChange, writeFeedbackChange } from "./feedback-write.ts";
import { type AssistanceDependencies, requestFileOf, stateNameOf } from "./requests.ts";
import type { AssistanceFeedback, FeedbackDocumentLink } from "./schemas.ts";

type LinkDependencies = Pick<AssistanceDependencies, "assistance" | "registry" | "reporting" | "clock">;

/**
 * The feedback `feedbackId` on request `requestId` and its version, with the request and all its feedback that stands
 * (`recorded`); NotFound for either.
 */
export async function feedbackIn(
  deps: Pick<AssistanceDependencies, "assistance">,
  requestId: string,
  feedbackId: string,
) {
  const file = await requestFileOf(deps, requestId);
  const found = file.feedback.find(({ value }) => value.id === feedbackId);
  if (!found) throw new NotFound("Feedback", feedbackId);
  const recorded = standing(file.feedback.map(({ value }) => value));
  return { request: file.request, feedback: found.value, version: found.version, recorded };
}

/** As `feedbackIn`, for a change to the feedback: voided feedback is not changed (409, ADR 0073). */
export async function standingFeedbackIn(
  deps: Pick<AssistanceDependencies, "assistance">,
  requestId: string,
  feedbackId: string,
) {
  const found = await feedbackIn(deps, requestId, feedbackId);
  const { voided } = found.feedback;
  if (voided) throw feedbackVoided(found.feedback, voided);
  return found;
}

/** One feedback on request `requestId`, with its version (its ETag); NotFound for the request or the feedback. */
export const getFeedback =
  (deps: Pick<AssistanceDependencies, "assistance">) =>
  async (requestId: string, feedbackId: string): Promise<Versioned<AssistanceFeedback>> => {
    const { feedback, version } = await feedbackIn(deps, requestId, feedbackId);
    return { value: feedback, version };
  };

/**
 * A link's change written with the State's obligation as `counted` makes it from the one read now (held at its
 * revision).
 */
async function writeLinkChange(
  deps: LinkDependencies,
  audit: AuditContext,
  link: Omit<FeedbackChange, "obligation"> & { counted: (before: Obligation) => Obligation },
): Promise<Versioned<AssistanceFeedback>> {
  const { iso3 } = link.feedback;
  const before = obligationIn(await deps.reporting.obligations(iso3), iso3, "assistance-feedback");
  return writeFeedbackChange(deps, audit, { ...link, obligation: { before, after: link.counted(before) } });
}

/**
 * Links the requester's feedback `feedbackId` on request `requestId` to the State's counted document of kind
 * assistance-feedback that `input.symbol` names, received the same day: the note counts once, as the document, so
 * the State's obligation counts one less, its days and status as they were (the document, of the same day, still
 * counts). The same link again is the feedback as it is, written nothing; another document is 409. The write holds
 * the obligation as read, so that the document voided meanwhile is read again rather than linked.
 */
export const linkFeedbackDocument =
  (deps: LinkDependencies) =>
  (requestId: string, feedbackId: string, input: FeedbackDocumentLink, audit: AuditContext) =>
    retryOnObligationChange(async (): Promise<Versioned<AssistanceFeedback>> => {
      const { feedback, version, recorded } = await standingFeedbackIn(deps, requestId, feedbackId);
      if (feedback.from !== "requester") throw providerNamesNoDocument();
      if (feedback.document) {
        if (feedback.document.symbol.toUpperCase() === input.symbol.toUpperCase()) return { value: feedback, version };
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
      refuseDocumentOfOtherDay(document, feedback);
      const linked = recorded.find((other) => other.document?.submissionId === document.id);
      if (linked) throw documentLinkedAlready(document, linked);

      const ref = { submissionId: document.id, symbol: document.symbol };
      // The document counts the note, so at least it stays.
      return writeLinkChange(deps, audit, {
        feedback,
        version,
        next: { ...feedback, document: ref },
        change: deps.assistance.linkFeedback({ value: feedback, version }, ref),
        action: "assistance.feedback.link",
        counted: (before) => ({ ...before, submissions: Math.max(1, before.submissions - 1) }),
      });
    });

/**
 * Undoes a link made in error to the document `undone.symbol` names, made afterwards or when the feedback was recorded
 * naming it (ADR 0064): the feedback names no document again and counts on its own, so the State's obligation counts
 * one more (fulfilled, its days widened by the feedback's), beside the document, which counts as it did. Feedback
 * naming no document is answered as it is, written nothing; feedback linked to another document than the one the
 * caller undoes (a colleague's change since the caller read it) is 409. The write holds what was read: the link and
 * the obligation.
 */
export const unlinkFeedbackDocument =
  (deps: LinkDependencies) =>
  (requestId: string, feedbackId: string, undone: FeedbackDocumentLink, audit: AuditContext) =>
    retryOnObligationChange(async (): Promise<Versioned<AssistanceFeedback>> => {
      const { feedback, version } = await standingFeedbackIn(deps, requestId, feedbackId);
      const { document, ...next } = feedback;
      if (!document) return { value: feedback, version };
      if (document.symbol.toUpperCase() !== undone.symbol.toUpperCase()) {
        throw feedbackLinkRefused(feedback, { symbol: undone.symbol }, document.symbol);
      }
      return writeLinkChange(deps, audit, {
        feedback,
        version,
        next,
        change: deps.assistance.unlinkFeedback({ value: feedback, version }, document),
        action: "assistance.feedback.unlink",
        counted: (before) => obligationAfter(before, feedback.receivedOn),
      });
    });
