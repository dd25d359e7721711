// DynamoDB access for snapshots: one immutable item per quarter, written once with its audit entry, listed on gsi2.
import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { type AuditContext, auditPut } from "../audit/audit-entry.ts";
import type { Clock } from "../clock.ts";
import { itemBytes, MAX_ITEM_BYTES } from "../dynamo/item-size.ts";
import { type Page, type PageRequest, queryPage } from "../dynamo/pagination.ts";
import { writeTransaction } from "../dynamo/transaction.ts";
import { Conflict } from "../errors.ts";
import type { TableNames } from "../tables.ts";
import { ALL_SNAPSHOTS, snapshotIndexKeys, snapshotKey } from "./keys.ts";
import {
  type Period,
  type Snapshot,
  type SnapshotSummary,
  snapshotSchema,
  snapshotSummarySchema,
  storedPeriodSchema,
} from "./schemas.ts";

/** Another run stored the quarter first: the caller reads and returns that one. */
export class SnapshotExists extends Conflict {
  constructor(readonly period: Period) {
    super(`The snapshot of ${period} exists already`);
  }
}

// Every head attribute, for the list: the figures stay behind.
const summaryAttributes = Object.keys(snapshotSummarySchema.shape);

/**
 * The snapshots store, as use cases need it (ADR 0026): the DynamoDB adapter below and the in-memory one of the unit
 * tests (test/support/in-memory/snapshots.ts) both pass test/contracts/snapshots.contract.ts.
 */
export interface SnapshotRepository {
  get(period: Period): Promise<Snapshot | undefined>;
  /** Snapshots by period, oldest first, without their figures. */
  list(page: PageRequest): Promise<Page<SnapshotSummary>>;
  /** The latest quarter before `period` that has a snapshot, whenever it was taken. */
  periodBefore(period: Period): Promise<Period | undefined>;
  /** The latest snapshot of a quarter before `period`, if any: what a new snapshot's change is measured from. */
  latestBefore(period: Period): Promise<Snapshot | undefined>;
  /** Stores the snapshot once per quarter (`SnapshotExists` otherwise), audited as `snapshot.create`. */
  create(snapshot: Snapshot, audit: AuditContext): Promise<void>;
}

export function snapshotRepository(
  doc: DynamoDBDocumentClient,
  tableNames: TableNames,
  clock: Clock,
): SnapshotRepository {
  const table = tableNames.desk;
  const toSnapshot = (raw: Record<string, unknown>) => snapshotSchema.parse(raw);

  return {
    async get(period: Period): Promise<Snapshot | undefined> {
      const result = await doc.send(
        new GetCommand({ TableName: table, Key: snapshotKey(period), ConsistentRead: true }),
      );
      return result.Item ? toSnapshot(result.Item) : undefined;
    },

    /** Snapshots by period, oldest first, without their figures. */
    list(page: PageRequest): Promise<Page<SnapshotSummary>> {
      const names = Object.fromEntries(summaryAttributes.map((name, index) => [`#a${index}`, name]));
      return queryPage(
        doc,
        {
          TableName: table,
          IndexName: "gsi2",
          KeyConditionExpression: "gsi2pk = :partition",
          ExpressionAttributeValues: { ":partition": ALL_SNAPSHOTS },
          ExpressionAttributeNames: names,
          ProjectionExpression: Object.keys(names).join(", "),
        },
        { ...page, scope: "snapshots" },
        (raw) => snapshotSummarySchema.parse(raw),
      );
    },

    /** The latest quarter before `period` that has a snapshot, whenever it was taken: one key read from the index. */
    async periodBefore(period: Period): Promise<Period | undefined> {
      const result = await doc.send(
        new QueryCommand({
          TableName: table,
          IndexName: "gsi2",
          KeyConditionExpression: "gsi2pk = :partition AND gsi2sk < :period",
          ExpressionAttributeValues: { ":partition": ALL_SNAPSHOTS, ":period": period },
          ProjectionExpression: "gsi2sk",
          ScanIndexForward: false,
          Limit: 1,
        }),
      );
      const [item] = result.Items ?? [];
      return item ? storedPeriodSchema.parse(item.gsi2sk) : undefined;
    },

    /** The latest snapshot of a quarter before `period`, if any: what a new snapshot's change is measured from. */
    async latestBefore(period: Period): Promise<Snapshot | undefined> {
      const result = await doc.send(
        new QueryCommand({
          TableName: table,
          IndexName: "gsi2",
          KeyConditionExpression: "gsi2pk = :partition AND gsi2sk < :period",
          ExpressionAttributeValues: { ":partition": ALL_SNAPSHOTS, ":period": period },
          ScanIndexForward: false,
          Limit: 1,
        }),
      );
      const [item] = result.Items ?? [];
      return item ? toSnapshot(item) : undefined;
    },

    /**
     * Stores the snapshot if its quarter has none (`SnapshotExists` otherwise), with its audit entry in the same
     * transaction. A snapshot past the item limit is refused before DynamoDB sees it.
     */
    async create(snapshot: Snapshot, audit: AuditContext): Promise<void> {
      const item = {
        ...snapshotKey(snapshot.period),
        ...snapshotIndexKeys(snapshot.period),
        entity: "snapshot",
        ...snapshot,
      };
      const bytes = itemBytes(item);
      if (bytes > MAX_ITEM_BYTES) {
        throw new Error(
          `The snapshot of ${snapshot.period} would be ${bytes} bytes; an item holds at most ${MAX_ITEM_BYTES}`,
        );
      }
      await writeTransaction(doc, [
        {
          item: { Put: { TableName: table, Item: item, ConditionExpression: "attribute_not_exists(pk)" } },
          onConditionFailed: () => new SnapshotExists(snapshot.period),
        },
        {
          item: auditPut(
            tableNames.audit,
            {
              ...audit,
              action: "snapshot.create",
              entity: { type: "snapshot", id: snapshot.period },
              // The head only: the figures are in the item itself, which is never changed.
              after: {
                period: snapshot.period,
                computedAt: snapshot.computedAt,
                previousPeriod: snapshot.previousPeriod,
                bytes,
              },
            },
            clock,
          ),
        },
      ]);
    },
  };
}
