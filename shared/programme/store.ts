// Where programme years are kept: the contract (an interface, so use cases run on test/support/in-memory/programme.ts)
// and the DynamoDB store (keys.ts). Every write is conditional on the version read and audited in one transaction.
import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { type AuditInput, auditPut } from "../audit/audit-entry.ts";
import type { Clock } from "../clock.ts";
import { writeTransaction } from "../dynamo/transaction.ts";
import { PreconditionFailed } from "../errors.ts";
import type { TableNames } from "../tables.ts";
import type { Versioned } from "../versioning.ts";
import { PROGRAMME_YEARS_PARTITION, programmeYearIndexKeys, programmeYearKey } from "./keys.ts";
import { type ProgrammeRecord, programmeFileSchema, programmeStatusSchema } from "./schemas.ts";

export interface ProgrammeStore {
  get(year: number): Promise<Versioned<ProgrammeRecord> | undefined>;
  /** Every stored year, ascending. */
  list(): Promise<Versioned<ProgrammeRecord>[]>;
  /**
   * Writes the year if its stored version is still `expectedVersion` (0: none stored), with its audit entry;
   * otherwise PreconditionFailed with the current ETag. Returns the new version.
   */
  save(record: ProgrammeRecord, expectedVersion: number, entry: AuditInput): Promise<number>;
}

/** The refusal of a write made on another version of the year than the stored one (0: none stored). */
export const stale = (year: number, current: number, expected: number) =>
  new PreconditionFailed(`Programme of work ${year}`, current, expected);

function fromItem(item: Record<string, unknown>): Versioned<ProgrammeRecord> {
  const rolledFrom = typeof item.rolledFrom === "number" ? item.rolledFrom : undefined;
  return {
    value: {
      file: programmeFileSchema().parse(item.file),
      status: programmeStatusSchema.parse(item.status),
      updatedAt: String(item.updatedAt),
      ...(rolledFrom === undefined ? {} : { rolledFrom }),
      ...(item.seeded === true ? { seeded: true as const } : {}),
    },
    version: Number(item.version),
  };
}

export function dynamoProgrammeStore(
  doc: DynamoDBDocumentClient,
  tableNames: TableNames,
  clock: Clock,
): ProgrammeStore {
  const table = tableNames.desk;
  return {
    async get(year) {
      const result = await doc.send(
        new GetCommand({ TableName: table, Key: programmeYearKey(year), ConsistentRead: true }),
      );
      return result.Item ? fromItem(result.Item) : undefined;
    },

    async list() {
      // A few dozen years at most in the mandate's life: one page holds them (1 MB), so no cursor.
      const result = await doc.send(
        new QueryCommand({
          TableName: table,
          IndexName: "gsi2",
          KeyConditionExpression: "gsi2pk = :partition",
          ExpressionAttributeValues: { ":partition": PROGRAMME_YEARS_PARTITION },
        }),
      );
      return (result.Items ?? []).map(fromItem);
    },

    async save(record, expectedVersion, entry) {
      const year = record.file.year;
      const version = expectedVersion + 1;
      await writeTransaction(doc, [
        {
          item: {
            Put: {
              TableName: table,
              Item: {
                ...programmeYearKey(year),
                ...programmeYearIndexKeys(year),
                entity: "programme-year",
                year,
                version,
                ...record,
              },
              ...(expectedVersion === 0
                ? { ConditionExpression: "attribute_not_exists(pk)" }
                : {
                    ConditionExpression: "version = :expected",
                    ExpressionAttributeValues: { ":expected": expectedVersion },
                  }),
            },
          },
          onConditionFailed: (current) => stale(year, current ? Number(current.version) : 0, expectedVersion),
        },
        { item: auditPut(tableNames.audit, entry, clock) },
      ]);
      return version;
    },
  };
}
