// What every store contract suite is given: the store under test, built on a clock the suite moves, and a way to
// read the audit trail the store wrote, whichever adapter it is.
import type { AuditEntry } from "#shared/audit/audit-entry.ts";
import { fixedClock } from "#shared/clock.ts";
import type { Page, PageRequest } from "#shared/dynamo/pagination.ts";
import type { InMemoryAudit } from "../support/in-memory/audit.ts";

export type TestClock = ReturnType<typeof fixedClock>;

export interface StoreUnderTest<Store> {
  store: Store;
  clock: TestClock;
  /** The audit actions recorded against one entity, sorted. */
  auditActions(entity: AuditEntry["entity"]): Promise<string[]>;
}

/** Every item of a listing, walking its cursors with small pages (so paging is exercised). */
export async function everyItem<T>(list: (page: PageRequest) => Promise<Page<T>>, limit = 2): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await list({ limit, cursor });
    expectAtMost(page.items.length, limit);
    all.push(...page.items);
    cursor = page.cursor;
    pages += 1;
    if (pages > 100) throw new Error("the listing never ends: its cursor does not advance");
  } while (cursor);
  return all;
}

function expectAtMost(count: number, limit: number): void {
  if (count > limit) throw new Error(`a page of ${count} items exceeds its limit ${limit}`);
}

/** When every contract suite's clock starts. */
export const CONTRACT_START = "2027-03-01T09:00:00Z";

/** An in-memory store under test: it keeps its own audit trail. */
export async function inMemory<Store extends { audit: InMemoryAudit }>(
  build: (clock: TestClock) => Store,
): Promise<StoreUnderTest<Store>> {
  const clock = fixedClock(CONTRACT_START);
  const store = build(clock);
  return { store, clock, auditActions: async (entity) => store.audit.actionsOf(entity) };
}
