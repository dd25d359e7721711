// The assistance routes as data: method, path, who may call them (functions/api/access.ts); their schemas and handlers are
// in assistance.ts, loaded on the first request for one of them.
import { routeTable } from "#shared/http/route.ts";
import { everyone, staff } from "../access.ts";

const TAG = "Assistance";

export const assistanceTable = routeTable({
  createAssistanceRequest: {
    method: "POST",
    path: "/assistance/requests",
    summary: "Record an assistance request received from a State (status received)",
    tag: TAG,
    access: staff,
  },
  listAssistanceRequests: {
    method: "GET",
    path: "/assistance/requests",
    summary: "Assistance requests in the order received: all, by status, by requesting State, or both",
    tag: TAG,
    access: everyone,
  },
  getAssistanceRequest: {
    method: "GET",
    path: "/assistance/requests/{id}",
    summary: "One assistance request with its history of moves, and its ETag",
    tag: TAG,
    access: everyone,
  },
  transitionAssistanceRequest: {
    method: "POST",
    path: "/assistance/requests/{id}/transitions",
    summary: "Move a request (acknowledge, open the consent window, circulate, ...); illegal moves are 409",
    tag: TAG,
    access: staff,
    requiresIfMatch: true,
  },
  recordAssistanceRequestConsent: {
    method: "POST",
    path: "/assistance/requests/{id}/consent",
    summary:
      "Record the State's consent to circulation, at any time before circulation, with how it came; after " +
      "circulation, or a second time, it is 409",
    tag: TAG,
    access: staff,
    requiresIfMatch: true,
  },
  listAssistanceRequestMatches: {
    method: "GET",
    path: "/assistance/requests/{id}/matches",
    summary: "The matches proposed for a request, with their status",
    tag: TAG,
    access: everyone,
  },
  listAssistanceCandidates: {
    method: "GET",
    path: "/assistance/requests/{id}/candidates",
    summary: "Active offers that fit a request, ranked by shared areas and freshness, each rank explained",
    tag: TAG,
    access: everyone,
  },
  recordAssistanceFeedback: {
    method: "POST",
    path: "/assistance/requests/{id}/feedback",
    summary: "Record feedback on a fulfilled request; the requester's fulfils its assistance-feedback obligation",
    tag: TAG,
    access: staff,
  },
  listAssistanceFeedback: {
    method: "GET",
    path: "/assistance/requests/{id}/feedback",
    summary: "The feedback recorded on a request",
    tag: TAG,
    access: everyone,
  },
  createAssistanceOffer: {
    method: "POST",
    path: "/assistance/offers",
    summary: "Record an offer of assistance from a State or an organization",
    tag: TAG,
    access: staff,
  },
  listAssistanceOffers: {
    method: "GET",
    path: "/assistance/offers",
    summary: "Offers in the order recorded: all, or one provider's",
    tag: TAG,
    access: everyone,
  },
  getAssistanceOffer: {
    method: "GET",
    path: "/assistance/offers/{id}",
    summary: "One offer, with its ETag",
    tag: TAG,
    access: everyone,
  },
  updateAssistanceOffer: {
    method: "PATCH",
    path: "/assistance/offers/{id}",
    summary: "Change an offer's areas, description, validity or last-updated day",
    tag: TAG,
    access: staff,
    bodyTypes: ["application/json", "application/merge-patch+json"],
    requiresIfMatch: true,
  },
  listAssistanceProviders: {
    method: "GET",
    path: "/assistance/providers",
    summary: "Every provider with its areas and the day it last updated an offer; stale after 12 months",
    tag: TAG,
    access: everyone,
  },
  proposeAssistanceMatch: {
    method: "POST",
    path: "/assistance/matches",
    summary: "Propose an offer for a circulated request (status proposed)",
    tag: TAG,
    access: staff,
  },
  getAssistanceMatch: {
    method: "GET",
    path: "/assistance/matches/{id}",
    summary: "One match, with its ETag",
    tag: TAG,
    access: everyone,
  },
  transitionAssistanceMatch: {
    method: "POST",
    path: "/assistance/matches/{id}/transitions",
    summary: "Accept, deliver or decline a match; accepting makes a circulated request matched",
    tag: TAG,
    access: staff,
    requiresIfMatch: true,
  },
  listAssistanceReports: {
    method: "GET",
    path: "/assistance/reports",
    summary: "The pending-assistance reports, oldest first, without their rows",
    tag: TAG,
    access: everyone,
  },
  getAssistanceReport: {
    method: "GET",
    path: "/assistance/reports/{id}",
    summary: "One pending-assistance report: JSON, or CSV with ?format=csv",
    tag: TAG,
    access: everyone,
  },
});
