// Where personal calendar feeds are kept (ADR 0023): one item per feed keyed by the SHA-256 of its secret, which the
// open route reads by key, and one item per owner listing their feeds, whose version guards the limit of live feeds.
// Both change in one transaction with the audit entry; the secret itself is never stored.
import { type DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { type AuditInput, auditPut } from "../audit/audit-entry.ts";
import type { Clock } from "../clock.ts";
import { writeTransaction } from "../dynamo/transaction.ts";
import { Conflict } from "../errors.ts";
import type { TableNames } from "../tables.ts";
import { type StoredCalendarFeed, storedCalendarFeedSchema } from "./feeds-schemas.ts";

/** The owner's feeds as stored, and the version their next write must name (0: none stored yet). */
export interface OwnedFeeds {
  feeds: StoredCalendarFeed[];
  version: number;
}

/** Another request changed the owner's feeds between the read and the write: read again and retry. */
export class OwnedFeedsChanged extends Conflict {
  constructor() {
    super("Your calendar feeds changed while this request ran; send it again");
  }
}

export interface CalendarFeedStore {
  owned(owner: string): Promise<OwnedFeeds>;
  /** The feed whose secret hashes to `tokenHash`, and whether it was revoked. */
  byTokenHash(tokenHash: string): Promise<{ feed: StoredCalendarFeed; revoked: boolean } | undefined>;
  /** Stores a new feed and the owner's list with it, if that list is still at `expectedVersion`; audited. */
  issue(
    feed: StoredCalendarFeed,
    owned: StoredCalendarFeed[],
    expectedVersion: number,
    entry: AuditInput,
  ): Promise<void>;
  /** Marks the feed revoked and stores the owner's list without it, if still at `expectedVersion`; audited. */
  revoke(
    feed: StoredCalendarFeed,
    owned: StoredCalendarFeed[],
    expectedVersion: number,
    revokedAt: string,
    entry: AuditInput,
  ): Promise<void>;
}

export const feedTokenKey = (tokenHash: string) => ({ pk: `CALENDAR-FEED#${tokenHash}`, sk: "FEED" });
export const feedOwnerKey = (owner: string) => ({ pk: `CALENDAR-FEEDS#${owner}`, sk: "OWNER" });

const feedsOf = (item: Record<string, unknown> | undefined): OwnedFeeds =>
  item
    ? { feeds: storedCalendarFeedSchema.array().parse(item.feeds), version: Number(item.version) }
    : { feeds: [], version: 0 };

export function dynamoCalendarFeedStore(
  doc: DynamoDBDocumentClient,
  tableNames: TableNames,
  clock: Clock,
): CalendarFeedStore {
  const table = tableNames.desk;

  /** The owner's list, written only over the version read (a first list only where none exists). */
  const ownerPut = (owner: string, feeds: StoredCalendarFeed[], expectedVersion: number) => ({
    item: {
      Put: {
        TableName: table,
        Item: { ...feedOwnerKey(owner), entity: "calendar-feed-owner", owner, feeds, version: expectedVersion + 1 },
        ...(expectedVersion === 0
          ? { ConditionExpression: "attribute_not_exists(pk)" }
          : {
              ConditionExpression: "version = :expected",
              ExpressionAttributeValues: { ":expected": expectedVersion },
            }),
      },
    },
    onConditionFailed: () => new OwnedFeedsChanged(),
  });

  return {
    async owned(owner) {
      const result = await doc.send(
        new GetCommand({ TableName: table, Key: feedOwnerKey(owner), ConsistentRead: true }),
      );
      return feedsOf(result.Item);
    },

    async byTokenHash(tokenHash) {
      // Consistent, so a revoked feed stops answering at once.
      const result = await doc.send(
        new GetCommand({ TableName: table, Key: feedTokenKey(tokenHash), ConsistentRead: true }),
      );
      if (!result.Item) return undefined;
      return {
        feed: storedCalendarFeedSchema.parse(result.Item),
        revoked: typeof result.Item.revokedAt === "string",
      };
    },

    async issue(feed, owned, expectedVersion, entry) {
      await writeTransaction(doc, [
        ownerPut(feed.owner, owned, expectedVersion),
        {
          item: {
            Put: {
              TableName: table,
              Item: { ...feedTokenKey(feed.tokenHash), entity: "calendar-feed", ...feed },
              ConditionExpression: "attribute_not_exists(pk)",
            },
          },
          // 256 random bits: a collision would mean the random source is broken.
          onConditionFailed: () => new Conflict("A calendar feed with this secret exists already"),
        },
        { item: auditPut(tableNames.audit, entry, clock) },
      ]);
    },

    async revoke(feed, owned, expectedVersion, revokedAt, entry) {
      await writeTransaction(doc, [
        ownerPut(feed.owner, owned, expectedVersion),
        {
          item: {
            Put: {
              TableName: table,
              Item: { ...feedTokenKey(feed.tokenHash), entity: "calendar-feed", ...feed, revokedAt },
              ConditionExpression: "attribute_exists(pk) AND attribute_not_exists(revokedAt)",
            },
          },
          onConditionFailed: () => new OwnedFeedsChanged(),
        },
        { item: auditPut(tableNames.audit, entry, clock) },
      ]);
    },
  };
}
