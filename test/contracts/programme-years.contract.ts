// The programme years store's contract, written once and run against both adapters: DynamoDB Local
// (test/integration/programme-store.test.ts) and memory (test/unit/programme-store.test.ts).
import { beforeEach, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { PreconditionFailed } from "#shared/errors.ts";
import type { ProgrammeRecord } from "#shared/programme/schemas.ts";
import type { ProgrammeStore } from "#shared/programme/store.ts";
import { seedProgrammeFiles } from "../../events/programme-of-work/index.ts";
import type { StoreUnderTest } from "./store-contract.ts";

const entry = (year: number) => ({
  actor: systemActor("contract"),
  action: "programme.put" as const,
  entity: { type: "programme-year", id: String(year) },
});

function record(year: 2023 | 2024, status: ProgrammeRecord["status"] = "adopted"): ProgrammeRecord {
  const file = seedProgrammeFiles().find((candidate) => candidate.year === year);
  if (!file) throw new Error(`no bundled programme of ${year}`);
  return { file, status, updatedAt: "2027-03-01T09:00:00.000Z" };
}

export function programmeStoreContract(setup: () => Promise<StoreUnderTest<ProgrammeStore>>): void {
  describe("the programme years store contract", () => {
    let subject: StoreUnderTest<ProgrammeStore>;
    let store: ProgrammeStore;

    beforeEach(async () => {
      subject = await setup();
      store = subject.store;
    });

    it("stores a new year at version 1 (expected 0), audited, and reads it back as given", async () => {
      expect(await store.get(2024)).toBeUndefined();
      expect(await store.save(record(2024, "draft"), 0, entry(2024))).toBe(1);
      expect(await store.get(2024)).toEqual({ value: record(2024, "draft"), version: 1 });
      expect(await subject.auditActions({ type: "programme-year", id: "2024" })).toEqual(["programme.put"]);
    });

    it("writes at the version read; a stale one is 412 naming the current ETag and changes nothing", async () => {
      await store.save(record(2024, "draft"), 0, entry(2024));
      expect(await store.save({ ...record(2024), rolledFrom: 2023 }, 1, entry(2024))).toBe(2);
      const late = await store.save(record(2024, "draft"), 1, entry(2024)).catch((error: unknown) => error);
      expect(late).toBeInstanceOf(PreconditionFailed);
      expect((late as PreconditionFailed).currentEtag).toBe('"2"');
      const again = await store.save(record(2023), 3, entry(2023)).catch((error: unknown) => error);
      expect((again as PreconditionFailed).currentEtag).toBe('"0"');
      expect(await store.get(2024)).toEqual({ value: { ...record(2024), rolledFrom: 2023 }, version: 2 });
      expect(await store.get(2023)).toBeUndefined();
    });

    it("lists the stored years in ascending order", async () => {
      await store.save(record(2024), 0, entry(2024));
      await store.save(record(2023), 0, entry(2023));
      expect((await store.list()).map(({ value, version }) => [value.file.year, version])).toEqual([
        [2023, 1],
        [2024, 1],
      ]);
    });
  });
}
