// A State's or an organization's timeline: its audit trail (the stateTimeline or organizationTimeline index) merged
// with its letters (the ledger's owner index), by the day each event happened, newest first, then by when it was
// recorded, and paged with one cursor that remembers where each of the two stands (ADR 0020, ADR 0056, ADR 0063).
// An organization's letters are also read from the owner index alone (ADR 0055).
import type { DynamoDBDocumentClient, QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import type * as z from "zod";
import { addDays } from "../assistance/dates.ts";
import type { AuditEntry } from "../audit/audit-entry.ts";
import { organizationTrailKinds, type TrailKind, trailKindOf, trailKinds } from "../audit/subject.ts";
import type { Group } from "../auth/actor.ts";
import type { Owner } from "../contacts/owner.ts";
import { readsPersonalData, withoutAddresses, withoutPersonalData } from "../contacts/personal-data.ts";
import { ownerText } from "../contacts/schemas.ts";
import { ownerLettersPartition } from "../correspondence/ledger.ts";
import { letterSchema, messageSchema } from "../correspondence/schemas.ts";
import {
  cursorStartKey,
  decodeCursor,
  encodeCursor,
  type Page,
  type PageRequest,
  queryFrom,
  queryPage,
} from "../dynamo/pagination.ts";
import type { TableNames } from "../tables.ts";
import { deskDay } from "../zoned-time.ts";
import { OWNER_AUDIT_INDEX, type Period, periodCondition, sortKeyRange, toAuditEntry } from "./audit-trail.ts";
import { deskDayStart, letterTimelineKeyOf, timelineDayOf } from "./event-day.ts";
import type { TimelineEntry } from "./schemas.ts";

/** The most items one filtered read examines (a page of 50 entries of one kind reads 100 at a time). */
const MAX_FILTERED_PAGE = 200;

export interface LettersRequest extends Period {
  /** The reader's groups: personal data is the secretariat's alone. */
  groups: readonly Group[];
}

export interface TimelineRequest extends LettersRequest {
  kinds?: TrailKind[] | undefined;
}

interface Fetched<T> {
  items: { value: T; order: string; key: Record<string, unknown> }[];
  more: boolean;
}

type SourceName = "audit" | "letters";
/** A source's position: where to start after (a key), or done. Absent: from the newest. */
type Position = Record<string, unknown> | "done" | undefined;

const field = (image: unknown, name: string): unknown =>
  image !== null && typeof image === "object" ? (image as Record<string, unknown>)[name] : undefined;

/** The record an entry is about: a submission (audited on its State), a contact, a request, the matrix... */
function sourceOf(entry: AuditEntry, owner: Owner): TimelineEntry["source"] {
  const recordId = field(entry.after, "id") ?? field(entry.before, "id");
  if (entry.action.startsWith("submission.") && typeof recordId === "string")
    return { type: "submission", id: recordId };
  if (entry.action.startsWith("obligation.") && owner.kind === "state")
    return { type: "obligation", id: `${owner.iso3}/${entry.action.split(".")[1]}` };
  return entry.entity;
}

export function auditTimelineEntry(entry: AuditEntry, owner: Owner, groups: readonly Group[]): TimelineEntry {
  const image = (value: unknown) => (readsPersonalData(groups) ? value : withoutPersonalData(value));
  return {
    on: timelineDayOf(entry),
    at: entry.at,
    kind: trailKindOf(entry.action) ?? (owner.kind === "state" ? "state" : "organization"),
    action: entry.action,
    source: sourceOf(entry, owner),
    actor:
      entry.actor.kind === "user"
        ? { kind: "user", id: entry.actor.id, ...(entry.actor.username ? { username: entry.actor.username } : {}) }
        : entry.actor,
    auditId: entry.id,
    ...(entry.correlationId ? { correlationId: entry.correlationId } : {}),
    ...(entry.reason ? { reason: entry.reason } : {}),
    ...(entry.before === undefined ? {} : { before: image(entry.before) }),
    ...(entry.after === undefined ? {} : { after: image(entry.after) }),
  };
}

/**
 * What a letter's entry shows, and all the letters Query reads: not the rendered text and HTML (most of a message's
 * bytes), nor the send pipeline's bookkeeping (ADR 0022).
 */
const timelineLetterSchema = messageSchema
  .pick({
    waveId: true,
    recipient: true,
    contactId: true,
    email: true,
    status: true,
    reason: true,
    sentAt: true,
    deliveredAt: true,
    feedbackAt: true,
    createdAt: true,
  })
  .extend({ letter: letterSchema.pick({ language: true, subject: true }).optional() });
type TimelineLetter = z.infer<typeof timelineLetterSchema>;

const LETTER_ATTRIBUTES = [
  ...Object.keys(timelineLetterSchema.shape).filter((name) => name !== "letter"),
  "letter.language",
  "letter.subject",
  // The cursor's key.
  "pk",
  "sk",
  "gsi2pk",
  "gsi2sk",
];

/** `#a0, #a1.#a2`: every name aliased, so none can clash with a reserved word (status, reason...). */
function projectionOf(paths: readonly string[]) {
  const names: Record<string, string> = {};
  const expression = paths
    .map((path) =>
      path
        .split(".")
        .map((name) => {
          const alias = `#p${Object.keys(names).length}`;
          names[alias] = name;
          return alias;
        })
        .join("."),
    )
    .join(", ");
  return { ProjectionExpression: expression, ExpressionAttributeNames: names };
}

export function letterTimelineEntry(message: TimelineLetter, groups: readonly Group[]): TimelineEntry {
  const secretariat = readsPersonalData(groups);
  return {
    on: deskDay(message.createdAt),
    at: message.createdAt,
    kind: "letter",
    action: `letter.${message.status}`,
    source: { type: "message", id: `${message.waveId}/${message.recipient}` },
    // Letters are written by the wave's dispatch, which the wave's schedule runs.
    actor: { kind: "system", id: `wave:${message.waveId}` },
    after: {
      waveId: message.waveId,
      status: message.status,
      ...(message.reason ? { reason: secretariat ? message.reason : withoutAddresses(message.reason) } : {}),
      ...(message.sentAt ? { sentAt: message.sentAt } : {}),
      ...(message.deliveredAt ? { deliveredAt: message.deliveredAt } : {}),
      ...(message.feedbackAt ? { feedbackAt: message.feedbackAt } : {}),
      ...(message.letter ? { language: message.letter.language, subject: message.letter.subject } : {}),
      ...(secretariat && message.contactId ? { contactId: message.contactId } : {}),
      ...(secretariat && message.email ? { email: message.email } : {}),
    },
  };
}

const letterEntryOf = (raw: Record<string, unknown>, groups: readonly Group[]) =>
  letterTimelineEntry(timelineLetterSchema.parse(raw), groups);

function encodePositions(positions: Record<SourceName, Position>, scope: string): string {
  const flat: Record<string, unknown> = {};
  for (const [source, position] of Object.entries(positions)) {
    if (position === "done") flat[source] = "done";
    else if (position) for (const [key, value] of Object.entries(position)) flat[`${source}.${key}`] = value;
  }
  return encodeCursor(flat, scope);
}

function decodePositions(cursor: string | undefined, scope: string): Record<SourceName, Position> {
  const positions: Record<SourceName, Position> = { audit: undefined, letters: undefined };
  if (!cursor) return positions;
  const flat = decodeCursor(cursor, scope);
  for (const source of ["audit", "letters"] as const) {
    if (flat[source] === "done") {
      positions[source] = "done";
      continue;
    }
    const prefix = `${source}.`;
    const key = Object.fromEntries(
      Object.entries(flat)
        .filter(([name]) => name.startsWith(prefix))
        .map(([name, value]) => [name.slice(prefix.length), value]),
    );
    if (Object.keys(key).length) positions[source] = key;
  }
  return positions;
}

const auditKeyOf = (owner: Owner) => (owner.kind === "state" ? owner.iso3 : owner.id);

/** The kinds an owner's timeline holds. */
export const kindsOf = (owner: Owner): readonly TrailKind[] =>
  owner.kind === "state" ? trailKinds : organizationTrailKinds;

/**
 * A State's or an organization's timeline, by the events' days, newest first, and paged (ADR 0026: the interface is
 * the contract; only the DynamoDB reader below implements it so far).
 */
export interface TimelineReader {
  timeline(owner: Owner, request: TimelineRequest, page: PageRequest): Promise<Page<TimelineEntry>>;
  /** The letters to one owner (`ORG:<id>`), as the timeline lists them. */
  letters(owner: string, request: LettersRequest, page: PageRequest): Promise<Page<TimelineEntry>>;
}

export function timelineReader(doc: DynamoDBDocumentClient, tableNames: TableNames): TimelineReader {
  /**
   * Up to `limit` items after `start`, reading on while a filter leaves a page short. A filtered read asks for
   * whole pages: a Limit of what is still missing would shrink with each match and cost a round trip per few items.
   */
  async function fetch<T>(
    input: QueryCommandInput,
    start: Position,
    limit: number,
    read: (raw: Record<string, unknown>) => { value: T; order: string; key: Record<string, unknown> },
  ): Promise<Fetched<T>> {
    if (start === "done") return { items: [], more: false };
    const items: Fetched<T>["items"] = [];
    const cursorKey = start ? cursorStartKey(input, start) : undefined;
    let exclusiveStart = cursorKey;
    do {
      const query = {
        ...input,
        Limit: input.FilterExpression ? Math.min(MAX_FILTERED_PAGE, limit * 2) : limit - items.length,
        ExclusiveStartKey: exclusiveStart,
      };
      const result = await queryFrom(doc, query, cursorKey);
      items.push(...(result.Items ?? []).map(read));
      exclusiveStart = result.LastEvaluatedKey;
    } while (exclusiveStart && items.length < limit);
    return { items, more: exclusiveStart !== undefined };
  }

  /** The owner's entries by their event's day (`<day>#<at>#<id>`): the period's days are those days. */
  function auditQuery(owner: Owner, request: TimelineRequest): QueryCommandInput {
    const range = sortKeyRange("timelineKey", request.from, request.to && `${request.to}~`);
    const kinds = (request.kinds ?? []).filter((kind) => kind !== "letter");
    const filter = request.kinds
      ? {
          FilterExpression: `trailKind IN (${kinds.map((_, index) => `:kind${index}`).join(", ")})`,
          values: Object.fromEntries(kinds.map((kind, index) => [`:kind${index}`, kind])),
        }
      : { values: {} };
    const index = OWNER_AUDIT_INDEX[owner.kind];
    return {
      TableName: tableNames.audit,
      IndexName: index.timelineIndexName,
      KeyConditionExpression: `${index.attribute} = :owner${range.expression}`,
      ExpressionAttributeValues: { ":owner": auditKeyOf(owner), ...range.values, ...filter.values },
      ...(filter.FilterExpression ? { FilterExpression: filter.FilterExpression } : {}),
      ScanIndexForward: false,
    };
  }

  /** An owner's letters, newest first, queued within `range` (on `gsi2sk`, `<createdAt>#<wave>#<recipient>`). */
  function lettersQuery(owner: string, range: ReturnType<typeof sortKeyRange>): QueryCommandInput {
    return {
      TableName: tableNames.desk,
      IndexName: "gsi2",
      KeyConditionExpression: `gsi2pk = :owner${range.expression}`,
      ExpressionAttributeValues: { ":owner": ownerLettersPartition(owner), ...range.values },
      ...projectionOf(LETTER_ATTRIBUTES),
      ScanIndexForward: false,
    };
  }

  return {
    async timeline(owner: Owner, request: TimelineRequest, page: PageRequest): Promise<Page<TimelineEntry>> {
      const kinds = request.kinds ?? [...kindsOf(owner)];
      const who = owner.kind === "state" ? owner.iso3 : ownerText(owner);
      // Named for the order: a cursor issued when the timeline was in the order entries were recorded is refused.
      const scope = `timeline-by-day:${who}:${request.from ?? ""}:${request.to ?? ""}:${[...kinds].sort().join(",")}`;
      const indexKey = OWNER_AUDIT_INDEX[owner.kind].attribute;
      // The letters queued on the period's desk days: from New York's midnight of the first to that after the last.
      const letterRange = sortKeyRange(
        "gsi2sk",
        request.from && deskDayStart(request.from),
        request.to && deskDayStart(addDays(request.to, 1)),
      );
      const positions = decodePositions(page.cursor, scope);
      const wantsAudit = kinds.some((kind) => kind !== "letter");
      const wantsLetters = kinds.includes("letter");
      const [audit, letters] = await Promise.all([
        wantsAudit
          ? fetch(auditQuery(owner, request), positions.audit, page.limit, (raw) => ({
              value: auditTimelineEntry(toAuditEntry(raw), owner, request.groups),
              order: String(raw.timelineKey),
              key: { pk: raw.pk, sk: raw.sk, [indexKey]: raw[indexKey], timelineKey: raw.timelineKey },
            }))
          : { items: [], more: false },
        wantsLetters
          ? fetch(lettersQuery(ownerText(owner), letterRange), positions.letters, page.limit, (raw) => ({
              value: letterEntryOf(raw, request.groups),
              order: letterTimelineKeyOf(String(raw.createdAt), String(raw.waveId), String(raw.recipient)),
              key: { pk: raw.pk, sk: raw.sk, gsi2pk: raw.gsi2pk, gsi2sk: raw.gsi2sk },
            }))
          : { items: [], more: false },
      ]);
      const tagged = [
        ...audit.items.map((item) => ({ ...item, source: "audit" as const })),
        ...letters.items.map((item) => ({ ...item, source: "letters" as const })),
      ].sort((a, b) => (a.order === b.order ? a.source.localeCompare(b.source) : a.order < b.order ? 1 : -1));
      const taken = tagged.slice(0, page.limit);
      const next: Record<SourceName, Position> = { audit: positions.audit, letters: positions.letters };
      for (const [name, fetched] of [
        ["audit", audit],
        ["letters", letters],
      ] as const) {
        const consumed = taken.filter((item) => item.source === name);
        const last = consumed.at(-1);
        if (last) next[name] = last.key;
        if (consumed.length === fetched.items.length && !fetched.more) next[name] = "done";
      }
      const items = taken.map((item) => item.value);
      return next.audit === "done" && next.letters === "done"
        ? { items }
        : { items, cursor: encodePositions(next, scope) };
    },

    letters(owner: string, request: LettersRequest, page: PageRequest): Promise<Page<TimelineEntry>> {
      const scope = `letters:${owner}:${request.from ?? ""}:${request.to ?? ""}`;
      // The period's UTC days, as an organization's letters have always been read.
      return queryPage(doc, lettersQuery(owner, periodCondition(request, "gsi2sk")), { ...page, scope }, (raw) =>
        letterEntryOf(raw, request.groups),
      );
    },
  };
}
