// Retiring an organization (ADR 0061) on the in-memory stores, no database: refused in words while anything still acts
// for it, then kept as history (who, when, why; audited), refusing every further write (its offers' too), its name free
// again, and left out of the audiences that write to organizations; a contact or an offer written at the moment of the
// retirement, in either order, is refused or refuses it.
import { beforeEach, describe, expect, it } from "vitest";
import { proposeMatch, transitionMatch } from "#shared/assistance/matches.ts";
import { createOffer, listProviders, updateOffer } from "#shared/assistance/offers.ts";
import { markRetiredProviders } from "#shared/assistance/providers-retired.ts";
import type { Actor } from "#shared/auth/actor.ts";
import { type ContactDependencies, createContact, deactivateContact } from "#shared/contacts/contacts.ts";
import { importContacts } from "#shared/contacts/import.ts";
import { resolveAudience } from "#shared/correspondence/audiences.ts";
import { PreconditionFailed } from "#shared/errors.ts";
import { toProblem } from "#shared/http/problem.ts";
import { changeOrganization, createOrganization, getOrganization } from "#shared/organizations/organizations.ts";
import { OrganizationRetired } from "#shared/organizations/retired.ts";
import { OrganizationStillActing, retireOrganization } from "#shared/organizations/retirement.ts";
import { circulatedRequest } from "../support/circulated-request.ts";
import { aMemberState } from "../support/fixtures.ts";
import { inMemoryAssistanceDesk } from "../support/in-memory/assistance-desk.ts";
import { inMemoryContacts } from "../support/in-memory/contacts.ts";
import { inMemoryLedger } from "../support/in-memory/ledger.ts";
import { inMemoryTemplates } from "../support/in-memory/templates.ts";
import { inMemoryWaves } from "../support/in-memory/waves.ts";

const officer: Actor = { kind: "user", id: "u-1", username: "officer", groups: ["secretariat"] };
const audit = { actor: officer };
const DUPLICATE = { kind: "international", name: "International Atomic Energy Agency", acronym: "IAEA-2" } as const;

function stores() {
  const desk = inMemoryAssistanceDesk("2027-03-01T15:00:00Z");
  const { clock, trail, organizations } = desk;
  return {
    ...desk,
    // Contacts touch their organization's item in their writes too, as the DynamoDB adapter does.
    contacts: inMemoryContacts(clock, trail, organizations),
    waves: inMemoryWaves(clock, trail),
    templates: inMemoryTemplates(clock, trail),
    ledger: inMemoryLedger(clock, trail),
  };
}

let deps: ReturnType<typeof stores>;
const refusalOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );
const retire = (version: number, reason = "recorded twice: the IAEA is on record") =>
  retireOrganization(deps)("iaea-2", version, reason, audit);

beforeEach(async () => {
  deps = stores();
  await deps.registry.addMissingStates([{ ...aMemberState("KEN", "african", "en"), name: "Kenya" }], () => [], audit);
  await createOrganization(deps)(DUPLICATE, audit);
});

describe("retiring an organization", () => {
  it("keeps the record with the day, who and why, audited with the reason, at the next version", async () => {
    deps.clock.advance(60_000);
    const retired = await retire(1);
    expect(retired).toEqual({
      version: 2,
      value: {
        id: "iaea-2",
        ...DUPLICATE,
        retiredOn: "2027-03-01",
        retiredBy: "officer",
        retirementReason: "recorded twice: the IAEA is on record",
        updatedAt: "2027-03-01T15:01:00.000Z",
      },
    });
    expect(await getOrganization(deps)("iaea-2")).toEqual(retired);
    expect(deps.organizations.audit.actionsOf({ type: "organization", id: "iaea-2" })).toEqual([
      "organization.create",
      "organization.retire",
    ]);
    expect(deps.organizations.audit.entries.at(-1)).toMatchObject({ reason: "recorded twice: the IAEA is on record" });
  });

  it("refuses in words, naming each, while a contact is active, an offer runs or a match is under way", async () => {
    const contact = await createContact(deps)(
      { owner: "ORG:iaea-2", role: "organization-poc", name: "Sam Audit", email: "sam@iaea2.example" },
      audit,
    );
    const offer = await createOffer(deps)(
      {
        provider: { kind: "organization", id: "iaea-2" },
        areas: ["legislation"],
        description: "Legislative drafting assistance for nuclear security",
        validFrom: "2026-01-01",
      },
      audit,
    );
    const request = await circulatedRequest(deps, audit);
    const match = await proposeMatch(deps)({ requestId: request.value.id, offerId: offer.value.id }, audit);

    const refused = await refusalOf(retire(1));
    expect(refused).toBeInstanceOf(OrganizationStillActing);
    expect(toProblem(refused, "/organizations/iaea-2/retire", "c").problem).toMatchObject({
      status: 409,
      detail:
        "The International Atomic Energy Agency (IAEA-2) cannot be retired yet: " +
        "its active contact Sam Audit: deactivate it first; " +
        'its offer "Legislative drafting assistance for nuclear security" (open-ended): end it first: its last ' +
        "valid day must be before today (an offer still valid today keeps the organization from being retired " +
        "until tomorrow); a match of its offers to Kenya's request S/AC.44/2027/KEN/1 (proposed): deliver or " +
        "decline it first",
    });
    expect((await getOrganization(deps)("iaea-2")).value.retiredOn).toBeUndefined();

    // Each ended, the history they leave does not stop it.
    await deactivateContact(deps)(contact.value.id, contact.version, audit, "left the post");
    await updateOffer(deps)(offer.value.id, offer.version, { validUntil: "2027-02-28" }, audit);
    await transitionMatch(deps)(match.value.id, match.version, { to: "declined" }, audit);
    expect((await retire(1)).value.retiredOn).toBe("2027-03-01");
  });

  it("answers 412 at another version, and 409 naming who retired it, when and why, to every later write", async () => {
    await expect(retire(2)).rejects.toThrow(PreconditionFailed);
    await retire(1);
    const words =
      "The International Atomic Energy Agency (IAEA-2) was retired on 2027-03-01 by officer: " +
      "recorded twice: the IAEA is on record";
    const again = await refusalOf(retire(2, "twice over"));
    expect(again).toBeInstanceOf(OrganizationRetired);
    expect(toProblem(again, "/organizations/iaea-2/retire", "c").problem).toMatchObject({
      status: 409,
      detail: `${words}; it stays as it is`,
    });
    expect(await refusalOf(changeOrganization(deps)("iaea-2", 2, { note: "late" }, audit))).toMatchObject({
      message: `${words}; it is history and stays as it was`,
    });
    const contact = await refusalOf(
      createContact(deps)(
        { owner: "ORG:iaea-2", role: "organization-poc", name: "Late Comer", email: "late@iaea2.example" },
        audit,
      ),
    );
    expect(contact).toMatchObject({ message: `${words}; nothing new is recorded for it` });
    const offer = await refusalOf(
      createOffer(deps)(
        {
          provider: { kind: "organization", id: "iaea-2" },
          areas: ["legislation"],
          description: "Late",
          validFrom: "2027-01-01",
        },
        audit,
      ),
    );
    expect(offer).toBeInstanceOf(OrganizationRetired);
    expect((await getOrganization(deps)("iaea-2")).version).toBe(2);
  });

  it("refuses a contacts import's new row for it at the owner, writing nothing", async () => {
    await retire(1);
    const csv = "owner,role,name,email\nORG:iaea-2,organization-poc,Late Comer,late@iaea2.example\n";
    const refused = await refusalOf(importContacts(deps)(csv, { dryRun: false }, audit));
    expect(refused).toMatchObject({
      issues: [
        {
          path: "line 2, column owner",
          message:
            "the International Atomic Energy Agency (IAEA-2) was retired on 2027-03-01 by officer: recorded twice: " +
            "the IAEA is on record; nothing new is recorded for it",
        },
      ],
    });
    expect(await deps.contacts.contactsOf({ kind: "organization", id: "iaea-2" })).toEqual([]);
  });

  it("frees its name: the same name may be recorded again, its id stays the retired record's", async () => {
    await retire(1);
    const again = await createOrganization(deps)(
      { ...DUPLICATE, name: "international atomic energy agency", acronym: "IAEA-3" },
      audit,
    );
    expect(again.value.id).toBe("iaea-3");
    const kept =
      "is kept by the retired IAEA-2, International Atomic Energy Agency (retired on 2027-03-01 by officer), as its " +
      "letters and audit trail name it: give the new one";
    expect(await refusalOf(createOrganization(deps)({ ...DUPLICATE, name: "Another" }, audit))).toMatchObject({
      message: `This acronym's id, iaea-2, ${kept} another acronym, or the id iaea-2-2`,
      issues: [
        { path: "body.acronym", message: `This acronym's id, iaea-2, ${kept} another acronym, or the id iaea-2-2` },
      ],
    });
    const byId = await refusalOf(createOrganization(deps)({ ...DUPLICATE, id: "iaea-2", name: "Another" }, audit));
    expect(byId).toMatchObject({
      issues: [{ path: "body.id", message: `The id iaea-2 ${kept} another id, such as iaea-2-2` }],
    });
  });

  it("is left out of the audiences that write to organizations", async () => {
    await createOrganization(deps)({ kind: "international", name: "Interpol", acronym: "INTERPOL" }, audit);
    for (const id of ["iaea-2", "interpol"]) {
      await createOffer(deps)(
        {
          provider: { kind: "organization", id },
          areas: ["legislation"],
          description: `Old offer of ${id}`,
          validFrom: "2024-01-01",
          validUntil: "2024-12-31",
          lastUpdatedOn: "2024-01-01",
        },
        audit,
      );
    }
    const owners = async (audience: "organizations" | "assistance-providers" | "stale-providers") => {
      const resolved = await resolveAudience(deps, audience, deps.clock.now());
      return resolved.unreached.map(({ owner }) => owner.owner);
    };
    expect(await owners("organizations")).toEqual(["ORG:iaea-2", "ORG:interpol"]);
    await retire(1);
    expect(await owners("organizations")).toEqual(["ORG:interpol"]);
    expect(await owners("assistance-providers")).toEqual(["ORG:interpol"]);
    expect(await owners("stale-providers")).toEqual(["ORG:interpol"]);
  });

  it("is marked with its day among the providers the API lists, its offers kept as history", async () => {
    await createOffer(deps)(
      {
        provider: { kind: "organization", id: "iaea-2" },
        areas: ["legislation"],
        description: "Old",
        validFrom: "2024-01-01",
        validUntil: "2024-12-31",
      },
      audit,
    );
    await createOffer(deps)(
      {
        provider: { kind: "state", iso3: "KEN" },
        areas: ["legislation"],
        description: "Kenya's",
        validFrom: "2027-01-01",
      },
      audit,
    );
    const listed = async () =>
      (await markRetiredProviders(deps)(await listProviders(deps)())).map(({ provider, retiredOn }) => ({
        provider,
        retiredOn,
      }));
    expect(await listed()).toEqual([
      { provider: { kind: "organization", id: "iaea-2" }, retiredOn: undefined },
      { provider: { kind: "state", iso3: "KEN" }, retiredOn: undefined },
    ]);
    await retire(1);
    expect(await listed()).toEqual([
      { provider: { kind: "organization", id: "iaea-2" }, retiredOn: "2027-03-01" },
      { provider: { kind: "state", iso3: "KEN" }, retiredOn: undefined },
    ]);
  });
});

describe("a retired organization's offers", () => {
  const anOffer = (validUntil?: string) =>
    createOffer(deps)(
      {
        provider: { kind: "organization", id: "iaea-2" },
        areas: ["legislation"],
        description: "Legislative drafting assistance for nuclear security",
        validFrom: "2026-01-01",
        ...(validUntil ? { validUntil } : {}),
      },
      audit,
    );
  const words =
    "The International Atomic Energy Agency (IAEA-2) was retired on 2027-03-01 by officer: " +
    "recorded twice: the IAEA is on record";

  it("refuses any change to one, such as running an ended one again, in the retirement's words", async () => {
    const ended = await anOffer("2027-02-28");
    await retire(1);
    const reopened = await refusalOf(updateOffer(deps)(ended.value.id, 1, { validUntil: null }, audit));
    expect(reopened).toBeInstanceOf(OrganizationRetired);
    expect(toProblem(reopened, `/assistance/offers/${ended.value.id}`, "c").problem).toMatchObject({
      status: 409,
      detail: `${words}; its offers stay as they are`,
    });
    expect(await refusalOf(updateOffer(deps)(ended.value.id, 1, { description: "Renamed" }, audit))).toBeInstanceOf(
      OrganizationRetired,
    );
    expect(await deps.assistance.getOffer(ended.value.id)).toEqual(ended);
  });

  it("does not propose one left running from before retirements were checked", async () => {
    const running = await anOffer();
    const request = await circulatedRequest(deps, audit);
    // Retired in the store itself, past the use case's refusal, as a store from before the check holds it.
    const seen = await deps.organizations.readForRetirement("iaea-2");
    if (!seen) throw new Error("the organization is not stored");
    const retirement = {
      retiredOn: "2027-03-01",
      retiredBy: "officer",
      retirementReason: "recorded twice: the IAEA is on record",
    };
    await deps.organizations.retireOrganization(seen, { ...seen.organization.value, ...retirement }, audit);
    const proposed = await refusalOf(
      proposeMatch(deps)({ requestId: request.value.id, offerId: running.value.id }, audit),
    );
    expect(proposed).toMatchObject({ message: `${words}; its offers are matched no more` });
    expect((await deps.assistance.requestFile(request.value.id))?.matches).toEqual([]);
  });
});

describe("a contact or an offer written at the moment of a retirement", () => {
  const lateContact = (stores: ContactDependencies = deps) =>
    createContact(stores)(
      { owner: "ORG:iaea-2", role: "organization-poc", name: "Late Comer", email: "late@iaea2.example" },
      audit,
    );
  const lateOffer = (stores: Parameters<typeof createOffer>[0] = deps) =>
    createOffer(stores)(
      {
        provider: { kind: "organization", id: "iaea-2" },
        areas: ["legislation"],
        description: "Late offer",
        validFrom: "2027-01-01",
      },
      audit,
    );

  /** The stores, with the organization retired right after the write's reading of it (a stale read). */
  const retiredAfterReading = () => ({
    ...deps,
    organizations: {
      ...deps.organizations,
      getOrganization: async (id: string) => {
        const organization = await deps.organizations.getOrganization(id);
        await retire(1);
        return organization;
      },
    },
  });

  it("refuses a new contact or offer whose write read the organization before it was retired", async () => {
    const contact = await refusalOf(lateContact(retiredAfterReading()));
    expect(contact).toBeInstanceOf(OrganizationRetired);
    expect(toProblem(contact, "/contacts", "c").problem).toMatchObject({
      status: 409,
      detail:
        "The International Atomic Energy Agency (IAEA-2) was retired on 2027-03-01 by officer: recorded twice: " +
        "the IAEA is on record; nothing new is recorded for it",
    });
    expect(await deps.contacts.contactsOf({ kind: "organization", id: "iaea-2" })).toEqual([]);
    expect(deps.trail.entries.map(({ action }) => action)).not.toContain("contact.create");
  });

  it("refuses a new offer whose write read the organization before it was retired", async () => {
    const offer = await refusalOf(lateOffer(retiredAfterReading()));
    expect(offer).toBeInstanceOf(OrganizationRetired);
    expect(await deps.assistance.allOffers()).toEqual([]);
  });

  /** The stores, with a colleague's write landing once, after the retirement's reading of what acts for it. */
  const actsAfterRetirementReads = (act: () => Promise<unknown>) => {
    let acted = false;
    const once = async () => {
      if (acted) return;
      acted = true;
      await act();
    };
    return {
      ...deps,
      contacts: {
        ...deps.contacts,
        contactsOf: async (owner: Parameters<typeof deps.contacts.contactsOf>[0]) => {
          const contacts = await deps.contacts.contactsOf(owner);
          await once();
          return contacts;
        },
      },
    };
  };

  it("refuses the retirement, naming it, when a contact was added after it read the organization's contacts", async () => {
    const refused = await refusalOf(
      retireOrganization(actsAfterRetirementReads(lateContact))("iaea-2", 1, "recorded twice", audit),
    );
    expect(refused).toBeInstanceOf(OrganizationStillActing);
    expect((refused as Error).message).toBe(
      "The International Atomic Energy Agency (IAEA-2) cannot be retired yet: its active contact Late Comer: " +
        "deactivate it first",
    );
    const organization = await getOrganization(deps)("iaea-2");
    expect(organization.value.retiredOn).toBeUndefined();
    // The contact moved no ETag of the organization.
    expect(organization.version).toBe(1);
  });

  it("refuses the retirement, naming it, when an ended offer ran again after it read the offers", async () => {
    const ended = await lateOffer();
    await updateOffer(deps)(ended.value.id, 1, { validUntil: "2027-02-28" }, audit);
    const reopen = () => updateOffer(deps)(ended.value.id, 2, { validUntil: null }, audit);
    const refused = await refusalOf(retireOrganization(actsAfterRetirementReads(reopen))("iaea-2", 1, "twice", audit));
    expect((refused as Error).message).toBe(
      'The International Atomic Energy Agency (IAEA-2) cannot be retired yet: its offer "Late offer" (open-ended): ' +
        "end it first: its last valid day must be before today (an offer still valid today keeps the " +
        "organization from being retired until tomorrow)",
    );
    expect((await getOrganization(deps)("iaea-2")).value.retiredOn).toBeUndefined();
  });
});
