// Whose contacts a Contacts panel shows: a State's or an organization's. The owner gives the API's owner key, the
// roles its contacts may have (shared/contacts/schemas.ts, rolesByOwnerKind), the language a contact without its own
// is written in (the State's; English for an organization, as the API gives it), and how the page names the owner.
import type { components } from "../../api/schema";
import { CONTACT_ROLES } from "./labels.ts";

type Schemas = components["schemas"];
type Language = Schemas["State"]["language"];

export interface ContactOwner {
  /** `STATE:<iso3>` or `ORG:<id>`. */
  owner: string;
  roles: Readonly<Record<string, string>>;
  language: Language;
  /** "The State's" or "The organization's". */
  whose: string;
}

const rolesOf = (roles: readonly Schemas["Contact"]["role"][]) =>
  Object.fromEntries(roles.map((role) => [role, CONTACT_ROLES[role]]));

export const stateOwner = (state: Schemas["State"]): ContactOwner => ({
  owner: `STATE:${state.iso3}`,
  roles: rolesOf(["capital-poc", "mission-poc", "provider-poc", "permanent-mission"]),
  language: state.language,
  whose: "The State's",
});

export const organizationOwner = (organization: Schemas["Organization"]): ContactOwner => ({
  owner: `ORG:${organization.id}`,
  roles: rolesOf(["organization-poc", "provider-poc"]),
  language: "en",
  whose: "The organization's",
});
