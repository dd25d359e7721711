// An assistance request as the console reads and writes it (the list's reads: assistance-list-data.ts): one with its
// ETag, a new one, a move and the State's consent with If-Match, and the feedback on one: one read with its ETag,
// corrected or voided with If-Match (ADRs 0071, 0072, 0073), linked to the State's document that is the same note, or
// unlinked from it (ADR 0070).
import { api, dataOf, ProblemError, type Schemas } from "../api/client.ts";
import { type Versioned, versionedOf } from "../api/versioned.ts";

export type AssistanceRequest = Schemas["AssistanceRequest"];
export type RequestStatus = AssistanceRequest["status"];
export type Transition = Schemas["AssistanceRequestTransition"];
export type Consent = Schemas["AssistanceRequestConsent"];
export type NewRequest = Schemas["NewAssistanceRequest"];
export type Feedback = Schemas["AssistanceFeedback"];
export type NewFeedback = Schemas["NewAssistanceFeedback"];
export type FeedbackCorrection = Schemas["AssistanceFeedbackCorrection"];

export type { Versioned };

export async function requestWithEtag(id: string): Promise<Versioned<AssistanceRequest>> {
  const result = await api.GET("/assistance/requests/{id}", { params: { path: { id } } });
  return versionedOf(dataOf(result), result.response);
}

export async function moveRequest(id: string, etag: string, body: Transition): Promise<Versioned<AssistanceRequest>> {
  const result = await api.POST("/assistance/requests/{id}/transitions", {
    params: { path: { id }, header: { "If-Match": etag } },
    body,
  });
  return versionedOf(dataOf(result), result.response);
}

/** Records the State's consent to circulation; the answer is the request as it now stands, with its ETag. */
export async function recordConsent(id: string, etag: string, body: Consent): Promise<Versioned<AssistanceRequest>> {
  const result = await api.POST("/assistance/requests/{id}/consent", {
    params: { path: { id }, header: { "If-Match": etag } },
    body,
  });
  return versionedOf(dataOf(result), result.response);
}

export async function createRequest(body: NewRequest): Promise<AssistanceRequest> {
  return dataOf(await api.POST("/assistance/requests", { body }));
}

export async function feedbackOf(id: string): Promise<Feedback[]> {
  return dataOf(await api.GET("/assistance/requests/{id}/feedback", { params: { path: { id } } })).items;
}

export async function recordFeedback(id: string, body: NewFeedback): Promise<Feedback> {
  return dataOf(await api.POST("/assistance/requests/{id}/feedback", { params: { path: { id } }, body }));
}

/** Feedback `feedbackId` on request `requestId` as it stands, with its ETag: what its correction is made against. */
export async function feedbackWithEtag(requestId: string, feedbackId: string): Promise<Versioned<Feedback>> {
  const result = await api.GET("/assistance/requests/{id}/feedback/{feedbackId}", {
    params: { path: { id: requestId, feedbackId } },
  });
  return versionedOf(dataOf(result), result.response);
}

/**
 * Corrects feedback on request `requestId` as read (`current`): the fields in `changes` only. The answer is the
 * feedback as corrected, with its ETag; a colleague's correction, link or unlink since it was read is 412, and a
 * correction that repeats another feedback of the request (its author, day and text) is 409.
 */
export async function correctFeedback(
  requestId: string,
  current: Versioned<Feedback>,
  changes: FeedbackCorrection,
): Promise<Versioned<Feedback>> {
  const result = await api.PATCH("/assistance/requests/{id}/feedback/{feedbackId}", {
    params: { path: { id: requestId, feedbackId: current.value.id }, header: { "If-Match": current.etag } },
    body: changes,
  });
  return versionedOf(dataOf(result), result.response);
}

/**
 * Voids feedback on request `requestId` as read (`current`), recorded in error, saying why: it stays listed for the
 * record and no longer counts. The answer is the feedback as voided, with its ETag; a colleague's correction, link or
 * unlink since it was read is 412, and feedback voided already is 409.
 */
export async function voidFeedback(
  requestId: string,
  current: Versioned<Feedback>,
  reason: string,
): Promise<Versioned<Feedback>> {
  const result = await api.POST("/assistance/requests/{id}/feedback/{feedbackId}/void", {
    params: { path: { id: requestId, feedbackId: current.value.id }, header: { "If-Match": current.etag } },
    body: { reason },
  });
  return versionedOf(dataOf(result), result.response);
}

/**
 * Links the requesting State's feedback `feedbackId` on request `requestId` to the State's document `symbol` of kind
 * assistance-feedback, received the same day: the note then counts once, as the document. The answer is the feedback
 * naming it.
 */
export async function linkFeedbackDocument(requestId: string, feedbackId: string, symbol: string): Promise<Feedback> {
  return dataOf(
    await api.PUT("/assistance/requests/{id}/feedback/{feedbackId}/document", {
      params: { path: { id: requestId, feedbackId } },
      body: { symbol },
    }),
  );
}

/**
 * Undoes the link, made in error, of feedback `feedbackId` on request `requestId` to the State's document `symbol`
 * (the one the page showed: linked to another by then, it is 409): the feedback counts on its own again, beside the
 * document. The answer is the feedback naming no document (as it is when it named none by then).
 */
export async function unlinkFeedbackDocument(requestId: string, feedbackId: string, symbol: string): Promise<Feedback> {
  return dataOf(
    await api.DELETE("/assistance/requests/{id}/feedback/{feedbackId}/document", {
      params: { path: { id: requestId, feedbackId }, query: { symbol } },
    }),
  );
}

export { ProblemError };
