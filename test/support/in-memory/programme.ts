// Programme years in memory: ProgrammeStore's contract (test/contracts/), for unit tests of the use cases and routes;
// `audit` keeps what would be audited.
import type { AuditInput } from "#shared/audit/audit-entry.ts";
import type { ProgrammeRecord } from "#shared/programme/schemas.ts";
import { type ProgrammeStore, stale } from "#shared/programme/store.ts";
import type { Versioned } from "#shared/versioning.ts";

export function memoryProgrammeStore(): ProgrammeStore & { audit: AuditInput[] } {
  const years = new Map<number, Versioned<ProgrammeRecord>>();
  const audit: AuditInput[] = [];
  return {
    audit,
    get: async (year) => structuredClone(years.get(year)),
    list: async () =>
      [...years.values()].sort((a, b) => a.value.file.year - b.value.file.year).map((y) => structuredClone(y)),
    async save(record, expectedVersion, entry) {
      const current = years.get(record.file.year)?.version ?? 0;
      if (current !== expectedVersion) throw stale(record.file.year, current, expectedVersion);
      years.set(record.file.year, { value: structuredClone(record), version: current + 1 });
      audit.push(entry);
      return current + 1;
    },
  };
}
