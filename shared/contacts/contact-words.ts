// How a refusal names a contact and its owner to the secretariat: by name, role and owner in words, never by the
// internal ids (a contact's, an organization's `ORG:<id>`), which nobody at the desk reads.
import type { OrganizationRepository } from "../organizations/repository.ts";
import type { Organization } from "../organizations/schemas.ts";
import type { RegistryRepository } from "../registry/repository.ts";
import type { State } from "../registry/schemas.ts";
import type { Versioned } from "../versioning.ts";
import { ownerInText } from "./owner-in-text.ts";
import type { ContactRepository, EmailHolder } from "./repository.ts";
import type { Contact, ContactRole, Owner } from "./schemas.ts";
import { ownerOf } from "./schemas.ts";

/** Each role as it reads before "of <owner>". */
const ROLE_WORDS: Record<ContactRole, string> = {
  "capital-poc": "capital point of contact",
  "mission-poc": "Mission point of contact",
  "provider-poc": "assistance contact",
  "organization-poc": "point of contact",
  "permanent-mission": "Permanent Mission address",
};

interface OwnerNamesDependencies {
  registry: Pick<RegistryRepository, "getStates">;
  organizations: Pick<OrganizationRepository, "getOrganizations">;
}

/**
 * Each owner's name in words, keyed by its owner text (`STATE:MLI`, `ORG:iaea`): a State's name, or an organization's
 * with "the" before it. An owner that cannot be read keeps its code.
 */
export async function ownerNames(deps: OwnerNamesDependencies, ownerTexts: string[]): Promise<Map<string, string>> {
  const owners = ownerTexts.map(ownerOf);
  const [states, organizations] = await Promise.all([
    deps.registry.getStates(owners.flatMap((owner) => (owner.kind === "state" ? [owner.iso3] : []))),
    deps.organizations.getOrganizations(owners.flatMap((owner) => (owner.kind === "organization" ? [owner.id] : []))),
  ]);
  return ownerNamesFrom(states, organizations, ownerTexts);
}

/** The same, from the States and organizations a caller has read already (a contacts import reads them for itself). */
export function ownerNamesFrom(
  states: readonly Versioned<Pick<State, "iso3" | "name">>[],
  organizations: ReadonlyMap<string, Versioned<Pick<Organization, "name">>>,
  ownerTexts: readonly string[],
): Map<string, string> {
  const stateNames = new Map(states.map((state) => [state.value.iso3, state.value.name]));
  const nameOf = (owner: Owner) =>
    ownerInText(owner, owner.kind === "state" ? stateNames.get(owner.iso3) : organizations.get(owner.id)?.value.name);
  return new Map([...new Set(ownerTexts)].map((text) => [text, nameOf(ownerOf(text))]));
}

/** "Sam Audit, point of contact of the Audit Thirty Regional Forum". */
const contactInWords = (contact: Pick<Contact, "name" | "role" | "owner">, ownerName: string): string =>
  `${contact.name}, ${ROLE_WORDS[contact.role]} of ${ownerName}`;

/** One contact in words, its owner read for the purpose. */
export async function contactNamed(deps: OwnerNamesDependencies, contact: Contact): Promise<string> {
  const names = await ownerNames(deps, [contact.owner]);
  return contactInWords(contact, names.get(contact.owner) ?? contact.owner);
}

/**
 * The holders of e-mail addresses in words, keyed by contact id, in two batch reads (their contacts, then their
 * owners); a holder that cannot be read is left out, and its refusal keeps the guard's ids.
 */
export async function holdersInWords(
  deps: OwnerNamesDependencies & { contacts: Pick<ContactRepository, "contactsByRef"> },
  holders: EmailHolder[],
): Promise<Map<string, string>> {
  if (!holders.length) return new Map();
  // A batch read takes each key once.
  const refs = new Map(holders.map(({ owner, contactId }) => [contactId, { owner, id: contactId }]));
  const contacts = await deps.contacts.contactsByRef([...refs.values()]);
  const names = await ownerNames(
    deps,
    [...contacts.values()].map(({ value }) => value.owner),
  );
  return new Map(
    [...contacts.values()].map(({ value }) => [value.id, contactInWords(value, names.get(value.owner) ?? value.owner)]),
  );
}
