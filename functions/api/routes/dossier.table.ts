// The dossier routes as data: method, path, who may call them (functions/api/access.ts); their schemas and handlers are
// in dossier.ts, loaded on the first request for one of them.
import { routeTable } from "#shared/http/route.ts";
import { everyone, secretariatOnly } from "../access.ts";

export const dossierTable = routeTable({
  getStateTimeline: {
    method: "GET",
    path: "/states/{iso3}/timeline",
    summary:
      "Everything about a State, newest first: submissions and their corrections, letters with their delivery " +
      "status, contact changes, assistance requests and their moves, matrix versions, reporting-status changes; " +
      "each entry names its record and who did it (personal data for the secretariat only)",
    tag: "Dossier",
    access: everyone,
  },
  getStateAudit: {
    method: "GET",
    path: "/states/{iso3}/audit",
    summary: "Every audited write about a State, newest first, with before and after",
    tag: "Dossier",
    access: secretariatOnly,
  },
  listAuditEntries: {
    method: "GET",
    path: "/audit",
    summary:
      "The audit trail, newest first: one entity's entries (entity=state:MLI), one actor's (actor=<id>), or every " +
      "entry of a span of days (31 days unless from is given, at most 366)",
    tag: "Dossier",
    access: secretariatOnly,
  },
});
