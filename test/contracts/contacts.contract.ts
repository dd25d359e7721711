// The contacts store's contract, written once and run against both adapters: DynamoDB Local
// (test/integration/contacts-store.test.ts) and memory (test/unit/contacts-store.test.ts).
import { beforeEach, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import {
  type ContactChange,
  type ContactRepository,
  ContactsChanged,
  type PocChange,
} from "#shared/contacts/repository.ts";
import type { Contact } from "#shared/contacts/schemas.ts";
import { Conflict, Malformed, NotFound, PreconditionFailed } from "#shared/errors.ts";
import type { OrganizationRepository } from "#shared/organizations/repository.ts";
import { OrganizationActedMeanwhile } from "#shared/organizations/repository.ts";
import { OrganizationRetired } from "#shared/organizations/retired.ts";
import type { Versioned } from "#shared/versioning.ts";
import { anOrganization, retireAsItStands } from "./organizations.contract.ts";
import { everyItem, type StoreUnderTest } from "./store-contract.ts";

const audit = { actor: systemActor("contract") };

/**
 * The contacts store with the States whose point-of-contact obligation it may write (the registry's seed), and the
 * organizations store whose items an organization's contact touches (acting-writes.ts).
 */
export interface ContactsUnderTest extends StoreUnderTest<ContactRepository> {
  givenStates(iso3s: string[]): Promise<void>;
  organizations: OrganizationRepository;
}

/** What this store wrote on a State's trail: `givenStates` may seed the registry, whose own entry is not the store's. */
const stateActions = async (subject: ContactsUnderTest, iso3: string) =>
  (await subject.auditActions({ type: "state", id: iso3 })).filter((action) => action !== "registry.seed");

const STAMP = "2027-03-01T09:00:00.000Z";

export const aContact = (id: string, owner: string, overrides: Partial<Contact> = {}): Contact => ({
  id,
  owner,
  role: owner.startsWith("ORG:") ? "organization-poc" : "capital-poc",
  name: `Contact ${id}`,
  email: `${id}@example.org`,
  language: "en",
  designatedOn: "2026-06-01",
  lastVerifiedOn: "2026-06-01",
  emailStatus: "ok",
  active: true,
  createdAt: STAMP,
  updatedAt: STAMP,
  ...overrides,
});

/** The obligation as a first current point of contact leaves it, from the revision read. */
const pocFor = (iso3: string, revision: number, before: PocChange["before"] = { status: "unknown", view: undefined }) =>
  ({
    iso3,
    revision,
    before,
    after: { status: "fulfilled", view: "current", evaluatedOn: "2027-03-01" },
  }) satisfies PocChange;

export function contactStoreContract(setup: () => Promise<ContactsUnderTest>): void {
  describe("the contacts store contract", () => {
    let subject: ContactsUnderTest;
    let contacts: ContactRepository;

    const create = (contact: Contact, poc?: PocChange) =>
      contacts.saveContact({ after: contact }, poc, audit, "contact.create");
    const stored = async (id: string): Promise<Versioned<Contact>> => {
      const found = await contacts.getContact(id);
      if (!found) throw new Error(`contact ${id} is not stored`);
      return found;
    };

    beforeEach(async () => {
      subject = await setup();
      contacts = subject.store;
      await subject.givenStates(["MLI", "TCD"]);
      await subject.organizations.createOrganization(anOrganization("iaea"), audit);
    });

    it("creates a State's contact at version 1 with its obligation in step, both audited", async () => {
      const made = await create(aContact("c1", "STATE:MLI"), pocFor("MLI", 0));
      expect(made).toEqual({ value: aContact("c1", "STATE:MLI"), version: 1 });
      expect(await contacts.getContact("c1")).toEqual(made);
      expect(await contacts.getContact("nobody")).toBeUndefined();
      expect(await contacts.pocObligation("MLI")).toEqual({
        iso3: "MLI",
        status: "fulfilled",
        view: "current",
        revision: 1,
      });
      expect(await subject.auditActions({ type: "contact", id: "c1" })).toEqual(["contact.create"]);
      expect(await stateActions(subject, "MLI")).toEqual(["obligation.point-of-contact"]);
    });

    it("answers a State's obligation before any contact write at revision 0, and none for an unknown State", async () => {
      expect(await contacts.pocObligation("TCD")).toMatchObject({ iso3: "TCD", status: "unknown", revision: 0 });
      expect(await contacts.pocObligation("XYZ")).toBeUndefined();
    });

    it("reads many States' obligations at once, each as read alone, leaving unknown States out", async () => {
      await create(aContact("c1", "STATE:MLI"), pocFor("MLI", 0));
      const many = await contacts.pocObligations(["MLI", "TCD", "XYZ", "MLI"]);
      expect([...many.keys()].sort()).toEqual(["MLI", "TCD"]);
      expect(many.get("MLI")).toEqual(await contacts.pocObligation("MLI"));
      expect(many.get("MLI")).toMatchObject({ status: "fulfilled", revision: 1 });
      expect(many.get("TCD")).toEqual(await contacts.pocObligation("TCD"));
      expect(await contacts.pocObligations([])).toEqual(new Map());
    });

    it("lists an owner's contacts in creation order, active or not", async () => {
      await create(aContact("c2", "STATE:MLI"));
      await create(aContact("c1", "STATE:MLI", { active: false, deactivatedOn: "2026-12-01" }));
      await create(aContact("c3", "STATE:TCD"));
      await create(aContact("c4", "ORG:iaea"));
      const ids = async (owner: Parameters<ContactRepository["contactsOf"]>[0]) =>
        (await contacts.contactsOf(owner)).map(({ value }) => value.id);
      expect(await ids({ kind: "state", iso3: "MLI" })).toEqual(["c1", "c2"]);
      expect(await ids({ kind: "organization", id: "iaea" })).toEqual(["c4"]);
      expect(await ids({ kind: "state", iso3: "AUT" })).toEqual([]);
    });

    it("refuses an address held by another active contact with 409 naming the holder, changing nothing", async () => {
      await create(aContact("c1", "STATE:MLI", { email: "poc@mali.example" }));
      const refused = await create(aContact("c2", "STATE:TCD", { email: "poc@mali.example" }), pocFor("TCD", 0)).catch(
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(Conflict);
      expect((refused as Conflict).message).toContain("active contact c1 of STATE:MLI");
      expect(await contacts.getContact("c2")).toBeUndefined();
      expect(await contacts.pocObligation("TCD")).toMatchObject({ revision: 0 });
      expect(await contacts.existingIds(["c1", "c2"])).toEqual(new Set(["c1"]));
      expect(await subject.auditActions({ type: "contact", id: "c2" })).toEqual([]);
    });

    it("refuses a second contact with the same id with 409", async () => {
      await create(aContact("c1", "STATE:MLI"));
      await expect(create(aContact("c1", "STATE:MLI", { email: "other@example.org" }))).rejects.toThrow(Conflict);
    });

    it("updates at the version read; a stale version is 412 naming the current ETag, an unknown contact 404", async () => {
      const first = await create(aContact("c1", "STATE:MLI"));
      const renamed = { ...first.value, name: "Renamed" };
      const second = await contacts.saveContact({ before: first, after: renamed }, undefined, audit, "contact.update");
      expect(second).toEqual({ value: renamed, version: 2 });
      const late = await contacts
        .saveContact({ before: first, after: { ...first.value, name: "Late" } }, undefined, audit, "contact.update")
        .catch((error: unknown) => error);
      expect(late).toBeInstanceOf(PreconditionFailed);
      expect((late as PreconditionFailed).currentEtag).toBe('"2"');
      expect(await stored("c1")).toEqual(second);
      const ghost = { value: aContact("ghost", "STATE:MLI"), version: 1 };
      await expect(
        contacts.saveContact({ before: ghost, after: ghost.value }, undefined, audit, "contact.update"),
      ).rejects.toThrow(NotFound);
      expect(await subject.auditActions({ type: "contact", id: "c1" })).toEqual(["contact.create", "contact.update"]);
    });

    it("moves the address guard with the contact: a changed address frees the old one, a deactivation frees its own", async () => {
      const first = await create(aContact("c1", "STATE:MLI", { email: "old@mali.example" }));
      const moved = await contacts.saveContact(
        { before: first, after: { ...first.value, email: "new@mali.example" } },
        undefined,
        audit,
        "contact.update",
      );
      expect(await contacts.emailHolders(["old@mali.example", "new@mali.example"])).toEqual(
        new Map([["new@mali.example", { contactId: "c1", owner: "STATE:MLI" }]]),
      );
      await contacts.saveContact(
        { before: moved, after: { ...moved.value, active: false, deactivatedOn: "2027-03-01" } },
        undefined,
        audit,
        "contact.deactivate",
      );
      expect(await contacts.emailHolders(["new@mali.example"])).toEqual(new Map());
      await create(aContact("c2", "STATE:TCD", { email: "new@mali.example" }));
      expect(await contacts.emailHolders(["new@mali.example"])).toEqual(
        new Map([["new@mali.example", { contactId: "c2", owner: "STATE:TCD" }]]),
      );
    });

    it("refuses a write whose obligation moved since it was read (ContactsChanged), writing nothing", async () => {
      await create(aContact("c1", "STATE:MLI"), pocFor("MLI", 0));
      const raced = await create(aContact("c2", "STATE:MLI"), pocFor("MLI", 0)).catch((error: unknown) => error);
      expect(raced).toBeInstanceOf(ContactsChanged);
      expect(await contacts.getContact("c2")).toBeUndefined();
      expect(await contacts.pocObligation("MLI")).toMatchObject({ revision: 1 });
    });

    it("refuses a State's obligation that does not exist with 404", async () => {
      await expect(create(aContact("c1", "STATE:AUT"), pocFor("AUT", 0))).rejects.toThrow(NotFound);
      expect(await contacts.getContact("c1")).toBeUndefined();
    });

    it("writes a batch all or nothing: one refused change leaves none of them", async () => {
      await create(aContact("c1", "STATE:MLI", { email: "taken@example.org" }));
      const batch: ContactChange[] = [
        { after: aContact("c2", "STATE:TCD"), label: "line 2" },
        { after: aContact("c3", "STATE:TCD", { email: "taken@example.org" }), label: "line 3" },
      ];
      const refused = await contacts.saveContacts(batch, [pocFor("TCD", 0)], []).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(Conflict);
      expect((refused as Conflict).message).toMatch(/^line 3: /);
      expect(await contacts.existingIds(["c2", "c3"])).toEqual(new Set());
      expect(await contacts.pocObligation("TCD")).toMatchObject({ revision: 0 });

      await contacts.saveContacts(
        [batch[0] as ContactChange],
        [pocFor("TCD", 0)],
        [{ ...audit, action: "contacts.import", entity: { type: "contacts", id: "import" } }],
      );
      expect(await contacts.existingIds(["c2", "c3"])).toEqual(new Set(["c2"]));
      expect(await contacts.pocObligation("TCD")).toMatchObject({ status: "fulfilled", revision: 1 });
      expect(await subject.auditActions({ type: "contacts", id: "import" })).toEqual(["contacts.import"]);
    });

    it("reads contacts by owner and id, leaving out unknown ones and a wrong owner", async () => {
      await create(aContact("c1", "STATE:MLI"));
      await create(aContact("c2", "ORG:iaea"));
      const found = await contacts.contactsByRef([
        { owner: "STATE:MLI", id: "c1" },
        { owner: "ORG:iaea", id: "c2" },
        { owner: "STATE:MLI", id: "c9" },
        { owner: "STATE:TCD", id: "c2" },
      ]);
      expect([...found.keys()].sort()).toEqual(["c1", "c2"]);
      expect(found.get("c2")).toEqual(await stored("c2"));
    });

    it("refuses a contact of a retired organization in the retirement's words, writing nothing", async () => {
      await retireAsItStands(subject.organizations, "iaea");
      const refused = await create(aContact("c1", "ORG:iaea")).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(OrganizationRetired);
      expect(refused).toMatchObject({
        message:
          "The Organization IAEA (IAEA) was retired on 2027-03-01 by officer: recorded twice; nothing new is " +
          "recorded for it",
      });
      expect(await contacts.getContact("c1")).toBeUndefined();
      expect(await contacts.emailHolders(["c1@example.org"])).toEqual(new Map());
      expect(await subject.auditActions({ type: "contact", id: "c1" })).toEqual([]);
      expect((await subject.organizations.getOrganization("iaea"))?.version).toBe(2);
    });

    it("counts an organization's active contact against a retirement read before it, not its deactivation", async () => {
      const { organizations } = subject;
      const before = await organizations.readForRetirement("iaea");
      const made = await create(aContact("c1", "ORG:iaea"));
      if (!before) throw new Error("the organization is not stored");
      const retired = { ...before.organization.value, retiredOn: "2027-03-01" };
      await expect(organizations.retireOrganization(before, retired, audit)).rejects.toThrow(
        OrganizationActedMeanwhile,
      );
      expect((await organizations.getOrganization("iaea"))?.version).toBe(1);

      const seen = await organizations.readForRetirement("iaea");
      const deactivated = { ...made.value, active: false, deactivatedOn: "2027-03-01" };
      await contacts.saveContact({ before: made, after: deactivated }, undefined, audit, "contact.deactivate");
      if (!seen) throw new Error("the organization is not stored");
      expect((await organizations.retireOrganization(seen, retired, audit)).version).toBe(2);
    });

    it("refuses a batch giving a retired organization a new contact, writing nothing of it", async () => {
      await retireAsItStands(subject.organizations, "iaea");
      const refused = await contacts
        .saveContacts([{ after: aContact("c1", "ORG:iaea") }, { after: aContact("c2", "STATE:MLI") }], [], [])
        .catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(OrganizationRetired);
      expect(await contacts.getContact("c1")).toBeUndefined();
      expect(await contacts.getContact("c2")).toBeUndefined();
      expect(await contacts.emailHolders(["c1@example.org", "c2@example.org"])).toEqual(new Map());
    });

    it("counts a batch's new contact against a retirement read before it", async () => {
      const { organizations } = subject;
      const before = await organizations.readForRetirement("iaea");
      await contacts.saveContacts(
        [{ after: aContact("c1", "ORG:iaea") }, { after: aContact("c2", "ORG:iaea") }],
        [],
        [],
      );
      if (!before) throw new Error("the organization is not stored");
      const retired = { ...before.organization.value, retiredOn: "2027-03-01" };
      await expect(organizations.retireOrganization(before, retired, audit)).rejects.toThrow(
        OrganizationActedMeanwhile,
      );
      expect((await organizations.getOrganization("iaea"))?.version).toBe(1);
    });

    it("brings the obligation in step alone, audited only when it changed", async () => {
      await contacts.savePointOfContact(pocFor("TCD", 0), audit);
      expect(await contacts.pocObligation("TCD")).toEqual({
        iso3: "TCD",
        status: "fulfilled",
        view: "current",
        revision: 1,
      });
      await expect(contacts.savePointOfContact(pocFor("TCD", 0), audit)).rejects.toThrow(ContactsChanged);
      expect(await stateActions(subject, "TCD")).toEqual(["obligation.point-of-contact"]);
    });

    describe("listing", () => {
      beforeEach(async () => {
        await create(aContact("c1", "STATE:TCD", { lastVerifiedOn: "2025-01-10" }));
        await create(aContact("c2", "STATE:MLI", { role: "mission-poc", lastVerifiedOn: "2026-09-01" }));
        await create(aContact("c3", "STATE:MLI", { emailStatus: "bounced", lastVerifiedOn: "2024-05-05" }));
        await create(aContact("c4", "ORG:iaea", { lastVerifiedOn: "2026-01-01" }));
        await create(
          aContact("c5", "STATE:MLI", { active: false, deactivatedOn: "2026-02-02", lastVerifiedOn: "2023-01-01" }),
        );
      });
      const STALE_BEFORE = "2026-03-01";
      const ids = async (filter: Parameters<ContactRepository["listContacts"]>[0]) =>
        (await everyItem((page) => contacts.listContacts(filter, page, STALE_BEFORE))).map(({ value }) => value.id);

      it("lists an owner's contacts in creation order, any filter applied to them", async () => {
        expect(await ids({ owner: { kind: "state", iso3: "MLI" } })).toEqual(["c2", "c3", "c5"]);
        expect(await ids({ owner: { kind: "state", iso3: "MLI" }, active: true })).toEqual(["c2", "c3"]);
        expect(await ids({ owner: { kind: "state", iso3: "MLI" }, role: "capital-poc" })).toEqual(["c3", "c5"]);
        expect(await ids({ owner: { kind: "state", iso3: "MLI" }, stale: true })).toEqual(["c3"]);
      });

      it("lists by role or e-mail status in owner order, by verification oldest first", async () => {
        expect(await ids({ role: "capital-poc" })).toEqual(["c3", "c5", "c1"]);
        expect(await ids({ emailStatus: "bounced" })).toEqual(["c3"]);
        expect(await ids({})).toEqual(["c5", "c3", "c1", "c4", "c2"]);
        expect(await ids({ active: false })).toEqual(["c5"]);
      });

      it("lists stale contacts as active ones verified before the cut-off, and fresh ones from it", async () => {
        expect(await ids({ stale: true })).toEqual(["c3", "c1", "c4"]);
        expect(await ids({ stale: false })).toEqual(["c2"]);
      });

      it("refuses a cursor of one listing on another", async () => {
        const first = await contacts.listContacts({}, { limit: 2 }, STALE_BEFORE);
        expect(first.cursor).toBeDefined();
        await expect(
          contacts.listContacts({ role: "capital-poc" }, { limit: 2, cursor: first.cursor }, STALE_BEFORE),
        ).rejects.toThrow(Malformed);
      });
    });
  });
}
