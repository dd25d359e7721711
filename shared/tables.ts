// The tables' keys and indexes, in one place: the CDK stateful stack and the local stack both build from here.

export interface KeySchema {
  partitionKey: string;
  sortKey: string;
}

export interface IndexDefinition extends KeySchema {
  indexName: string;
}

export interface TableDefinition extends KeySchema {
  /** Logical id: the CDK construct id and the suffix of the local table name. */
  id: TableId;
  indexes: readonly IndexDefinition[];
  /** The table's change stream: the desk's feeds the search indexer (ADR 0021). */
  stream?: "NEW_AND_OLD_IMAGES";
}

export type TableId = "desk" | "audit";

/**
 * `desk` holds every domain entity (single-table design, overloaded generic indexes);
 * `audit` holds the audit trail, written in the same transaction as the change it records.
 */
export const tables = {
  desk: {
    id: "desk",
    partitionKey: "pk",
    sortKey: "sk",
    indexes: [
      { indexName: "gsi1", partitionKey: "gsi1pk", sortKey: "gsi1sk" },
      { indexName: "gsi2", partitionKey: "gsi2pk", sortKey: "gsi2sk" },
      { indexName: "gsi3", partitionKey: "gsi3pk", sortKey: "gsi3sk" },
    ],
    stream: "NEW_AND_OLD_IMAGES",
  },
  audit: {
    id: "audit",
    partitionKey: "pk",
    sortKey: "sk",
    // byState, byOrganization and byActor: a State's trail, an organization's and a person's writes, newest first,
    // each one Query (ADR 0020, ADR 0056); stateTimeline and organizationTimeline: the same entries by the day their
    // event happened, as the timelines read them (ADR 0063).
    indexes: [
      { indexName: "byDay", partitionKey: "day", sortKey: "sk" },
      { indexName: "byState", partitionKey: "iso3", sortKey: "sk" },
      { indexName: "byOrganization", partitionKey: "orgId", sortKey: "sk" },
      { indexName: "byActor", partitionKey: "actorKey", sortKey: "sk" },
      { indexName: "stateTimeline", partitionKey: "iso3", sortKey: "timelineKey" },
      { indexName: "organizationTimeline", partitionKey: "orgId", sortKey: "timelineKey" },
    ],
  },
} as const satisfies Record<TableId, TableDefinition>;

export type TableNames = Record<TableId, string>;

/** Every attribute that appears in a key or an index key (all strings). */
export function keyAttributes(table: TableDefinition): string[] {
  const names = [table.partitionKey, table.sortKey];
  for (const index of table.indexes) names.push(index.partitionKey, index.sortKey);
  return [...new Set(names)];
}
