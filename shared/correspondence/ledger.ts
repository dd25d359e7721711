// The send ledger in the desk table: one message per (wave, recipient), written once, moved only by conditional updates.
//
// Keys (desk table):
//   message  pk=WAVE#<waveId>  sk=MESSAGE#<recipient>   recipient = contact id, or owner:<owner> for none
//   gsi1     WAVE#<waveId>#STATUS#<status> / <recipient>: the wave's messages by status (counts, lists)
//   gsi2     LETTERS#<owner> / <createdAt>#<waveId>#<recipient>: an owner's letters, newest last (a State's timeline)
//   gsi3     RESENT-LETTERS / <notAfter>#<waveId>#<recipient>: the letters sent again, set by the resend (the sweep)
//   unreached pk=WAVE#<waveId>  sk=UNREACHED#<owner>  an owner the wave could not reach at all (unreached.ts)
//   hold     pk=FOLLOWUP#<iso3> sk=HOLD   the wave that writes the State's one-year follow-up (follow-up-holds.ts)
import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type UpdateCommandInput,
} from "@aws-sdk/lib-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { type AuditContext, auditPut } from "../audit/audit-entry.ts";
import type { Clock } from "../clock.ts";
import { contactKey } from "../contacts/keys.ts";
import type { Owner } from "../contacts/schemas.ts";
import { type Page, type PageRequest, queryEveryPage, queryPage } from "../dynamo/pagination.ts";
import { writeTransaction } from "../dynamo/transaction.ts";
import { Conflict, NotFound } from "../errors.ts";
import { lazy } from "../lazy.ts";
import type { TableNames } from "../tables.ts";
import { canMove, ResendRaced } from "./lifecycle.ts";
import { type Message, type MessageKey, type MessageStatus, messageSchema, messageStatusSchema } from "./schemas.ts";
import { type Unreached, unreachedSchema } from "./unreached.ts";

export const wavePartition = (waveId: string) => `WAVE#${waveId}`;
export const messageKey = ({ waveId, recipient }: MessageKey) => ({
  pk: wavePartition(waveId),
  sk: `MESSAGE#${recipient}`,
});
export const messageStatusPartition = (waveId: string, status: MessageStatus) => `WAVE#${waveId}#STATUS#${status}`;
export const ownerLettersPartition = (owner: string) => `LETTERS#${owner}`;
/** A message's place among its owner's letters (gsi2): also what the backfill gives a message written before it. */
export const messageIndexKeys = (message: Pick<Message, "owner" | "createdAt" | "waveId" | "recipient">) => ({
  gsi2pk: ownerLettersPartition(message.owner),
  gsi2sk: `${message.createdAt}#${message.waveId}#${message.recipient}`,
});

const RESENT_LETTERS = "RESENT-LETTERS";
/**
 * A letter sent again, among the others (gsi3), by its wave's not-after deadline: the sweep finds those a crash left on
 * their way with one Query from a deadline on, whatever their wave's status (also what a backfill gives a letter sent
 * again before this index).
 */
export const resentLetterIndexKeys = (message: Pick<Message, "notAfter" | "waveId" | "recipient">) => ({
  gsi3pk: RESENT_LETTERS,
  gsi3sk: `${message.notAfter}#${message.waveId}#${message.recipient}`,
});

const toItem = (message: Message) => ({
  ...messageKey(message),
  gsi1pk: messageStatusPartition(message.waveId, message.status),
  gsi1sk: message.recipient,
  ...messageIndexKeys(message),
  ...(message.resentAt === undefined ? {} : resentLetterIndexKeys(message)),
  entity: "message",
  ...message,
});

// Built on first use: wave-send, ses-events and the API load this module and never read an owner's letters.
const ownerLetterSchema = lazy(() =>
  messageSchema.pick({ waveId: true, recipient: true, status: true, createdAt: true }),
);

const toMessage = (raw: Record<string, unknown>): Message => messageSchema.parse(raw);

const UNREACHED_PREFIX = "UNREACHED#";
const unreachedKey = (waveId: string, owner: string) => ({
  pk: wavePartition(waveId),
  sk: `${UNREACHED_PREFIX}${owner}`,
});
const toUnreached = (raw: Record<string, unknown>): Unreached => unreachedSchema.parse(raw);

/** The old image a failed condition returns (DynamoDB gives it marshalled). */
function oldImage(error: ConditionalCheckFailedException): Message | undefined {
  return error.Item ? toMessage(unmarshall(error.Item)) : undefined;
}

/** Fields a move sets; `undefined` removes the attribute (e.g. the lease on release). */
export interface MoveFields {
  reason?: string | undefined;
  leaseUntil?: string | undefined;
  sesMessageId?: string;
  sentAt?: string;
  deliveredAt?: string;
  feedbackAt?: string;
}

/** One of an owner's letters, as far as what it was and whether it left: no address, no text. */
type OwnerLetter = Pick<Message, "waveId" | "recipient" | "status" | "createdAt">;

/** Where a letter sent again goes (the contact's address now, which SES events then match) and why it is sent again. */
export interface ResendTo {
  email: string;
  reason: string;
  /** The contact that address was read from, at the version read: the write holds only while it is unchanged. */
  contact?: { owner: Owner; id: string; version: number };
}

/**
 * The resend's contact changed between its reading and the ledger's write (a colleague deactivated it, SES reported
 * its address): the caller reads it again and judges anew. Nothing was written.
 */
export class ResendContactMoved extends Conflict {
  constructor() {
    super("The letter is not sent again: its contact changed while it was being sent again");
  }
}

export type ClaimResult = { claimed: true; message: Message } | { claimed: false; current: Message | undefined };

/** A State's follow-up hold taken by the wave, or the wave that holds it. */
export type FollowUpHold = { held: true } | { held: false; holder: string };

const followUpHoldKey = (iso3: string) => ({ pk: `FOLLOWUP#${iso3}`, sk: "HOLD" });

/**
 * The send ledger, as use cases need it (ADR 0026): the DynamoDB adapter below and the in-memory one of the unit
 * tests (test/support/in-memory/ledger.ts) both pass test/contracts/ledger.contract.ts.
 */
export interface Ledger {
  /** Writes the message unless one exists for its key: answers it created, or the message already there. */
  putNew(message: Message): Promise<{ created: true } | { created: false; existing: Message | undefined }>;
  /** Records an owner the wave could not reach, unless recorded already; answers whether it wrote. */
  putUnreached(entry: Unreached): Promise<boolean>;
  /** A page of the owners the wave could not reach, in owner order. */
  unreached(waveId: string, page: PageRequest): Promise<Page<Unreached>>;
  countUnreached(waveId: string): Promise<number>;
  get(key: MessageKey): Promise<Message | undefined>;
  /** `queued -> sending` while the deadline has not passed, with a lease; a refusal answers the message as it stands. */
  claim(key: MessageKey, leaseMs: number): Promise<ClaimResult>;
  /** Moves a message still in `from` (and holding `seenLease`, when given) to `to`; answers whether it moved. */
  move(
    key: MessageKey,
    from: MessageStatus | readonly MessageStatus[],
    to: MessageStatus,
    fields?: MoveFields,
    seenLease?: string,
  ): Promise<boolean>;
  /**
   * `queued -> failed` for a letter of a halted wave, never sent, with the reason; not one the secretariat sent again
   * (`resentAt`), which goes even on a halted wave. Answers whether it moved.
   */
  failHalted(key: MessageKey, reason: string): Promise<boolean>;
  /**
   * `unknown -> queued` for the secretariat's resend, to `to.email` (the contact's address now), audited, only before
   * the wave's not-after deadline and while `to.contact` is at the version read (else `ResendContactMoved`).
   */
  resend(message: Message, to: ResendTo, audit: AuditContext): Promise<Message>;
  /**
   * Every letter sent again (`resentAt`) whose wave's not-after deadline is after `notAfterAfter` (ISO instant), in
   * whatever status, by deadline: where the sweep looks for those a crash left queued or sending.
   */
  resentLetters(notAfterAfter: string): Promise<Message[]>;
  /** Sets fields on a message still in `status` without moving it; answers whether it wrote. */
  note(key: MessageKey, status: MessageStatus, fields: MoveFields): Promise<boolean>;
  /** The wave's messages in one status. */
  listByStatus(waveId: string, status: MessageStatus): Promise<Message[]>;
  /** Whether any message of the wave is still queued or sending. */
  hasUnsettled(waveId: string): Promise<boolean>;
  /** How many of the wave's messages are in each status. */
  counts(waveId: string): Promise<Record<MessageStatus, number>>;
  /** Every letter to an owner (`STATE:<iso3>`, `ORG:<id>`), oldest first, through the owner's index. */
  lettersOf(owner: string): Promise<OwnerLetter[]>;
  /** Every message of the wave, in recipient order (a strongly consistent read). */
  messagesOf(waveId: string): Promise<Message[]>;
  /**
   * Takes the State's follow-up hold for `waveId` when no wave holds it, the wave holds it already, or `over` (a wave
   * whose letter no longer counts) does; otherwise answers the wave that holds it.
   */
  holdFollowUp(iso3: string, waveId: string, over?: string): Promise<FollowUpHold>;
}

/** What a conditional move checks besides the status: the lease seen, and that the letter was not sent again. */
interface MoveGuard {
  seenLease?: string | undefined;
  notResent?: boolean;
}

export function ledgerRepository(doc: DynamoDBDocumentClient, tableNames: TableNames, clock: Clock): Ledger {
  const table = tableNames.desk;

  /** A conditional update of a message: whether its condition held (and it was written). */
  async function updateIf(input: UpdateCommandInput): Promise<boolean> {
    try {
      await doc.send(new UpdateCommand(input));
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  /** Moves a message still in `from` (and passing `guard`) to `to`; answers whether it moved. */
  async function moveIf(
    key: MessageKey,
    from: MessageStatus | readonly MessageStatus[],
    to: MessageStatus,
    fields: MoveFields = {},
    guard: MoveGuard = {},
  ): Promise<boolean> {
    const sources = typeof from === "string" ? [from] : [...from];
    for (const source of sources) {
      if (!canMove(source, to)) throw new Error(`A message cannot move from ${source} to ${to}`);
    }
    const sets = ["#status = :to", "gsi1pk = :partition", "updatedAt = :now"];
    const removes: string[] = [];
    const names: Record<string, string> = { "#status": "status" };
    const values: Record<string, unknown> = {
      ":to": to,
      ":partition": messageStatusPartition(key.waveId, to),
      ":now": clock.now().toISOString(),
    };
    for (const [field, value] of Object.entries(fields)) {
      names[`#${field}`] = field;
      if (value === undefined) removes.push(`#${field}`);
      else {
        sets.push(`#${field} = :${field}`);
        values[`:${field}`] = value;
      }
    }
    sources.forEach((source, index) => {
      values[`:from${index}`] = source;
    });
    let condition = `#status IN (${sources.map((_, index) => `:from${index}`).join(", ")})`;
    if (guard.seenLease !== undefined) {
      condition += " AND leaseUntil = :seenLease";
      values[":seenLease"] = guard.seenLease;
    }
    if (guard.notResent) condition += " AND attribute_not_exists(resentAt)";
    return updateIf({
      TableName: table,
      Key: messageKey(key),
      UpdateExpression: `SET ${sets.join(", ")}${removes.length ? ` REMOVE ${removes.join(", ")}` : ""}`,
      ConditionExpression: condition,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    });
  }

  return {
    /** Writes the message unless one exists for its key: answers it created, or the message already there. */
    async putNew(message: Message): Promise<{ created: true } | { created: false; existing: Message | undefined }> {
      try {
        await doc.send(
          new PutCommand({
            TableName: table,
            Item: toItem(message),
            ConditionExpression: "attribute_not_exists(pk)",
            ReturnValuesOnConditionCheckFailure: "ALL_OLD",
          }),
        );
        return { created: true };
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return { created: false, existing: oldImage(error) };
        throw error;
      }
    },

    /**
     * Records an owner the wave could not reach, unless recorded already: like a message, the first dispatch's
     * finding is kept, so a retried dispatch adds nothing. Answers whether it wrote.
     */
    async putUnreached(entry: Unreached): Promise<boolean> {
      try {
        await doc.send(
          new PutCommand({
            TableName: table,
            Item: { ...unreachedKey(entry.waveId, entry.owner), entity: "unreached", ...entry },
            ConditionExpression: "attribute_not_exists(pk)",
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },

    /** A page of the owners the wave could not reach, in owner order (one Query on the wave's partition). */
    unreached(waveId: string, page: PageRequest): Promise<Page<Unreached>> {
      return queryPage(
        doc,
        {
          TableName: table,
          KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
          ExpressionAttributeValues: { ":pk": wavePartition(waveId), ":prefix": UNREACHED_PREFIX },
        },
        { ...page, scope: `wave-unreached:${waveId}` },
        toUnreached,
      );
    },

    /** How many owners the wave could not reach: a counting Query. */
    async countUnreached(waveId: string): Promise<number> {
      let count = 0;
      let start: Record<string, unknown> | undefined;
      do {
        const result = await doc.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
            ExpressionAttributeValues: { ":pk": wavePartition(waveId), ":prefix": UNREACHED_PREFIX },
            Select: "COUNT",
            ExclusiveStartKey: start,
          }),
        );
        count += result.Count ?? 0;
        start = result.LastEvaluatedKey;
      } while (start);
      return count;
    },

    async get(key: MessageKey): Promise<Message | undefined> {
      const result = await doc.send(new GetCommand({ TableName: table, Key: messageKey(key), ConsistentRead: true }));
      return result.Item ? toMessage(result.Item) : undefined;
    },

    /**
     * `queued -> sending`, only while the deadline has not passed, with a lease: the one step that makes a letter
     * delivered twice by the queue go out once. A refusal answers the message as it stands.
     */
    async claim(key: MessageKey, leaseMs: number): Promise<ClaimResult> {
      const now = clock.now();
      try {
        const result = await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: messageKey(key),
            UpdateExpression:
              "SET #status = :sending, gsi1pk = :partition, leaseUntil = :lease, updatedAt = :now, claims = claims + :one",
            ConditionExpression: "#status = :queued AND notAfter > :now",
            ExpressionAttributeNames: { "#status": "status" },
            ExpressionAttributeValues: {
              ":sending": "sending",
              ":queued": "queued",
              ":partition": messageStatusPartition(key.waveId, "sending"),
              ":lease": new Date(now.getTime() + leaseMs).toISOString(),
              ":now": now.toISOString(),
              ":one": 1,
            },
            ReturnValues: "ALL_NEW",
            ReturnValuesOnConditionCheckFailure: "ALL_OLD",
          }),
        );
        return { claimed: true, message: toMessage(result.Attributes ?? {}) };
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return { claimed: false, current: oldImage(error) };
        throw error;
      }
    },

    /**
     * Moves a message from `from` to `to` if it is still in `from` (and, when given, still holds the lease seen):
     * answers whether it moved. Illegal moves are a programming error and throw.
     */
    move: (key, from, to, fields, seenLease) => moveIf(key, from, to, fields, { seenLease }),

    /**
     * `queued -> failed` unless the letter was sent again: judged by the write itself, so the sender's batch loop
     * fails a halted wave's letters without reading each first.
     */
    failHalted: (key, reason) => moveIf(key, "queued", "failed", { reason }, { notResent: true }),

    /**
     * `unknown -> queued` for the secretariat's resend, with its audit entry in the same transaction; only while the
     * message is still unknown and its wave's not-after deadline has not passed (judged again by the write). The
     * address is set as given, so the letter and the SES events that follow it go to and match the address of now;
     * the contact it was read from is checked in the same transaction, so a deactivation meanwhile stops the write.
     */
    async resend(message: Message, to: ResendTo, audit: AuditContext): Promise<Message> {
      const now = clock.now().toISOString();
      const { leaseUntil: _lease, ...rest } = message;
      const next: Message = {
        ...rest,
        email: to.email,
        status: "queued",
        reason: to.reason,
        resentAt: now,
        updatedAt: now,
      };
      // Listed among the letters sent again, so that the sweep finds it should a crash strand it on its way.
      const resentKeys = resentLetterIndexKeys(message);
      // The letter itself stays in the ledger; the audit entry says what changed.
      const withoutLetter = ({ letter: _letter, ...facts }: Message) => facts;
      const contactUnchanged = to.contact
        ? [
            {
              item: {
                ConditionCheck: {
                  TableName: table,
                  Key: contactKey(to.contact.owner, to.contact.id),
                  ConditionExpression: "version = :version",
                  ExpressionAttributeValues: { ":version": to.contact.version },
                },
              },
              onConditionFailed: () => new ResendContactMoved(),
            },
          ]
        : [];
      await writeTransaction(doc, [
        {
          item: {
            Update: {
              TableName: table,
              Key: messageKey(message),
              UpdateExpression:
                "SET #status = :queued, gsi1pk = :partition, email = :email, reason = :reason, resentAt = :now, " +
                "updatedAt = :now, gsi3pk = :resentPartition, gsi3sk = :resentSort " +
                "REMOVE leaseUntil",
              ConditionExpression: "#status = :unknown AND notAfter > :now",
              ExpressionAttributeNames: { "#status": "status" },
              ExpressionAttributeValues: {
                ":queued": "queued",
                ":unknown": "unknown",
                ":partition": messageStatusPartition(message.waveId, "queued"),
                ":email": to.email,
                ":reason": to.reason,
                ":now": now,
                ":resentPartition": resentKeys.gsi3pk,
                ":resentSort": resentKeys.gsi3sk,
              },
            },
          },
          onConditionFailed: (current) =>
            current
              ? new ResendRaced(toMessage(current))
              : new NotFound("Message", `${message.waveId}/${message.recipient}`),
        },
        {
          item: auditPut(
            tableNames.audit,
            {
              ...audit,
              action: "wave.resend",
              entity: { type: "wave", id: message.waveId },
              before: withoutLetter(message),
              after: withoutLetter(next),
            },
            clock,
          ),
        },
        ...contactUnchanged,
      ]);
      return next;
    },

    /** The letters sent again by deadline, after `notAfterAfter`: one Query on the resends' index, never a Scan. */
    async resentLetters(notAfterAfter: string): Promise<Message[]> {
      const items = await queryEveryPage(doc, {
        TableName: table,
        IndexName: "gsi3",
        KeyConditionExpression: "gsi3pk = :partition AND gsi3sk > :after",
        ExpressionAttributeValues: { ":partition": RESENT_LETTERS, ":after": notAfterAfter },
      });
      return items.map(toMessage);
    },

    /** Sets fields on a message still in `status` without moving it (e.g. a soft bounce on a sent letter). */
    async note(key: MessageKey, status: MessageStatus, fields: MoveFields): Promise<boolean> {
      const names: Record<string, string> = { "#status": "status" };
      const values: Record<string, unknown> = { ":status": status, ":now": clock.now().toISOString() };
      const sets = ["updatedAt = :now"];
      for (const [field, value] of Object.entries(fields)) {
        if (value === undefined) continue;
        names[`#${field}`] = field;
        values[`:${field}`] = value;
        sets.push(`#${field} = :${field}`);
      }
      return updateIf({
        TableName: table,
        Key: messageKey(key),
        UpdateExpression: `SET ${sets.join(", ")}`,
        ConditionExpression: "#status = :status",
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      });
    },

    /** The wave's messages in one status, through the status index (every page). */
    async listByStatus(waveId: string, status: MessageStatus): Promise<Message[]> {
      const items = await queryEveryPage(doc, {
        TableName: table,
        IndexName: "gsi1",
        KeyConditionExpression: "gsi1pk = :partition",
        ExpressionAttributeValues: { ":partition": messageStatusPartition(waveId, status) },
      });
      return items.map(toMessage);
    },

    /**
     * Whether any message is still queued or sending: two one-item Queries, not a count, since the sender asks
     * after every batch and a count reads the whole status partition.
     */
    async hasUnsettled(waveId: string): Promise<boolean> {
      const found = await Promise.all(
        (["queued", "sending"] as const).map(async (status) => {
          const result = await doc.send(
            new QueryCommand({
              TableName: table,
              IndexName: "gsi1",
              KeyConditionExpression: "gsi1pk = :partition",
              ExpressionAttributeValues: { ":partition": messageStatusPartition(waveId, status) },
              Limit: 1,
            }),
          );
          return (result.Items?.length ?? 0) > 0;
        }),
      );
      return found.includes(true);
    },

    /** How many of the wave's messages are in each status: one counting Query per status. */
    async counts(waveId: string): Promise<Record<MessageStatus, number>> {
      const entries = await Promise.all(
        messageStatusSchema.options.map(async (status) => {
          let count = 0;
          let start: Record<string, unknown> | undefined;
          do {
            const result = await doc.send(
              new QueryCommand({
                TableName: table,
                IndexName: "gsi1",
                KeyConditionExpression: "gsi1pk = :partition",
                ExpressionAttributeValues: { ":partition": messageStatusPartition(waveId, status) },
                Select: "COUNT",
                ExclusiveStartKey: start,
              }),
            );
            count += result.Count ?? 0;
            start = result.LastEvaluatedKey;
          } while (start);
          return [status, count] as const;
        }),
      );
      return Object.fromEntries(entries) as Record<MessageStatus, number>;
    },

    /** Every letter to an owner, oldest first: a Query on its letters' index, projected to what says what left. */
    async lettersOf(owner: string): Promise<OwnerLetter[]> {
      const items = await queryEveryPage(doc, {
        TableName: table,
        IndexName: "gsi2",
        KeyConditionExpression: "gsi2pk = :owner",
        ExpressionAttributeValues: { ":owner": ownerLettersPartition(owner) },
        ProjectionExpression: "waveId, recipient, #status, createdAt",
        ExpressionAttributeNames: { "#status": "status" },
      });
      return items.map((item) => ownerLetterSchema().parse(item));
    },

    /** Every message of the wave, in recipient order (one Query on the wave's partition). */
    async messagesOf(waveId: string): Promise<Message[]> {
      const messages: Message[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const result = await doc.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
            ExpressionAttributeValues: { ":pk": wavePartition(waveId), ":prefix": "MESSAGE#" },
            ConsistentRead: true,
            ExclusiveStartKey: start,
          }),
        );
        messages.push(...(result.Items ?? []).map(toMessage));
        start = result.LastEvaluatedKey;
      } while (start);
      return messages;
    },

    async holdFollowUp(iso3: string, waveId: string, over?: string): Promise<FollowUpHold> {
      try {
        await doc.send(
          new PutCommand({
            TableName: table,
            Item: {
              ...followUpHoldKey(iso3),
              entity: "follow-up-hold",
              iso3,
              waveId,
              heldAt: clock.now().toISOString(),
            },
            ConditionExpression: `attribute_not_exists(pk) OR waveId = :wave${over ? " OR waveId = :over" : ""}`,
            ExpressionAttributeValues: { ":wave": waveId, ...(over ? { ":over": over } : {}) },
            ReturnValuesOnConditionCheckFailure: "ALL_OLD",
          }),
        );
        return { held: true };
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        const holder = error.Item ? unmarshall(error.Item).waveId : undefined;
        if (typeof holder !== "string") throw error;
        return { held: false, holder };
      }
    },
  };
}
