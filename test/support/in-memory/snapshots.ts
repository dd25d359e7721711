// The snapshots store in memory, for unit tests of the use cases: the same contract as the DynamoDB adapter
// (test/contracts/snapshots.contract.ts). Not honoured: DynamoDB's item size limit.
import type { Clock } from "#shared/clock.ts";
import { SnapshotExists, type SnapshotRepository } from "#shared/snapshots/repository.ts";
import { type Period, type Snapshot, snapshotSummarySchema } from "#shared/snapshots/schemas.ts";
import { type InMemoryAudit, inMemoryAudit } from "./audit.ts";
import { pageOf, sortedBy } from "./paging.ts";

export interface InMemorySnapshots extends SnapshotRepository {
  readonly audit: InMemoryAudit;
}

export function inMemorySnapshots(clock: Clock, audit: InMemoryAudit = inMemoryAudit(clock)): InMemorySnapshots {
  const snapshots = new Map<Period, Snapshot>();
  const copy = <T>(value: T): T => structuredClone(value);
  // Periods sort as text (`2023-Q4` before `2024-Q1`), as the index's sort key does.
  const before = (period: Period) =>
    sortedBy(snapshots.values(), (snapshot) => snapshot.period).filter((snapshot) => snapshot.period < period);

  return {
    audit,
    get: async (period) => {
      const found = snapshots.get(period);
      return found && copy(found);
    },
    list: async (page) =>
      pageOf(
        sortedBy(snapshots.values(), (snapshot) => snapshot.period).map((snapshot) =>
          snapshotSummarySchema.parse(snapshot),
        ),
        (summary) => summary.period,
        { ...page, scope: "snapshots" },
      ),
    periodBefore: async (period) => before(period).at(-1)?.period,
    latestBefore: async (period) => {
      const found = before(period).at(-1);
      return found && copy(found);
    },
    create: async (snapshot, context) => {
      if (snapshots.has(snapshot.period)) throw new SnapshotExists(snapshot.period);
      snapshots.set(snapshot.period, copy(snapshot));
      audit.record({
        ...context,
        action: "snapshot.create",
        entity: { type: "snapshot", id: snapshot.period },
        after: { period: snapshot.period, computedAt: snapshot.computedAt, previousPeriod: snapshot.previousPeriod },
      });
    },
  };
}
