// Routes of the dossier: a State's and an organization's timeline (everything about it, by the day it happened,
// newest first), an organization's letters and the audit trail (ADR 0020, ADR 0056, ADR 0063).

import {
  auditEntries,
  type DossierDependencies,
  dossierDependencies,
  organizationAudit,
  organizationLetters,
  organizationTimeline,
  stateAudit,
  stateTimeline,
} from "#shared/dossier/dossier.ts";
import {
  auditEntryViewSchema,
  auditQuerySchema,
  organizationTimelineQuerySchema,
  periodPageQuerySchema,
  timelineEntrySchema,
  timelineQuerySchema,
} from "#shared/dossier/schemas.ts";
import { pageRequestOf, pageSchema } from "#shared/http/pagination-query.ts";
import { declareRoutes, type Route, routesOf } from "#shared/http/route.ts";
import { organizationParamsSchema } from "#shared/organizations/schemas.ts";
import type { TableDependencies } from "../api-handler.ts";
import { dossierTable } from "./dossier.table.ts";
import { byCode } from "./states.ts";

/** The routes' schemas, joined to their data in dossier.table.ts. */
export const declarations = declareRoutes(dossierTable, {
  getStateTimeline: {
    params: byCode,
    query: timelineQuerySchema,
    responses: [{ status: 200, description: "A page of the timeline", schema: pageSchema(timelineEntrySchema) }],
  },
  getOrganizationTimeline: {
    params: organizationParamsSchema,
    query: organizationTimelineQuerySchema,
    responses: [{ status: 200, description: "A page of the timeline", schema: pageSchema(timelineEntrySchema) }],
  },
  listOrganizationLetters: {
    params: organizationParamsSchema,
    query: periodPageQuerySchema,
    responses: [{ status: 200, description: "A page of letters", schema: pageSchema(timelineEntrySchema) }],
  },
  getStateAudit: {
    params: byCode,
    query: periodPageQuerySchema,
    responses: [{ status: 200, description: "A page of audit entries", schema: pageSchema(auditEntryViewSchema) }],
  },
  getOrganizationAudit: {
    params: organizationParamsSchema,
    query: periodPageQuerySchema,
    responses: [{ status: 200, description: "A page of audit entries", schema: pageSchema(auditEntryViewSchema) }],
  },
  listAuditEntries: {
    query: auditQuerySchema,
    responses: [{ status: 200, description: "A page of audit entries", schema: pageSchema(auditEntryViewSchema) }],
  },
});

export function dossierRoutes(deps: DossierDependencies): Route[] {
  return routesOf(declarations, {
    async getStateTimeline({ params, query, actor }) {
      const { from, to, kinds } = query;
      const page = await stateTimeline(deps)(params.iso3, { from, to, kinds }, actor, pageRequestOf(query));
      return { body: page };
    },
    async getOrganizationTimeline({ params, query, actor }) {
      const { from, to, kinds } = query;
      const page = await organizationTimeline(deps)(params.id, { from, to, kinds }, actor, pageRequestOf(query));
      return { body: page };
    },
    async listOrganizationLetters({ params, query, actor }) {
      const page = await organizationLetters(deps)(
        params.id,
        { from: query.from, to: query.to },
        actor,
        pageRequestOf(query),
      );
      return { body: page };
    },
    async getStateAudit({ params, query }) {
      const page = await stateAudit(deps)(params.iso3, { from: query.from, to: query.to }, pageRequestOf(query));
      return { body: page };
    },
    async getOrganizationAudit({ params, query }) {
      const page = await organizationAudit(deps)(params.id, { from: query.from, to: query.to }, pageRequestOf(query));
      return { body: page };
    },
    async listAuditEntries({ query }) {
      return { body: await auditEntries(deps)(query, pageRequestOf(query)) };
    },
  });
}

/** The routes on the dossier group's tables (functions/api/dossier.ts). */
export function bindRoutes({ doc, tableNames, clock }: TableDependencies): Route[] {
  return dossierRoutes(dossierDependencies(doc, tableNames, clock));
}
