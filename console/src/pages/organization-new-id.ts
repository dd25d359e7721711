// The id a new organization is added with (ADR 0061). The API derives it from the acronym; a retired organization
// keeps its id but frees its name, so adding "OSCE" again after the OSCE was retired would be refused for an id the
// form has no field for. The form sends the first free id beside it instead (osce-2) and says so before it is sent.
import { freeOrganizationId, organizationSlug } from "../../../shared/organizations/organization-id.ts";
import { isRetired, keptByRetiredWords } from "../../../shared/organizations/retirement-words.ts";
import type { components } from "../api/schema";

type Organization = components["schemas"]["Organization"];

export interface NewOrganizationId {
  /** Sent as the body's `id`. */
  id: string;
  /** Why it is not the acronym's slug, for the form to say. */
  why: string;
}

/**
 * The id to send for `acronym`: none (the API takes the acronym's slug, and refuses it in words when an active
 * organization holds it) unless a retired one keeps that slug.
 */
export function newOrganizationId(
  acronym: string,
  organizations: readonly Organization[],
): NewOrganizationId | undefined {
  const slug = organizationSlug(acronym);
  const keeper = organizations.find((organization) => organization.id === slug);
  if (!keeper || !isRetired(keeper)) return undefined;
  const id = freeOrganizationId(slug, new Set(organizations.map((organization) => organization.id)));
  return { id, why: `The id ${slug} ${keptByRetiredWords(keeper)}: this organization will be added as ${id}.` };
}
