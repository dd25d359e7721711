// DynamoDB access for the 1540 Matrix: a per-State head item (the lock and the pointers) and one item per version.
//
// Keys in the `desk` table, in the State's partition:
//   head     pk=STATE#<iso3>  sk=MATRIX           revision (the ETag), latest version and status, approved version
//   version  pk=STATE#<iso3>  sk=MATRIX#v0001     one version with all its cells as a map (zero-padded: sorts in order)
// Every write puts the head conditionally on the revision it read, so one writer wins and the other gets 412.
import { type DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { type AuditInput, auditPut } from "../audit/audit-entry.ts";
import type { Clock } from "../clock.ts";
import { itemBytes, MAX_ITEM_BYTES } from "../dynamo/item-size.ts";
import { type Page, type PageRequest, queryPage } from "../dynamo/pagination.ts";
import { type GuardedWrite, writeTransaction } from "../dynamo/transaction.ts";
import { Conflict, Invalid, PreconditionFailed } from "../errors.ts";
import type { TableNames } from "../tables.ts";
import {
  type MatrixStatus,
  type MatrixVersion,
  type MatrixVersionSummary,
  matrixStatusSchema,
  matrixVersionSchema,
  matrixVersionSummarySchema,
} from "./schemas.ts";

const VERSION_PREFIX = "MATRIX#v";

const partition = (iso3: string) => `STATE#${iso3}`;
const headKey = (iso3: string) => ({ pk: partition(iso3), sk: "MATRIX" });
export const versionKey = (iso3: string, version: number) => ({
  pk: partition(iso3),
  sk: `${VERSION_PREFIX}${String(version).padStart(4, "0")}`,
});

interface MatrixHead {
  revision: number;
  latestVersion: number;
  latestStatus: MatrixStatus;
  approvedVersion: number | undefined;
}

function headOf(raw: Record<string, unknown>): MatrixHead {
  return {
    revision: Number(raw.revision),
    latestVersion: Number(raw.latestVersion),
    latestStatus: matrixStatusSchema.parse(raw.latestStatus),
    approvedVersion: raw.approvedVersion === undefined ? undefined : Number(raw.approvedVersion),
  };
}

/** A State's matrix as the use cases see it: the lock's revision and the versions that matter now. */
export interface CurrentMatrix {
  iso3: string;
  /** 0 while the State has no matrix; the ETag is derived from it. */
  revision: number;
  /** The latest version when it is not approved: in draft or shared with the State. */
  working: MatrixVersion | undefined;
  /** The latest approved version. */
  approved: MatrixVersion | undefined;
}

/** An audit entry of a matrix write; the entity is the State's matrix. */
export type MatrixAudit = Omit<AuditInput, "entity">;

// Every version attribute but the cells, for lists that must stay small.
const summaryAttributes = Object.keys(matrixVersionSummarySchema.shape);

/**
 * The matrices store, as use cases need it (ADR 0026): the DynamoDB adapter below and the in-memory one of the unit
 * tests (test/support/in-memory/matrix.ts) both pass test/contracts/matrix.contract.ts.
 */
export interface MatrixRepository {
  getVersion(iso3: string, version: number): Promise<MatrixVersion | undefined>;
  /** The State's matrix now: revision 0 and no versions while it has none. */
  current(iso3: string): Promise<CurrentMatrix>;
  /** Versions oldest first, without their cells. */
  listVersions(iso3: string, page: PageRequest): Promise<Page<MatrixVersionSummary>>;
  /**
   * Writes `next` and moves the head to it if the matrix is still at `current.revision` (PreconditionFailed naming
   * the current ETag otherwise; Conflict when the version itself changed meanwhile), with the audit entries on the
   * State's matrix. Returns the new revision.
   */
  save(current: CurrentMatrix, next: MatrixVersion, audits: readonly MatrixAudit[]): Promise<number>;
}

export function matrixRepository(doc: DynamoDBDocumentClient, tableNames: TableNames, clock: Clock): MatrixRepository {
  async function getVersion(iso3: string, version: number): Promise<MatrixVersion | undefined> {
    const result = await doc.send(
      new GetCommand({ TableName: tableNames.desk, Key: versionKey(iso3, version), ConsistentRead: true }),
    );
    return result.Item ? matrixVersionSchema.parse(result.Item) : undefined;
  }

  return {
    getVersion,

    /**
     * The head first, then the versions it names. A write that lands in between shows in the versions but
     * also moves the revision, so a write based on this read fails its condition (412) and loses nothing.
     */
    async current(iso3: string): Promise<CurrentMatrix> {
      const result = await doc.send(
        new GetCommand({ TableName: tableNames.desk, Key: headKey(iso3), ConsistentRead: true }),
      );
      if (!result.Item) return { iso3, revision: 0, working: undefined, approved: undefined };
      const head = headOf(result.Item);
      const [working, approved] = await Promise.all([
        head.latestStatus === "approved" ? undefined : getVersion(iso3, head.latestVersion),
        head.approvedVersion === undefined ? undefined : getVersion(iso3, head.approvedVersion),
      ]);
      return { iso3, revision: head.revision, working, approved };
    },

    /** Versions oldest first, without their cells. */
    async listVersions(iso3: string, page: PageRequest): Promise<Page<MatrixVersionSummary>> {
      const names = Object.fromEntries(summaryAttributes.map((name, index) => [`#a${index}`, name]));
      return queryPage(
        doc,
        {
          TableName: tableNames.desk,
          KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
          ExpressionAttributeValues: { ":pk": partition(iso3), ":prefix": VERSION_PREFIX },
          ExpressionAttributeNames: names,
          ProjectionExpression: Object.keys(names).join(", "),
          ConsistentRead: true,
        },
        { ...page, scope: `matrix-versions:${iso3}` },
        (raw) => matrixVersionSummarySchema.parse(raw),
      );
    },

    /**
     * Writes `next` (a new version, or the working one changed) and moves the head to it, if the head is still
     * at `current.revision`; the audit entries go in the same transaction. Returns the new revision.
     */
    async save(current: CurrentMatrix, next: MatrixVersion, audits: readonly MatrixAudit[]): Promise<number> {
      const { iso3 } = current;
      const revision = current.revision + 1;
      const approvedVersion = next.status === "approved" ? next.version : current.approved?.version;
      const isNew = current.working?.version !== next.version;
      const head = {
        ...headKey(iso3),
        entity: "matrix",
        iso3,
        revision,
        latestVersion: next.version,
        latestStatus: next.status,
        ...(approvedVersion === undefined ? {} : { approvedVersion }),
        updatedAt: clock.now().toISOString(),
      };
      const versionItem = { ...versionKey(iso3, next.version), entity: "matrix-version", ...next };
      const versionBytes = itemBytes(versionItem);
      if (versionBytes > MAX_ITEM_BYTES) {
        throw new Invalid(
          `Version ${next.version} of the matrix of ${iso3} would take about ${versionBytes} bytes, more than the ` +
            `${MAX_ITEM_BYTES} one version may take; shorten the source references`,
        );
      }
      const auditItems = audits.map((entry) =>
        auditPut(tableNames.audit, { ...entry, entity: { type: "matrix", id: iso3 } }, clock),
      );
      for (const item of auditItems) {
        const bytes = itemBytes(item.Put?.Item ?? {});
        if (bytes > MAX_ITEM_BYTES) {
          throw new Invalid(
            `This change is too large to record in one audit entry (about ${bytes} bytes); send it in smaller batches`,
          );
        }
      }
      const stale = (stored: Record<string, unknown> | undefined) =>
        new PreconditionFailed(`The matrix of ${iso3}`, stored ? Number(stored.revision) : 0, current.revision);
      const writes: GuardedWrite[] = [
        {
          item: {
            Put: {
              TableName: tableNames.desk,
              Item: head,
              ...(current.revision === 0
                ? { ConditionExpression: "attribute_not_exists(pk)" }
                : {
                    ConditionExpression: "revision = :expected",
                    ExpressionAttributeValues: { ":expected": current.revision },
                  }),
            },
          },
          onConditionFailed: stale,
        },
        {
          // Redundant with the head's condition while every writer goes through here; it guards the version itself.
          item: {
            Put: {
              TableName: tableNames.desk,
              Item: versionItem,
              ...(isNew || current.working === undefined
                ? { ConditionExpression: "attribute_not_exists(pk)" }
                : {
                    ConditionExpression: "#status = :status",
                    ExpressionAttributeNames: { "#status": "status" },
                    ExpressionAttributeValues: { ":status": current.working.status },
                  }),
            },
          },
          onConditionFailed: () => new Conflict(`Version ${next.version} of the matrix of ${iso3} changed meanwhile`),
        },
        ...auditItems.map((item) => ({ item })),
      ];
      await writeTransaction(doc, writes);
      return revision;
    },
  };
}
