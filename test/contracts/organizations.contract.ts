// The organizations store's contract, written once and run against both adapters: DynamoDB Local
// (test/integration/organizations-store.test.ts) and memory (test/unit/organizations-store.test.ts). The stores whose
// writes act for an organization (contacts, offers) check its retirement in their own contracts.
import { beforeEach, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { Malformed, NotFound, PreconditionFailed } from "#shared/errors.ts";
import { OrganizationIdTaken, OrganizationNameTaken } from "#shared/organizations/recorded-once.ts";
import { OrganizationActedMeanwhile, type OrganizationRepository } from "#shared/organizations/repository.ts";
import { OrganizationRetired } from "#shared/organizations/retired.ts";
import type { Organization, OrganizationKind } from "#shared/organizations/schemas.ts";
import { everyItem, type StoreUnderTest } from "./store-contract.ts";

const audit = { actor: systemActor("contract") };
const AT = "2027-03-01T09:00:00.000Z";

export const anOrganization = (id: string, kind: OrganizationKind = "international"): Organization => ({
  id,
  kind,
  name: `Organization ${id.toUpperCase()}`,
  acronym: id.toUpperCase(),
  updatedAt: AT,
});

/** Retires `id` as it stands now (the contracts of the stores whose writes act for an organization use it). */
export async function retireAsItStands(store: OrganizationRepository, id: string): Promise<void> {
  const seen = await store.readForRetirement(id);
  if (!seen) throw new Error(`organization ${id} is not stored`);
  await store.retireOrganization(seen, { ...seen.organization.value, ...RETIREMENT }, audit);
}

const RETIREMENT = { retiredOn: "2027-03-01", retiredBy: "officer", retirementReason: "recorded twice" };

/** The organizations store with a write that acts for an organization, as a contact's or an offer's does. */
export interface OrganizationsUnderTest extends StoreUnderTest<OrganizationRepository> {
  actFor(id: string): Promise<void>;
}

export function organizationStoreContract(setup: () => Promise<OrganizationsUnderTest>): void {
  describe("the organizations store contract", () => {
    let subject: OrganizationsUnderTest;
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

    it("refuses a second organization with the same id, naming the first in words, and keeps the first", async () => {
      await store.createOrganization(anOrganization("iaea"), audit);
      const again = await store
        .createOrganization({ ...anOrganization("iaea", "regional"), name: "Another" }, audit)
        .catch((error: unknown) => error);
      expect(again).toBeInstanceOf(OrganizationIdTaken);
      expect(again).toMatchObject({
        message: "IAEA, Organization IAEA, is already recorded with this acronym: an organization is recorded once",
        issues: [{ path: "body.acronym", message: "IAEA, Organization IAEA, is already recorded with this acronym" }],
      });
      expect((await store.getOrganization("iaea"))?.value.kind).toBe("international");
    });

    it("refuses a second organization of one name, case and spacing aside, naming the first; writes nothing", async () => {
      await store.createOrganization({ ...anOrganization("iaea"), name: "International Atomic Energy Agency" }, audit);
      const twice = { ...anOrganization("iaea-2"), name: " international  atomic ENERGY agency" };
      const refused = await store.createOrganization(twice, audit).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(OrganizationNameTaken);
      expect(refused).toMatchObject({
        issues: [
          {
            path: "body.name",
            message: "IAEA, International Atomic Energy Agency, is already recorded under this name",
          },
        ],
      });
      expect(await store.getOrganization("iaea-2")).toBeUndefined();
      expect(await subject.auditActions({ type: "organization", id: "iaea-2" })).toEqual([]);
      // Accents are kept: another spelling is another name.
      await store.createOrganization({ ...anOrganization("oea"), name: "Organización de los Estados" }, audit);
      await store.createOrganization({ ...anOrganization("oea-2"), name: "Organizacion de los Estados" }, audit);
    });

    it("of two organizations of one name written at once, records one", async () => {
      const results = await Promise.allSettled(
        ["iaea", "iaea-2"].map((id) => store.createOrganization({ ...anOrganization(id), name: "One Name" }, audit)),
      );
      expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
      const [refused] = results.flatMap((result) => (result.status === "rejected" ? [result.reason] : []));
      expect(refused).toBeInstanceOf(OrganizationNameTaken);
    });

    it("a rename takes the new name and frees the old; a name held by another is refused, writing nothing", async () => {
      const alpha = await store.createOrganization({ ...anOrganization("alpha"), name: "Alpha Forum" }, audit);
      const beta = await store.createOrganization({ ...anOrganization("beta"), name: "Beta Forum" }, audit);
      const clash = { ...beta.value, name: "alpha  forum" };
      await expect(store.updateOrganization(beta.value, 1, clash, audit)).rejects.toThrow(OrganizationNameTaken);
      expect(await store.getOrganization("beta")).toEqual(beta);
      await store.updateOrganization(alpha.value, 1, { ...alpha.value, name: "Gamma Forum" }, audit);
      await store.createOrganization({ ...anOrganization("delta"), name: "ALPHA FORUM" }, audit);
      await expect(
        store.createOrganization({ ...anOrganization("epsilon"), name: "Gamma Forum" }, audit),
      ).rejects.toThrow(OrganizationNameTaken);
      // A correction of the name's case alone keeps the guard it holds.
      const beta2 = await store.updateOrganization(beta.value, 1, { ...beta.value, name: "BETA FORUM" }, audit);
      expect(beta2.version).toBe(2);
      await expect(store.createOrganization({ ...anOrganization("zeta"), name: "Beta Forum" }, audit)).rejects.toThrow(
        OrganizationNameTaken,
      );
    });

    it("renames a seeded organization, which holds no name guard, and its old name is free", async () => {
      const { updatedAt: _, ...seeded } = { ...anOrganization("au"), name: "African Union" };
      await store.addMissingOrganizations([seeded], audit);
      const stored = await store.getOrganization("au");
      if (!stored) throw new Error("the seed wrote nothing");
      const renamed = { ...stored.value, name: "The African Union" };
      expect(await store.updateOrganization(stored.value, 1, renamed, audit)).toEqual({ value: renamed, version: 2 });
      await store.createOrganization({ ...anOrganization("au-2"), name: "African Union" }, audit);
      await expect(
        store.createOrganization({ ...anOrganization("au-3"), name: "the african union" }, audit),
      ).rejects.toThrow(OrganizationNameTaken);
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

    it("retires at the version read, audited, freeing its name; a stale version is a 412, unknown NotFound", async () => {
      await store.createOrganization({ ...anOrganization("iaea-2"), name: "Atomic Agency" }, audit);
      const seen = await store.readForRetirement("iaea-2");
      if (!seen) throw new Error("the organization is not stored");
      expect(seen.organization).toEqual(await store.getOrganization("iaea-2"));
      const retired = { ...seen.organization.value, ...RETIREMENT };
      expect(await store.retireOrganization(seen, retired, audit)).toEqual({ value: retired, version: 2 });
      expect(await store.getOrganization("iaea-2")).toEqual({ value: retired, version: 2 });
      expect(await subject.auditActions({ type: "organization", id: "iaea-2" })).toEqual([
        "organization.create",
        "organization.retire",
      ]);
      // The name is free again; the id stays the retired record's.
      await store.createOrganization({ ...anOrganization("aa"), name: "atomic  AGENCY" }, audit);
      await expect(store.createOrganization({ ...anOrganization("iaea-2"), name: "Another" }, audit)).rejects.toThrow(
        OrganizationIdTaken,
      );
      const late = await store.retireOrganization(seen, retired, audit).catch((error) => error);
      expect(late).toBeInstanceOf(PreconditionFailed);
      expect((late as PreconditionFailed).currentEtag).toBe('"2"');
      const nato = { organization: { value: anOrganization("nato"), version: 1 }, actingWrites: 0 };
      await expect(store.retireOrganization(nato, anOrganization("nato"), audit)).rejects.toThrow(NotFound);
      expect(await store.getOrganization("nato")).toBeUndefined();
      expect(await store.readForRetirement("nato")).toBeUndefined();
    });

    it("retires a seeded organization, which holds no name guard, and its name is free", async () => {
      const { updatedAt: _, ...seeded } = { ...anOrganization("au"), name: "African Union" };
      await store.addMissingOrganizations([seeded], audit);
      await retireAsItStands(store, "au");
      await store.createOrganization({ ...anOrganization("au-2"), name: "African Union" }, audit);
    });

    it("counts the writes that act for it, its version and answers unmoved; a retirement that read fewer is refused", async () => {
      const created = await store.createOrganization(anOrganization("iaea"), audit);
      const before = await store.readForRetirement("iaea");
      expect(before?.actingWrites).toBe(0);
      await subject.actFor("iaea");
      await subject.actFor("iaea");
      expect(await store.getOrganization("iaea")).toEqual(created);
      expect((await store.getOrganizations(["iaea"])).get("iaea")).toEqual(created);
      expect((await everyItem((page) => store.listOrganizations(page))).map(({ value }) => value)).toEqual([
        created.value,
      ]);
      const seen = await store.readForRetirement("iaea");
      expect(seen).toEqual({ organization: created, actingWrites: 2 });
      if (!before || !seen) throw new Error("the organization is not stored");

      const retired = { ...created.value, ...RETIREMENT };
      const refused = await store.retireOrganization(before, retired, audit).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(OrganizationActedMeanwhile);
      expect(refused).toMatchObject({
        message:
          "The Organization IAEA (IAEA) gained a contact or an offer while it was being retired; send the " +
          "retirement again to see what still acts for it",
      });
      expect(await store.getOrganization("iaea")).toEqual(created);
      expect(await subject.auditActions({ type: "organization", id: "iaea" })).toEqual(["organization.create"]);
      expect(await store.retireOrganization(seen, retired, audit)).toEqual({ value: retired, version: 2 });
    });

    it("refuses a write acting for it once it is retired, in the retirement's words, and one for no organization", async () => {
      await store.createOrganization(anOrganization("iaea"), audit);
      await retireAsItStands(store, "iaea");
      const refused = await subject.actFor("iaea").catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(OrganizationRetired);
      expect(refused).toMatchObject({
        message:
          "The Organization IAEA (IAEA) was retired on 2027-03-01 by officer: recorded twice; nothing new is " +
          "recorded for it",
      });
      expect((await store.getOrganization("iaea"))?.version).toBe(2);
      await expect(subject.actFor("nato")).rejects.toThrow(NotFound);
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
