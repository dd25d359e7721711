// An organization's details as the forms hold them and write them back, apart from the pages so they are tested in
// Node (test/unit/console-organization-changes.test.ts): only the generated document types, no window, no client.
import type { components } from "../api/schema";
import { codeIn } from "./state/labels.ts";
import { differencesOf, type FieldWords, type Typed } from "./typed-over.ts";

type Schemas = components["schemas"];
type Organization = Schemas["Organization"];

export const KINDS: Readonly<Record<Organization["kind"], string>> = {
  international: "International",
  regional: "Regional",
  subregional: "Subregional",
};

export type OrganizationField = "kind" | "name" | "acronym" | "region" | "note";

/** The correction form's values for an organization, in the form's order: empty for an absent region or note. */
export const correctionValuesOf = (organization: Organization): Record<OrganizationField, string> => ({
  kind: organization.kind,
  name: organization.name,
  acronym: organization.acronym,
  region: organization.region ?? "",
  note: organization.note ?? "",
});

/** The fields as the status line after a stale correction names them. */
export const ORGANIZATION_WORDS: FieldWords<OrganizationField> = {
  labels: { kind: "kind", name: "name", acronym: "acronym", region: "region", note: "note" },
  options: { kind: KINDS },
};

/**
 * Only what the reader typed that differs from the organization as it stands (after a stale write, as read again): a
 * field left alone is not in `typed`, so another's change to it stands. An emptied region or note is cleared (null),
 * as the API reads it.
 */
export function organizationChanges(
  current: Organization,
  typed: Typed<OrganizationField>,
): Schemas["OrganizationChanges"] {
  const changes: Schemas["OrganizationChanges"] = {};
  for (const { field, typed: value } of differencesOf(correctionValuesOf(current), typed)) {
    if (field === "kind") {
      // The select offers only the API's kinds; an unknown one is not sent.
      const kind = codeIn(KINDS, value);
      if (kind) changes.kind = kind;
    } else if (field === "region" || field === "note") changes[field] = value.trim() || null;
    else changes[field] = value;
  }
  return changes;
}
