// The dossier routes as data: method, path, who may call them (functions/api/access.ts); their schemas and handlers are
// in dossier.ts, loaded on the first request for one of them.
import { type RouteSummaries, routeTable } from "#shared/http/route.ts";
import { everyone, secretariatOnly } from "../access.ts";

export const dossierTable = routeTable({
  getStateTimeline: {
    method: "GET",
    path: "/states/{iso3}/timeline",
    tag: "Dossier",
    access: everyone,
  },
  getOrganizationTimeline: {
    method: "GET",
    path: "/organizations/{id}/timeline",
    tag: "Dossier",
    access: everyone,
  },
  listOrganizationLetters: {
    method: "GET",
    path: "/organizations/{id}/letters",
    tag: "Dossier",
    access: everyone,
  },
  getStateAudit: {
    method: "GET",
    path: "/states/{iso3}/audit",
    tag: "Dossier",
    access: secretariatOnly,
  },
  getOrganizationAudit: {
    method: "GET",
    path: "/organizations/{id}/audit",
    tag: "Dossier",
    access: secretariatOnly,
  },
  listAuditEntries: {
    method: "GET",
    path: "/audit",
    tag: "Dossier",
    access: secretariatOnly,
  },
});

/** Each route's summary in the OpenAPI document: read by the document's writer only (functions/api/summaries.ts), so
 * no Lambda bundle carries it (ADR 0038). */
export const dossierSummaries = {
  getStateTimeline:
    "Everything about a State, by the day it happened (newest first, then by when it was recorded): submissions " +
    "and their corrections, letters with their delivery status, contact changes, assistance requests and their " +
    "moves, matrix versions, reporting-status changes; each entry names its record, who did it, the day it " +
    "happened and when it was recorded (personal data for the secretariat only)",
  getOrganizationTimeline:
    "Everything about an organization, by the day it happened (newest first, then by when it was recorded): " +
    "corrections of its details, contact changes, its assistance offers and the matches proposed on them, letters " +
    "with their delivery status; each entry names its record, who did it, the day it happened and when it was " +
    "recorded (personal data for the secretariat only)",
  listOrganizationLetters:
    "The letters written to an organization's points of contact, newest first, with their delivery status " +
    "(personal data for the secretariat only)",
  getStateAudit: "Every audited write about a State, newest first, with before and after",
  getOrganizationAudit:
    "Every audited write about an organization (its record, its contacts, its offers and the matches on them), " +
    "newest first, with before and after",
  listAuditEntries:
    "The audit trail, newest first: one entity's entries (entity=state:MLI), one actor's (actor=<id>), or every " +
    "entry of a span of days (31 days unless from is given, at most 366)",
} satisfies RouteSummaries<typeof dossierTable>;
