// The organizations store's contract, written once and run against both adapters: DynamoDB Local
// (test/integration/organizations-store.test.ts) and memory (test/unit/organizations-store.test.ts).
import { beforeEach, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { Conflict, Malformed, NotFound, PreconditionFailed } from "#shared/errors.ts";
import type { OrganizationRepository } from "#shared/organizations/repository.ts";
import type { Organization, OrganizationKind } from "#shared/organizations/schemas.ts";
import { everyItem, type StoreUnderTest } from "./store-contract.ts";

const audit = { actor: systemActor("contract") };
const AT = "2027-03-01T09:00:00.000Z";

const anOrganization = (id: string, kind: OrganizationKind = "international"): Organization => ({
  id,
  kind,
  name: `Organization ${id.toUpperCase()}`,
  acronym: id.toUpperCase(),
  updatedAt: AT,
});

export function organizationStoreContract(setup: () => Promise<StoreUnderTest<OrganizationRepository>>): void {
  describe("the organizations store contract", () => {
    let subject: StoreUnderTest<OrganizationRepository>;
    let store: OrganizationRepository;
    beforeEach(async () => {
      subject = await setup();
      store = subject.store;
    });

    it("answers a created organization at version 1, by id and among others, and nothing for unknown ids", async () => {
      expect(await store.createOrganization(anOrganization("iaea"), audit)).toEqual({
        value: anOrganization("iaea"),
        version: 1,
      });
      await store.createOrganization(anOrganization("opcw"), audit);
      expect(await store.getOrganization("iaea")).toEqual({ value: anOrganization("iaea"), version: 1 });
      expect(await store.getOrganization("nato")).toBeUndefined();
      const some = await store.getOrganizations(["opcw", "nato", "iaea"]);
      expect([...some.keys()].sort()).toEqual(["iaea", "opcw"]);
      expect(some.get("opcw")).toEqual({ value: anOrganization("opcw"), version: 1 });
      expect(await subject.auditActions({ type: "organization", id: "iaea" })).toEqual(["organization.create"]);
    });

    it("refuses a second organization with the same id with a Conflict, and keeps the first", async () => {
      await store.createOrganization(anOrganization("iaea"), audit);
      await expect(store.createOrganization(anOrganization("iaea", "regional"), audit)).rejects.toThrow(Conflict);
      expect((await store.getOrganization("iaea"))?.value.kind).toBe("international");
    });

    it("lists all, or one kind, in id order across pages; a cursor of one listing is refused by another", async () => {
      const kinds: [string, OrganizationKind][] = [
        ["osce", "regional"],
        ["iaea", "international"],
        ["au", "regional"],
        ["sica", "subregional"],
        ["opcw", "international"],
        ["caricom", "regional"],
      ];
      for (const [id, kind] of kinds) await store.createOrganization(anOrganization(id, kind), audit);
      const all = await everyItem((page) => store.listOrganizations(page));
      expect(all.map(({ value }) => value.id)).toEqual(["au", "caricom", "iaea", "opcw", "osce", "sica"]);
      const regional = await everyItem((page) => store.listOrganizations({ ...page, kind: "regional" }));
      expect(regional.map(({ value }) => value.id)).toEqual(["au", "caricom", "osce"]);
      const first = await store.listOrganizations({ limit: 2 });
      await expect(store.listOrganizations({ limit: 2, kind: "regional", cursor: first.cursor })).rejects.toThrow(
        Malformed,
      );
    });

    it("updates at the version read, audited; a stale version is a 412 naming the current ETag", async () => {
      const created = await store.createOrganization(anOrganization("iaea"), audit);
      const next = { ...created.value, note: "Engagement verified", updatedAt: "2027-03-02T09:00:00.000Z" };
      expect(await store.updateOrganization(created.value, 1, next, audit)).toEqual({ value: next, version: 2 });
      const late = await store
        .updateOrganization(created.value, 1, { ...created.value, note: "late" }, audit)
        .catch((error) => error);
      expect(late).toBeInstanceOf(PreconditionFailed);
      expect((late as PreconditionFailed).currentEtag).toBe('"2"');
      expect(await store.getOrganization("iaea")).toEqual({ value: next, version: 2 });
      expect(await subject.auditActions({ type: "organization", id: "iaea" })).toEqual([
        "organization.create",
        "organization.update",
      ]);
    });

    it("refuses to update an organization that does not exist with NotFound, creating nothing", async () => {
      await expect(store.updateOrganization(anOrganization("nato"), 1, anOrganization("nato"), audit)).rejects.toThrow(
        NotFound,
      );
      expect(await store.getOrganization("nato")).toBeUndefined();
    });

    it("adds only the missing organizations, stamped now, and leaves one present as it was corrected", async () => {
      const corrected = await store.createOrganization({ ...anOrganization("iaea"), note: "Corrected" }, audit);
      subject.clock.advance(86_400_000);
      const { updatedAt: _, ...seeded } = anOrganization("iaea");
      const { updatedAt: __, ...opcw } = anOrganization("opcw");
      expect(await store.addMissingOrganizations([seeded, opcw], audit)).toEqual({ created: ["opcw"] });
      expect(await store.getOrganization("iaea")).toEqual(corrected);
      expect(await store.getOrganization("opcw")).toEqual({
        value: { ...anOrganization("opcw"), updatedAt: "2027-03-02T09:00:00.000Z" },
        version: 1,
      });
      expect(await store.addMissingOrganizations([seeded, opcw], audit)).toEqual({ created: [] });
      // The one seeded its own entry, the first of its timeline; the one present only its own.
      expect(await subject.auditActions({ type: "organization", id: "opcw" })).toEqual(["organizations.seed"]);
      expect(await subject.auditActions({ type: "organization", id: "iaea" })).toEqual(["organization.create"]);
    });
  });
}
