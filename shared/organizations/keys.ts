// Item keys of an organization in the desk table, and the index keys that list organizations.
import { organizationNameKey } from "./recorded-once.ts";
import type { OrganizationKind } from "./schemas.ts";

/** An organization's partition: its own item (sk `ORG`) and its contacts (sk `CONTACT#<id>`). */
export const organizationPartition = (id: string) => `ORG#${id}`;
export const organizationKey = (id: string) => ({ pk: organizationPartition(id), sk: "ORG" });

/**
 * The guard of a name (case and spacing aside: `organizationNameKey`), written in the transaction that gives an
 * organization the name, so two written at once cannot both take it; `organizationId` while one holds it.
 */
export const organizationNameGuardKey = (name: string) => ({
  pk: `ORG-NAME#${organizationNameKey(name)}`,
  sk: "ORG-NAME",
});

/** gsi1: organizations by kind; gsi2: all organizations. Both sorted by id. */
export const organizationIndexKeys = (id: string, kind: OrganizationKind) => ({
  gsi1pk: organizationKindPartition(kind),
  gsi1sk: id,
  gsi2pk: ALL_ORGANIZATIONS,
  gsi2sk: id,
});

/** An organization's id: a lower-case slug of letters, digits and inner dashes, at most 40 long. */
export const ORGANIZATION_ID = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

export const organizationKindPartition = (kind: OrganizationKind) => `ORG-KIND#${kind}`;
export const ALL_ORGANIZATIONS = "ORGANIZATIONS";
