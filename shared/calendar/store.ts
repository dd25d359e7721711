// Where the years' holiday lists are kept: the contract (an interface, so use cases run on an in-memory store in the
// tests) and the DynamoDB store (keys.ts). Every write is conditional on the version read, and audited in the same
// transaction.
import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { type AuditInput, auditPut } from "../audit/audit-entry.ts";
import type { Clock } from "../clock.ts";
import { batchGetItems } from "../dynamo/batch-get.ts";
import { writeTransaction } from "../dynamo/transaction.ts";
import { PreconditionFailed } from "../errors.ts";
import type { TableNames } from "../tables.ts";
import type { Versioned } from "../versioning.ts";
import { HOLIDAY_YEARS_PARTITION, holidayYearIndexKeys, holidayYearKey } from "./keys.ts";
import { type HeadquartersHolidays, headquartersHolidaysSchema } from "./schemas.ts";

export interface HolidayStore {
  get(year: number): Promise<Versioned<HeadquartersHolidays> | undefined>;
  /** The lists on record among `years` (a working-day count spans two years at most), by year. */
  getYears(years: readonly number[]): Promise<Map<number, HeadquartersHolidays>>;
  /** Every year on record, ascending. */
  list(): Promise<Versioned<HeadquartersHolidays>[]>;
  /**
   * Writes the year's list if its stored version is still `expectedVersion` (0: none stored), with its audit entry;
   * otherwise PreconditionFailed with the current ETag. Returns the new version.
   */
  save(holidays: HeadquartersHolidays, expectedVersion: number, entry: AuditInput): Promise<number>;
}

/** The refusal of a write made on another version of the year's list than the stored one (0: none stored). */
export const staleHolidays = (year: number, current: number, expected: number) =>
  new PreconditionFailed(`The ${year} UN Headquarters holidays`, current, expected);

// The schema keeps the list's own fields and leaves the item's keys and version behind.
const holidaysOf = (item: Record<string, unknown>) => headquartersHolidaysSchema.parse(item);
const versioned = (item: Record<string, unknown>) => ({ value: holidaysOf(item), version: Number(item.version) });

/** A write's condition: no list of the year on record (0), or the list still at the version read. */
const stillAt = (expectedVersion: number) =>
  expectedVersion === 0
    ? { ConditionExpression: "attribute_not_exists(pk)" }
    : { ConditionExpression: "version = :expected", ExpressionAttributeValues: { ":expected": expectedVersion } };

export function dynamoHolidayStore(doc: DynamoDBDocumentClient, tableNames: TableNames, clock: Clock): HolidayStore {
  const table = tableNames.desk;
  return {
    async get(year) {
      const result = await doc.send(
        new GetCommand({ TableName: table, Key: holidayYearKey(year), ConsistentRead: true }),
      );
      return result.Item ? versioned(result.Item) : undefined;
    },

    async getYears(years) {
      const keys = [...new Set(years)].map(holidayYearKey);
      // Consistent: the recount that follows a PUT must count the list it just wrote.
      const items = keys.length ? await batchGetItems(doc, table, keys, { consistent: true }) : [];
      return new Map(items.map((item) => [Number(item.year), holidaysOf(item)]));
    },

    async list() {
      // One item a year for the mandate's life: one page holds them (1 MB), so no cursor.
      const { Items = [] } = await doc.send(
        new QueryCommand({
          TableName: table,
          IndexName: "gsi2",
          KeyConditionExpression: "gsi2pk = :holidayYears",
          ExpressionAttributeValues: { ":holidayYears": HOLIDAY_YEARS_PARTITION },
        }),
      );
      return Items.map(versioned);
    },

    async save(holidays, expectedVersion, entry) {
      const version = expectedVersion + 1;
      const { year } = holidays;
      const item = { ...holidayYearKey(year), ...holidayYearIndexKeys(year), entity: "holidays", version, ...holidays };
      await writeTransaction(doc, [
        {
          item: { Put: { TableName: table, Item: item, ...stillAt(expectedVersion) } },
          onConditionFailed: (current) => staleHolidays(year, current ? Number(current.version) : 0, expectedVersion),
        },
        { item: auditPut(tableNames.audit, entry, clock) },
      ]);
      return version;
    },
  };
}
