// The matrices store's contract, written once and run against both adapters: DynamoDB Local
// (test/integration/matrix-store.test.ts) and memory (test/unit/matrix-store.test.ts).
import { beforeEach, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { Conflict, Malformed, PreconditionFailed } from "#shared/errors.ts";
import type { MatrixRepository } from "#shared/matrix/repository.ts";
import type { MatrixStatus, MatrixVersion } from "#shared/matrix/schemas.ts";
import { everyItem, type StoreUnderTest } from "./store-contract.ts";

const actor = systemActor("contract");
const STAMP = { at: "2027-03-01T09:00:00.000Z", by: actor };

const aVersion = (version: number, status: MatrixStatus, cells: MatrixVersion["cells"] = {}): MatrixVersion => ({
  iso3: "MLI",
  version,
  status,
  created: STAMP,
  history: [],
  cells,
});

export function matrixStoreContract(setup: () => Promise<StoreUnderTest<MatrixRepository>>): void {
  describe("the matrices store contract", () => {
    let subject: StoreUnderTest<MatrixRepository>;
    let matrix: MatrixRepository;
    const edit = [{ actor, action: "matrix.cells.edit" as const }];

    beforeEach(async () => {
      subject = await setup();
      matrix = subject.store;
    });

    it("answers a State without a matrix at revision 0, with no versions", async () => {
      expect(await matrix.current("MLI")).toEqual({
        iso3: "MLI",
        revision: 0,
        working: undefined,
        approved: undefined,
      });
      expect(await matrix.getVersion("MLI", 1)).toBeUndefined();
      expect((await matrix.listVersions("MLI", { limit: 10 })).items).toEqual([]);
    });

    it("saves a first draft at revision 1, then edits it in place at the revision read, audited on the matrix", async () => {
      const draft = aVersion(1, "draft", { "op1.npt": { value: "X", source: { document: "S/AC.44/2004/(02)/5" } } });
      expect(await matrix.save(await matrix.current("MLI"), draft, edit)).toBe(1);
      expect(await matrix.current("MLI")).toEqual({ iso3: "MLI", revision: 1, working: draft, approved: undefined });
      const edited = { ...draft, cells: {}, lastEdited: STAMP };
      expect(await matrix.save(await matrix.current("MLI"), edited, edit)).toBe(2);
      expect(await matrix.getVersion("MLI", 1)).toEqual(edited);
      expect(await subject.auditActions({ type: "matrix", id: "MLI" })).toEqual([
        "matrix.cells.edit",
        "matrix.cells.edit",
      ]);
    });

    it("refuses a write based on a stale read with 412 naming the current ETag, changing nothing", async () => {
      const before = await matrix.current("MLI");
      await matrix.save(before, aVersion(1, "draft"), edit);
      const late = await matrix.save(before, aVersion(1, "draft", {}), edit).catch((error: unknown) => error);
      expect(late).toBeInstanceOf(PreconditionFailed);
      expect((late as PreconditionFailed).currentEtag).toBe('"1"');
      const read = await matrix.current("MLI");
      const again = await matrix
        .save({ ...read, revision: 5 }, aVersion(1, "shared-with-state"), edit)
        .catch((error: unknown) => error);
      expect((again as PreconditionFailed).currentEtag).toBe('"1"');
      expect((await matrix.current("MLI")).working?.status).toBe("draft");
    });

    it("refuses a new version whose number is taken, with 409", async () => {
      await matrix.save(await matrix.current("MLI"), aVersion(1, "draft"), edit);
      const read = await matrix.current("MLI");
      await expect(matrix.save({ ...read, working: undefined }, aVersion(1, "draft"), edit)).rejects.toThrow(Conflict);
    });

    it("keeps the latest approved version beside a new working draft, and lists versions oldest first", async () => {
      await matrix.save(await matrix.current("MLI"), aVersion(1, "draft"), edit);
      await matrix.save(await matrix.current("MLI"), { ...aVersion(1, "approved"), approved: STAMP }, edit);
      const approved = await matrix.current("MLI");
      expect(approved.working).toBeUndefined();
      expect(approved.approved?.version).toBe(1);
      await matrix.save(approved, { ...aVersion(2, "draft"), basedOn: 1 }, edit);
      const now = await matrix.current("MLI");
      expect(now).toMatchObject({ revision: 3, working: { version: 2, status: "draft" }, approved: { version: 1 } });
      const listed = await everyItem((page) => matrix.listVersions("MLI", page), 1);
      expect(listed.map((summary) => [summary.version, summary.status])).toEqual([
        [1, "approved"],
        [2, "draft"],
      ]);
      expect(listed[0]).not.toHaveProperty("cells");
      const first = await matrix.listVersions("MLI", { limit: 1 });
      await expect(matrix.listVersions("TCD", { limit: 1, cursor: first.cursor })).rejects.toThrow(Malformed);
    });
  });
}
