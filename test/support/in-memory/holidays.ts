// UN Headquarters' holidays in memory: HolidayStore's contract (test/contracts/holidays.contract.ts), for unit tests of
// the use cases; `audit` keeps what the DynamoDB store would put in the audit table.

import type { HeadquartersHolidays } from "#shared/calendar/schemas.ts";
import { type HolidayStore, staleHolidays } from "#shared/calendar/store.ts";
import type { Clock } from "#shared/clock.ts";
import type { Versioned } from "#shared/versioning.ts";
import { type InMemoryAudit, inMemoryAudit } from "./audit.ts";

export function inMemoryHolidayStore(clock: Clock): HolidayStore & { audit: InMemoryAudit } {
  const years = new Map<number, Versioned<HeadquartersHolidays>>();
  const audit = inMemoryAudit(clock);
  return {
    audit,
    get: async (year) => structuredClone(years.get(year)),
    getYears: async (wanted) =>
      new Map(
        wanted.flatMap((year) => {
          const stored = years.get(year);
          return stored ? [[year, structuredClone(stored.value)] as const] : [];
        }),
      ),
    list: async () => [...years.values()].sort((a, b) => a.value.year - b.value.year).map((y) => structuredClone(y)),
    async save(holidays, expectedVersion, entry) {
      const current = years.get(holidays.year)?.version ?? 0;
      if (current !== expectedVersion) throw staleHolidays(holidays.year, current, expectedVersion);
      years.set(holidays.year, { value: structuredClone(holidays), version: current + 1 });
      audit.record(entry);
      return current + 1;
    },
  };
}
