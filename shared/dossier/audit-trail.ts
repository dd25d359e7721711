// Reading the audit trail: one entity's entries (the table's key), one State's (byState), one actor's (byActor),
// or every entry of a span of days (byDay), newest first and paged. Never a Scan (ADR 0020).
import type { DynamoDBDocumentClient, QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import { type AuditEntry, auditActorKey, auditEntrySchema } from "../audit/audit-entry.ts";
import type { Clock } from "../clock.ts";
import type { Owner } from "../contacts/owner.ts";
import {
  cursorStartKey,
  decodeCursor,
  encodeCursor,
  type Page,
  type PageRequest,
  queryFrom,
  queryPage,
} from "../dynamo/pagination.ts";
import { Malformed } from "../errors.ts";
import type { TableNames } from "../tables.ts";

export interface Period {
  from?: string | undefined;
  to?: string | undefined;
}

/** Without an entity or an actor, a query reads day after day: it covers 31 days unless told, at most 366. */
export const DEFAULT_SPAN_DAYS = 31;
export const MAX_SPAN_DAYS = 366;

const DAY_MS = 86_400_000;

/** A key condition's sort part, ` AND <attribute> BETWEEN :from AND :to` or one side of it, both bounds included. */
export function sortKeyRange(
  attribute: string,
  lower: string | undefined,
  upper: string | undefined,
): { expression: string; values: Record<string, string> } {
  if (lower && upper) {
    return { expression: ` AND ${attribute} BETWEEN :from AND :to`, values: { ":from": lower, ":to": upper } };
  }
  if (lower) return { expression: ` AND ${attribute} >= :from`, values: { ":from": lower } };
  if (upper) return { expression: ` AND ${attribute} <= :to`, values: { ":to": upper } };
  return { expression: "", values: {} };
}

/** Sort keys that start with an ISO time: a day's first sorts after `<day>T`, its last before `<day>T~`. */
export const periodCondition = (period: Period, attribute = "sk") =>
  sortKeyRange(attribute, period.from && `${period.from}T`, period.to && `${period.to}T~`);

export const toAuditEntry = (raw: Record<string, unknown>): AuditEntry => auditEntrySchema.parse(raw);

/**
 * The audit trail as the dossier reads it, newest first and paged (ADR 0026: the interface is the contract; only the
 * DynamoDB reader below implements it so far).
 */
export interface AuditTrail {
  /** One entity's entries (`state:MLI`, `contact:<id>`), optionally one actor's. */
  ofEntity(entity: string, actor: string | undefined, period: Period, page: PageRequest): Promise<Page<AuditEntry>>;
  /** Every entry about one State. */
  ofState(iso3: string, period: Period, page: PageRequest): Promise<Page<AuditEntry>>;
  /** Every entry about one organization. */
  ofOrganization(id: string, period: Period, page: PageRequest): Promise<Page<AuditEntry>>;
  /** Every entry by one actor. */
  ofActor(actor: string, period: Period, page: PageRequest): Promise<Page<AuditEntry>>;
  /** Every entry of a span of days. */
  ofDays(period: Period, page: PageRequest): Promise<Page<AuditEntry>>;
}

/**
 * Where an owner's entries are: the index in the order they were recorded (its audit trail), the index by the day
 * their events happened (its timeline), and the attribute `auditKeys` writes for both (ADR 0020, ADR 0056, ADR 0063).
 */
export const OWNER_AUDIT_INDEX = {
  state: { indexName: "byState", timelineIndexName: "stateTimeline", attribute: "iso3" },
  organization: { indexName: "byOrganization", timelineIndexName: "organizationTimeline", attribute: "orgId" },
} as const satisfies Record<Owner["kind"], { indexName: string; timelineIndexName: string; attribute: string }>;

export function auditTrail(doc: DynamoDBDocumentClient, tableNames: TableNames, clock: Clock): AuditTrail {
  const TableName = tableNames.audit;

  function keyed(
    index: string | undefined,
    partition: { name: string; value: string },
    period: Period,
    extra: Pick<QueryCommandInput, "FilterExpression" | "ExpressionAttributeValues"> = {},
  ): Omit<QueryCommandInput, "Limit" | "ExclusiveStartKey"> {
    const range = periodCondition(period);
    return {
      TableName,
      ...(index ? { IndexName: index } : {}),
      KeyConditionExpression: `#partition = :partition${range.expression}`,
      ExpressionAttributeNames: { "#partition": partition.name },
      ExpressionAttributeValues: { ":partition": partition.value, ...range.values, ...extra.ExpressionAttributeValues },
      ...(extra.FilterExpression ? { FilterExpression: extra.FilterExpression } : {}),
      ScanIndexForward: false,
    };
  }

  const scopeOf = (name: string, period: Period) => `audit:${name}:${period.from ?? ""}:${period.to ?? ""}`;

  /** Every entry under one key of an index, newest first; `scope` ties the cursor to that key. */
  const ofIndex = (
    index: string,
    partition: { name: string; value: string },
    scope: string,
    period: Period,
    page: PageRequest,
  ): Promise<Page<AuditEntry>> =>
    queryPage(doc, keyed(index, partition, period), { ...page, scope: scopeOf(scope, period) }, toAuditEntry);

  /** Every day of the span, newest first; the span is checked so one request cannot read years of empty days. */
  function daysOf(period: Period): string[] {
    const to = period.to ?? clock.now().toISOString().slice(0, 10);
    const toMs = Date.parse(`${to}T00:00:00Z`);
    const from = period.from ?? new Date(toMs - (DEFAULT_SPAN_DAYS - 1) * DAY_MS).toISOString().slice(0, 10);
    const count = Math.round((toMs - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
    if (count > MAX_SPAN_DAYS) {
      throw new Malformed("The period is too long to read without an entity or an actor", [
        {
          path: "query.from",
          message: `spans ${count} days; name an entity or an actor, or at most ${MAX_SPAN_DAYS} days`,
        },
      ]);
    }
    return Array.from({ length: count }, (_, index) => new Date(toMs - index * DAY_MS).toISOString().slice(0, 10));
  }

  return {
    /** One entity's entries (`state:MLI`, `contact:<id>`), through the table's own key; optionally one actor's. */
    ofEntity(entity: string, actor: string | undefined, period: Period, page: PageRequest): Promise<Page<AuditEntry>> {
      const filter = actor
        ? {
            FilterExpression: "actorKey = :actor",
            ExpressionAttributeValues: { ":actor": auditActorKey({ id: actor }) },
          }
        : {};
      const [type, ...rest] = entity.split(":");
      return queryPage(
        doc,
        keyed(undefined, { name: "pk", value: `${type}#${rest.join(":")}` }, period, filter),
        { ...page, scope: scopeOf(`entity:${entity}:${actor ?? ""}`, period) },
        toAuditEntry,
      );
    },

    /** Every entry about one State (the byState index). */
    ofState(iso3: string, period: Period, page: PageRequest): Promise<Page<AuditEntry>> {
      const { indexName, attribute } = OWNER_AUDIT_INDEX.state;
      return ofIndex(indexName, { name: attribute, value: iso3 }, `state:${iso3}`, period, page);
    },

    /** Every entry about one organization (the byOrganization index, ADR 0056). */
    ofOrganization(id: string, period: Period, page: PageRequest): Promise<Page<AuditEntry>> {
      const { indexName, attribute } = OWNER_AUDIT_INDEX.organization;
      return ofIndex(indexName, { name: attribute, value: id }, `organization:${id}`, period, page);
    },

    /** Every entry one actor wrote (the byActor index). */
    ofActor(actor: string, period: Period, page: PageRequest): Promise<Page<AuditEntry>> {
      return ofIndex(
        "byActor",
        { name: "actorKey", value: auditActorKey({ id: actor }) },
        `actor:${actor}`,
        period,
        page,
      );
    },

    /** Every entry of a span of days, day after day through the byDay index; the cursor names the day it stopped in. */
    async ofDays(period: Period, page: PageRequest): Promise<Page<AuditEntry>> {
      const days = daysOf(period);
      const scope = scopeOf("days", { from: days.at(-1), to: days[0] });
      const start = page.cursor ? decodeCursor(page.cursor, scope) : undefined;
      const { readingDay: startDay, ...startKey } = start ?? {};
      let index = startDay === undefined ? 0 : days.indexOf(String(startDay));
      if (index < 0) index = days.length;
      const dayQuery = (day: string) => ({
        TableName,
        IndexName: "byDay",
        KeyConditionExpression: "#day = :day",
        ExpressionAttributeNames: { "#day": "day" },
        ExpressionAttributeValues: { ":day": day },
        ScanIndexForward: false,
      });
      const cursorKey =
        Object.keys(startKey).length && index < days.length
          ? cursorStartKey(dayQuery(days[index] as string), startKey)
          : undefined;
      let exclusiveStart: Record<string, unknown> | undefined = cursorKey;
      const items: AuditEntry[] = [];
      while (index < days.length && items.length < page.limit) {
        const input = { ...dayQuery(days[index] as string), Limit: page.limit - items.length };
        const result = await queryFrom(doc, { ...input, ExclusiveStartKey: exclusiveStart }, cursorKey);
        items.push(...(result.Items ?? []).map(toAuditEntry));
        if (result.LastEvaluatedKey) {
          exclusiveStart = result.LastEvaluatedKey;
        } else {
          exclusiveStart = undefined;
          index++;
        }
      }
      if (index >= days.length) return { items };
      return { items, cursor: encodeCursor({ readingDay: days[index], ...exclusiveStart }, scope) };
    },
  };
}
