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
import { recordEmailStatus } from "#shared/contacts/email-status.ts";
import { importContacts } from "#shared/contacts/import.ts";
import { contactChangesSchema, type NewContact, newContactSchema } from "#shared/contacts/schemas.ts";
import { Conflict, Invalid, NotFound, PreconditionFailed } from "#shared/errors.ts";
import { createOrganization } from "#shared/organizations/organizations.ts";
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

describe("a contact's text a spreadsheet would run as a formula", () => {
  it("is refused at its field from the forms as from a file: letters print the name as it is (review 31)", () => {
    const asked = {
      owner: "STATE:MLI",
      role: "capital-poc",
      name: '=HYPERLINK("http://x.example","click")',
      email: "a@b.example",
    };
    const issues = newContactSchema.safeParse(asked).error?.issues ?? [];
    expect(issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["name", 'begins with "=", so a spreadsheet would run it as a formula: write it without the "="'],
    ]);
    expect(contactChangesSchema.safeParse({ agency: "@SUM(A1)" }).success).toBe(false);
    // A leading sign before a digit is a number to a spreadsheet, and runs nothing.
    expect(contactChangesSchema.safeParse({ title: "-1 desk" }).success).toBe(true);
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

  it("keeps who deactivated it, and its 409 names the contact in words, when, by whom and why, never its id", async () => {
    const created = await createContact(deps)(aPoc({ role: "mission-poc" }), audit);
    const colleague = { actor: { kind: "user" as const, id: "u-1", username: "local-secretariat", groups: [] } };
    const gone = await deactivateContact(deps)(created.value.id, 1, colleague, "Left the post in November");
    expect(gone.value.deactivatedBy).toBe("local-secretariat");

    const refused = await refusal(changeContact(deps)(created.value.id, 2, { phone: "+223 20 22 33 44" }, audit));
    expect(refused).toBeInstanceOf(Conflict);
    expect((refused as Conflict).reason).toBe("contact-deactivated");
    expect((refused as Conflict).message).toBe(
      "A. Traoré, Mission point of contact of Mali, was deactivated on 2027-03-01 by local-secretariat (Left the post " +
        "in November); a deactivated contact is history: create a new one",
    );
  });
});

describe("a correction of a contact that changes nothing (a form sent twice)", () => {
  it("writes no version and no audit entry, and answers the contact as it stands", async () => {
    const created = await createContact(deps)(aPoc({ title: "Director" }), audit);
    clock.advance(60_000);
    const same = await changeContact(deps)(
      created.value.id,
      1,
      { name: "A. Traoré", email: "poc@mali.example", title: "Director", phone: null, emailStatus: "ok" },
      audit,
    );
    expect(same).toEqual(created);
    expect(await contacts.getContact(created.value.id)).toEqual(created);
    expect(contacts.audit.actionsOf({ type: "contact", id: created.value.id })).toEqual(["contact.create"]);
    const renamed = await changeContact(deps)(created.value.id, 1, { name: "A. B. Traoré" }, audit);
    expect(renamed.version).toBe(2);
  });
});

describe("a contact's e-mail status on a correction", () => {
  const bounced = async () => {
    const created = await createContact(deps)(aPoc(), audit);
    clock.set("2027-03-02T15:00:00Z");
    await recordEmailStatus(deps)(created.value.id, { email: "poc@mali.example", status: "bounced" }, audit);
    clock.set("2027-03-04T15:00:00Z");
    return created.value.id;
  };

  it("dates what SES reported by the desk's day", async () => {
    const id = await bounced();
    expect((await contacts.getContact(id))?.value).toMatchObject({
      emailStatus: "bounced",
      emailStatusOn: "2027-03-02",
    });
    expect(await contacts.pocObligation("MLI")).toMatchObject({ view: "unreachable" });
  });

  it("starts a new address ok, audited, and the State's point of contact is reachable again", async () => {
    const id = await bounced();
    const corrected = await changeContact(deps)(id, 2, { email: "t.example@mali-diplomatie.example" }, audit);
    expect(corrected.value).toMatchObject({ email: "t.example@mali-diplomatie.example", emailStatus: "ok" });
    expect(corrected.value.emailStatusOn).toBeUndefined();
    const entry = contacts.audit.entries.findLast((e) => e.action === "contact.update");
    expect(entry?.before).toMatchObject({ emailStatus: "bounced" });
    expect(entry?.after).toMatchObject({ emailStatus: "ok" });
    expect(await contacts.pocObligation("MLI")).toMatchObject({ view: "current", status: "fulfilled" });
  });

  it("keeps the status of the same address written differently, and one the request sets itself", async () => {
    const id = await bounced();
    const recased = await changeContact(deps)(id, 2, { email: " POC@Mali.Example " }, audit);
    expect(recased.value).toMatchObject({ emailStatus: "bounced", emailStatusOn: "2027-03-02" });
    const told = await changeContact(deps)(id, 3, { email: "other@mali.example", emailStatus: "suppressed" }, audit);
    expect(told.value).toMatchObject({ emailStatus: "suppressed", emailStatusOn: "2027-03-04" });
  });

  it("clears the status of an unchanged address when the officer sets it back to ok", async () => {
    const id = await bounced();
    const cleared = await changeContact(deps)(id, 2, { emailStatus: "ok" }, audit);
    expect(cleared.value.emailStatus).toBe("ok");
    expect(cleared.value.emailStatusOn).toBeUndefined();
    expect(await contacts.pocObligation("MLI")).toMatchObject({ view: "current" });
  });
});

describe("an address another owner's active contact holds", () => {
  beforeEach(async () => {
    await createOrganization(deps)({ kind: "regional", name: "Audit Thirty Regional Forum", acronym: "ATRF" }, audit);
    await createContact(deps)(
      { owner: "ORG:atrf", role: "organization-poc", name: "Sam Audit", email: "taken@forum.example" },
      audit,
    );
  });

  it("is refused naming its holder and owner in words, on a correction", async () => {
    const created = await createContact(deps)(aPoc(), audit);
    const refused = await refusal(changeContact(deps)(created.value.id, 1, { email: "taken@forum.example" }, audit));
    expect(refused).toMatchObject({
      issues: [
        {
          path: "body.email",
          message:
            "is already used by Sam Audit, point of contact of the Audit Thirty Regional Forum; deactivate that " +
            "contact first",
        },
      ],
    });
  });

  it("is refused naming its holder and owner in words, in an import", async () => {
    const refused = await refusal(
      importContacts(deps)(
        "owner,role,name,email\nSTATE:MLI,capital-poc,A. Traoré,taken@forum.example\n",
        {
          dryRun: true,
        },
        audit,
      ),
    );
    expect(refused).toMatchObject({
      issues: [
        {
          path: expect.stringMatching(/^line 2/),
          message:
            "is already used by Sam Audit, point of contact of the Audit Thirty Regional Forum; deactivate that " +
            "contact first",
        },
      ],
    });
  });
});
