// Audiences: named selectors resolved from the data as of one instant (dispatch's now, or the send instant a preview
// looks ahead to) into recipients (one per address) and the contacts or owners left out, each with its reason. Every
// read is a Query (an index or an owner's partition) or a batch read by key; nothing here writes.

import type { AssistanceAudienceReads } from "../assistance/audience-reads.ts";
import { followUpsOwedBy } from "../assistance/follow-ups.ts";
import { listProviders } from "../assistance/offers.ts";
import { type AssistanceOffer, type AssistanceRequest, type Provider, providerKey } from "../assistance/schemas.ts";
import { fixedClock } from "../clock.ts";
import { MISSION_ROLE, POC_ROLES, pocCoverage } from "../contacts/poc-coverage.ts";
import type { ContactRepository } from "../contacts/repository.ts";
import { type Contact, type ContactRole, normalizeEmail, type Owner, ownerText } from "../contacts/schemas.ts";
import { everyPage } from "../dynamo/every-page.ts";
import type { OrganizationRepository } from "../organizations/repository.ts";
import { isRetired } from "../organizations/retirement-words.ts";
import type { RegistryRepository } from "../registry/repository.ts";
import type { UnLanguage } from "../registry/schemas.ts";
import type { MissionBecause } from "../templates/letter-form.ts";
import type { TemplateRepository } from "../templates/repository.ts";
import type { Versioned } from "../versioning.ts";
import type { WaveRepository } from "../waves/repository.ts";
import type { ReportedStatus } from "../waves/rest-of-letters.ts";
import { deskDay } from "../zoned-time.ts";
import type { Ledger } from "./ledger.ts";
import type { Audience, SkipReason } from "./schemas.ts";
import { stateLetters } from "./state-letters.ts";
import type { UnreachedReason } from "./unreached.ts";

export interface AudienceDependencies {
  registry: RegistryRepository;
  organizations: OrganizationRepository;
  contacts: ContactRepository;
  /** Read by the assistance audiences (states-with-pending-requests, assistance-providers, stale-providers). */
  assistance: AssistanceAudienceReads;
  /** Read by states-with-follow-up-due: a State's letters, each letter's wave, and the kind of the wave's template. */
  ledger: Ledger;
  waves: Pick<WaveRepository, "get">;
  templates: TemplateRepository;
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
  addressedTo?: "point-of-contact" | "permanent-mission";
  /** For a letter to a State's Permanent Mission: whether the State has no point of contact on record at all. */
  missionBecause?: MissionBecause;
}

export interface Skipped {
  /** The contact's id, or `owner:<owner>` when the owner has no active contact at all. */
  recipient: string;
  owner: OwnerFacts;
  contactId?: string;
  email?: string;
  reason: SkipReason;
  duplicateOf?: string;
  /** For followed-up-elsewhere: the wave that writes the State's follow-up. */
  heldBy?: { waveId: string; description?: string | undefined };
  /** For written-by-halted-wave: the wave of the rest's chain that wrote to the owner (shared/waves/rest-of.ts). */
  writtenBy?: { waveId: string; description?: string | undefined };
}

/** An owner none of whose addresses gets the letter: no point of contact, and for a State no Permanent Mission. */
export interface UnreachedOwner {
  owner: OwnerFacts;
  reason: UnreachedReason;
  detail: string;
}

/** Each State's pending requests whose follow-up is owed, oldest first (followUpsOwed below). */
export type FollowUpsOwed = ReadonlyMap<string, readonly AssistanceRequest[]>;

export interface ResolvedAudience {
  recipients: Recipient[];
  skipped: Skipped[];
  unreached: UnreachedOwner[];
  /** states-with-follow-up-due only: what chose its States, which its letters list, so dispatch does not work it out again. */
  followUpsOwed?: FollowUpsOwed;
  /**
   * The providers' audiences only: every offer, as read to choose the providers, which the letters list
   * ({{offers.onRecord|list}}), so dispatch does not read them again.
   */
  offers?: readonly AssistanceOffer[];
}

/** What an audience read to choose its owners that its letters list too (ResolvedAudience). */
type ReadForTheLetters = Pick<ResolvedAudience, "followUpsOwed" | "offers">;

/** The roles each kind of owner is written to: a State's 1540 points of contact, an organization's own. */
const ROLES: Record<Owner["kind"], readonly ContactRole[]> = {
  state: POC_ROLES,
  organization: ["organization-poc"],
};

/** Owners a few at a time: each is one Query, and a wave to every State should not take 193 round trips in a row. */
const OWNER_CONCURRENCY = 10;

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
  /** The roles written to; the owner kind's usual ones when absent. */
  roles?: readonly ContactRole[];
}

type Owned = { owner: Owner; facts: OwnerFacts };

const stateOwner = ({ value }: Versioned<{ iso3: string; name: string }>): Owned => {
  const owner: Owner = { kind: "state", iso3: value.iso3 };
  return { owner, facts: { owner: ownerText(owner), name: value.name, iso3: value.iso3 } };
};

const organizationOwner = ({ value }: Versioned<{ id: string; name: string; acronym: string }>): Owned => {
  const owner: Owner = { kind: "organization", id: value.id };
  return { owner, facts: { owner: ownerText(owner), name: value.name, acronym: value.acronym } };
};

/**
 * A provider is written to through its provider-poc, who speaks for its offers, while it has a reachable one;
 * otherwise through its usual points of contact (and its unreachable provider-pocs are listed as skipped).
 */
function providerRoles(owner: Owner, contacts: readonly Contact[]): readonly ContactRole[] {
  const reachable = (contact: Contact) =>
    contact.role === "provider-poc" && contact.active && contact.emailStatus === "ok";
  return contacts.some(reachable) ? ["provider-poc"] : [...ROLES[owner.kind], "provider-poc"];
}

/** A retired organization is history (ADR 0061): no audience writes to it. */
const notRetired = ({ value }: Versioned<{ retiredOn?: string | undefined }>) => !isRetired(value);

/** The providers' owners (States in code order, then organizations in id order); unknown and retired ones left out. */
async function providerOwners(deps: AudienceDependencies, providers: readonly Provider[]): Promise<Owned[]> {
  const sorted = [...providers].sort((a, b) => providerKey(a).localeCompare(providerKey(b)));
  const iso3s = sorted.flatMap((provider) => (provider.kind === "state" ? [provider.iso3] : []));
  const ids = sorted.flatMap((provider) => (provider.kind === "organization" ? [provider.id] : []));
  const [states, organizations] = await Promise.all([
    deps.registry.getStates(iso3s),
    deps.organizations.getOrganizations(ids),
  ]);
  return [
    ...states.map(stateOwner),
    ...ids.flatMap((id) => {
      const organization = organizations.get(id);
      return organization && notRetired(organization) ? [organizationOwner(organization)] : [];
    }),
  ];
}

/**
 * The pending requests whose one-year follow-up letter is owed on the New York day of `asOf` (the letter's), by State:
 * due by then, and no follow-up letter to the State has left since (shared/assistance/follow-ups.ts).
 */
export async function followUpsOwed(
  deps: Pick<AudienceDependencies, "assistance" | "ledger" | "waves" | "templates">,
  asOf: Date,
): Promise<FollowUpsOwed> {
  return followUpsOwedBy(await deps.assistance.pendingRequests(), deskDay(asOf), stateLetters(deps));
}

/**
 * The owners an audience names as of `asOf`, before their contacts are read (with, for the follow-up audience, what
 * is owed; for the providers' audiences, every offer). Follow-ups fall due and providers' offers go stale with the day
 * alone.
 */
async function ownersOf(
  deps: AudienceDependencies,
  audience: Audience,
  asOf: Date,
): Promise<{ owners: Owned[] } & ReadForTheLetters> {
  switch (audience) {
    case "organizations":
      return {
        owners: (await everyPage((page) => deps.organizations.listOrganizations(page)))
          .filter(notRetired)
          .map(organizationOwner),
      };
    case "non-reporting-states":
    case "reporting-states": {
      const status = audience === "non-reporting-states" ? "non-reporting" : "reported";
      return { owners: (await everyPage((page) => deps.registry.listStates({ ...page, status }))).map(stateOwner) };
    }
    case "all-states":
    case "states-without-current-poc":
      return { owners: (await everyPage((page) => deps.registry.listStates(page))).map(stateOwner) };
    case "states-with-pending-requests": {
      const pending = await deps.assistance.pendingRequests();
      const iso3s = [...new Set(pending.map((request) => request.iso3))].sort();
      return { owners: (await deps.registry.getStates(iso3s)).map(stateOwner) };
    }
    case "states-with-follow-up-due": {
      const owed = await followUpsOwed(deps, asOf);
      return { owners: (await deps.registry.getStates([...owed.keys()])).map(stateOwner), followUpsOwed: owed };
    }
    case "assistance-providers":
    case "stale-providers": {
      // Read here, not by listProviders, so that the letters list these very offers (ResolvedAudience.offers).
      const offers = await deps.assistance.allOffers();
      const providers = await listProviders({
        ...deps,
        clock: fixedClock(asOf),
        assistance: { allOffers: async () => offers },
      })();
      const chosen = audience === "stale-providers" ? providers.filter((summary) => summary.stale) : providers;
      return {
        owners: await providerOwners(
          deps,
          chosen.map((summary) => summary.provider),
        ),
        offers,
      };
    }
  }
}

/**
 * Addresses SES reported in letters whose report may not have reached their contacts yet (a rest's chain:
 * shared/waves/rest-of.ts), each with the status the report gives the address.
 */
export type ReportedAddresses = ReadonlyMap<string, ReportedStatus>;

/** The contact as the report of its address would have marked it, when its status is still ok. */
function asReported(contact: Contact, reported: ReportedAddresses): Contact {
  const status = contact.emailStatus === "ok" ? reported.get(normalizeEmail(contact.email)) : undefined;
  return status ? { ...contact, emailStatus: status } : contact;
}

async function candidates(
  deps: AudienceDependencies,
  audience: Audience,
  asOf: Date,
  reported: ReportedAddresses,
): Promise<{ candidates: AudienceCandidate[] } & ReadForTheLetters> {
  const { owners, ...read } = await ownersOf(deps, audience, asOf);
  const all = await inChunks(owners, OWNER_CONCURRENCY, async ({ owner, facts }) => {
    const contacts = (await deps.contacts.contactsOf(owner)).map(({ value }) => asReported(value, reported));
    const provider = audience === "assistance-providers" || audience === "stale-providers";
    return { owner, facts, contacts, ...(provider ? { roles: providerRoles(owner, contacts) } : {}) };
  });
  const kept =
    audience === "states-without-current-poc"
      ? // Computed from the contacts as of `asOf`, not read from the stored obligation: staleness moves with time alone.
        all.filter((candidate) => pocCoverage(candidate.contacts, fixedClock(asOf)).view !== "current")
      : all;
  return { candidates: kept, ...read };
}

/** What an owner's unusable addresses were, for the unreached record: e.g. `bounced, suppressed`, or `none`. */
const found = (entries: readonly Skipped[]) =>
  entries.length ? entries.map((entry) => entry.reason).join(", ") : "none";

/**
 * Sorts every owner's contacts into recipients and skipped ones. Owners come in code order and contacts in
 * creation order, so a retried dispatch picks the same recipient for a shared address. A State none of whose points
 * of contact gets the letter is written to at its Permanent Mission instead; an owner no letter reaches at all is
 * listed as unreached, with what was found.
 */
export function sortRecipients(owners: readonly AudienceCandidate[]): ResolvedAudience {
  const recipients: Recipient[] = [];
  const skipped: Skipped[] = [];
  const unreached: UnreachedOwner[] = [];
  const byAddress = new Map<string, string>();

  /** Writes to each usable contact; answers the ones left out. */
  const writeTo = (
    facts: OwnerFacts,
    contacts: readonly Contact[],
    addressedTo: NonNullable<Recipient["addressedTo"]>,
    missionBecause?: MissionBecause,
  ): Skipped[] => {
    const left: Skipped[] = [];
    for (const contact of contacts) {
      const email = normalizeEmail(contact.email);
      const base = { recipient: contact.id, owner: facts, contactId: contact.id, email };
      if (!contact.active) left.push({ ...base, reason: "inactive" });
      else if (contact.emailStatus !== "ok") left.push({ ...base, reason: contact.emailStatus });
      else {
        const first = byAddress.get(email);
        if (first) left.push({ ...base, reason: "duplicate-address", duplicateOf: first });
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
            addressedTo,
            ...(missionBecause ? { missionBecause } : {}),
          });
        }
      }
    }
    skipped.push(...left);
    return left;
  };

  for (const { owner, facts, contacts, roles = ROLES[owner.kind] } of owners) {
    const mine = contacts.filter((contact) => roles.includes(contact.role));
    if (!mine.some((contact) => contact.active)) {
      skipped.push({ recipient: `owner:${facts.owner}`, owner: facts, reason: "no-active-contact" });
    }
    const before = recipients.length;
    const pocsLeft = writeTo(facts, mine, "point-of-contact");
    const missions = owner.kind === "state" ? contacts.filter((contact) => contact.role === MISSION_ROLE) : [];
    // The letter to the Mission says why it goes there: no point of contact on record, or none reachable (audit 35).
    const because: MissionBecause = mine.length === 0 ? "none-on-record" : "none-reachable";
    const missionsLeft = recipients.length === before ? writeTo(facts, missions, "permanent-mission", because) : [];
    if (recipients.length > before) continue;
    const anyActive = [...mine, ...missions].some((contact) => contact.active);
    unreached.push({
      owner: facts,
      reason: anyActive ? "no-usable-address" : "no-contact",
      detail:
        owner.kind === "state"
          ? `points of contact: ${found(pocsLeft)}; permanent mission: ${found(missionsLeft)}`
          : `points of contact: ${found(pocsLeft)}`,
    });
  }
  return { recipients, skipped, unreached };
}

/**
 * The audience as it stands at `asOf`: dispatch passes its now, a preview the wave's send instant while it is ahead.
 * A contact at a `reported` address counts as the report marked it (skipped as bounced or complained), its status
 * still ok or not.
 */
export async function resolveAudience(
  deps: AudienceDependencies,
  audience: Audience,
  asOf: Date,
  reported: ReportedAddresses = new Map(),
): Promise<ResolvedAudience> {
  const { candidates: owners, ...read } = await candidates(deps, audience, asOf, reported);
  return { ...sortRecipients(owners), ...read };
}
