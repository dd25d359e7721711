// The contact use cases on the in-memory stores, no database: designating a point of contact, verifying and
// deactivating it, each keeping the State's point-of-contact obligation in step; the refusals that change nothing.
import { beforeEach, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import {
  type ContactDependencies,
  changeContact,
  createContact,
  deactivateContact,
  pointOfContactOf,
  verifyContact,
} from "#shared/contacts/contacts.ts";
import type { NewContact } from "#shared/contacts/schemas.ts";
import { Conflict, Invalid, NotFound, PreconditionFailed } from "#shared/errors.ts";
import { regionalGroups } from "#shared/registry/schemas.ts";
import { refusal } from "../support/fixtures.ts";
import { inMemoryAudit } from "../support/in-memory/audit.ts";
import { type InMemoryContacts, inMemoryContacts } from "../support/in-memory/contacts.ts";
import { inMemoryOrganizations } from "../support/in-memory/organizations.ts";
import { inMemoryRegistry } from "../support/in-memory/registry.ts";

const audit = { actor: systemActor("test") };
let clock: ReturnType<typeof fixedClock>;
let contacts: InMemoryContacts;
let deps: ContactDependencies;

beforeEach(async () => {
  clock = fixedClock("2027-03-01T09:00:00Z");
  const trail = inMemoryAudit(clock);
  contacts = inMemoryContacts(clock, trail);
  const registry = inMemoryRegistry(clock, trail);
  await registry.addMissingStates(
    [
      {
        iso3: "MLI",
        iso2: "ML",
        name: "Mali",
        region: "african",
        regionName: regionalGroups.african,
        language: "fr",
        languageBasis: "official language",
      },
    ],
    () => [],
    audit,
  );
  contacts.givenPocObligation("MLI");
  deps = { contacts, registry, organizations: inMemoryOrganizations(clock, trail), clock };
});

const aPoc = (overrides: Partial<NewContact> = {}): NewContact => ({
  owner: "STATE:MLI",
  role: "capital-poc",
  name: "A. Traoré",
  email: "poc@mali.example",
  ...overrides,
});

describe("createContact", () => {
  it("designates a point of contact today in the State's language and makes the obligation current", async () => {
    const created = await createContact(deps)(aPoc(), audit);
    expect(created.version).toBe(1);
    expect(created.value).toMatchObject({
      owner: "STATE:MLI",
      language: "fr",
      designatedOn: "2027-03-01",
      lastVerifiedOn: "2027-03-01",
      emailStatus: "ok",
      active: true,
    });
    expect(created.value.ownLanguage).toBeUndefined();
    expect(await contacts.pocObligation("MLI")).toMatchObject({ status: "fulfilled", view: "current", revision: 1 });
    expect(contacts.audit.actionsOf({ type: "contact", id: created.value.id })).toEqual(["contact.create"]);
    expect(contacts.audit.actionsOf({ type: "state", id: "MLI" })).toEqual([
      "obligation.point-of-contact",
      "registry.seed",
    ]);
  });

  it("keeps a language given as the contact's own", async () => {
    const created = await createContact(deps)(aPoc({ language: "en" }), audit);
    expect(created.value).toMatchObject({ language: "en", ownLanguage: true });
  });

  it("refuses a role that does not fit the owner, and an unknown State, with 422 at the field", async () => {
    const misfit = await refusal(createContact(deps)(aPoc({ role: "organization-poc" }), audit));
    expect(misfit).toBeInstanceOf(Invalid);
    expect((misfit as Invalid).issues.map((issue) => issue.path)).toEqual(["body.role"]);
    const unknown = await refusal(createContact(deps)(aPoc({ owner: "STATE:XYZ" }), audit));
    expect(unknown).toBeInstanceOf(Invalid);
    expect((unknown as Invalid).issues.map((issue) => issue.path)).toEqual(["body.owner"]);
    expect(await contacts.contactsOf({ kind: "state", iso3: "MLI" })).toEqual([]);
  });

  it("refuses a designation dated in the future with 422 on body.designatedOn, reported once", async () => {
    const future = await refusal(createContact(deps)(aPoc({ designatedOn: "2027-04-01" }), audit));
    expect(future).toBeInstanceOf(Invalid);
    expect((future as Invalid).issues.map((issue) => issue.path)).toEqual(["body.designatedOn"]);
  });

  it("refuses an address an active contact holds with 409, and the obligation stays as it was", async () => {
    await createContact(deps)(aPoc(), audit);
    const second = await refusal(createContact(deps)(aPoc({ name: "Another" }), audit));
    expect(second).toBeInstanceOf(Conflict);
    expect(await contacts.contactsOf({ kind: "state", iso3: "MLI" })).toHaveLength(1);
    expect(await contacts.pocObligation("MLI")).toMatchObject({ revision: 1 });
  });
});

describe("verifyContact", () => {
  it("confirms a stale contact today, making the State's point of contact current again", async () => {
    const created = await createContact(deps)(aPoc({ designatedOn: "2025-01-15" }), audit);
    expect(created.value.lastVerifiedOn).toBe("2025-01-15");
    expect((await pointOfContactOf(deps)("MLI")).view).toBe("stale");
    expect(await contacts.pocObligation("MLI")).toMatchObject({ view: "stale" });

    const verified = await verifyContact(deps)(created.value.id, 1, audit);
    expect(verified).toMatchObject({ version: 2, value: { lastVerifiedOn: "2027-03-01" } });
    expect((await pointOfContactOf(deps)("MLI")).view).toBe("current");
    expect(await contacts.pocObligation("MLI")).toMatchObject({ view: "current", status: "fulfilled" });
  });

  it("refuses a stale If-Match with 412 naming the current ETag, and an unknown contact with 404", async () => {
    const created = await createContact(deps)(aPoc(), audit);
    await changeContact(deps)(created.value.id, 1, { name: "A. B. Traoré" }, audit);
    const stale = await refusal(verifyContact(deps)(created.value.id, 1, audit));
    expect(stale).toBeInstanceOf(PreconditionFailed);
    expect((stale as PreconditionFailed).currentEtag).toBe('"2"');
    await expect(verifyContact(deps)("nobody", 1, audit)).rejects.toThrow(NotFound);
  });
});

describe("deactivateContact", () => {
  it("dates the deactivation by the desk's day in New York: 22:00 there on 1 March is still 1 March", async () => {
    const created = await createContact(deps)(aPoc(), audit);
    clock.set("2027-03-02T03:00:00Z");
    const gone = await deactivateContact(deps)(created.value.id, 1, audit, "left the ministry");
    expect(gone.value.deactivatedOn).toBe("2027-03-01");
  });

  it("keeps the contact as history with its reason, frees its address and leaves the State without a PoC", async () => {
    const created = await createContact(deps)(aPoc(), audit);
    const gone = await deactivateContact(deps)(created.value.id, 1, audit, "left the ministry");
    expect(gone).toMatchObject({
      version: 2,
      value: { active: false, deactivatedOn: "2027-03-01", deactivationReason: "left the ministry" },
    });
    expect(await contacts.emailHolders(["poc@mali.example"])).toEqual(new Map());
    expect(await contacts.pocObligation("MLI")).toMatchObject({ view: "missing", status: "outstanding" });
    const entry = contacts.audit.entries.find((e) => e.action === "contact.deactivate");
    expect(entry?.reason).toBe("left the ministry");

    const successor = await createContact(deps)(aPoc({ name: "Successor" }), audit);
    expect(successor.value.email).toBe("poc@mali.example");
  });

  it("refuses to verify, change or deactivate a deactivated contact with 409", async () => {
    const created = await createContact(deps)(aPoc(), audit);
    await deactivateContact(deps)(created.value.id, 1, audit, "left");
    await expect(verifyContact(deps)(created.value.id, 2, audit)).rejects.toThrow(Conflict);
    await expect(deactivateContact(deps)(created.value.id, 2, audit, "again")).rejects.toThrow(Conflict);
    await expect(changeContact(deps)(created.value.id, 2, { name: "X" }, audit)).rejects.toThrow(Conflict);
    expect((await contacts.getContact(created.value.id))?.version).toBe(2);
  });
});
