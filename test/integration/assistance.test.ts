// Assistance requests, offers, matches and feedback against DynamoDB Local, through the router.
import { Logger } from "@aws-lambda-powertools/logger";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { assistanceRepository } from "#shared/assistance/repository.ts";
import { type Group, systemActor } from "#shared/auth/actor.ts";
import { dynamoHolidayStore } from "#shared/calendar/store.ts";
import { fixedClock } from "#shared/clock.ts";
import { createRouter } from "#shared/http/router.ts";
import { organizationRepository } from "#shared/organizations/repository.ts";
import { seedOrganizations } from "#shared/organizations/seed.ts";
import { registryRepository } from "#shared/registry/repository.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { reportingRepository } from "#shared/reporting/repository.ts";
import { recordSubmission } from "#shared/reporting/submissions.ts";
import { assistanceRoutes } from "../../functions/api/routes/assistance.ts";
import { type RouterCall, routerCaller } from "../support/api-event.ts";
import { freshTables } from "./fresh-tables.ts";

// Thursday 5 March 2026.
const clock = fixedClock("2026-03-05T15:00:00Z");
let setup: Awaited<ReturnType<typeof freshTables>>;
let router: ReturnType<typeof createRouter>;
let reporting: ReturnType<typeof reportingRepository>;
/** Every DynamoDB command the tests caused, by name. */
const commands: string[] = [];

const call = (options: RouterCall) => routerCaller(router, "experts")(options);

let symbols = 0;
function newRequest(overrides: Record<string, unknown> = {}) {
  symbols++;
  return {
    iso3: "KEN",
    areas: ["legislation", "customs-and-border", "laboratories"],
    description: "Border control legislation and a customs laboratory",
    receivedOn: "2026-03-02",
    symbol: `S/AC.44/2026/${symbols}`,
    consentedToCirculation: false,
    ...overrides,
  };
}

const createRequest = async (overrides: Record<string, unknown> = {}) => {
  const created = await call({ method: "POST", path: "/assistance/requests", body: newRequest(overrides) });
  expect(created.status).toBe(201);
  return { id: String(created.body.id), etag: String(created.etag) };
};

const move = (
  id: string,
  ifMatch: string,
  to: string,
  extra: Record<string, unknown> = {},
  group: Group = "secretariat",
) => call({ method: "POST", path: `/assistance/requests/${id}/transitions`, group, ifMatch, body: { to, ...extra } });

/** A consented request moved straight to circulated; returns its id and ETag. */
async function circulatedRequest(overrides: Record<string, unknown> = {}) {
  const { id } = await createRequest({ consentedToCirculation: true, ...overrides });
  const acknowledged = await move(id, '"1"', "acknowledged");
  const window = await move(id, String(acknowledged.etag), "consent-window");
  const circulated = await move(id, String(window.etag), "circulated");
  expect(circulated.status).toBe(200);
  return { id, etag: String(circulated.etag) };
}

const createOffer = async (body: Record<string, unknown>) => {
  const created = await call({ method: "POST", path: "/assistance/offers", group: "secretariat", body });
  expect(created.status).toBe(201);
  return String(created.body.id);
};

async function auditTrail(type: string, id: string) {
  const result = await setup.doc.send(
    new QueryCommand({
      TableName: setup.tableNames.audit,
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": `${type}#${id}` },
    }),
  );
  return result.Items ?? [];
}

beforeAll(async () => {
  setup = await freshTables();
  await seedRegistry(setup.doc, setup.tableNames, clock);
  await seedOrganizations(setup.doc, setup.tableNames, clock);
  setup.client.middlewareStack.add(
    (next, context) => async (args) => {
      commands.push(String(context.commandName));
      return next(args);
    },
    { step: "initialize", name: "recordCommands" },
  );
  reporting = reportingRepository(setup.doc, setup.tableNames, clock);
  router = createRouter(
    assistanceRoutes({
      assistance: assistanceRepository(setup.doc, setup.tableNames, clock),
      registry: registryRepository(setup.doc, setup.tableNames, clock),
      organizations: organizationRepository(setup.doc, setup.tableNames, clock),
      reporting,
      holidays: dynamoHolidayStore(setup.doc, setup.tableNames, clock),
      clock,
    }),
    new Logger({ logLevel: "SILENT" }),
  );
});

beforeEach(() => {
  clock.set("2026-03-05T15:00:00Z");
});

describe("assistance requests against DynamoDB Local", () => {
  it("records a request with its ETag, refuses its symbol a second time with 409 and an unknown State with 422", async () => {
    const body = newRequest({ iso3: "gha" });
    const created = await call({ method: "POST", path: "/assistance/requests", body });
    expect(created).toMatchObject({
      status: 201,
      etag: '"1"',
      body: { iso3: "GHA", status: "received", history: [], consentedToCirculation: false },
    });
    expect(created.headers.location).toBe(`/assistance/requests/${created.body.id}`);
    const again = await call({
      method: "POST",
      path: "/assistance/requests",
      body: { ...body, symbol: body.symbol.toLowerCase() },
    });
    expect(again).toMatchObject({ status: 409, body: { detail: expect.stringContaining("already recorded") } });
    expect(
      await call({ method: "POST", path: "/assistance/requests", body: newRequest({ iso3: "XXX" }) }),
    ).toMatchObject({ status: 422, body: { errors: [{ path: "body.iso3" }] } });
    const read = await call({ path: `/assistance/requests/${created.body.id}`, group: "members" });
    expect(read).toMatchObject({ status: 200, etag: '"1"', body: created.body });
    const trail = await auditTrail("assistance-request", created.body.id);
    expect(trail.map((entry) => entry.action)).toEqual(["assistance.request.create"]);
  });

  it("moves a request through its lifecycle, each move dated, kept in its history and audited", async () => {
    const { id } = await createRequest();
    const acknowledged = await move(id, '"1"', "acknowledged", { note: "Chair's letter" });
    expect(acknowledged).toMatchObject({
      status: 200,
      etag: '"2"',
      body: { status: "acknowledged", acknowledgedOn: "2026-03-05", consentWindowClosesOn: "2026-03-12" },
    });
    const window = await move(id, '"2"', "consent-window");
    expect(window.body.history).toEqual([
      {
        from: "received",
        to: "acknowledged",
        on: "2026-03-05",
        at: "2026-03-05T15:00:00.000Z",
        by: expect.objectContaining({ id: "user-1", groups: ["secretariat"] }),
        note: "Chair's letter",
      },
      expect.objectContaining({ from: "acknowledged", to: "consent-window", on: "2026-03-05" }),
    ]);
    const trail = await auditTrail("assistance-request", id);
    expect(trail.filter((entry) => entry.action === "assistance.request.transition")).toHaveLength(2);
    expect(trail.find((entry) => entry.after?.status === "acknowledged")).toMatchObject({
      route: "POST /assistance/requests/{id}/transitions",
      before: { status: "received" },
    });
  });

  it("refuses a request under another State's document (409 at body.symbol, in words); takes Jamaica's own", async () => {
    const registry = registryRepository(setup.doc, setup.tableNames, clock);
    const report = {
      kind: "first-report",
      symbol: "S/AC.44/2026/70",
      receivedOn: "2026-02-10",
      language: "en",
    } as const;
    await recordSubmission({ registry, reporting, clock })("JAM", report, { actor: systemActor("test") });
    const refused = await call({
      method: "POST",
      path: "/assistance/requests",
      body: newRequest({ symbol: "S/AC.44/2026/70" }),
    });
    expect(refused).toMatchObject({
      status: 409,
      body: {
        errors: [
          {
            path: "body.symbol",
            message:
              "S/AC.44/2026/70 is already recorded as Jamaica's first national report, received 2026-02-10: a " +
              "request shares its symbol only with a document of its own State's, the one it was made in.",
          },
        ],
      },
    });
    const made = await call({
      method: "POST",
      path: "/assistance/requests",
      body: newRequest({ iso3: "JAM", symbol: "S/AC.44/2026/70" }),
    });
    expect(made).toMatchObject({ status: 201, body: { iso3: "JAM", symbol: "S/AC.44/2026/70" } });
  });

  it("corrects a request's symbol, areas and day (ADR 0069): the old symbol freed, a day after its moves refused", async () => {
    const { id } = await createRequest({ symbol: "S/AC.44/2026/TYPO" });
    const other = await createRequest();
    const acknowledged = await move(id, '"1"', "acknowledged", { on: "2026-03-03" });
    expect(acknowledged.status).toBe(200);
    const path = `/assistance/requests/${id}`;
    const late = await call({ method: "PATCH", path, ifMatch: '"2"', body: { receivedOn: "2026-03-04" } });
    expect(late).toMatchObject({
      status: 422,
      body: {
        errors: [{ path: "body.receivedOn", message: "is after 2026-03-03, when the request was acknowledged" }],
      },
    });
    const otherSymbol = (await call({ path: `/assistance/requests/${other.id}` })).body.symbol;
    const held = await call({ method: "PATCH", path, ifMatch: '"2"', body: { symbol: otherSymbol.toLowerCase() } });
    expect(held.body.errors).toEqual([
      {
        path: "body.symbol",
        message: `${otherSymbol.toLowerCase()} is already recorded as Kenya's assistance request, received 2026-03-02.`,
      },
    ]);

    const changes = { symbol: "S/AC.44/2026/71", areas: ["legislation"], receivedOn: "2026-03-01" };
    const corrected = await call({ method: "PATCH", path, ifMatch: '"2"', body: changes });
    expect(corrected).toMatchObject({ status: 200, etag: '"3"', body: { ...changes, status: "acknowledged" } });
    expect((await auditTrail("assistance-request", id)).map((entry) => entry.action)).toContain(
      "assistance.request.correct",
    );
    // The same again writes nothing; the old symbol is free for another request.
    const again = await call({ method: "PATCH", path, ifMatch: '"3"', body: changes });
    expect(again).toMatchObject({ status: 200, etag: '"3"', body: corrected.body });
    await createRequest({ symbol: "S/AC.44/2026/TYPO" });
  });

  it("refuses an illegal move with 409 naming the legal ones, and a stale ETag with 412, leaving no trace", async () => {
    const { id } = await createRequest();
    const skip = await move(id, '"1"', "circulated");
    expect(skip).toMatchObject({
      status: 409,
      body: { type: "/problems/conflict", allowed: ["acknowledged", "withdrawn"] },
    });
    expect(skip.body.detail).toContain(
      " is received: it cannot be circulated from there; it can be acknowledged or withdrawn",
    );
    await move(id, '"1"', "acknowledged");
    const stale = await move(id, '"1"', "consent-window");
    expect(stale).toMatchObject({ status: 412, etag: '"2"' });
    const future = await move(id, '"2"', "consent-window", { on: "2026-03-06" });
    expect(future).toMatchObject({ status: 422, body: { errors: [{ path: "body.on" }] } });
    const member = await move(id, '"2"', "consent-window", {}, "members");
    expect(member.status).toBe(403);
    const trail = await auditTrail("assistance-request", id);
    expect(trail.map((entry) => entry.action).sort()).toEqual([
      "assistance.request.create",
      "assistance.request.transition",
    ]);
    expect((await call({ path: `/assistance/requests/${id}` })).body.status).toBe("acknowledged");
  });

  it("refuses circulation until the 5-working-day window has closed (409 with the day), then circulates", async () => {
    const { id } = await createRequest();
    await move(id, '"1"', "acknowledged");
    await move(id, '"2"', "consent-window");
    const early = await move(id, '"3"', "circulated");
    expect(early.status).toBe(409);
    expect(early.body.detail).toContain("closes at the end of 2026-03-12");
    clock.set("2026-03-12T20:00:00Z");
    expect((await move(id, '"3"', "circulated")).status).toBe(409);
    clock.set("2026-03-13T09:00:00Z");
    const circulated = await move(id, '"3"', "circulated");
    expect(circulated).toMatchObject({
      status: 200,
      etag: '"4"',
      body: { status: "circulated", circulatedOn: "2026-03-13", followUpDueOn: "2027-03-13" },
    });
  });

  it("circulates at once a request whose State consented", async () => {
    const { id, etag } = await circulatedRequest();
    expect(etag).toBe('"4"');
    expect((await call({ path: `/assistance/requests/${id}` })).body.circulatedOn).toBe("2026-03-05");
  });

  it("lists requests by status, by State and both, through the indexes and never a Scan", async () => {
    const first = await createRequest({ iso3: "MNG", receivedOn: "2026-02-01" });
    const second = await createRequest({ iso3: "MNG", receivedOn: "2026-01-15" });
    const other = await createRequest({ iso3: "TON" });
    await move(first.id, '"1"', "acknowledged");
    commands.length = 0;

    const byState = await call({ path: "/assistance/requests", query: "iso3=mng", group: "members" });
    expect(byState.body.items.map((item: { id: string }) => item.id)).toEqual([second.id, first.id]);
    const acknowledged = await call({
      path: "/assistance/requests",
      query: "iso3=MNG&status=acknowledged",
      group: "members",
    });
    expect(acknowledged.body.items.map((item: { id: string }) => item.id)).toEqual([first.id]);
    const received = await call({ path: "/assistance/requests", query: "status=received&limit=100" });
    const receivedIds = received.body.items.map((item: { id: string }) => item.id);
    expect(receivedIds).toEqual(expect.arrayContaining([second.id, other.id]));
    expect(receivedIds).not.toContain(first.id);
    const all = await call({ path: "/assistance/requests", query: "limit=2" });
    expect(all.body.items).toHaveLength(2);
    expect(all.body.cursor).toEqual(expect.any(String));
    const next = await call({ path: "/assistance/requests", query: `limit=2&cursor=${all.body.cursor}` });
    expect(next.status).toBe(200);
    const replayed = await call({ path: "/assistance/requests", query: `status=received&cursor=${all.body.cursor}` });
    expect(replayed.status).toBe(400);

    expect(commands.length).toBeGreaterThan(0);
    expect(commands.filter((name) => name === "ScanCommand")).toEqual([]);
    expect(new Set(commands)).toEqual(new Set(["QueryCommand"]));
  });
});

describe("offers, providers and matchmaking against DynamoDB Local", () => {
  it("validates a provider (State or organization), its id's format, and updates under If-Match", async () => {
    const offer = { areas: ["export-and-licensing"], description: "Licensing workshops", validFrom: "2025-01-01" };
    const fra = await call({
      method: "POST",
      path: "/assistance/offers",
      body: { ...offer, provider: { kind: "state", iso3: "fra" }, lastUpdatedOn: "2024-12-01" },
    });
    expect(fra).toMatchObject({ status: 201, etag: '"1"', body: { provider: { kind: "state", iso3: "FRA" } } });
    const unknown = await call({
      method: "POST",
      path: "/assistance/offers",
      body: { ...offer, provider: { kind: "state", iso3: "XXX" } },
    });
    expect(unknown).toMatchObject({ status: 422, body: { errors: [{ path: "body.provider.iso3" }] } });
    const bad = await call({
      method: "POST",
      path: "/assistance/offers",
      body: { ...offer, provider: { kind: "organization", id: "Wco!" } },
    });
    expect(bad.status).toBe(422);
    const unknownOrganization = await call({
      method: "POST",
      path: "/assistance/offers",
      body: { ...offer, provider: { kind: "organization", id: "no-such-body" } },
    });
    expect(unknownOrganization).toMatchObject({ status: 422, body: { errors: [{ path: "body.provider.id" }] } });
    const wco = await call({
      method: "POST",
      path: "/assistance/offers",
      body: { ...offer, provider: { kind: "organization", id: "wco" } },
    });
    expect(wco.body.lastUpdatedOn).toBe("2026-03-05");

    const patched = await call({
      method: "PATCH",
      path: `/assistance/offers/${fra.body.id}`,
      ifMatch: '"1"',
      body: { areas: ["export-and-licensing", "customs-and-border"], validUntil: "2027-12-31" },
    });
    expect(patched).toMatchObject({ status: 200, etag: '"2"', body: { lastUpdatedOn: "2024-12-01" } });
    const stale = await call({
      method: "PATCH",
      path: `/assistance/offers/${fra.body.id}`,
      ifMatch: '"1"',
      body: { description: "lost update" },
    });
    expect(stale).toMatchObject({ status: 412, etag: '"2"' });
    // The same correction again changes nothing: the offer as it stands, no new version, no second audit entry.
    const again = await call({
      method: "PATCH",
      path: `/assistance/offers/${fra.body.id}`,
      ifMatch: '"2"',
      body: { validUntil: "2027-12-31" },
    });
    expect(again).toMatchObject({ status: 200, etag: '"2"', body: patched.body });
    const trail = await auditTrail("assistance-offer", fra.body.id);
    expect(trail.map((entry) => entry.action).sort()).toEqual(["assistance.offer.create", "assistance.offer.update"]);

    const byProvider = await call({ path: "/assistance/offers", query: "provider=state:FRA", group: "members" });
    expect(byProvider.body.items.map((item: { id: string }) => item.id)).toEqual([fra.body.id]);
    const providers = await call({ path: "/assistance/providers", group: "members" });
    const fraSummary = providers.body.items.find(
      (item: { provider: { iso3?: string } }) => item.provider.iso3 === "FRA",
    );
    expect(fraSummary).toEqual({
      provider: { kind: "state", iso3: "FRA" },
      name: "France",
      areas: ["export-and-licensing", "customs-and-border"],
      offers: 1,
      activeOffers: 1,
      lastUpdatedOn: "2024-12-01",
      stale: true,
    });
    const wcoSummary = providers.body.items.find((item: { provider: { id?: string } }) => item.provider.id === "wco");
    expect(wcoSummary).toMatchObject({ stale: false, lastUpdatedOn: "2026-03-05" });
  });

  it("refuses an offer the provider's offers already say (409 naming it), writing nothing; renewed, it is new", async () => {
    const offer = {
      provider: { kind: "state", iso3: "NOR" },
      areas: ["export-and-licensing", "legislation"],
      description: "Export control legislation review",
      validFrom: "2026-01-01",
      validUntil: "2026-12-31",
    };
    const first = await createOffer(offer);
    // The offer held, named as the desk knows it: never by its id.
    const heldWords =
      "This provider's offer “Export control legislation review” (valid from 1 January 2026 to 31 December 2026) " +
      "says the same (areas, description, validity)";
    const listed = async () =>
      (await call({ path: "/assistance/offers", query: "provider=state:NOR&limit=100", group: "members" })).body.items
        .length;
    const before = await listed();
    // Sent again, as a form pressed twice, or recorded by a second officer with other case and spacing and areas
    // in another order.
    for (const again of [
      offer,
      { ...offer, areas: ["legislation", "export-and-licensing"], description: " export CONTROL  legislation review" },
    ]) {
      const repeated = await call({ method: "POST", path: "/assistance/offers", group: "secretariat", body: again });
      expect(repeated.status).toBe(409);
      expect(repeated.body.detail).toBe(`${heldWords}; correct that offer, or record one that differs`);
    }
    expect(await listed()).toBe(before);
    const audited = await setup.doc.send(
      new QueryCommand({
        TableName: setup.tableNames.audit,
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": `assistance-offer#${first}` },
      }),
    );
    expect(audited.Items?.map((entry) => entry.action)).toEqual(["assistance.offer.create"]);
    // The same offer for the next year, or with another area, is another offer.
    await createOffer({ ...offer, validFrom: "2027-01-01", validUntil: "2027-12-31" });
    const fewer = await createOffer({ ...offer, areas: ["legislation"] });
    expect(await listed()).toBe(before + 2);
    // Corrected to say what the first says, it is refused too, and stays as it was.
    const corrected = await call({
      method: "PATCH",
      path: `/assistance/offers/${fewer}`,
      group: "secretariat",
      ifMatch: '"1"',
      body: { areas: ["legislation", "export-and-licensing"] },
    });
    expect(corrected.status).toBe(409);
    expect(corrected.body.detail).toBe(`${heldWords}; change what differs, or leave this offer as it was`);
    const kept = await call({ path: `/assistance/offers/${fewer}`, group: "members" });
    expect(kept).toMatchObject({ headers: { etag: '"1"' }, body: { areas: ["legislation"] } });
  });

  it("records an offer sent by two officers at once once: one 201, one 409 naming it, one audit entry", async () => {
    const offer = {
      provider: { kind: "state", iso3: "NOR" },
      areas: ["enforcement"],
      description: "Border enforcement mentoring",
      validFrom: "2026-02-01",
    };
    const post = () => call({ method: "POST", path: "/assistance/offers", group: "secretariat", body: offer });
    const answers = await Promise.all([post(), post(), post()]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409]);
    const recorded = answers.find((answer) => answer.status === 201)?.body.id;
    for (const refused of answers.filter((answer) => answer.status === 409)) {
      expect(refused.body.detail).toContain(
        "This provider's offer “Border enforcement mentoring” (valid from 1 February 2026, with no end date) says the same",
      );
    }
    const listed = await call({ path: "/assistance/offers", query: "provider=state:NOR&limit=100", group: "members" });
    const alike = listed.body.items.filter((item: { description: string }) => item.description === offer.description);
    expect(alike.map((item: { id: string }) => item.id)).toEqual([recorded]);
    expect((await auditTrail("assistance-offer", recorded)).map((entry) => entry.action)).toEqual([
      "assistance.offer.create",
    ]);
  });

  it("ranks candidates, proposes a match and makes the request matched when it is accepted, in one transaction", async () => {
    const { id, etag } = await circulatedRequest({ iso3: "PRY" });
    const both = await createOffer({
      provider: { kind: "organization", id: "oas" },
      areas: ["legislation", "customs-and-border"],
      description: "Legislative and border assistance",
      validFrom: "2025-01-01",
      lastUpdatedOn: "2026-01-05",
    });
    const one = await createOffer({
      provider: { kind: "state", iso3: "ESP" },
      areas: ["laboratories"],
      description: "Laboratory training",
      validFrom: "2025-01-01",
      lastUpdatedOn: "2026-03-01",
    });
    const unrelated = await createOffer({
      provider: { kind: "organization", id: "iaea" },
      areas: ["nuclear-security"],
      description: "Nuclear security",
      validFrom: "2025-01-01",
    });
    const expired = await createOffer({
      provider: { kind: "state", iso3: "ITA" },
      areas: ["legislation", "customs-and-border", "laboratories"],
      description: "Ended",
      validFrom: "2020-01-01",
      validUntil: "2026-03-04",
    });

    const candidates = await call({ path: `/assistance/requests/${id}/candidates`, group: "members" });
    const ranked = candidates.body.candidates.map((candidate: { offer: { id: string } }) => candidate.offer.id);
    expect(ranked.indexOf(both)).toBeLessThan(ranked.indexOf(one));
    expect(ranked).not.toContain(unrelated);
    expect(ranked).not.toContain(expired);
    expect(candidates.body.candidates[ranked.indexOf(both)]).toMatchObject({
      areaOverlap: 2,
      areasRequested: 3,
      freshnessMonths: 2,
      score: 210,
      reasons: expect.arrayContaining(["score = 100 x 2 shared + 10 freshness = 210"]),
    });

    const noArea = await call({
      method: "POST",
      path: "/assistance/matches",
      body: { requestId: id, offerId: unrelated },
    });
    expect(noArea).toMatchObject({ status: 409, body: { detail: expect.stringContaining("shares no area") } });
    const proposed = await call({
      method: "POST",
      path: "/assistance/matches",
      body: { requestId: id, offerId: both },
    });
    expect(proposed).toMatchObject({
      status: 201,
      etag: '"1"',
      body: { status: "proposed", areas: ["legislation", "customs-and-border"] },
    });
    const twice = await call({ method: "POST", path: "/assistance/matches", body: { requestId: id, offerId: both } });
    expect(twice.status).toBe(409);
    const second = await call({ method: "POST", path: "/assistance/matches", body: { requestId: id, offerId: one } });
    const skip = await call({
      method: "POST",
      path: `/assistance/matches/${second.body.id}/transitions`,
      ifMatch: '"1"',
      body: { to: "delivered" },
    });
    expect(skip).toMatchObject({ status: 409, body: { allowed: ["accepted", "declined"] } });

    const accepted = await call({
      method: "POST",
      path: `/assistance/matches/${proposed.body.id}/transitions`,
      ifMatch: '"1"',
      body: { to: "accepted" },
    });
    expect(accepted).toMatchObject({
      status: 200,
      etag: '"2"',
      body: { match: { status: "accepted" }, request: { status: "matched" } },
    });
    const request = await call({ path: `/assistance/requests/${id}` });
    expect(request.etag).toBe(`"${Number(JSON.parse(etag)) + 1}"`);
    expect(request.body.history.at(-1)).toMatchObject({
      from: "circulated",
      to: "matched",
      // Whose offer it was, by the organization's name, which ends in brackets, and which (its description).
      note:
        "the offer of the Organization of American States (Inter-American Committee against Terrorism: CICTE) " +
        "“Legislative and border assistance” accepted",
    });
    const matches = await call({ path: `/assistance/requests/${id}/matches`, group: "members" });
    expect(matches.body.items.map((match: { status: string }) => match.status).sort()).toEqual([
      "accepted",
      "proposed",
    ]);

    const declined = await call({
      method: "POST",
      path: `/assistance/matches/${proposed.body.id}/transitions`,
      ifMatch: '"2"',
      body: { to: "declined", note: "Provider withdrew" },
    });
    expect(declined.body).toMatchObject({ match: { status: "declined" }, request: { status: "circulated" } });
    const trail = await auditTrail("assistance-request", id);
    expect(trail.filter((entry) => entry.action === "assistance.match.transition")).toHaveLength(2);
    expect(trail.filter((entry) => entry.after?.status === "matched")).toHaveLength(1);
    // The providing organization's trail (its timeline's index) has its offer, the proposal and each move (ADR 0056).
    const oas = await setup.doc.send(
      new QueryCommand({
        TableName: setup.tableNames.audit,
        IndexName: "byOrganization",
        KeyConditionExpression: "orgId = :id",
        ExpressionAttributeValues: { ":id": "oas" },
      }),
    );
    expect((oas.Items ?? []).map((entry) => entry.action).sort()).toEqual([
      "assistance.match.propose",
      "assistance.match.transition",
      "assistance.match.transition",
      "assistance.offer.create",
      "organizations.seed",
    ]);
  });

  it("refuses a match for a request not yet circulated", async () => {
    const { id } = await createRequest({ iso3: "BOL" });
    const offer = await createOffer({
      provider: { kind: "organization", id: "unodc" },
      areas: ["legislation"],
      description: "Legislative drafting",
      validFrom: "2025-01-01",
    });
    const early = await call({ method: "POST", path: "/assistance/matches", body: { requestId: id, offerId: offer } });
    expect(early).toMatchObject({ status: 409, body: { detail: expect.stringContaining("is received") } });
  });
});

describe("feedback against DynamoDB Local", () => {
  async function fulfilledRequest(iso3: string) {
    const { id, etag } = await circulatedRequest({ iso3, areas: ["legislation"] });
    const offer = await createOffer({
      provider: { kind: "organization", id: "unoda" },
      areas: ["legislation"],
      // One offer per request: the same offer twice is refused as a repeat.
      description: `Legislative assistance to ${iso3}`,
      validFrom: "2025-01-01",
    });
    const match = await call({ method: "POST", path: "/assistance/matches", body: { requestId: id, offerId: offer } });
    const accepted = await call({
      method: "POST",
      path: `/assistance/matches/${match.body.id}/transitions`,
      ifMatch: '"1"',
      body: { to: "accepted" },
    });
    expect(accepted.body.request.status).toBe("matched");
    const matched = `"${Number(JSON.parse(etag)) + 1}"`;
    const started = await move(id, matched, "in-progress");
    const fulfilled = await move(id, String(started.etag), "fulfilled");
    expect(fulfilled.body.status).toBe("fulfilled");
    return id;
  }

  it("refuses feedback before the request is circulated with 409 (ADR 0064)", async () => {
    const { id } = await createRequest({ iso3: "NPL" });
    await move(id, '"1"', "acknowledged");
    const early = await call({
      method: "POST",
      path: `/assistance/requests/${id}/feedback`,
      body: { from: "requester", text: "Thanks" },
    });
    expect(early).toMatchObject({ status: 409, body: { detail: expect.stringContaining("is acknowledged") } });
    expect((await reporting.obligations("NPL")).find((o) => o.kind === "assistance-feedback")?.status).toBe(
      "not-applicable",
    );
  });

  it("fulfils the requesting State's assistance-feedback obligation with the requester's feedback, in the same transaction", async () => {
    const id = await fulfilledRequest("LAO");
    const before = (await reporting.obligations("LAO")).find((o) => o.kind === "assistance-feedback");
    expect(before).toMatchObject({ status: "not-applicable", submissions: 0 });

    const fromProvider = await call({
      method: "POST",
      path: `/assistance/requests/${id}/feedback`,
      body: { from: "provider", text: "Two workshops held" },
    });
    expect(fromProvider.status).toBe(201);
    expect((await reporting.obligations("LAO")).find((o) => o.kind === "assistance-feedback")?.submissions).toBe(0);

    const fromRequester = await call({
      method: "POST",
      path: `/assistance/requests/${id}/feedback`,
      body: { from: "requester", text: "The law was adopted" },
    });
    expect(fromRequester).toMatchObject({
      status: 201,
      body: { from: "requester", iso3: "LAO", receivedOn: "2026-03-05" },
    });
    const after = (await reporting.obligations("LAO")).find((o) => o.kind === "assistance-feedback");
    expect(after).toEqual({
      iso3: "LAO",
      kind: "assistance-feedback",
      mandatory: false,
      status: "fulfilled",
      submissions: 1,
      firstReceivedOn: "2026-03-05",
      lastReceivedOn: "2026-03-05",
      revision: 1,
    });
    const fulfilledStates = await reporting.statesWithObligation("assistance-feedback", "fulfilled", { limit: 100 });
    expect(fulfilledStates.items).toContain("LAO");

    clock.set("2026-03-09T10:00:00Z");
    await call({
      method: "POST",
      path: `/assistance/requests/${id}/feedback`,
      body: { from: "requester", text: "A second note" },
    });
    expect((await reporting.obligations("LAO")).find((o) => o.kind === "assistance-feedback")).toMatchObject({
      submissions: 2,
      firstReceivedOn: "2026-03-05",
      lastReceivedOn: "2026-03-09",
    });
    const listed = await call({ path: `/assistance/requests/${id}/feedback`, group: "members" });
    expect(listed.body.items.map((item: { from: string }) => item.from).sort()).toEqual([
      "provider",
      "requester",
      "requester",
    ]);
    const trail = await auditTrail("assistance-request", id);
    const recorded = trail.filter((entry) => entry.action === "assistance.feedback.record");
    expect(recorded).toHaveLength(3);
    expect(recorded.filter((entry) => entry.after?.obligation?.status === "fulfilled")).toHaveLength(2);
  });

  it("keeps the obligation count right under two concurrent feedback notes from the requester", async () => {
    const id = await fulfilledRequest("BTN");
    const results = await Promise.all(
      ["one", "two"].map((text) =>
        call({ method: "POST", path: `/assistance/requests/${id}/feedback`, body: { from: "requester", text } }),
      ),
    );
    expect(results.map((result) => result.status)).toEqual([201, 201]);
    expect((await reporting.obligations("BTN")).find((o) => o.kind === "assistance-feedback")?.submissions).toBe(2);
  });

  it("records the same feedback once, sent again or twice at once: 409 saying so, nothing more written", async () => {
    const id = await fulfilledRequest("MDV");
    const body = { from: "requester", text: "The workshop was held in March" };
    const first = await call({ method: "POST", path: `/assistance/requests/${id}/feedback`, body });
    expect(first.status).toBe(201);
    const again = await call({
      method: "POST",
      path: `/assistance/requests/${id}/feedback`,
      body: { ...body, text: "the workshop  was held in March " },
    });
    expect(again).toMatchObject({
      status: 409,
      body: {
        detail: expect.stringContaining("from the requesting State, received on 2026-03-05, is recorded already"),
      },
    });
    // Two at once: the guard in the transaction lets one through.
    const racing = await Promise.all(
      [0, 1].map(() =>
        call({
          method: "POST",
          path: `/assistance/requests/${id}/feedback`,
          body: { from: "provider", text: "Two trainers sent" },
        }),
      ),
    );
    expect(racing.map((result) => result.status).sort()).toEqual([201, 409]);
    const listed = await call({ path: `/assistance/requests/${id}/feedback`, group: "members" });
    expect(listed.body.items).toHaveLength(2);
    expect((await reporting.obligations("MDV")).find((o) => o.kind === "assistance-feedback")?.submissions).toBe(1);
    const trail = await auditTrail("assistance-request", id);
    expect(trail.filter((entry) => entry.action === "assistance.feedback.record")).toHaveLength(2);
  });
});
