// Routes of organizations: the international, regional and subregional organizations that work with the Committee.

import * as z from "zod";
import { DEFAULT_PAGE_SIZE, pageQueryShape, pageSchema } from "#shared/http/pagination-query.ts";
import { declareRoutes, type Route, routesOf } from "#shared/http/route.ts";
import { organizationDependencies } from "#shared/organizations/dependencies.ts";
import {
  changeOrganization,
  createOrganization,
  getOrganization,
  listOrganizations,
} from "#shared/organizations/organizations.ts";
import { type RetirementDependencies, retireOrganization } from "#shared/organizations/retirement.ts";
import {
  newOrganizationSchema,
  organizationChangesSchema,
  organizationKindSchema,
  organizationParamsSchema,
  organizationRetirementSchema,
  organizationSchema,
} from "#shared/organizations/schemas.ts";
import type { TableDependencies } from "../api-handler.ts";
import { organizationTable } from "./records.tables.ts";

/** The routes' schemas, joined to their data in organizations.table.ts. */
export const declarations = declareRoutes(organizationTable, {
  listOrganizations: {
    query: z.strictObject({ kind: organizationKindSchema.optional(), ...pageQueryShape }),
    responses: [
      { status: 200, description: "A page of organizations in id order", schema: pageSchema(organizationSchema) },
    ],
  },
  getOrganization: {
    params: organizationParamsSchema,
    responses: [{ status: 200, description: "The organization", schema: organizationSchema, etag: true }],
  },
  createOrganization: {
    body: newOrganizationSchema,
    responses: [{ status: 201, description: "The organization added", schema: organizationSchema, etag: true }],
  },
  changeOrganization: {
    params: organizationParamsSchema,
    body: organizationChangesSchema,
    responses: [{ status: 200, description: "The organization as changed", schema: organizationSchema, etag: true }],
  },
  retireOrganization: {
    params: organizationParamsSchema,
    body: organizationRetirementSchema,
    responses: [{ status: 200, description: "The organization retired", schema: organizationSchema, etag: true }],
  },
});

export function organizationRoutes(deps: RetirementDependencies): Route[] {
  return routesOf(declarations, {
    async listOrganizations({ query }) {
      const page = await listOrganizations(deps)({
        kind: query.kind,
        limit: query.limit ?? DEFAULT_PAGE_SIZE,
        cursor: query.cursor,
      });
      return { body: { items: page.items.map((item) => item.value), cursor: page.cursor } };
    },
    async getOrganization({ params }) {
      const organization = await getOrganization(deps)(params.id);
      return { body: organization.value, version: organization.version };
    },
    async createOrganization({ body, audit }) {
      const organization = await createOrganization(deps)(body, audit);
      return {
        status: 201,
        body: organization.value,
        version: organization.version,
        headers: { location: `/organizations/${organization.value.id}` },
      };
    },
    async changeOrganization({ params, body, expectedVersion, audit }) {
      const organization = await changeOrganization(deps)(params.id, expectedVersion, body, audit);
      return { body: organization.value, version: organization.version };
    },
    async retireOrganization({ params, body, expectedVersion, audit }) {
      const organization = await retireOrganization(deps)(params.id, expectedVersion, body.reason, audit);
      return { body: organization.value, version: organization.version };
    },
  });
}

/** The routes on the records group's tables (functions/api/records.ts). */
export function bindRoutes({ doc, tableNames, clock }: TableDependencies): Route[] {
  return organizationRoutes(organizationDependencies(doc, tableNames, clock));
}
