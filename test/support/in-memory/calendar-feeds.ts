// Calendar feeds in memory: CalendarFeedStore's contract (test/contracts/), for unit tests of the use case; `audit`
// keeps what would be audited.
import type { AuditInput } from "#shared/audit/audit-entry.ts";
import { Conflict } from "#shared/errors.ts";
import type { StoredCalendarFeed } from "#shared/programme/feeds-schemas.ts";
import { type CalendarFeedStore, type OwnedFeeds, OwnedFeedsChanged } from "#shared/programme/feeds-store.ts";

export function memoryCalendarFeedStore(): CalendarFeedStore & { audit: AuditInput[] } {
  const owners = new Map<string, OwnedFeeds>();
  const tokens = new Map<string, { feed: StoredCalendarFeed; revoked: boolean }>();
  const audit: AuditInput[] = [];
  const write = (owner: string, feeds: StoredCalendarFeed[], expectedVersion: number) => {
    if ((owners.get(owner)?.version ?? 0) !== expectedVersion) throw new OwnedFeedsChanged();
    owners.set(owner, { feeds: structuredClone(feeds), version: expectedVersion + 1 });
  };
  return {
    audit,
    owned: async (owner) => structuredClone(owners.get(owner) ?? { feeds: [], version: 0 }),
    byTokenHash: async (tokenHash) => structuredClone(tokens.get(tokenHash)),
    async issue(feed, owned, expectedVersion, entry) {
      if (tokens.has(feed.tokenHash)) throw new Conflict("A calendar feed with this secret exists already");
      write(feed.owner, owned, expectedVersion);
      tokens.set(feed.tokenHash, { feed: structuredClone(feed), revoked: false });
      audit.push(entry);
    },
    async revoke(feed, owned, expectedVersion, _revokedAt, entry) {
      const stored = tokens.get(feed.tokenHash);
      if (!stored || stored.revoked) throw new OwnedFeedsChanged();
      write(feed.owner, owned, expectedVersion);
      stored.revoked = true;
      audit.push(entry);
    },
  };
}
