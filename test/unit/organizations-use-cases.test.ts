// The organization use cases on the in-memory store, no database: adding one (its id from its acronym), recorded
// once (by id and by name), correcting it at the version read, clearing optional fields with null.
import { beforeEach, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { Conflict, Invalid, NotFound, PreconditionFailed } from "#shared/errors.ts";
import { toProblem } from "#shared/http/problem.ts";
import {
  changeOrganization,
  createOrganization,
  getOrganization,
  listOrganizations,
  organizationNamedInBody,
} from "#shared/organizations/organizations.ts";
import { type InMemoryOrganizations, inMemoryOrganizations } from "../support/in-memory/organizations.ts";

const audit = { actor: systemActor("test") };
let clock: ReturnType<typeof fixedClock>;
let organizations: InMemoryOrganizations;
const deps = () => ({ organizations, clock });

beforeEach(() => {
  clock = fixedClock("2027-03-01T09:00:00Z");
  organizations = inMemoryOrganizations(clock);
});

describe("createOrganization", () => {
  it("takes its id from the acronym's slug, accents and punctuation folded", async () => {
    const created = await createOrganization(deps())(
      { kind: "subregional", name: "Sistema de la Integración Centroamericana", acronym: "SICA/Ó" },
      audit,
    );
    expect(created).toMatchObject({ version: 1, value: { id: "sica-o", updatedAt: "2027-03-01T09:00:00.000Z" } });
    expect(organizations.audit.actionsOf({ type: "organization", id: "sica-o" })).toEqual(["organization.create"]);
  });

  it("refuses an acronym that gives no slug with 422 on body.id, and a duplicate id with 409", async () => {
    const none = await createOrganization(deps())({ kind: "regional", name: "Nameless", acronym: "—" }, audit).catch(
      (error: unknown) => error,
    );
    expect(none).toBeInstanceOf(Invalid);
    expect((none as Invalid).issues.map((issue) => issue.path)).toEqual(["body.id"]);
    await createOrganization(deps())({ kind: "international", name: "IAEA", acronym: "IAEA" }, audit);
    await expect(
      createOrganization(deps())({ id: "iaea", kind: "regional", name: "Another", acronym: "X" }, audit),
    ).rejects.toThrow(Conflict);
    expect((await listOrganizations(deps())({ limit: 10 })).items.map(({ value }) => value.name)).toEqual(["IAEA"]);
  });
});

describe("an organization recorded once", () => {
  const iaea = { kind: "international", name: "International Atomic Energy Agency", acronym: "IAEA" } as const;
  const refusalOf = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: unknown) => error,
    );
  const recordedIds = async () => (await listOrganizations(deps())({ limit: 100 })).items.map(({ value }) => value.id);

  it("refuses the same name with another acronym, case and spacing aside: 409 at body.name naming it", async () => {
    await createOrganization(deps())(iaea, audit);
    const refused = await refusalOf(
      createOrganization(deps())({ ...iaea, name: "international  atomic energy AGENCY ", acronym: "IAEA-2" }, audit),
    );
    expect(toProblem(refused, "/organizations", "c").problem).toMatchObject({
      status: 409,
      detail:
        "IAEA, International Atomic Energy Agency, is already recorded under this name: an organization is recorded once",
      errors: [
        { path: "body.name", message: "IAEA, International Atomic Energy Agency, is already recorded under this name" },
      ],
    });
    expect(await recordedIds()).toEqual(["iaea"]);
    expect(organizations.audit.actionsOf({ type: "organization", id: "iaea-2" })).toEqual([]);
  });

  it("finds a seeded organization's name, which no guard holds", async () => {
    const { kind, name, acronym } = iaea;
    await organizations.addMissingOrganizations([{ id: "iaea", kind, name, acronym }], audit);
    const refused = await refusalOf(createOrganization(deps())({ ...iaea, acronym: "IAEA-2" }, audit));
    expect(refused).toMatchObject({ issues: [{ path: "body.name" }], details: { organizationId: "iaea" } });
    expect(await recordedIds()).toEqual(["iaea"]);
  });

  it("names the organization an acronym's id belongs to, at the acronym, or at the id the request named", async () => {
    await createOrganization(deps())(iaea, audit);
    const byAcronym = await refusalOf(createOrganization(deps())({ ...iaea, name: "Another Agency" }, audit));
    expect(byAcronym).toMatchObject({
      message:
        "IAEA, International Atomic Energy Agency, is already recorded with this acronym: an organization is recorded once",
      issues: [{ path: "body.acronym" }],
    });
    const byId = await refusalOf(
      createOrganization(deps())({ ...iaea, id: "iaea", name: "Other", acronym: "X" }, audit),
    );
    expect(byId).toMatchObject({
      issues: [
        { path: "body.id", message: "IAEA, International Atomic Energy Agency, is already recorded with the id iaea" },
      ],
    });
  });

  it("refuses a correction to another organization's name, and allows its own name's case and spacing", async () => {
    await createOrganization(deps())(iaea, audit);
    await createOrganization(deps())(
      { kind: "international", name: "Org for the Prohibition", acronym: "OPCW" },
      audit,
    );
    const refused = await refusalOf(
      changeOrganization(deps())("opcw", 1, { name: "International Atomic Energy  Agency" }, audit),
    );
    expect(refused).toMatchObject({ issues: [{ path: "body.name" }], details: { organizationId: "iaea" } });
    expect((await getOrganization(deps())("opcw")).version).toBe(1);
    const recased = await changeOrganization(deps())("iaea", 1, { name: "INTERNATIONAL ATOMIC ENERGY AGENCY" }, audit);
    expect(recased.value.name).toBe("INTERNATIONAL ATOMIC ENERGY AGENCY");
  });

  it("corrects the other details of two organizations already stored under one name", async () => {
    const { kind, name, acronym } = iaea;
    await organizations.addMissingOrganizations(
      [
        { id: "iaea", kind, name, acronym },
        { id: "iaea-2", kind, name, acronym: "IAEA-2" },
      ],
      audit,
    );
    const noted = await changeOrganization(deps())("iaea-2", 1, { note: "Recorded twice" }, audit);
    expect(noted.version).toBe(2);
    const renamed = await changeOrganization(deps())("iaea-2", 2, { name: "IAEA duplicate" }, audit);
    expect(renamed.value.name).toBe("IAEA duplicate");
  });
});

describe("changeOrganization", () => {
  it("corrects fields at the version read and clears one given null", async () => {
    await createOrganization(deps())(
      { kind: "regional", name: "African Union", acronym: "AU", region: "Africa", note: "Unverified" },
      audit,
    );
    clock.advance(60_000);
    const changed = await changeOrganization(deps())("au", 1, { note: null, name: "The African Union" }, audit);
    expect(changed.version).toBe(2);
    expect(changed.value).toEqual({
      id: "au",
      kind: "regional",
      name: "The African Union",
      acronym: "AU",
      region: "Africa",
      updatedAt: "2027-03-01T09:01:00.000Z",
    });
    expect(await getOrganization(deps())("au")).toEqual(changed);
  });

  it("writes nothing for a correction that changes nothing (a form sent twice): no version, no audit entry", async () => {
    const created = await createOrganization(deps())(
      { kind: "regional", name: "African Union", acronym: "AU", region: "Africa" },
      audit,
    );
    clock.advance(60_000);
    const same = await changeOrganization(deps())(
      "au",
      1,
      { name: "African Union", region: "Africa", note: null },
      audit,
    );
    expect(same).toEqual(created);
    expect(await getOrganization(deps())("au")).toEqual(created);
    expect(organizations.audit.actionsOf({ type: "organization", id: "au" })).toEqual(["organization.create"]);
  });

  it("refuses a stale version with 412 and an unknown organization with 404", async () => {
    const created = await createOrganization(deps())({ kind: "regional", name: "OSCE", acronym: "OSCE" }, audit);
    await expect(changeOrganization(deps())("osce", 2, { name: "late" }, audit)).rejects.toThrow(PreconditionFailed);
    await expect(changeOrganization(deps())("nato", 1, { name: "x" }, audit)).rejects.toThrow(NotFound);
    expect(await getOrganization(deps())("osce")).toEqual(created);
  });
});

describe("organizationNamedInBody", () => {
  it("answers the organization a body names, and refuses one the desk lacks with 422 at the body's path", async () => {
    const created = await createOrganization(deps())({ kind: "regional", name: "OSCE", acronym: "OSCE" }, audit);
    expect(await organizationNamedInBody(deps())("osce", "body.provider.id")).toEqual(created);
    const missing = await organizationNamedInBody(deps())("nato", "body.owner", "The owner does not exist").catch(
      (error: unknown) => error,
    );
    expect(missing).toBeInstanceOf(Invalid);
    expect(missing).toMatchObject({
      message: "The owner does not exist",
      issues: [{ path: "body.owner", message: "no organization nato" }],
    });
  });
});
