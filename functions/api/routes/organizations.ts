// Routes of organizations: the international, regional and subregional organizations that work with the Committee.

import * as z from "zod";
import { contactDependencies } from "#shared/contacts/dependencies.ts";
import { DEFAULT_PAGE_SIZE, pageQueryShape, pageSchema } from "#shared/http/pagination-query.ts";
import { declareRoutes, type Route, routesOf } from "#shared/http/route.ts";
import {
  changeOrganization,
  createOrganization,
  getOrganization,
  listOrganizations,
  type OrganizationDependencies,
} from "#shared/organizations/organizations.ts";
import {
  newOrganizationSchema,
  organizationChangesSchema,
  organizationKindSchema,
  organizationParamsSchema,
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
});

export function organizationRoutes(deps: OrganizationDependencies): Route[] {
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
  });
}

/** The routes on the records group's tables (functions/api/records.ts). */
export function bindRoutes({ doc, tableNames, clock }: TableDependencies): Route[] {
  return organizationRoutes(contactDependencies(doc, tableNames, clock));
}
