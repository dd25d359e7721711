// DynamoDB access for the programme's reminder claims (layout: keys.ts): a claim is a conditional put, every move
// is written with its audit entry in one transaction. Reads are consistent Gets by key.
import { type DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { type AuditInput, auditPut } from "../audit/audit-entry.ts";
import type { Clock } from "../clock.ts";
import { type GuardedWrite, writeTransaction } from "../dynamo/transaction.ts";
import { Conflict } from "../errors.ts";
import type { TableNames } from "../tables.ts";
import { type ReminderRef, reminderKey } from "./keys.ts";
import { type ReminderClaim, reminderClaimSchema } from "./schemas.ts";

/** Another run holds the reminder, or it was sent already. */
class ReminderTaken extends Conflict {}

/**
 * The programme's reminder claims, as use cases need them (ADR 0026): the DynamoDB adapter below and the in-memory one
 * of the unit tests (test/support/in-memory/reminders.ts) both pass test/contracts/reminders.contract.ts. Every move
 * answers `taken` when another run holds the reminder or it was sent, and is audited with `entry` when `done`.
 */
export interface ReminderRepository {
  get(ref: ReminderRef): Promise<ReminderClaim | undefined>;
  /**
   * Takes the reminder for this run: when no run ever claimed it, when a failed send released it, or when a
   * `sending` claim is older than `staleBefore` (its run died before it could finish).
   */
  claim(claim: ReminderClaim, staleBefore: string, entry: AuditInput): Promise<"done" | "taken">;
  /** Records the SES message id; only the run that holds the claim (its `claimedAt`) may. */
  markSent(claim: ReminderClaim, messageId: string, sentAt: string, entry: AuditInput): Promise<"done" | "taken">;
  /** Gives the claim back after a failed send, so a later run can send it; only the run that holds it may. */
  release(claim: ReminderClaim, entry: AuditInput): Promise<"done" | "taken">;
}

export function reminderRepository(
  doc: DynamoDBDocumentClient,
  tableNames: TableNames,
  clock: Clock,
): ReminderRepository {
  const table = tableNames.desk;
  const taken = () => new ReminderTaken("The reminder is held by another run or was sent");

  async function write(change: GuardedWrite, entry: AuditInput): Promise<"done" | "taken"> {
    try {
      await writeTransaction(doc, [change, { item: auditPut(tableNames.audit, entry, clock) }]);
      return "done";
    } catch (error) {
      if (error instanceof ReminderTaken) return "taken";
      throw error;
    }
  }

  /** Moves a claim this run holds (`claimedAt` is its mark); a failed condition means another run took it over. */
  function moveHeld(claim: ReminderClaim, set: string, values: Record<string, string>, entry: AuditInput) {
    return write(
      {
        item: {
          Update: {
            TableName: table,
            Key: reminderKey(claim),
            UpdateExpression: set,
            ConditionExpression: "#status = :sending AND #claimedAt = :claimedAt",
            ExpressionAttributeNames: { "#status": "status", "#claimedAt": "claimedAt" },
            ExpressionAttributeValues: { ":sending": "sending", ":claimedAt": claim.claimedAt, ...values },
          },
        },
        onConditionFailed: taken,
      },
      entry,
    );
  }

  return {
    async get(ref: ReminderRef): Promise<ReminderClaim | undefined> {
      const result = await doc.send(new GetCommand({ TableName: table, Key: reminderKey(ref), ConsistentRead: true }));
      return result.Item ? reminderClaimSchema.parse(result.Item) : undefined;
    },

    /**
     * Takes the reminder for this run: when no run ever claimed it, when a failed send released it, or when a
     * `sending` claim is older than `staleBefore` (its run died before it could finish). Otherwise `taken`.
     */
    claim(claim: ReminderClaim, staleBefore: string, entry: AuditInput): Promise<"done" | "taken"> {
      return write(
        {
          item: {
            Put: {
              TableName: table,
              Item: { ...reminderKey(claim), entity: "programme-reminder", ...claim },
              ConditionExpression:
                "attribute_not_exists(pk) OR #status = :released OR (#status = :sending AND #claimedAt < :stale)",
              ExpressionAttributeNames: { "#status": "status", "#claimedAt": "claimedAt" },
              ExpressionAttributeValues: { ":released": "released", ":sending": "sending", ":stale": staleBefore },
            },
          },
          onConditionFailed: taken,
        },
        entry,
      );
    },

    /** Records the SES message id; only the run that holds the claim may. */
    markSent(claim: ReminderClaim, messageId: string, sentAt: string, entry: AuditInput) {
      return moveHeld(
        claim,
        "SET #status = :sent, messageId = :messageId, sentAt = :sentAt",
        { ":sent": "sent", ":messageId": messageId, ":sentAt": sentAt },
        entry,
      );
    },

    /** Gives the claim back after a failed send, so a later run (the scheduler's retry) can send it. */
    release(claim: ReminderClaim, entry: AuditInput) {
      return moveHeld(claim, "SET #status = :released", { ":released": "released" }, entry);
    },
  };
}
