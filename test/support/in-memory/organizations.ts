// The organizations store in memory, for unit tests of the use cases: the same contract as the DynamoDB adapter
// (test/contracts/organizations.contract.ts).
import type { AuditContext } from "#shared/audit/audit-entry.ts";
import type { Clock } from "#shared/clock.ts";
import { NotFound, PreconditionFailed } from "#shared/errors.ts";
import { ALL_ORGANIZATIONS, organizationKindPartition } from "#shared/organizations/keys.ts";
import {
  OrganizationIdTaken,
  OrganizationNameTaken,
  organizationNameKey,
  type RecordedOrganization,
} from "#shared/organizations/recorded-once.ts";
import { OrganizationActedMeanwhile, type OrganizationRepository } from "#shared/organizations/repository.ts";
import { NOTHING_NEW, OrganizationRetired } from "#shared/organizations/retired.ts";
import { isRetired } from "#shared/organizations/retirement-words.ts";
import type { Organization } from "#shared/organizations/schemas.ts";
import type { Versioned } from "#shared/versioning.ts";
import { type InMemoryAudit, inMemoryAudit } from "./audit.ts";
import { pageOf, sortedBy } from "./paging.ts";

export interface InMemoryOrganizations extends OrganizationRepository {
  readonly audit: InMemoryAudit;
  /**
   * The organization item's part of a write acting for it (a contact or an offer), as acting-writes.ts writes it:
   * refused now once it is retired (OrganizationRetired) or absent (NotFound); the count it answers is kept by the
   * caller once its own write passes whole.
   */
  actingFor(id: string): () => void;
}

export function inMemoryOrganizations(
  clock: Clock,
  audit: InMemoryAudit = inMemoryAudit(clock),
): InMemoryOrganizations {
  const organizations = new Map<string, Versioned<Organization>>();
  // The name guards (by organizationNameKey): the organization holding each, as it stood when it took it.
  const names = new Map<string, RecordedOrganization>();
  // The writes that acted for each organization (acting-writes.ts).
  const actingWrites = new Map<string, number>();
  const copy = <T>(value: T): T => structuredClone(value);
  const entity = (id: string) => ({ type: "organization", id });
  const assertNameFree = (organization: Organization) => {
    const held = names.get(organizationNameKey(organization.name));
    if (held) throw new OrganizationNameTaken(held);
  };
  const holdName = ({ id, name, acronym }: Organization) => names.set(organizationNameKey(name), { id, name, acronym });
  const releaseName = ({ id, name }: Organization) => {
    if (names.get(organizationNameKey(name))?.id === id) names.delete(organizationNameKey(name));
  };
  /** The version after `expectedVersion`, as the DynamoDB adapter's condition checks it. */
  const atVersion = (id: string, expectedVersion: number) => {
    const stored = organizations.get(id);
    if (!stored) throw new NotFound("Organization", id);
    if (stored.version !== expectedVersion) {
      throw new PreconditionFailed(`Organization ${id}`, stored.version, expectedVersion);
    }
    return expectedVersion + 1;
  };
  const write = (
    change: { action: "organization.update" | "organization.retire"; before: Organization; after: Organization },
    version: number,
    context: AuditContext,
  ): Versioned<Organization> => {
    organizations.set(change.after.id, { value: copy(change.after), version });
    audit.record({ ...context, ...change, entity: entity(change.after.id) });
    return { value: copy(change.after), version };
  };

  return {
    audit,

    actingFor: (id) => {
      const stored = organizations.get(id);
      if (!stored) throw new NotFound("Organization", id);
      if (isRetired(stored.value)) throw new OrganizationRetired(stored.value, NOTHING_NEW);
      return () => actingWrites.set(id, (actingWrites.get(id) ?? 0) + 1);
    },

    listOrganizations: async ({ kind, limit, cursor }) => {
      const chosen = [...organizations.values()].filter(({ value }) => kind === undefined || value.kind === kind);
      const partition = kind ? organizationKindPartition(kind) : ALL_ORGANIZATIONS;
      return pageOf(
        sortedBy(chosen, ({ value }) => value.id),
        ({ value }) => value.id,
        { limit, cursor, scope: `organizations:${partition}` },
      );
    },

    getOrganizations: async (ids) =>
      new Map(
        ids.flatMap((id) => {
          const found = organizations.get(id);
          return found ? [[id, copy(found)] as const] : [];
        }),
      ),

    getOrganization: async (id) => {
      const found = organizations.get(id);
      return found && copy(found);
    },

    createOrganization: async (organization, context) => {
      const stored = organizations.get(organization.id);
      if (stored) throw new OrganizationIdTaken(stored.value);
      assertNameFree(organization);
      holdName(organization);
      organizations.set(organization.id, { value: copy(organization), version: 1 });
      audit.record({ ...context, action: "organization.create", entity: entity(organization.id), after: organization });
      return { value: copy(organization), version: 1 };
    },

    updateOrganization: async (current, expectedVersion, next, context) => {
      const version = atVersion(next.id, expectedVersion);
      const oldName = organizationNameKey(current.name);
      if (organizationNameKey(next.name) !== oldName) {
        assertNameFree(next);
        releaseName(current);
        holdName(next);
      }
      return write({ action: "organization.update", before: current, after: next }, version, context);
    },

    readForRetirement: async (id) => {
      const found = organizations.get(id);
      return found && { organization: copy(found), actingWrites: actingWrites.get(id) ?? 0 };
    },

    retireOrganization: async (
      { organization: { value: current, version: seen }, actingWrites: counted },
      retired,
      context,
    ) => {
      const version = atVersion(retired.id, seen);
      if ((actingWrites.get(retired.id) ?? 0) !== counted) throw new OrganizationActedMeanwhile(current);
      releaseName(current);
      return write({ action: "organization.retire", before: current, after: retired }, version, context);
    },

    addMissingOrganizations: async (wanted, context) => {
      const updatedAt = clock.now().toISOString();
      const missing = wanted.filter((organization) => !organizations.has(organization.id));
      for (const seeded of missing) {
        const organization = { ...seeded, updatedAt };
        organizations.set(organization.id, { value: copy(organization), version: 1 });
        audit.record({
          ...context,
          action: "organizations.seed",
          entity: { type: "organization", id: organization.id },
          after: organization,
        });
      }
      const created = missing.map((organization) => organization.id);
      return { created };
    },
  };
}
