// Audiences: named selectors resolved from the data at dispatch time into recipients (one per address) and the
// contacts or owners left out, each with its reason. Every read is a Query (an index or an owner's partition).
import type { Clock } from "../clock.ts";
import { POC_ROLES, pocCoverage } from "../contacts/poc-coverage.ts";
import type { ContactRepository } from "../contacts/repository.ts";
import { type Contact, type ContactRole, normalizeEmail, type Owner, ownerText } from "../contacts/schemas.ts";
import type { Page, PageRequest } from "../dynamo/pagination.ts";
import type { OrganizationRepository } from "../organizations/repository.ts";
import type { RegistryRepository } from "../registry/repository.ts";
import type { UnLanguage } from "../registry/schemas.ts";
import type { Versioned } from "../versioning.ts";
import type { Audience, SkipReason } from "./schemas.ts";

export interface AudienceDependencies {
  registry: RegistryRepository;
  organizations: OrganizationRepository;
  contacts: ContactRepository;
  clock: Clock;
}

/** Who a letter is about: the facts its template may name. */
export interface OwnerFacts {
  owner: string;
  name: string;
  iso3?: string;
  acronym?: string;
}

export interface Recipient {
  /** The ledger key part: the contact's id. */
  recipient: string;
  owner: OwnerFacts;
  contact: Pick<Contact, "id" | "name" | "title" | "agency" | "language">;
  email: string;
  language: UnLanguage;
}

export interface Skipped {
  /** The contact's id, or `owner:<owner>` when the owner has no active contact at all. */
  recipient: string;
  owner: OwnerFacts;
  contactId?: string;
  email?: string;
  reason: SkipReason;
  duplicateOf?: string;
}

export interface ResolvedAudience {
  recipients: Recipient[];
  skipped: Skipped[];
}

/** The roles each kind of owner is written to: a State's 1540 points of contact, an organization's own. */
const ROLES: Record<Owner["kind"], readonly ContactRole[]> = {
  state: POC_ROLES,
  organization: ["organization-poc"],
};

/** Owners a few at a time: each is one Query, and a wave to every State should not take 193 round trips in a row. */
const OWNER_CONCURRENCY = 10;

async function everyPage<T>(list: (page: PageRequest) => Promise<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await list({ limit: 100, cursor });
    all.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return all;
}

async function inChunks<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    results.push(...(await Promise.all(items.slice(start, start + size).map(work))));
  }
  return results;
}

export interface AudienceCandidate {
  owner: Owner;
  facts: OwnerFacts;
  contacts: Contact[];
}

async function candidates(deps: AudienceDependencies, audience: Audience): Promise<AudienceCandidate[]> {
  const withContacts = (owners: { owner: Owner; facts: OwnerFacts }[]) =>
    inChunks(owners, OWNER_CONCURRENCY, async ({ owner, facts }) => ({
      owner,
      facts,
      contacts: (await deps.contacts.contactsOf(owner)).map((contact) => contact.value),
    }));
  if (audience === "organizations") {
    const organizations = await everyPage((page) => deps.organizations.listOrganizations(page));
    return withContacts(
      organizations.map(({ value }) => {
        const owner: Owner = { kind: "organization", id: value.id };
        return { owner, facts: { owner: ownerText(owner), name: value.name, acronym: value.acronym } };
      }),
    );
  }
  const status = audience === "non-reporting-states" ? "non-reporting" : undefined;
  const states = await everyPage((page) => deps.registry.listStates({ ...page, status }));
  const all = await withContacts(
    states.map(({ value }: Versioned<{ iso3: string; name: string }>) => {
      const owner: Owner = { kind: "state", iso3: value.iso3 };
      return { owner, facts: { owner: ownerText(owner), name: value.name, iso3: value.iso3 } };
    }),
  );
  if (audience !== "states-without-current-poc") return all;
  // Computed from the contacts today, not read from the stored obligation: staleness moves with time alone.
  return all.filter((candidate) => pocCoverage(candidate.contacts, deps.clock).view !== "current");
}

/**
 * Sorts every owner's contacts into recipients and skipped ones. Owners come in code order and contacts in
 * creation order, so a retried dispatch picks the same recipient for a shared address.
 */
export function sortRecipients(owners: readonly AudienceCandidate[]): ResolvedAudience {
  const recipients: Recipient[] = [];
  const skipped: Skipped[] = [];
  const byAddress = new Map<string, string>();
  for (const { owner, facts, contacts } of owners) {
    const mine = contacts.filter((contact) => ROLES[owner.kind].includes(contact.role));
    if (!mine.some((contact) => contact.active)) {
      skipped.push({ recipient: `owner:${facts.owner}`, owner: facts, reason: "no-active-contact" });
    }
    for (const contact of mine) {
      const email = normalizeEmail(contact.email);
      const base = { recipient: contact.id, owner: facts, contactId: contact.id, email };
      if (!contact.active) skipped.push({ ...base, reason: "inactive" });
      else if (contact.emailStatus !== "ok") skipped.push({ ...base, reason: contact.emailStatus });
      else {
        const first = byAddress.get(email);
        if (first) skipped.push({ ...base, reason: "duplicate-address", duplicateOf: first });
        else {
          byAddress.set(email, contact.id);
          recipients.push({
            recipient: contact.id,
            owner: facts,
            contact: {
              id: contact.id,
              name: contact.name,
              title: contact.title,
              agency: contact.agency,
              language: contact.language,
            },
            email,
            language: contact.language,
          });
        }
      }
    }
  }
  return { recipients, skipped };
}

export async function resolveAudience(deps: AudienceDependencies, audience: Audience): Promise<ResolvedAudience> {
  return sortRecipients(await candidates(deps, audience));
}
