// The organizations routes as data: method, path, who may call them (functions/api/access.ts); their schemas and handlers are
// in organizations.ts, loaded on the first request for one of them.
import { type RouteSummaries, routeTable } from "#shared/http/route.ts";
import { everyone, secretariatOnly } from "../access.ts";

export const organizationTable = routeTable({
  listOrganizations: {
    method: "GET",
    path: "/organizations",
    tag: "Organizations",
    access: everyone,
  },
  getOrganization: {
    method: "GET",
    path: "/organizations/{id}",
    tag: "Organizations",
    access: everyone,
  },
  createOrganization: {
    method: "POST",
    path: "/organizations",
    tag: "Organizations",
    access: secretariatOnly,
  },
  changeOrganization: {
    method: "PATCH",
    path: "/organizations/{id}",
    tag: "Organizations",
    access: secretariatOnly,
    bodyTypes: ["application/json", "application/merge-patch+json"],
    requiresIfMatch: true,
  },
  retireOrganization: {
    method: "POST",
    path: "/organizations/{id}/retire",
    tag: "Organizations",
    access: secretariatOnly,
    requiresIfMatch: true,
  },
});

/** Each route's summary in the OpenAPI document: read by the document's writer only (functions/api/summaries.ts), so
 * no Lambda bundle carries it (ADR 0038). */
export const organizationSummaries = {
  listOrganizations: "List the international, regional and subregional organizations, optionally of one kind",
  getOrganization: "One organization by its id (the acronym as a slug), with its ETag",
  createOrganization:
    "Add an organization; its id defaults to the acronym as a slug (409, naming the one recorded, if its id or its name, case and spacing aside, is taken)",
  changeOrganization:
    "Correct an organization's kind, name, acronym, region or note (the id never changes; 409 once it is retired)",
  retireOrganization:
    "Retire an organization, saying why (never deleted: it stays as history, leaves the audiences and frees its name); 409 while it has an active contact, an offer running or a match under way, or once retired",
} satisfies RouteSummaries<typeof organizationTable>;
