// DynamoDB access for the registry of States: item keys, the region and all-States indexes, audited writes.
import { type DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { type AuditContext, auditPut } from "../audit/audit-entry.ts";
import type { Clock } from "../clock.ts";
import { eachLimited } from "../concurrency.ts";
import { batchGetItems } from "../dynamo/batch-get.ts";
import { type Page, type PageRequest, queryPage } from "../dynamo/pagination.ts";
import { type GuardedWrite, MAX_TRANSACTION_ITEMS, writeTransaction } from "../dynamo/transaction.ts";
import { NotFound, PreconditionFailed } from "../errors.ts";
import type { TableNames } from "../tables.ts";
import type { Versioned } from "../versioning.ts";
import { type StatesListing, stateIndexKeys, stateKey, statesListingOf } from "./keys.ts";
import type { MemberState } from "./member-states.ts";
import { type State, stateSchema } from "./schemas.ts";

/** What a write may change; the codes and the key never change. */
export type StateUpdate = Partial<Omit<State, "iso3" | "iso2" | "updatedAt">>;

function toItem(state: State, version: number) {
  return {
    ...stateKey(state.iso3),
    ...stateIndexKeys(state.iso3, state.region, state.reportingStatus),
    entity: "state",
    version,
    ...state,
  };
}

function fromItem(raw: Record<string, unknown>): Versioned<State> {
  return { value: stateSchema.parse(raw), version: Number(raw.version) };
}

export interface ListStatesQuery extends PageRequest, StatesListing {}

/**
 * The registry of States, as use cases need it (ADR 0026): the DynamoDB adapter below and the in-memory one of the
 * unit tests (test/support/in-memory/registry.ts) both pass test/contracts/registry.contract.ts.
 */
export interface RegistryRepository {
  /**
   * All States, or those of one region, reporting status and/or language basis, in iso3 order, a page at a time (a
   * narrowed page may hold fewer than its limit, even none, with a cursor to the rest).
   */
  listStates(query: ListStatesQuery): Promise<Page<Versioned<State>>>;
  /** States by code, in the order asked for; unknown codes are left out. */
  getStates(codes: string[]): Promise<Versioned<State>[]>;
  getState(iso3: string): Promise<Versioned<State> | undefined>;
  /**
   * Applies the changes if the State is still at `current.version` (else PreconditionFailed), stamped now, one
   * version up, audited; `companions` are DynamoDB writes of other items that must go in the same transaction (the
   * in-memory adapter cannot carry them and refuses them).
   */
  updateState(
    current: Versioned<State>,
    changes: StateUpdate,
    audit: AuditContext,
    companions?: readonly GuardedWrite[],
  ): Promise<Versioned<State>>;
  /**
   * Adds the States that are missing, non-reporting at version 1, each with its `companions` items (DynamoDB items
   * that belong with it from the start: its obligations), each with its own `registry.seed` entry, the first of its
   * timeline; a State present is left as it is.
   */
  addMissingStates(
    states: MemberState[],
    companions: (iso3: string) => Record<string, unknown>[],
    audit: AuditContext,
  ): Promise<{ created: string[] }>;
}

/** The seed's transactions in flight at once (17 of them on an empty table; ADR 0037). */
const SEED_TRANSACTIONS_AT_ONCE = 4;

export function registryRepository(
  doc: DynamoDBDocumentClient,
  tableNames: TableNames,
  clock: Clock,
): RegistryRepository {
  /**
   * By reporting status through gsi3, by region through gsi1, otherwise all States through gsi2; always in iso3
   * order. Never a Scan: a region with a status, and a language basis, filter that Query (193 States at most).
   */
  async function listStates({ limit, cursor, ...narrowed }: ListStatesQuery): Promise<Page<Versioned<State>>> {
    const { partition, regionFiltered, scope } = statesListingOf(narrowed);
    const indexName = narrowed.status ? "gsi3" : narrowed.region ? "gsi1" : "gsi2";
    // Attribute equalities on the Query's items: names and values as `#region = :region`.
    const filters = {
      ...(regionFiltered ? { region: narrowed.region } : {}),
      ...(narrowed.languageBasis ? { languageBasis: narrowed.languageBasis } : {}),
    };
    const names = Object.keys(filters);
    return queryPage(
      doc,
      {
        TableName: tableNames.desk,
        IndexName: indexName,
        KeyConditionExpression: `${indexName}pk = :partition`,
        FilterExpression: names.length ? names.map((name) => `#${name} = :${name}`).join(" AND ") : undefined,
        ExpressionAttributeNames: names.length
          ? Object.fromEntries(names.map((name) => [`#${name}`, name]))
          : undefined,
        ExpressionAttributeValues: {
          ":partition": partition,
          ...Object.fromEntries(Object.entries(filters).map(([name, value]) => [`:${name}`, value])),
        },
      },
      { limit, cursor, scope },
      fromItem,
    );
  }

  return {
    listStates,

    /** States by code, in batches of 100, in the order asked for; unknown codes are left out. */
    async getStates(codes: string[]): Promise<Versioned<State>[]> {
      const found = new Map<string, Versioned<State>>();
      for (const raw of await batchGetItems(doc, tableNames.desk, codes.map(stateKey))) {
        const state = fromItem(raw);
        found.set(state.value.iso3, state);
      }
      return codes.flatMap((code) => found.get(code) ?? []);
    },

    async getState(iso3: string): Promise<Versioned<State> | undefined> {
      const result = await doc.send(new GetCommand({ TableName: tableNames.desk, Key: stateKey(iso3) }));
      return result.Item ? fromItem(result.Item) : undefined;
    },

    /**
     * Applies the changes if the State is still at `expectedVersion`; the audit entry, and any `companions` (the
     * writes that carry the change to its contacts), go in the same transaction.
     */
    async updateState(
      current: Versioned<State>,
      changes: StateUpdate,
      audit: AuditContext,
      companions: readonly GuardedWrite[] = [],
    ): Promise<Versioned<State>> {
      const next: State = { ...current.value, ...changes, updatedAt: clock.now().toISOString() };
      const version = current.version + 1;
      await writeTransaction(doc, [
        {
          item: {
            Put: {
              TableName: tableNames.desk,
              Item: toItem(next, version),
              ConditionExpression: "version = :expected",
              ExpressionAttributeValues: { ":expected": current.version },
            },
          },
          onConditionFailed: (stored) =>
            stored
              ? new PreconditionFailed(`State ${current.value.iso3}`, Number(stored.version), current.version)
              : new NotFound("State", current.value.iso3),
        },
        {
          item: auditPut(
            tableNames.audit,
            {
              ...audit,
              action: "state.update",
              entity: { type: "state", id: current.value.iso3 },
              before: current.value,
              after: next,
            },
            clock,
          ),
        },
        ...companions,
      ]);
      return { value: next, version };
    },

    /**
     * Adds the States that are missing, each with the items that belong with it from the start (its
     * obligations) and its own audit entry (the first of its timeline), in transactions of up to 100 writes. A
     * State already present is left as it is (its language may have been corrected since).
     */
    async addMissingStates(
      states: MemberState[],
      companions: (iso3: string) => Record<string, unknown>[],
      audit: AuditContext,
    ): Promise<{ created: string[] }> {
      const present = new Set<string>();
      let cursor: string | undefined;
      do {
        const page = await listStates({ limit: 100, cursor });
        for (const state of page.items) present.add(state.value.iso3);
        cursor = page.cursor;
      } while (cursor);

      const missing = states.filter((state) => !present.has(state.iso3));
      const updatedAt = clock.now().toISOString();
      const put = (Item: Record<string, unknown>): GuardedWrite => ({
        item: { Put: { TableName: tableNames.desk, Item, ConditionExpression: "attribute_not_exists(pk)" } },
      });
      // Whole States per transaction: a State never exists without its companions and its entry.
      const groups = missing.map((memberState) => {
        const state: State = { ...memberState, reportingStatus: "non-reporting", updatedAt };
        return [
          put(toItem(state, 1)),
          ...companions(state.iso3).map(put),
          {
            item: auditPut(
              tableNames.audit,
              { ...audit, action: "registry.seed", entity: { type: "state", id: state.iso3 }, after: state },
              clock,
            ),
          },
        ];
      });
      const chunks: GuardedWrite[][] = [];
      for (const group of groups) {
        const last = chunks.at(-1);
        if (last && last.length + group.length <= MAX_TRANSACTION_ITEMS) last.push(...group);
        else chunks.push([...group]);
      }
      // Each transaction adds whole States, each only if absent, and touches no item of another: a few at a time.
      await eachLimited(chunks, SEED_TRANSACTIONS_AT_ONCE, (writes) => writeTransaction(doc, writes));
      return { created: missing.map((state) => state.iso3) };
    },
  };
}
