// The organizations routes as data: method, path, who may call them (functions/api/access.ts); their schemas and handlers are
// in organizations.ts, loaded on the first request for one of them.
import { routeTable } from "#shared/http/route.ts";
import { everyone, secretariatOnly } from "../access.ts";

export const organizationTable = routeTable({
  listOrganizations: {
    method: "GET",
    path: "/organizations",
    summary: "List the international, regional and subregional organizations, optionally of one kind",
    tag: "Organizations",
    access: everyone,
  },
  getOrganization: {
    method: "GET",
    path: "/organizations/{id}",
    summary: "One organization by its id (the acronym as a slug), with its ETag",
    tag: "Organizations",
    access: everyone,
  },
  createOrganization: {
    method: "POST",
    path: "/organizations",
    summary: "Add an organization; its id defaults to the acronym as a slug (409 if taken)",
    tag: "Organizations",
    access: secretariatOnly,
  },
  changeOrganization: {
    method: "PATCH",
    path: "/organizations/{id}",
    summary: "Correct an organization's kind, name, acronym, region or note (the id never changes)",
    tag: "Organizations",
    access: secretariatOnly,
    bodyTypes: ["application/json", "application/merge-patch+json"],
    requiresIfMatch: true,
  },
});
