// The assistance routes as data: method, path, who may call them (functions/api/access.ts); their schemas and handlers are
// in assistance.ts, loaded on the first request for one of them.
import { type RouteSummaries, routeTable } from "#shared/http/route.ts";
import { everyone, staff } from "../access.ts";

const TAG = "Assistance";

export const assistanceTable = routeTable({
  createAssistanceRequest: {
    method: "POST",
    path: "/assistance/requests",
    tag: TAG,
    access: staff,
  },
  listAssistanceRequests: {
    method: "GET",
    path: "/assistance/requests",
    tag: TAG,
    access: everyone,
  },
  getAssistanceRequest: {
    method: "GET",
    path: "/assistance/requests/{id}",
    tag: TAG,
    access: everyone,
  },
  correctAssistanceRequest: {
    method: "PATCH",
    path: "/assistance/requests/{id}",
    tag: TAG,
    access: staff,
    bodyTypes: ["application/json", "application/merge-patch+json"],
    requiresIfMatch: true,
  },
  transitionAssistanceRequest: {
    method: "POST",
    path: "/assistance/requests/{id}/transitions",
    tag: TAG,
    access: staff,
    requiresIfMatch: true,
  },
  recordAssistanceRequestConsent: {
    method: "POST",
    path: "/assistance/requests/{id}/consent",
    tag: TAG,
    access: staff,
    requiresIfMatch: true,
  },
  listAssistanceRequestMatches: {
    method: "GET",
    path: "/assistance/requests/{id}/matches",
    tag: TAG,
    access: everyone,
  },
  listAssistanceCandidates: {
    method: "GET",
    path: "/assistance/requests/{id}/candidates",
    tag: TAG,
    access: everyone,
  },
  recordAssistanceFeedback: {
    method: "POST",
    path: "/assistance/requests/{id}/feedback",
    tag: TAG,
    access: staff,
  },
  listAssistanceFeedback: {
    method: "GET",
    path: "/assistance/requests/{id}/feedback",
    tag: TAG,
    access: everyone,
  },
  getAssistanceFeedback: {
    method: "GET",
    path: "/assistance/requests/{id}/feedback/{feedbackId}",
    tag: TAG,
    access: everyone,
  },
  correctAssistanceFeedback: {
    method: "PATCH",
    path: "/assistance/requests/{id}/feedback/{feedbackId}",
    tag: TAG,
    access: staff,
    bodyTypes: ["application/json", "application/merge-patch+json"],
    requiresIfMatch: true,
  },
  voidAssistanceFeedback: {
    method: "POST",
    path: "/assistance/requests/{id}/feedback/{feedbackId}/void",
    tag: TAG,
    access: staff,
    requiresIfMatch: true,
  },
  linkAssistanceFeedbackDocument: {
    method: "PUT",
    path: "/assistance/requests/{id}/feedback/{feedbackId}/document",
    tag: TAG,
    access: staff,
  },
  unlinkAssistanceFeedbackDocument: {
    method: "DELETE",
    path: "/assistance/requests/{id}/feedback/{feedbackId}/document",
    tag: TAG,
    access: staff,
  },
  createAssistanceOffer: {
    method: "POST",
    path: "/assistance/offers",
    tag: TAG,
    access: staff,
  },
  listAssistanceOffers: {
    method: "GET",
    path: "/assistance/offers",
    tag: TAG,
    access: everyone,
  },
  getAssistanceOffer: {
    method: "GET",
    path: "/assistance/offers/{id}",
    tag: TAG,
    access: everyone,
  },
  updateAssistanceOffer: {
    method: "PATCH",
    path: "/assistance/offers/{id}",
    tag: TAG,
    access: staff,
    bodyTypes: ["application/json", "application/merge-patch+json"],
    requiresIfMatch: true,
  },
  listAssistanceProviders: {
    method: "GET",
    path: "/assistance/providers",
    tag: TAG,
    access: everyone,
  },
  proposeAssistanceMatch: {
    method: "POST",
    path: "/assistance/matches",
    tag: TAG,
    access: staff,
  },
  getAssistanceMatch: {
    method: "GET",
    path: "/assistance/matches/{id}",
    tag: TAG,
    access: everyone,
  },
  transitionAssistanceMatch: {
    method: "POST",
    path: "/assistance/matches/{id}/transitions",
    tag: TAG,
    access: staff,
    requiresIfMatch: true,
  },
  listAssistanceReports: {
    method: "GET",
    path: "/assistance/reports",
    tag: TAG,
    access: everyone,
  },
  getAssistanceReport: {
    method: "GET",
    path: "/assistance/reports/{id}",
    tag: TAG,
    access: everyone,
  },
});

/** Each route's summary in the OpenAPI document: read by the document's writer only (functions/api/summaries.ts), so
 * no Lambda bundle carries it (ADR 0038). */
export const assistanceSummaries = {
  createAssistanceRequest: "Record an assistance request received from a State (status received)",
  listAssistanceRequests: "Assistance requests in the order received: all, by status, by requesting State, or both",
  getAssistanceRequest: "One assistance request with its history of moves, and its ETag",
  correctAssistanceRequest:
    "Correct a request's symbol, day received, areas or description (not its State, nor its status); a symbol " +
    "recorded already is 409 as when recording, a day after anything the request's file records is 422",
  transitionAssistanceRequest:
    "Move a request (acknowledge, open the consent window, circulate, ...); illegal moves are 409",
  recordAssistanceRequestConsent:
    "Record the State's consent to circulation, at any time before circulation, with how it came; after " +
    "circulation, or a second time, it is 409",
  listAssistanceRequestMatches: "The matches proposed for a request, with their status",
  listAssistanceCandidates:
    "Active offers that fit a request, ranked by shared areas and freshness, each rank explained",
  recordAssistanceFeedback:
    "Record feedback on the assistance process, on a request from its circulation on or once withdrawn; the " +
    "requester's counts towards its assistance-feedback obligation once (naming the State's document it was " +
    "recorded as, it counts as that document)",
  listAssistanceFeedback: "The feedback recorded on a request",
  getAssistanceFeedback: "One feedback on a request, with its ETag",
  correctAssistanceFeedback:
    "Correct feedback's text or the day it was received, with If-Match (not before the request's, not in the " +
    "future; a linked note's is its document's); a day moved on feedback that counts dates the State's obligation " +
    "again; the same again changes nothing, what another feedback of the request says is 409",
  voidAssistanceFeedback:
    "Void feedback recorded in error, with If-Match and the reason: listed for the record, it no longer counts (the " +
    "requester's own note takes one from its obligation, dated again by the notes still counted) nor repeats; voided " +
    "feedback is 409",
  linkAssistanceFeedbackDocument:
    "Link the requesting State's feedback to its document of kind assistance-feedback that is the same note, " +
    "received the same day: the note counts once, as the document (the obligation one less); the same link again " +
    "changes nothing, another is 409",
  unlinkAssistanceFeedbackDocument:
    "Undo a link made in error to the document ?symbol= names: the feedback names no document and counts on its own " +
    "again, beside the document (the obligation one more); feedback naming none is answered as it is, feedback " +
    "linked to another document is 409",
  createAssistanceOffer:
    "Record an offer of assistance from a State or an organization; 409 when one of the provider's offers says the " +
    "same (areas, description, validity)",
  listAssistanceOffers: "Offers in the order recorded: all, or one provider's",
  getAssistanceOffer: "One offer, with its ETag",
  updateAssistanceOffer:
    "Change an offer's areas, description, validity or last-updated day; 409 when it would say what another of the " +
    "provider's offers says, or once its organization is retired",
  listAssistanceProviders:
    "Every provider with its areas and the day it last updated an offer; stale after 12 months; a retired " +
    "organization marked with its day",
  proposeAssistanceMatch: "Propose an offer for a circulated request (status proposed)",
  getAssistanceMatch: "One match, with its ETag",
  transitionAssistanceMatch: "Accept, deliver or decline a match; accepting makes a circulated request matched",
  listAssistanceReports: "The pending-assistance reports, oldest first, without their rows",
  getAssistanceReport: "One pending-assistance report: JSON, or CSV with ?format=csv",
} satisfies RouteSummaries<typeof assistanceTable>;
