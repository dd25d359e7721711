// The calendar feeds store's contract, written once and run against both adapters: DynamoDB Local
// (test/integration/calendar-feeds-store.test.ts) and memory (test/unit/calendar-feeds-store.test.ts).
import { beforeEach, describe, expect, it } from "vitest";
import type { AuditAction } from "#shared/audit/actions.ts";
import { systemActor } from "#shared/auth/actor.ts";
import { Conflict } from "#shared/errors.ts";
import type { StoredCalendarFeed } from "#shared/programme/feeds-schemas.ts";
import { type CalendarFeedStore, OwnedFeedsChanged } from "#shared/programme/feeds-store.ts";
import type { StoreUnderTest } from "./store-contract.ts";

const aFeed = (id: string, owner = "user-1"): StoredCalendarFeed => ({
  id,
  label: `feed ${id}`,
  created: "2027-03-01T09:00:00.000Z",
  expires: "2028-02-29T09:00:00.000Z",
  groups: ["members"],
  owner,
  tokenHash: `hash-of-${id}`,
});

const entry = (action: AuditAction, id: string) => ({
  actor: systemActor("contract"),
  action,
  entity: { type: "calendar-feed", id },
});

export function calendarFeedStoreContract(setup: () => Promise<StoreUnderTest<CalendarFeedStore>>): void {
  describe("the calendar feeds store contract", () => {
    let subject: StoreUnderTest<CalendarFeedStore>;
    let store: CalendarFeedStore;

    beforeEach(async () => {
      subject = await setup();
      store = subject.store;
    });

    it("issues a feed with its owner's list at the version read, found by its token's hash, audited", async () => {
      expect(await store.owned("user-1")).toEqual({ feeds: [], version: 0 });
      await store.issue(aFeed("f1"), [aFeed("f1")], 0, entry("calendar-feed.issue", "f1"));
      expect(await store.owned("user-1")).toEqual({ feeds: [aFeed("f1")], version: 1 });
      expect(await store.byTokenHash("hash-of-f1")).toEqual({ feed: aFeed("f1"), revoked: false });
      expect(await store.byTokenHash("hash-of-nothing")).toBeUndefined();
      expect(await subject.auditActions({ type: "calendar-feed", id: "f1" })).toEqual(["calendar-feed.issue"]);
    });

    it("refuses a write over a list that changed since it was read, storing no feed", async () => {
      await store.issue(aFeed("f1"), [aFeed("f1")], 0, entry("calendar-feed.issue", "f1"));
      await expect(store.issue(aFeed("f2"), [aFeed("f2")], 0, entry("calendar-feed.issue", "f2"))).rejects.toThrow(
        OwnedFeedsChanged,
      );
      expect(await store.byTokenHash("hash-of-f2")).toBeUndefined();
      expect(await store.owned("user-1")).toEqual({ feeds: [aFeed("f1")], version: 1 });
    });

    it("refuses a second feed with the same secret", async () => {
      await store.issue(aFeed("f1"), [aFeed("f1")], 0, entry("calendar-feed.issue", "f1"));
      const twin = { ...aFeed("f2", "user-2"), tokenHash: "hash-of-f1" };
      await expect(store.issue(twin, [twin], 0, entry("calendar-feed.issue", "f2"))).rejects.toThrow(Conflict);
      expect(await store.owned("user-2")).toEqual({ feeds: [], version: 0 });
    });

    it("revokes a feed once: it answers as revoked and leaves its owner's list", async () => {
      await store.issue(aFeed("f1"), [aFeed("f1")], 0, entry("calendar-feed.issue", "f1"));
      await store.issue(aFeed("f2"), [aFeed("f1"), aFeed("f2")], 1, entry("calendar-feed.issue", "f2"));
      await store.revoke(
        aFeed("f1"),
        [aFeed("f2")],
        2,
        "2027-03-02T09:00:00.000Z",
        entry("calendar-feed.revoke", "f1"),
      );
      expect(await store.byTokenHash("hash-of-f1")).toEqual({ feed: aFeed("f1"), revoked: true });
      expect(await store.owned("user-1")).toEqual({ feeds: [aFeed("f2")], version: 3 });
      await expect(
        store.revoke(aFeed("f1"), [aFeed("f2")], 3, "2027-03-02T10:00:00.000Z", entry("calendar-feed.revoke", "f1")),
      ).rejects.toThrow(OwnedFeedsChanged);
      expect(await store.owned("user-1")).toEqual({ feeds: [aFeed("f2")], version: 3 });
      expect(await subject.auditActions({ type: "calendar-feed", id: "f1" })).toEqual([
        "calendar-feed.issue",
        "calendar-feed.revoke",
      ]);
    });
  });
}
