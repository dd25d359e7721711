// Routes of organizations: the international, regional and subregional organizations that work with the Committee.
import * as z from "zod";
import { DEFAULT_PAGE_SIZE, pageQueryShape, pageSchema } from "#shared/http/pagination-query.ts";
import { defineRoute, type Route } from "#shared/http/route.ts";
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
  organizationIdSchema,
  organizationKindSchema,
  organizationSchema,
} from "#shared/organizations/schemas.ts";
import { everyone, secretariatOnly } from "../access.ts";

const byId = z.strictObject({ id: organizationIdSchema });

export function organizationRoutes(deps: OrganizationDependencies): Route[] {
  return [
    defineRoute({
      method: "GET",
      path: "/organizations",
      operationId: "listOrganizations",
      summary: "List the international, regional and subregional organizations, optionally of one kind",
      tag: "Organizations",
      access: everyone,
      query: z.strictObject({ kind: organizationKindSchema.optional(), ...pageQueryShape }),
      responses: [
        { status: 200, description: "A page of organizations in id order", schema: pageSchema(organizationSchema) },
      ],
      async handle({ query }) {
        const page = await listOrganizations(deps)({
          kind: query.kind,
          limit: query.limit ?? DEFAULT_PAGE_SIZE,
          cursor: query.cursor,
        });
        return { body: { items: page.items.map((item) => item.value), cursor: page.cursor } };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/organizations/{id}",
      operationId: "getOrganization",
      summary: "One organization by its id (the acronym as a slug), with its ETag",
      tag: "Organizations",
      access: everyone,
      params: byId,
      responses: [{ status: 200, description: "The organization", schema: organizationSchema, etag: true }],
      async handle({ params }) {
        const organization = await getOrganization(deps)(params.id);
        return { body: organization.value, version: organization.version };
      },
    }),
    defineRoute({
      method: "POST",
      path: "/organizations",
      operationId: "createOrganization",
      summary: "Add an organization; its id defaults to the acronym as a slug (409 if taken)",
      tag: "Organizations",
      access: secretariatOnly,
      body: newOrganizationSchema,
      responses: [{ status: 201, description: "The organization added", schema: organizationSchema, etag: true }],
      async handle({ body, audit }) {
        const organization = await createOrganization(deps)(body, audit);
        return {
          status: 201,
          body: organization.value,
          version: organization.version,
          headers: { location: `/organizations/${organization.value.id}` },
        };
      },
    }),
    defineRoute({
      method: "PATCH",
      path: "/organizations/{id}",
      operationId: "changeOrganization",
      summary: "Correct an organization's kind, name, acronym, region or note (the id never changes)",
      tag: "Organizations",
      access: secretariatOnly,
      params: byId,
      body: organizationChangesSchema,
      bodyTypes: ["application/json", "application/merge-patch+json"],
      requiresIfMatch: true,
      responses: [{ status: 200, description: "The organization as changed", schema: organizationSchema, etag: true }],
      async handle({ params, body, expectedVersion, audit }) {
        const organization = await changeOrganization(deps)(params.id, expectedVersion, body, audit);
        return { body: organization.value, version: organization.version };
      },
    }),
  ];
}
