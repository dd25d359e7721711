import { Logger } from "@aws-lambda-powertools/logger";
import { QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { parse } from "csv-parse/sync";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { fixedClock } from "#shared/clock.ts";
import { contactKey } from "#shared/contacts/keys.ts";
import { createRouter } from "#shared/http/router.ts";
import { organizationDependencies } from "#shared/organizations/dependencies.ts";
import { seedOrganizations } from "#shared/organizations/seed.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { reportingRepository } from "#shared/reporting/repository.ts";
import { contactRoutes } from "../../functions/api/routes/contacts.ts";
import { organizationRoutes } from "../../functions/api/routes/organizations.ts";
import { apiEvent, type EventOptions } from "../support/api-event.ts";
import { freshTables } from "./fresh-tables.ts";

const START = "2026-11-27T09:00:00Z";
const clock = fixedClock(START);
let setup: Awaited<ReturnType<typeof freshTables>>;
let router: ReturnType<typeof createRouter>;

async function call(options: EventOptions) {
  const result = await router.dispatch(apiEvent(options), "test-correlation");
  const headers = (result.headers ?? {}) as Record<string, string>;
  const text = result.body ?? "";
  return {
    status: result.statusCode ?? 0,
    headers,
    text,
    body: /json/.test(headers["content-type"] ?? "") && text ? JSON.parse(text) : undefined,
  };
}

const json = { "content-type": "application/json" };
const create = (body: Record<string, unknown>, group: EventOptions["group"] = "secretariat") =>
  call({ method: "POST", path: "/contacts", group, headers: json, body: JSON.stringify(body) });
const capital = (iso3: string, email: string, extra: Record<string, unknown> = {}) => ({
  owner: `STATE:${iso3}`,
  role: "capital-poc",
  name: `Robin Placeholder ${iso3}`,
  email,
  ...extra,
});
const act = (id: string, action: "deactivate" | "verify", etag: string) =>
  action === "deactivate"
    ? call({
        method: "POST",
        path: `/contacts/${id}/deactivate`,
        group: "secretariat",
        headers: { ...json, "if-match": etag },
        body: JSON.stringify({ reason: "left the ministry" }),
      })
    : call({ method: "POST", path: `/contacts/${id}/verify`, group: "secretariat", headers: { "if-match": etag } });
const patch = (id: string, etag: string, body: Record<string, unknown>) =>
  call({
    method: "PATCH",
    path: `/contacts/${id}`,
    group: "secretariat",
    headers: { ...json, "if-match": etag },
    body: JSON.stringify(body),
  });

async function listAll(query: string, group: EventOptions["group"] = "members") {
  const items: { id: string; owner: string; role: string; lastVerifiedOn: string; active: boolean; stale: boolean }[] =
    [];
  let cursor = "";
  do {
    const page = await call({ path: "/contacts", query: `${query}&limit=25${cursor}`, group });
    expect(page.status).toBe(200);
    items.push(...page.body.items);
    cursor = page.body.cursor ? `&cursor=${encodeURIComponent(page.body.cursor)}` : "";
  } while (cursor);
  return items;
}

async function statesWithPoc(status: "fulfilled" | "outstanding" | "unknown") {
  const reporting = reportingRepository(setup.doc, setup.tableNames, clock);
  const codes: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await reporting.statesWithObligation("point-of-contact", status, { limit: 100, cursor });
    codes.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return codes;
}

async function auditOf(pk: string) {
  const result = await setup.doc.send(
    new QueryCommand({
      TableName: setup.tableNames.audit,
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": pk },
    }),
  );
  return result.Items ?? [];
}

beforeAll(async () => {
  setup = await freshTables();
  await seedRegistry(setup.doc, setup.tableNames, clock);
  await seedOrganizations(setup.doc, setup.tableNames, clock);
  const deps = organizationDependencies(setup.doc, setup.tableNames, clock);
  router = createRouter([...contactRoutes(deps), ...organizationRoutes(deps)], new Logger({ logLevel: "SILENT" }));
}, 120_000);

afterEach(() => {
  clock.set(START);
  vi.restoreAllMocks();
});

describe("designating contacts", () => {
  it("creates a contact with defaults from its State, an ETag, a location and one audit entry", async () => {
    const created = await create(capital("FRA", "  Poc.France@Example.ORG ", { phone: "+33 1 23 45 67 89" }));
    expect(created.status).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    expect(created.headers.location).toBe(`/contacts/${created.body.id}`);
    expect(created.body).toMatchObject({
      owner: "STATE:FRA",
      email: "poc.france@example.org",
      language: "fr",
      designatedOn: "2026-11-27",
      lastVerifiedOn: "2026-11-27",
      emailStatus: "ok",
      active: true,
      stale: false,
    });
    const read = await call({ path: `/contacts/${created.body.id.toLowerCase()}`, group: "secretariat" });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    const entries = await auditOf(`contact#${created.body.id}`);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: "contact.create", actor: { kind: "user" }, route: "POST /contacts" });
  });

  it("lets exactly one of two simultaneous creates with the same address through, even when the case differs", async () => {
    for (const [a, b] of [
      ["DEU", "ITA"],
      ["ESP", "ESP"],
    ] as const) {
      const address = `shared.${a}.${b}@example.org`;
      const results = await Promise.all([
        create(capital(a, address)),
        create(capital(b, address.toUpperCase(), { role: "mission-poc" })),
      ]);
      expect(results.map((result) => result.status).sort()).toEqual([201, 409]);
      const refused = results.find((result) => result.status === 409);
      // The holder, read after the race, is named in words.
      expect(refused?.body.detail).toMatch(/is already used by .+, (capital|Mission) point of contact of [A-Z][a-z]+$/);
      const holders = [...(await listAll(`owner=STATE:${a}`)), ...(a === b ? [] : await listAll(`owner=STATE:${b}`))];
      expect(holders).toHaveLength(1);
    }
  });

  it("refuses a role that does not fit the owner, an unknown owner and impossible dates with 422", async () => {
    const wrongRole = await create({ ...capital("NZL", "x.nzl@example.org"), role: "organization-poc" });
    expect(wrongRole).toMatchObject({ status: 422, body: { errors: [{ path: "body.role" }] } });
    const unknown = await create(capital("XXX", "x.xxx@example.org"));
    expect(unknown).toMatchObject({ status: 422, body: { errors: [{ path: "body.owner" }] } });
    const noOrg = await create({ owner: "ORG:nowhere", role: "organization-poc", name: "A", email: "a@example.org" });
    expect(noOrg.body.errors[0].message).toContain("no organization nowhere");
    const future = await create(capital("NZL", "x.nzl@example.org", { designatedOn: "2026-11-28" }));
    expect(future).toMatchObject({ status: 422, body: { errors: [{ path: "body.designatedOn" }] } });
    const badShape = await create({ owner: "NZL", role: "boss", name: "", email: "not-an-address", language: "de" });
    expect(badShape.status).toBe(422);
    expect(badShape.body.errors.map((issue: { path: string }) => issue.path).sort()).toEqual(
      ["body.email", "body.language", "body.name", "body.owner", "body.role"].sort(),
    );
    expect(await listAll("owner=STATE:NZL")).toHaveLength(0);
  });

  it("gives organizations their own contacts", async () => {
    const created = await create({
      owner: "org:IAEA",
      role: "organization-poc",
      name: "Sam Example",
      email: "iaea@example.org",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ owner: "ORG:iaea", language: "en" });
    expect((await listAll("owner=ORG:iaea")).map((contact) => contact.id)).toEqual([created.body.id]);
  });
});

describe("changing, verifying and deactivating", () => {
  it("requires If-Match, refuses a stale ETag with 412 and loses no update", async () => {
    const created = await create(capital("BEL", "poc.bel@example.org"));
    const id = created.body.id;
    const noPrecondition = await call({
      method: "PATCH",
      path: `/contacts/${id}`,
      group: "secretariat",
      headers: json,
      body: JSON.stringify({ name: "Kim Sample" }),
    });
    expect(noPrecondition.status).toBe(428);
    const [a, b] = await Promise.all([
      patch(id, '"1"', { name: "Kim Sample" }),
      patch(id, '"1"', { title: "Director" }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const current = await call({ path: `/contacts/${id}`, group: "secretariat" });
    expect(current.headers.etag).toBe('"2"');
    expect(current.body).toEqual((a.status === 200 ? a : b).body);
  });

  it("swaps the address guards when the e-mail changes", async () => {
    const created = await create(capital("NLD", "old.nld@example.org"));
    const moved = await patch(created.body.id, '"1"', { email: "New.NLD@example.org" });
    expect(moved.status).toBe(200);
    expect(moved.body.email).toBe("new.nld@example.org");
    expect((await create(capital("LUX", "new.nld@example.org"))).status).toBe(409);
    expect((await create(capital("LUX", "old.nld@example.org"))).status).toBe(201);
  });

  it("deactivates without deleting, frees the address, and refuses to deactivate or change it again", async () => {
    const created = await create(capital("AUT", "poc.aut@example.org"));
    expect((await create(capital("CHE", "poc.aut@example.org"))).status).toBe(409);
    const unexplained = await call({
      method: "POST",
      path: `/contacts/${created.body.id}/deactivate`,
      group: "secretariat",
      headers: { ...json, "if-match": '"1"' },
      body: JSON.stringify({}),
    });
    expect(unexplained.status).toBe(422);
    expect(unexplained.body.errors[0].path).toBe("body.reason");
    const deactivated = await act(created.body.id, "deactivate", '"1"');
    expect(deactivated.status).toBe(200);
    expect(deactivated.body).toMatchObject({
      active: false,
      deactivatedOn: "2026-11-27",
      deactivationReason: "left the ministry",
      deactivatedBy: "secretariat-user",
      stale: false,
    });
    expect((await call({ path: `/contacts/${created.body.id}`, group: "members" })).body.active).toBe(false);
    expect((await create(capital("CHE", "poc.aut@example.org"))).status).toBe(201);
    expect((await act(created.body.id, "deactivate", '"2"')).status).toBe(409);
    const refused = await patch(created.body.id, '"2"', { name: "Back again" });
    expect(refused.status).toBe(409);
    // Told by its reason, and named in words, never by id.
    expect(refused.body.reason).toBe("contact-deactivated");
    expect(refused.body.detail).toMatch(/^.+, capital point of contact of Austria, was deactivated on 2026-11-27/);
    expect(refused.body.detail).not.toContain(created.body.id);
    expect(await listAll("owner=STATE:AUT&active=false")).toHaveLength(1);
    expect(await listAll("owner=STATE:AUT&active=true")).toHaveLength(0);
  });
});

describe("the point-of-contact view and obligation", () => {
  const view = async (iso3: string) =>
    (await call({ path: `/states/${iso3}/point-of-contact`, group: "members" })).body;

  it("follows the contacts and the clock: missing, current, stale, current again, unreachable, missing", async () => {
    expect(await view("NOR")).toMatchObject({ view: "missing", activeContacts: 0, obligation: { status: "unknown" } });

    const created = await create(capital("NOR", "poc.nor@example.org"));
    const id = created.body.id;
    expect(await view("NOR")).toMatchObject({
      view: "current",
      currentContacts: 1,
      obligation: { status: "fulfilled", view: "current" },
    });
    expect(await statesWithPoc("fulfilled")).toContain("NOR");
    expect(await statesWithPoc("unknown")).not.toContain("NOR");

    // Verified on 2026-11-27: still current on 2027-11-27, stale from 2027-11-28, New York days (23:00 there on the
    // 27th is already the 28th in UTC).
    clock.set("2027-11-28T04:00:00Z");
    expect((await view("NOR")).view).toBe("current");
    clock.set("2027-11-28T06:00:00Z");
    const stale = await view("NOR");
    expect(stale).toMatchObject({ view: "stale", staleBefore: "2026-11-28", obligation: { status: "fulfilled" } });
    expect((await call({ path: `/contacts/${id}`, group: "members" })).body.stale).toBe(true);

    const verified = await act(id, "verify", '"1"');
    expect(verified.body).toMatchObject({ lastVerifiedOn: "2027-11-28", stale: false });
    expect(await view("NOR")).toMatchObject({ view: "current", obligation: { status: "fulfilled", view: "current" } });

    const bounced = await patch(id, '"2"', { emailStatus: "bounced" });
    expect(bounced.status).toBe(200);
    expect(await view("NOR")).toMatchObject({
      view: "unreachable",
      obligation: { status: "outstanding", view: "unreachable" },
    });
    expect(await statesWithPoc("outstanding")).toContain("NOR");
    expect(await statesWithPoc("fulfilled")).not.toContain("NOR");

    // The audit trail sorts by time: a later write gets a later minute.
    clock.advance(60_000);
    await act(id, "deactivate", '"3"');
    expect(await view("NOR")).toMatchObject({
      view: "missing",
      obligation: { status: "outstanding", view: "missing" },
    });
    const entries = (await auditOf("state#NOR")).filter((entry) => entry.action === "obligation.point-of-contact");
    expect(entries.map((entry) => entry.after.view)).toEqual(["current", "unreachable", "missing"]);
  });

  it("starts a bounced contact's new address ok, and the State's point of contact is current again", async () => {
    clock.set("2026-11-27T09:00:00Z");
    const created = await create(capital("MLI", "poc.mli@example.org"));
    const bounced = await patch(created.body.id, '"1"', { emailStatus: "bounced" });
    expect(bounced.body).toMatchObject({ emailStatus: "bounced", emailStatusOn: "2026-11-27" });
    expect((await view("MLI")).obligation).toMatchObject({ status: "outstanding", view: "unreachable" });

    // The audit trail sorts by time: a later write gets a later minute.
    clock.advance(60_000);
    const corrected = await patch(created.body.id, '"2"', { email: "t.example@mali-diplomatie.example" });
    expect(corrected.status).toBe(200);
    expect(corrected.body.emailStatus).toBe("ok");
    expect(corrected.body).not.toHaveProperty("emailStatusOn");
    expect(await view("MLI")).toMatchObject({ view: "current", obligation: { status: "fulfilled", view: "current" } });
    const [entry] = (await auditOf(`contact#${created.body.id}`)).slice(-1);
    expect([entry?.before.emailStatus, entry?.after.emailStatus]).toEqual(["bounced", "ok"]);
  });

  it("stores a stale view when a write finds no current contact, and counts only capital and mission contacts", async () => {
    clock.set("2026-11-27T09:00:00Z");
    await create(capital("SWE", "poc.swe@example.org", { designatedOn: "2024-01-10", lastVerifiedOn: "2025-06-01" }));
    expect(await view("SWE")).toMatchObject({ view: "stale", obligation: { status: "outstanding", view: "stale" } });
    await create({ ...capital("SWE", "provider.swe@example.org"), role: "provider-poc" });
    expect((await view("SWE")).view).toBe("stale");
    await create({ ...capital("SWE", "mission.swe@example.org"), role: "mission-poc" });
    expect(await view("SWE")).toMatchObject({
      view: "current",
      currentContacts: 1,
      obligation: { status: "fulfilled" },
    });
  });
});

describe("lists", () => {
  it("lists stale contacts through the verification index, oldest first, never by a Scan", async () => {
    await create(capital("PRT", "old.prt@example.org", { designatedOn: "2019-03-01", lastVerifiedOn: "2020-03-01" }));
    await create(capital("GRC", "old.grc@example.org", { designatedOn: "2018-03-01", lastVerifiedOn: "2018-05-01" }));
    const gone = await create(capital("IRL", "old.irl@example.org", { designatedOn: "2015-03-01" }));
    await act(gone.body.id, "deactivate", '"1"');
    const send = vi.spyOn(setup.doc, "send");
    const stale = await listAll("stale=true");
    const commands = send.mock.calls.map(([command]) => command);
    expect(commands.every((command) => command instanceof QueryCommand)).toBe(true);
    expect(commands.map((command) => (command as QueryCommand).input.IndexName)).toEqual(commands.map(() => "gsi3"));
    const owners = stale.map((contact) => contact.owner);
    expect(owners).toContain("STATE:PRT");
    expect(owners).toContain("STATE:GRC");
    expect(owners).not.toContain("STATE:IRL");
    expect(owners).not.toContain("STATE:FRA");
    expect(stale.every((contact) => contact.stale && contact.active)).toBe(true);
    const dates = stale.map((contact) => contact.lastVerifiedOn);
    expect(dates).toEqual([...dates].sort());
    const fresh = await listAll("stale=false");
    expect(fresh.map((contact) => contact.owner)).toContain("STATE:FRA");
    expect(fresh.every((contact) => !contact.stale && contact.active)).toBe(true);
  });

  it("filters by role, e-mail status and owner, and refuses combinations no single Query serves", async () => {
    const missions = await listAll("role=mission-poc");
    expect(missions.length).toBeGreaterThan(0);
    expect(missions.every((contact) => contact.role === "mission-poc")).toBe(true);
    const bounced = await listAll("emailStatus=bounced&active=false");
    expect(bounced.map((contact) => contact.owner)).toContain("STATE:NOR");
    const combined = await listAll("owner=STATE:SWE&role=mission-poc&emailStatus=ok&stale=false&active=true");
    expect(combined).toHaveLength(1);
    const refused = await call({ path: "/contacts", query: "role=mission-poc&emailStatus=ok", group: "members" });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]).toMatchObject({ path: "query.emailStatus" });
    expect(refused.body.errors[0].message).toContain("without owner");
    expect((await call({ path: "/contacts", query: "stale=true&active=false", group: "members" })).status).toBe(400);
    expect((await call({ path: "/contacts", query: "owner=FRA", group: "members" })).status).toBe(400);
  });
});

describe("export and permissions", () => {
  it("exports CSV with every formula-like cell neutralized", async () => {
    const formulas = { name: "=cmd()", title: "+SUM(A1:A9)", agency: "@evil" };
    const contact = { owner: "STATE:DNK", role: "capital-poc", email: "poc.dnk@example.org", phone: "+45 33 92 00 00" };
    // Such text is refused at its field now; a contact stored before the rule may still hold it.
    const refused = await create({ ...contact, ...formulas });
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((error: { path: string }) => error.path).sort()).toEqual([
      "body.agency",
      "body.name",
      "body.title",
    ]);
    const created = await create({ ...contact, name: "Dana Placeholder", title: "Head", agency: "Ministry" });
    await setup.doc.send(
      new UpdateCommand({
        TableName: setup.tableNames.desk,
        Key: contactKey({ kind: "state", iso3: "DNK" }, created.body.id),
        UpdateExpression: "SET #name = :name, title = :title, agency = :agency",
        ExpressionAttributeNames: { "#name": "name" },
        ExpressionAttributeValues: { ":name": formulas.name, ":title": formulas.title, ":agency": formulas.agency },
      }),
    );
    const exported = await call({ path: "/contacts/export", query: "owner=STATE:DNK", group: "secretariat" });
    expect(exported.status).toBe(200);
    expect(exported.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(exported.headers["content-disposition"]).toContain("contacts-2026-11-27.csv");
    const rows: Record<string, string>[] = parse(exported.text, { columns: true, bom: true });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      owner: "STATE:DNK",
      name: "'=cmd()",
      title: "'+SUM(A1:A9)",
      agency: "'@evil",
      phone: "'+45 33 92 00 00",
      email: "poc.dnk@example.org",
      active: "true",
      stale: "false",
    });
    for (const row of rows) for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("lets members read but neither export nor write, and writes nothing for them", async () => {
    const contact = (await listAll("owner=STATE:DNK"))[0];
    expect(contact).toBeDefined();
    expect((await call({ path: "/contacts/export", group: "members" })).status).toBe(403);
    expect((await call({ path: "/contacts/export", group: "experts" })).status).toBe(403);
    expect((await create(capital("FIN", "poc.fin@example.org"), "members")).status).toBe(403);
    expect((await create(capital("FIN", "poc.fin@example.org"), "experts")).status).toBe(403);
    const csv = "owner,role,name,email\nSTATE:FIN,capital-poc,Robin Example,poc2.fin@example.org\n";
    const imported = await call({
      method: "POST",
      path: "/contacts/import",
      group: "members",
      headers: { "content-type": "text/csv" },
      body: csv,
    });
    expect(imported.status).toBe(403);
    const denied = await call({
      method: "PATCH",
      path: `/contacts/${contact?.id}`,
      group: "members",
      headers: { ...json, "if-match": '"1"' },
      body: JSON.stringify({ name: "Changed by a member" }),
    });
    expect(denied.status).toBe(403);
    expect(
      (
        await call({
          method: "POST",
          path: `/contacts/${contact?.id}/deactivate`,
          group: "members",
          headers: { "if-match": '"1"' },
        })
      ).status,
    ).toBe(403);
    expect(await listAll("owner=STATE:FIN")).toHaveLength(0);
    expect((await call({ path: `/contacts/${contact?.id}`, group: "secretariat" })).body.name).toBe("=cmd()");
    expect((await call({ path: "/states/FIN/point-of-contact", group: "members" })).body.obligation.status).toBe(
      "unknown",
    );
  });
});
