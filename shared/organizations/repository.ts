// DynamoDB access for organizations: the item in its own partition, the by-kind and all-organizations indexes,
// the guard of each name written through the API, and audited writes (create, update, retire, seed).
import { type DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { type AuditContext, auditPut } from "../audit/audit-entry.ts";
import type { Clock } from "../clock.ts";
import { batchGetItems } from "../dynamo/batch-get.ts";
import { type Page, type PageRequest, queryPage } from "../dynamo/pagination.ts";
import { type GuardedWrite, MAX_TRANSACTION_ITEMS, writeTransaction } from "../dynamo/transaction.ts";
import { Conflict, NotFound, PreconditionFailed } from "../errors.ts";
import { capitalized } from "../listed.ts";
import type { TableNames } from "../tables.ts";
import type { Versioned } from "../versioning.ts";
import { ACTING_WRITES } from "./acting-writes.ts";
import {
  ALL_ORGANIZATIONS,
  organizationIndexKeys,
  organizationKey,
  organizationKindPartition,
  organizationNameGuardKey,
} from "./keys.ts";
import {
  OrganizationIdTaken,
  OrganizationNameTaken,
  type RecordedOrganization,
  sameOrganizationName,
} from "./recorded-once.ts";
import { organizationInWords } from "./retirement-words.ts";
import { type Organization, type OrganizationKind, organizationSchema } from "./schemas.ts";

function toItem(organization: Organization, version: number) {
  return {
    ...organizationKey(organization.id),
    ...organizationIndexKeys(organization.id, organization.kind),
    entity: "organization",
    version,
    ...organization,
  };
}

/** The schema leaves out what the item keeps for the store alone (its keys, the count of acting writes). */
function fromItem(raw: Record<string, unknown>): Versioned<Organization> {
  return { value: organizationSchema.parse(raw), version: Number(raw.version) };
}

/** The organization an item names (the organization's own, or a name's guard), as a refusal names it. */
const recordedIn = (item: Record<string, unknown> | undefined, idAttribute: "id" | "organizationId") => ({
  id: String(item?.[idAttribute]),
  name: String(item?.name),
  acronym: String(item?.acronym),
});

/** An organization with the count of the writes that acted for it (a contact or an offer), as a retirement reads it. */
export interface OrganizationAtRetirement {
  organization: Versioned<Organization>;
  actingWrites: number;
}

/** 409: a contact or an offer was written for the organization after its retirement read what acts for it. */
export class OrganizationActedMeanwhile extends Conflict {
  constructor(organization: Organization) {
    super(
      `${capitalized(organizationInWords(organization))} gained a contact or an offer while it was being retired; ` +
        "send the retirement again to see what still acts for it",
      { organizationId: organization.id },
    );
  }
}

export interface ListOrganizationsQuery extends PageRequest {
  kind?: OrganizationKind | undefined;
}

/**
 * The organizations store, as use cases need it (ADR 0026): the DynamoDB adapter below and the in-memory one of the
 * unit tests (test/support/in-memory/organizations.ts) both pass test/contracts/organizations.contract.ts.
 */
export interface OrganizationRepository {
  /** All organizations, or those of one kind, in id order, a page at a time; a cursor is bound to its listing. */
  listOrganizations(query: ListOrganizationsQuery): Promise<Page<Versioned<Organization>>>;
  /** Organizations by id; unknown ids are left out. */
  getOrganizations(ids: string[]): Promise<Map<string, Versioned<Organization>>>;
  getOrganization(id: string): Promise<Versioned<Organization> | undefined>;
  /**
   * Writes a new organization at version 1, audited, with the guard of its name: OrganizationIdTaken when one with its
   * id exists, OrganizationNameTaken when another written through this store holds its name (case and spacing aside).
   */
  createOrganization(organization: Organization, audit: AuditContext): Promise<Versioned<Organization>>;
  /**
   * Writes `next` if still at `expectedVersion`: PreconditionFailed otherwise, NotFound when gone. Audited. A new name
   * moves the guard: OrganizationNameTaken when another holds it.
   */
  updateOrganization(
    current: Organization,
    expectedVersion: number,
    next: Organization,
    audit: AuditContext,
  ): Promise<Versioned<Organization>>;
  /**
   * The organization as a retirement reads it, before what acts for it: with the count of writes that acted for it
   * (acting-writes.ts), read consistently.
   */
  readForRetirement(id: string): Promise<OrganizationAtRetirement | undefined>;
  /**
   * Writes `retired` (the organization with its retirement) if still as `seen`: PreconditionFailed at another version,
   * NotFound when gone, OrganizationActedMeanwhile when a contact or an offer acted for it since. Audited
   * `organization.retire`; its name's guard is released, so the name may be recorded again.
   */
  retireOrganization(
    seen: OrganizationAtRetirement,
    retired: Organization,
    audit: AuditContext,
  ): Promise<Versioned<Organization>>;
  /**
   * Adds the organizations that are missing at version 1, each with its own `organizations.seed` entry, the first of its
   * timeline; one already present is left as it is. Their names take no guard: the use cases read the names stored.
   */
  addMissingOrganizations(
    organizations: Omit<Organization, "updatedAt">[],
    audit: AuditContext,
  ): Promise<{ created: string[] }>;
}

export function organizationRepository(
  doc: DynamoDBDocumentClient,
  tableNames: TableNames,
  clock: Clock,
): OrganizationRepository {
  const table = tableNames.desk;

  /** By kind through gsi1, otherwise all through gsi2; in id order. Never a Scan. */
  function listOrganizations({ kind, limit, cursor }: ListOrganizationsQuery): Promise<Page<Versioned<Organization>>> {
    const [indexName, partition] = kind ? ["gsi1", organizationKindPartition(kind)] : ["gsi2", ALL_ORGANIZATIONS];
    return queryPage(
      doc,
      {
        TableName: table,
        IndexName: indexName,
        KeyConditionExpression: `${indexName}pk = :partition`,
        ExpressionAttributeValues: { ":partition": partition },
      },
      { limit, cursor, scope: `organizations:${partition}` },
      fromItem,
    );
  }

  /** Organizations by id, in batches of 100; unknown ids are left out. */
  async function getOrganizations(ids: string[]): Promise<Map<string, Versioned<Organization>>> {
    const found = new Map<string, Versioned<Organization>>();
    for (const raw of await batchGetItems(doc, table, [...new Set(ids)].map(organizationKey))) {
      const organization = fromItem(raw);
      found.set(organization.value.id, organization);
    }
    return found;
  }

  /** The guard of `organization`'s name, taken unless another organization holds it. */
  function claimName(organization: RecordedOrganization): GuardedWrite {
    return {
      item: {
        Put: {
          TableName: table,
          Item: {
            ...organizationNameGuardKey(organization.name),
            entity: "organization-name",
            organizationId: organization.id,
            // As it stood when taken: the refusal of a request that raced this one names it.
            name: organization.name,
            acronym: organization.acronym,
          },
          // Free when absent, or released by a rename.
          ConditionExpression: "attribute_not_exists(organizationId)",
        },
      },
      onConditionFailed: (held) => new OrganizationNameTaken(recordedIn(held, "organizationId")),
    };
  }

  /**
   * The old name's guard released by a rename or a retirement: kept (no DeleteItem), the name free again. An
   * organization stored before the guards existed holds none: releasing its name writes the guard free.
   */
  function releaseName(name: string, organizationId: string): GuardedWrite {
    return {
      item: {
        Update: {
          TableName: table,
          Key: organizationNameGuardKey(name),
          UpdateExpression: "SET entity = :entity, releasedAt = :now REMOVE organizationId, #name, acronym",
          ConditionExpression: "attribute_not_exists(organizationId) OR organizationId = :id",
          ExpressionAttributeNames: { "#name": "name" },
          ExpressionAttributeValues: {
            ":entity": "organization-name",
            ":id": organizationId,
            ":now": clock.now().toISOString(),
          },
        },
      },
      // Another organization holds the old name's guard: only data from before the guards could make it so.
      onConditionFailed: (held) => new OrganizationNameTaken(recordedIn(held, "organizationId")),
    };
  }

  /** The refusal of a write at `expectedVersion`: PreconditionFailed if another came first, NotFound when gone. */
  const notAtVersion = (id: string, expectedVersion: number) => (stored: Record<string, unknown> | undefined) =>
    stored
      ? new PreconditionFailed(`Organization ${id}`, Number(stored.version), expectedVersion)
      : new NotFound("Organization", id);

  /**
   * `next` at the version after `expectedVersion`. A correction's put drops the count of acting writes: it moves the
   * version too, which a retirement also checks, so no retirement misses a write counted before it.
   */
  function putAtVersion(next: Organization, expectedVersion: number): GuardedWrite {
    return {
      item: {
        Put: {
          TableName: table,
          Item: toItem(next, expectedVersion + 1),
          ConditionExpression: "version = :expected",
          ExpressionAttributeValues: { ":expected": expectedVersion },
        },
      },
      onConditionFailed: notAtVersion(next.id, expectedVersion),
    };
  }

  /**
   * `retired` at the version after the one seen, if no contact or offer acted for it since (its count as seen, absent
   * for none). The put leaves the count out: nothing acts for a retired organization.
   */
  function putRetired(
    retired: Organization,
    { organization: seen, actingWrites }: OrganizationAtRetirement,
  ): GuardedWrite {
    const unchangedCount = actingWrites ? "#acting = :acting" : "attribute_not_exists(#acting)";
    return {
      item: {
        Put: {
          TableName: table,
          Item: toItem(retired, seen.version + 1),
          ConditionExpression: `version = :expected AND ${unchangedCount}`,
          ExpressionAttributeNames: { "#acting": ACTING_WRITES },
          ExpressionAttributeValues: {
            ":expected": seen.version,
            ...(actingWrites ? { ":acting": actingWrites } : {}),
          },
        },
      },
      onConditionFailed: (stored) =>
        stored && Number(stored.version) === seen.version
          ? new OrganizationActedMeanwhile(seen.value)
          : notAtVersion(retired.id, seen.version)(stored),
    };
  }

  /** The audit entry of a write that changes an organization, written in its transaction. */
  function auditChange(
    change: { action: "organization.update" | "organization.retire"; before: Organization; after: Organization },
    audit: AuditContext,
  ): GuardedWrite {
    const entity = { type: "organization", id: change.after.id };
    return { item: auditPut(tableNames.audit, { ...audit, ...change, entity }, clock) };
  }

  return {
    listOrganizations,
    getOrganizations,

    async getOrganization(id: string): Promise<Versioned<Organization> | undefined> {
      const result = await doc.send(new GetCommand({ TableName: table, Key: organizationKey(id) }));
      return result.Item ? fromItem(result.Item) : undefined;
    },

    async createOrganization(organization: Organization, audit: AuditContext): Promise<Versioned<Organization>> {
      await writeTransaction(doc, [
        {
          item: {
            Put: { TableName: table, Item: toItem(organization, 1), ConditionExpression: "attribute_not_exists(pk)" },
          },
          onConditionFailed: (stored) => new OrganizationIdTaken(recordedIn(stored, "id")),
        },
        claimName(organization),
        {
          item: auditPut(
            tableNames.audit,
            {
              ...audit,
              action: "organization.create",
              entity: { type: "organization", id: organization.id },
              after: organization,
            },
            clock,
          ),
        },
      ]);
      return { value: organization, version: 1 };
    },

    /** Writes `next` if the organization is still at `expectedVersion`; the audit entry goes in the same transaction. */
    async updateOrganization(
      current: Organization,
      expectedVersion: number,
      next: Organization,
      audit: AuditContext,
    ): Promise<Versioned<Organization>> {
      const renamed = !sameOrganizationName(current.name, next.name);
      await writeTransaction(doc, [
        putAtVersion(next, expectedVersion),
        ...(renamed ? [claimName(next), releaseName(current.name, next.id)] : []),
        auditChange({ action: "organization.update", before: current, after: next }, audit),
      ]);
      return { value: next, version: expectedVersion + 1 };
    },

    async readForRetirement(id: string): Promise<OrganizationAtRetirement | undefined> {
      const result = await doc.send(
        new GetCommand({ TableName: table, Key: organizationKey(id), ConsistentRead: true }),
      );
      if (!result.Item) return undefined;
      return { organization: fromItem(result.Item), actingWrites: Number(result.Item[ACTING_WRITES] ?? 0) };
    },

    /** Writes `retired` if still as `seen`, its name's guard released, audited, in one transaction. */
    async retireOrganization(
      seen: OrganizationAtRetirement,
      retired: Organization,
      audit: AuditContext,
    ): Promise<Versioned<Organization>> {
      const { value: current, version } = seen.organization;
      await writeTransaction(doc, [
        putRetired(retired, seen),
        releaseName(current.name, current.id),
        auditChange({ action: "organization.retire", before: current, after: retired }, audit),
      ]);
      return { value: retired, version: version + 1 };
    },

    /**
     * Adds the organizations that are missing, each with its own audit entry, in transactions of up to 100 writes.
     * One already present is left as it is: the secretariat may have corrected it since.
     */
    async addMissingOrganizations(
      organizations: Omit<Organization, "updatedAt">[],
      audit: AuditContext,
    ): Promise<{ created: string[] }> {
      const present = await getOrganizations(organizations.map((organization) => organization.id));
      const updatedAt = clock.now().toISOString();
      const missing = organizations.filter((organization) => !present.has(organization.id));
      const perTransaction = MAX_TRANSACTION_ITEMS / 2;
      for (let start = 0; start < missing.length; start += perTransaction) {
        const writes = missing.slice(start, start + perTransaction).flatMap((seeded): GuardedWrite[] => {
          const organization: Organization = { ...seeded, updatedAt };
          return [
            {
              item: {
                Put: {
                  TableName: table,
                  Item: toItem(organization, 1),
                  ConditionExpression: "attribute_not_exists(pk)",
                },
              },
            },
            {
              item: auditPut(
                tableNames.audit,
                {
                  ...audit,
                  action: "organizations.seed",
                  entity: { type: "organization", id: organization.id },
                  after: organization,
                },
                clock,
              ),
            },
          ];
        });
        await writeTransaction(doc, writes);
      }
      return { created: missing.map((organization) => organization.id) };
    },
  };
}
