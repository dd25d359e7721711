// An organization's details as the forms hold them and write them back, apart from the pages so they are tested in
// Node (test/unit/console-organization-changes.test.ts): only the generated document types, no window, no client.
import type { components } from "../api/schema";
import { codeIn } from "./state/labels.ts";

type Schemas = components["schemas"];
type Organization = Schemas["Organization"];

export const KINDS: Readonly<Record<Organization["kind"], string>> = {
  international: "International",
  regional: "Regional",
  subregional: "Subregional",
};

type Typed = Record<"kind" | "name" | "acronym" | "region" | "note", string>;

export const typedOf = (organization: Organization): Typed => ({
  kind: organization.kind,
  name: organization.name,
  acronym: organization.acronym,
  region: organization.region ?? "",
  note: organization.note ?? "",
});

/** Only what the reader changed; an emptied region or note is cleared (null), as the API reads it. */
export function organizationChanges(current: Organization, typed: Typed): Schemas["OrganizationChanges"] {
  const before = typedOf(current);
  const changed = (name: keyof Typed) => typed[name].trim() !== before[name];
  const kind = codeIn(KINDS, typed.kind);
  return {
    ...(kind && changed("kind") ? { kind } : {}),
    ...(changed("name") ? { name: typed.name } : {}),
    ...(changed("acronym") ? { acronym: typed.acronym } : {}),
    ...(changed("region") ? { region: typed.region.trim() || null } : {}),
    ...(changed("note") ? { note: typed.note.trim() || null } : {}),
  };
}
