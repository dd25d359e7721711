// Routes of the dossier: a State's timeline (everything about it, newest first) and the audit trail (ADR 0020).
import { auditEntries, type DossierDependencies, stateAudit, stateTimeline } from "#shared/dossier/dossier.ts";
import {
  auditEntryViewSchema,
  auditQuerySchema,
  stateAuditQuerySchema,
  timelineEntrySchema,
  timelineQuerySchema,
} from "#shared/dossier/schemas.ts";
import { pageRequestOf, pageSchema } from "#shared/http/pagination-query.ts";
import { defineRoute, type Route } from "#shared/http/route.ts";
import { everyone, secretariatOnly } from "../access.ts";
import { byCode } from "./states.ts";

export function dossierRoutes(deps: DossierDependencies): Route[] {
  return [
    defineRoute({
      method: "GET",
      path: "/states/{iso3}/timeline",
      operationId: "getStateTimeline",
      summary:
        "Everything about a State, newest first: submissions and their corrections, letters with their delivery " +
        "status, contact changes, assistance requests and their moves, matrix versions, reporting-status changes; " +
        "each entry names its record and who did it (personal data for the secretariat only)",
      tag: "Dossier",
      access: everyone,
      params: byCode,
      query: timelineQuerySchema,
      responses: [{ status: 200, description: "A page of the timeline", schema: pageSchema(timelineEntrySchema) }],
      async handle({ params, query, actor }) {
        const { from, to, kinds } = query;
        const page = await stateTimeline(deps)(params.iso3, { from, to, kinds }, actor, pageRequestOf(query));
        return { body: page };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/states/{iso3}/audit",
      operationId: "getStateAudit",
      summary: "Every audited write about a State, newest first, with before and after",
      tag: "Dossier",
      access: secretariatOnly,
      params: byCode,
      query: stateAuditQuerySchema,
      responses: [{ status: 200, description: "A page of audit entries", schema: pageSchema(auditEntryViewSchema) }],
      async handle({ params, query }) {
        const page = await stateAudit(deps)(params.iso3, { from: query.from, to: query.to }, pageRequestOf(query));
        return { body: page };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/audit",
      operationId: "listAuditEntries",
      summary:
        "The audit trail, newest first: one entity's entries (entity=state:MLI), one actor's (actor=<id>), or every " +
        "entry of a span of days (31 days unless from is given, at most 366)",
      tag: "Dossier",
      access: secretariatOnly,
      query: auditQuerySchema,
      responses: [{ status: 200, description: "A page of audit entries", schema: pageSchema(auditEntryViewSchema) }],
      async handle({ query }) {
        return { body: await auditEntries(deps)(query, pageRequestOf(query)) };
      },
    }),
  ];
}
