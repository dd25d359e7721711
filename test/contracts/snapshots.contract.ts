// The snapshots store's contract, written once and run against both adapters: DynamoDB Local
// (test/integration/snapshots-store.test.ts) and memory (test/unit/snapshots-store.test.ts).
import { beforeEach, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { SnapshotExists, type SnapshotRepository } from "#shared/snapshots/repository.ts";
import type { Snapshot } from "#shared/snapshots/schemas.ts";
import { firstSnapshotFixture, snapshotFixture } from "../support/snapshot-fixture.ts";
import { everyItem, type StoreUnderTest } from "./store-contract.ts";

const audit = { actor: systemActor("contract") };

export function snapshotStoreContract(setup: () => Promise<StoreUnderTest<SnapshotRepository>>): void {
  describe("the snapshots store contract", () => {
    let subject: StoreUnderTest<SnapshotRepository>;
    let snapshots: SnapshotRepository;
    const q4: Snapshot = firstSnapshotFixture();
    const q1: Snapshot = snapshotFixture();

    beforeEach(async () => {
      subject = await setup();
      snapshots = subject.store;
      await snapshots.create(q1, audit);
      await snapshots.create(q4, audit);
    });

    it("stores a quarter's snapshot as given, audited as snapshot.create", async () => {
      expect(await snapshots.get("2024-Q1")).toEqual(q1);
      expect(await snapshots.get("2024-Q2")).toBeUndefined();
      expect(await subject.auditActions({ type: "snapshot", id: "2024-Q1" })).toEqual(["snapshot.create"]);
    });

    it("refuses a second snapshot of a quarter with SnapshotExists, keeping the first", async () => {
      const again = { ...q1, computedAt: "2024-04-02T04:00:00.000Z" };
      await expect(snapshots.create(again, audit)).rejects.toThrow(SnapshotExists);
      expect(await snapshots.get("2024-Q1")).toEqual(q1);
      expect(await subject.auditActions({ type: "snapshot", id: "2024-Q1" })).toEqual(["snapshot.create"]);
    });

    it("lists snapshots oldest first, without their figures", async () => {
      const listed = await everyItem((page) => snapshots.list(page), 1);
      expect(listed.map((summary) => summary.period)).toEqual(["2023-Q4", "2024-Q1"]);
      expect(listed[1]).toEqual(
        Object.fromEntries(Object.keys(listed[1] ?? {}).map((key) => [key, q1[key as keyof Snapshot]])),
      );
      expect(listed[1]).not.toHaveProperty("reporting");
      expect(listed[1]).not.toHaveProperty("states");
    });

    it("finds the latest quarter before a period that has a snapshot, and that snapshot", async () => {
      expect(await snapshots.periodBefore("2024-Q3")).toBe("2024-Q1");
      expect(await snapshots.periodBefore("2024-Q1")).toBe("2023-Q4");
      expect(await snapshots.periodBefore("2023-Q4")).toBeUndefined();
      expect(await snapshots.latestBefore("2024-Q2")).toEqual(q1);
      expect(await snapshots.latestBefore("2023-Q1")).toBeUndefined();
    });
  });
}
