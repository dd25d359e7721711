// The organization use cases on the in-memory store, no database: adding one (its id from its acronym), correcting
// it at the version read, clearing optional fields with null.
import { beforeEach, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { Conflict, Invalid, NotFound, PreconditionFailed } from "#shared/errors.ts";
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
