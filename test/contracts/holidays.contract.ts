// The UN Headquarters holidays store's contract, written once and run against both adapters: DynamoDB Local
// (test/integration/calendar-holidays-store.test.ts) and memory (test/unit/calendar-holidays-store.test.ts).
import { beforeEach, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import type { HeadquartersHolidays } from "#shared/calendar/schemas.ts";
import type { HolidayStore } from "#shared/calendar/store.ts";
import { PreconditionFailed } from "#shared/errors.ts";
import type { StoreUnderTest } from "./store-contract.ts";

const entry = (year: number) => ({
  actor: systemActor("contract"),
  action: "holidays.put" as const,
  entity: { type: "holidays", id: String(year) },
});

const LISTS: Record<2025 | 2026, HeadquartersHolidays> = {
  2025: {
    year: 2025,
    source: "ST/IC/2024/31",
    days: [
      { date: "2025-11-27", name: "Thanksgiving Day" },
      { date: "2025-12-25", name: "Christmas Day" },
    ],
    updatedAt: "2027-03-01T09:00:00.000Z",
    updatedBy: "officer@desk.example",
  },
  2026: {
    year: 2026,
    source: "ST/IC/2025/30",
    days: [
      { date: "2026-01-01", name: "New Year's Day" },
      { date: "2026-03-20", name: "Id al-Fitr" },
      { date: "2026-11-26", name: "Thanksgiving Day" },
    ],
    updatedAt: "2027-03-01T09:00:00.000Z",
    updatedBy: "officer@desk.example",
  },
};

export function holidayStoreContract(setup: () => Promise<StoreUnderTest<HolidayStore>>): void {
  describe("the UN Headquarters holidays store contract", () => {
    let subject: StoreUnderTest<HolidayStore>;
    let store: HolidayStore;

    beforeEach(async () => {
      subject = await setup();
      store = subject.store;
    });

    it("stores a new year at version 1 (expected 0), audited, and reads it back as given", async () => {
      expect(await store.get(2026)).toBeUndefined();
      expect(await store.save(LISTS[2026], 0, entry(2026))).toBe(1);
      expect(await store.get(2026)).toEqual({ value: LISTS[2026], version: 1 });
      expect(await subject.auditActions({ type: "holidays", id: "2026" })).toEqual(["holidays.put"]);
    });

    it("writes at the version read; a stale one is 412 naming the current ETag and changes nothing", async () => {
      await store.save(LISTS[2026], 0, entry(2026));
      const corrected = { ...LISTS[2026], source: "ST/IC/2025/30/Amend.1" };
      expect(await store.save(corrected, 1, entry(2026))).toBe(2);
      const late = await store.save(LISTS[2026], 1, entry(2026)).catch((error: unknown) => error);
      expect(late).toBeInstanceOf(PreconditionFailed);
      expect((late as PreconditionFailed).currentEtag).toBe('"2"');
      const unknown = await store.save(LISTS[2025], 3, entry(2025)).catch((error: unknown) => error);
      expect((unknown as PreconditionFailed).currentEtag).toBe('"0"');
      expect(await store.get(2026)).toEqual({ value: corrected, version: 2 });
      expect(await store.get(2025)).toBeUndefined();
      expect(await subject.auditActions({ type: "holidays", id: "2026" })).toEqual(["holidays.put", "holidays.put"]);
    });

    it("lists the years on record in ascending order", async () => {
      await store.save(LISTS[2026], 0, entry(2026));
      await store.save(LISTS[2025], 0, entry(2025));
      expect((await store.list()).map(({ value, version }) => [value.year, value.source, version])).toEqual([
        [2025, "ST/IC/2024/31", 1],
        [2026, "ST/IC/2025/30", 1],
      ]);
    });

    it("gives the lists on record among the years asked, by year, and nothing for none", async () => {
      await store.save(LISTS[2025], 0, entry(2025));
      await store.save(LISTS[2026], 0, entry(2026));
      const found = await store.getYears([2026, 2027, 2026]);
      expect([...found.keys()]).toEqual([2026]);
      expect(found.get(2026)).toEqual(LISTS[2026]);
      expect((await store.getYears([2024, 2025])).get(2025)).toEqual(LISTS[2025]);
      expect((await store.getYears([])).size).toBe(0);
    });
  });
}
