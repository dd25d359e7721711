// DynamoDB access for waves: one item per wave beside its ledger, listed through the all-waves index, and the
// wave's messages read through the ledger's status index (or its partition), a page at a time.
//
// Keys (desk table):
//   wave     pk=WAVE#<id>  sk=WAVE     (the ledger's messages share the partition under sk=MESSAGE#...)
//   gsi2     WAVES / <id>: every wave, in id (creation) order
//   gsi3     WAVE-STATUS#<status> / <updatedAt>#<id>: the waves in one status, the longest there first (the sweep)
import { type DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { type AuditContext, auditPut } from "../audit/audit-entry.ts";
import type { Clock } from "../clock.ts";
import { messageStatusPartition, wavePartition } from "../correspondence/ledger.ts";
import { type Message, type MessageStatus, messageSchema } from "../correspondence/schemas.ts";
import { type Page, type PageRequest, queryEveryPage, queryPage } from "../dynamo/pagination.ts";
import { writeTransaction } from "../dynamo/transaction.ts";
import { Conflict, type DomainError, IllegalTransition, NotFound, PreconditionFailed } from "../errors.ts";
import type { TableNames } from "../tables.ts";
import type { Versioned } from "../versioning.ts";
import { WAVE_MOVE_ACTIONS } from "./move-actions.ts";
import { waveTransitionRefusal, waveTransitions } from "./rules.ts";
import { type Wave, type WaveStatus, type WaveTestResult, waveSchema } from "./schemas.ts";

/** The wave's own item: its partition, sort key `WAVE`. */
const waveKey = (id: string) => ({ pk: wavePartition(id), sk: "WAVE" });

const ALL_WAVES = "WAVES";
const waveStatusPartition = (status: WaveStatus) => `WAVE-STATUS#${status}`;

const toItem = (wave: Wave, version: number) => ({
  ...waveKey(wave.id),
  gsi2pk: ALL_WAVES,
  gsi2sk: wave.id,
  gsi3pk: waveStatusPartition(wave.status),
  gsi3sk: `${wave.updatedAt}#${wave.id}`,
  entity: "wave",
  version,
  ...wave,
});

const fromItem = (raw: Record<string, unknown>): Versioned<Wave> => ({
  value: waveSchema.parse(raw),
  version: Number(raw.version),
});

/** A redispatch request as audited: the wave, its status then, the schedule made and when it fires. */
export interface RedispatchRequest {
  waveId: string;
  status: WaveStatus;
  scheduleName: string;
  firesAt: string;
}

/**
 * The waves store, as use cases need it (ADR 0026): the DynamoDB adapter below and the in-memory one of the unit tests
 * (test/support/in-memory/waves.ts) both pass test/contracts/waves.contract.ts. Every write is audited with it.
 */
export interface WaveRepository {
  get(id: string): Promise<Versioned<Wave> | undefined>;
  /** Every wave in id (creation) order, a page at a time; a cursor is bound to this listing. */
  list(page: PageRequest): Promise<Page<Versioned<Wave>>>;
  /** Writes a new wave at version 1; Conflict when one with its id exists. */
  create(wave: Wave, audit: AuditContext): Promise<Versioned<Wave>>;
  /**
   * Moves the wave to `next.status` if it still has the version and status read: NotFound when gone,
   * PreconditionFailed at another version, IllegalTransition when the same version holds another status.
   */
  move(current: Versioned<Wave>, expectedVersion: number, next: Wave, audit: AuditContext): Promise<Versioned<Wave>>;
  /** The audit entry of a test copy: the only write a test send makes. */
  recordTestSend(sent: WaveTestResult, audit: AuditContext): Promise<void>;
  /** A page of the wave's ledger messages in recipient order, of one status or all. */
  messages(waveId: string, status: MessageStatus | undefined, page: PageRequest): Promise<Page<Message>>;
  /** Every wave in `status`, the longest there first. */
  inStatus(status: WaveStatus): Promise<Versioned<Wave>[]>;
  /** The waves in `status` whose last move was before `movedBefore` (ISO instant), the longest there first. */
  inStatusSince(status: WaveStatus, movedBefore: string): Promise<Versioned<Wave>[]>;
  /** The waves in `status` whose last move was at or after `movedAfter` (ISO instant), the longest there first. */
  inStatusMovedAfter(status: WaveStatus, movedAfter: string): Promise<Versioned<Wave>[]>;
  /** The audit entry of a redispatch request: its only write. */
  recordRedispatch(request: RedispatchRequest, audit: AuditContext): Promise<void>;
}

/** Why a move was refused, judged on the wave as it stood: gone, at another version, or in another status. */
export function moveRefusal(
  stored: { version: number; status: WaveStatus; haltReason?: string | undefined } | undefined,
  expectedVersion: number,
  next: Wave,
): DomainError {
  if (!stored) return new NotFound("Wave", next.id);
  if (stored.version !== expectedVersion)
    return new PreconditionFailed(`Wave ${next.id}`, stored.version, expectedVersion);
  // Named by its description, and said why, as the use cases' own refusal says it (rules.ts).
  const named = { id: next.id, description: next.description, haltReason: stored.haltReason };
  return (
    waveTransitionRefusal(named, stored.status, next.status) ??
    new IllegalTransition(`Wave ${next.id}`, stored.status, next.status, waveTransitions[stored.status] ?? [])
  );
}

export function waveRepository(doc: DynamoDBDocumentClient, tableNames: TableNames, clock: Clock): WaveRepository {
  const table = tableNames.desk;
  /**
   * The waves in `status`, those whose last move was before, or at or after, an instant (ISO) if given, the longest
   * there first: one Query per page on the status index, each move having put the wave under its new status. Its sort
   * key `<updatedAt>#<id>` sorts before any later instant, and after its own.
   */
  const inStatusIndex = async (
    status: WaveStatus,
    moved?: { before: string } | { after: string },
  ): Promise<Versioned<Wave>[]> => {
    const values: Record<string, string> = { ":partition": waveStatusPartition(status) };
    let condition = "gsi3pk = :partition";
    if (moved) {
      condition += "before" in moved ? " AND gsi3sk < :instant" : " AND gsi3sk > :instant";
      values[":instant"] = "before" in moved ? moved.before : moved.after;
    }
    const items = await queryEveryPage(doc, {
      TableName: table,
      IndexName: "gsi3",
      KeyConditionExpression: condition,
      ExpressionAttributeValues: values,
    });
    return items.map(fromItem);
  };
  return {
    async get(id: string): Promise<Versioned<Wave> | undefined> {
      const result = await doc.send(new GetCommand({ TableName: table, Key: waveKey(id), ConsistentRead: true }));
      return result.Item ? fromItem(result.Item) : undefined;
    },

    list(page: PageRequest): Promise<Page<Versioned<Wave>>> {
      return queryPage(
        doc,
        {
          TableName: table,
          IndexName: "gsi2",
          KeyConditionExpression: "gsi2pk = :partition",
          ExpressionAttributeValues: { ":partition": ALL_WAVES },
        },
        { ...page, scope: "waves" },
        fromItem,
      );
    },

    async create(wave: Wave, audit: AuditContext): Promise<Versioned<Wave>> {
      await writeTransaction(doc, [
        {
          item: { Put: { TableName: table, Item: toItem(wave, 1), ConditionExpression: "attribute_not_exists(pk)" } },
          onConditionFailed: () => new Conflict(`A wave with id ${wave.id} exists already`),
        },
        {
          item: auditPut(
            tableNames.audit,
            { ...audit, action: "wave.create", entity: { type: "wave", id: wave.id }, after: wave },
            clock,
          ),
        },
      ]);
      return { value: wave, version: 1 };
    },

    /**
     * Moves the wave to `next.status` if it still has the version and status read: a concurrent move makes this
     * one a 412 (another version) or an illegal transition (the same version cannot hold another status).
     */
    async move(current: Versioned<Wave>, expectedVersion: number, next: Wave, audit: AuditContext) {
      const version = expectedVersion + 1;
      const from = current.value.status;
      await writeTransaction(doc, [
        {
          item: {
            Put: {
              TableName: table,
              Item: toItem(next, version),
              ConditionExpression: "version = :expected AND #status = :from",
              ExpressionAttributeNames: { "#status": "status" },
              ExpressionAttributeValues: { ":expected": expectedVersion, ":from": from },
            },
          },
          onConditionFailed: (stored) =>
            moveRefusal(
              stored && {
                version: Number(stored.version),
                status: String(stored.status) as WaveStatus,
                haltReason: typeof stored.haltReason === "string" ? stored.haltReason : undefined,
              },
              expectedVersion,
              next,
            ),
        },
        {
          item: auditPut(
            tableNames.audit,
            {
              ...audit,
              action: WAVE_MOVE_ACTIONS[next.status],
              entity: { type: "wave", id: next.id },
              before: current.value,
              after: next,
            },
            clock,
          ),
        },
      ]);
      return { value: next, version };
    },

    /** The audit entry of a test copy (wave, contact, address): the only write a test send makes. */
    async recordTestSend(sent: WaveTestResult, audit: AuditContext): Promise<void> {
      await writeTransaction(doc, [
        {
          item: auditPut(
            tableNames.audit,
            { ...audit, action: "wave.test-send", entity: { type: "wave", id: sent.waveId }, after: sent },
            clock,
          ),
        },
      ]);
    },

    /** A page of the wave's messages: by status through the ledger's status index, else its partition. */
    messages(waveId: string, status: MessageStatus | undefined, page: PageRequest): Promise<Page<Message>> {
      const toMessage = (raw: Record<string, unknown>) => messageSchema.parse(raw);
      if (status) {
        return queryPage(
          doc,
          {
            TableName: table,
            IndexName: "gsi1",
            KeyConditionExpression: "gsi1pk = :partition",
            ExpressionAttributeValues: { ":partition": messageStatusPartition(waveId, status) },
          },
          { ...page, scope: `wave-messages:${waveId}:${status}` },
          toMessage,
        );
      }
      return queryPage(
        doc,
        {
          TableName: table,
          KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
          ExpressionAttributeValues: { ":pk": wavePartition(waveId), ":prefix": "MESSAGE#" },
        },
        { ...page, scope: `wave-messages:${waveId}` },
        toMessage,
      );
    },

    inStatus: (status: WaveStatus) => inStatusIndex(status),

    inStatusSince: (status: WaveStatus, movedBefore: string) => inStatusIndex(status, { before: movedBefore }),

    inStatusMovedAfter: (status: WaveStatus, movedAfter: string) => inStatusIndex(status, { after: movedAfter }),

    /** The audit entry of a redispatch request (the wave, its status then, the schedule made): its only write. */
    async recordRedispatch(request: RedispatchRequest, audit: AuditContext): Promise<void> {
      await writeTransaction(doc, [
        {
          item: auditPut(
            tableNames.audit,
            { ...audit, action: "wave.redispatch", entity: { type: "wave", id: request.waveId }, after: request },
            clock,
          ),
        },
      ]);
    },
  };
}
