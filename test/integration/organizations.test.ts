import { Logger } from "@aws-lambda-powertools/logger";
import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "#shared/clock.ts";
import { createRouter } from "#shared/http/router.ts";
import { loadOrganizations } from "#shared/organizations/catalogue.ts";
import { organizationDependencies } from "#shared/organizations/dependencies.ts";
import { seedOrganizations } from "#shared/organizations/seed.ts";
import { contactRoutes } from "../../functions/api/routes/contacts.ts";
import { organizationRoutes } from "../../functions/api/routes/organizations.ts";
import { apiEvent, type EventOptions } from "../support/api-event.ts";
import { freshTables } from "./fresh-tables.ts";

const clock = fixedClock("2026-11-27T09:00:00Z");
let setup: Awaited<ReturnType<typeof freshTables>>;
let router: ReturnType<typeof createRouter>;

async function call(options: EventOptions) {
  const result = await router.dispatch(apiEvent(options), "test-correlation");
  const headers = (result.headers ?? {}) as Record<string, string>;
  return { status: result.statusCode, headers, body: result.body ? JSON.parse(result.body) : undefined };
}

const json = { "content-type": "application/json" };

async function allIds(query = ""): Promise<string[]> {
  const ids: string[] = [];
  let cursor = "";
  do {
    const page = await call({ path: "/organizations", query: `limit=10${query}${cursor}`, group: "members" });
    expect(page.status).toBe(200);
    ids.push(...page.body.items.map((organization: { id: string }) => organization.id));
    cursor = page.body.cursor ? `&cursor=${encodeURIComponent(page.body.cursor)}` : "";
  } while (cursor);
  return ids;
}

beforeAll(async () => {
  setup = await freshTables();
  const deps = organizationDependencies(setup.doc, setup.tableNames, clock);
  router = createRouter([...contactRoutes(deps), ...organizationRoutes(deps)], new Logger({ logLevel: "SILENT" }));
  await seedOrganizations(setup.doc, setup.tableNames, clock);
}, 60_000);

describe("organizations", () => {
  it("seeds every organization of the data file, listed in id order through the index, by kind too", async () => {
    const catalogue = loadOrganizations();
    expect(await allIds()).toEqual(catalogue.map((organization) => organization.id).sort());
    expect(await allIds("&kind=subregional")).toEqual(["asean", "caricom", "sica"]);
    for (const id of ["iaea", "opcw", "unodc", "unoda", "interpol", "wco", "bwc-isu", "osce", "au", "eu", "oas"]) {
      expect(catalogue.map((organization) => organization.id)).toContain(id);
    }
  });

  it("says in the note where an organization's engagement is not verified", async () => {
    const unodc = await call({ path: "/organizations/UNODC", group: "experts" });
    expect(unodc.status).toBe(200);
    expect(unodc.body.note).toContain("not verified");
    const iaea = await call({ path: "/organizations/iaea", group: "members" });
    expect(iaea.body).toMatchObject({ id: "iaea", kind: "international", acronym: "IAEA" });
    expect(iaea.body.note).toBeUndefined();
    expect(iaea.headers.etag).toBe('"1"');
    expect((await call({ path: "/organizations/nowhere", group: "members" })).status).toBe(404);
  });

  it("adds an organization with its id from the acronym, refuses the same id again with 409, and members with 403", async () => {
    const body = JSON.stringify({
      kind: "subregional",
      name: "Pacific Islands Forum",
      acronym: "PIF",
      region: "Pacific",
    });
    const refused = await call({ method: "POST", path: "/organizations", group: "members", headers: json, body });
    expect(refused.status).toBe(403);
    expect((await call({ path: "/organizations/pif", group: "members" })).status).toBe(404);
    const created = await call({ method: "POST", path: "/organizations", group: "secretariat", headers: json, body });
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe("/organizations/pif");
    expect(created.body).toMatchObject({ id: "pif", region: "Pacific" });
    const again = await call({ method: "POST", path: "/organizations", group: "secretariat", headers: json, body });
    expect(again.status).toBe(409);
    const invalid = await call({
      method: "POST",
      path: "/organizations",
      group: "secretariat",
      headers: json,
      body: JSON.stringify({ kind: "global", name: "", acronym: "X" }),
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors.map((issue: { path: string }) => issue.path).sort()).toEqual(["body.kind", "body.name"]);
  });

  it("refuses an organization recorded again under another acronym with 409 at its name, and names it in words", async () => {
    const post = (body: Record<string, unknown>) =>
      call({ method: "POST", path: "/organizations", group: "secretariat", headers: json, body: JSON.stringify(body) });
    const iaea = { kind: "international", name: "International Atomic Energy Agency", acronym: "IAEA" };
    const sameName = await post({ ...iaea, name: "international atomic  energy agency", acronym: "IAEA-2" });
    expect(sameName.status).toBe(409);
    expect(sameName.body.errors).toEqual([
      { path: "body.name", message: "IAEA, International Atomic Energy Agency, is already recorded under this name" },
    ]);
    expect((await call({ path: "/organizations/iaea-2", group: "members" })).status).toBe(404);
    const sameAcronym = await post({ ...iaea, name: "Another Agency" });
    expect(sameAcronym.status).toBe(409);
    expect(sameAcronym.body.detail).toBe(
      "IAEA, International Atomic Energy Agency, is already recorded with this acronym: an organization is recorded once",
    );
    const renamed = await call({
      method: "PATCH",
      path: "/organizations/wco",
      group: "secretariat",
      headers: { ...json, "if-match": '"1"' },
      body: JSON.stringify({ name: "INTERNATIONAL ATOMIC ENERGY AGENCY" }),
    });
    expect(renamed.status).toBe(409);
    expect(renamed.body.errors.map((issue: { path: string }) => issue.path)).toEqual(["body.name"]);
  });

  it("corrects with If-Match, refuses a stale ETag with 412, and keeps the correction through a second seed", async () => {
    const read = await call({ path: "/organizations/eu", group: "secretariat" });
    const patch = (etag: string | undefined, body: Record<string, unknown>) =>
      call({
        method: "PATCH",
        path: "/organizations/eu",
        group: "secretariat",
        headers: { ...json, ...(etag ? { "if-match": etag } : {}) },
        body: JSON.stringify(body),
      });
    expect((await patch(undefined, { region: "Europe and beyond" })).status).toBe(428);
    const changed = await patch(read.headers.etag, { name: "European Union (EU)", region: null });
    expect(changed.status).toBe(200);
    expect(changed.body.region).toBeUndefined();
    expect(changed.headers.etag).toBe('"2"');
    const stale = await patch(read.headers.etag, { name: "Lost update" });
    expect(stale.status).toBe(412);
    expect(stale.headers.etag).toBe('"2"');
    expect(await seedOrganizations(setup.doc, setup.tableNames, clock)).toEqual({
      created: 0,
      existing: loadOrganizations().length,
    });
    expect((await call({ path: "/organizations/eu", group: "members" })).body.name).toBe("European Union (EU)");
  });

  it("retires with If-Match and a reason, secretariat only: 409 in words while a contact is active, and after", async () => {
    const retire = (etag: string | undefined, body: Record<string, unknown>, group: "secretariat" | "experts") =>
      call({
        method: "POST",
        path: "/organizations/sica/retire",
        group,
        headers: { ...json, ...(etag ? { "if-match": etag } : {}) },
        body: JSON.stringify(body),
      });
    const reason = { reason: "no longer works with the Committee" };
    expect((await retire('"1"', reason, "experts")).status).toBe(403);
    expect((await retire(undefined, reason, "secretariat")).status).toBe(428);
    const unsaid = await retire('"1"', {}, "secretariat");
    expect(unsaid.status).toBe(422);
    expect(unsaid.body.errors.map((issue: { path: string }) => issue.path)).toEqual(["body.reason"]);

    const contact = await call({
      method: "POST",
      path: "/contacts",
      group: "secretariat",
      headers: json,
      body: JSON.stringify({
        owner: "ORG:sica",
        role: "organization-poc",
        name: "Ana Ruiz",
        email: "ana@sica.example",
      }),
    });
    expect(contact.status).toBe(201);
    const acting = await retire('"1"', reason, "secretariat");
    expect(acting.status).toBe(409);
    expect(acting.body.detail).toBe(
      "The Central American Integration System (SICA) cannot be retired yet: its active contact Ana Ruiz: " +
        "deactivate it first",
    );
    const deactivated = await call({
      method: "POST",
      path: `/contacts/${contact.body.id}/deactivate`,
      group: "secretariat",
      headers: { ...json, "if-match": String(contact.headers.etag) },
      body: JSON.stringify({ reason: "left the post" }),
    });
    expect(deactivated.status).toBe(200);

    expect((await retire('"2"', reason, "secretariat")).status).toBe(412);
    const retired = await retire('"1"', reason, "secretariat");
    expect(retired.status).toBe(200);
    expect(retired.headers.etag).toBe('"2"');
    expect(retired.body).toMatchObject({
      id: "sica",
      retiredOn: "2026-11-27",
      retiredBy: "secretariat-user",
      retirementReason: "no longer works with the Committee",
    });
    expect((await call({ path: "/organizations/sica", group: "members" })).body.retiredOn).toBe("2026-11-27");
    const again = await retire('"2"', reason, "secretariat");
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe(
      "The Central American Integration System (SICA) was retired on 2026-11-27 by secretariat-user: no longer " +
        "works with the Committee; it stays as it is",
    );
    // Its name is free again; its id stays taken.
    const recorded = await call({
      method: "POST",
      path: "/organizations",
      group: "secretariat",
      headers: json,
      body: JSON.stringify({ kind: "subregional", name: "Central American Integration System", acronym: "SICA-2" }),
    });
    expect(recorded.status).toBe(201);
  });
});
