// Personal calendar feeds in DynamoDB Local through the reports group's routes (ADR 0023): issued, listed and revoked
// by their owner, each audited in the same transaction; the feed fetched with no token and parsed with ical.js, event
// for event as the years' own feeds, the years around today that GET /programme/years offers; only the secret's SHA-256 stored; a revoked, expired, unknown or malformed
// address the same 404; at most five live feeds a person.
import { createHash } from "node:crypto";
import { Logger } from "@aws-lambda-powertools/logger";
import { QueryCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import ICAL from "ical.js";
import { beforeEach, describe, expect, it } from "vitest";
import type { Group } from "#shared/auth/actor.ts";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { createRouter } from "#shared/http/router.ts";
import type { CalendarFeedList, IssuedCalendarFeed } from "#shared/programme/feeds-schemas.ts";
import { dynamoProgrammeStore } from "#shared/programme/store.ts";
import { seedProgrammeYears } from "#shared/programme/years.ts";
import { seedProgrammeFiles } from "../../events/programme-of-work/index.ts";
import { createGroupHandlers } from "../../functions/api/app.ts";
import { reportsRoutes } from "../../functions/api/reports.ts";
import { routeByGroup, startApiServer } from "../../infra/local/http-server.ts";
import { generateJwtKeys, issueToken } from "../../infra/local/jwt.ts";
import { apiEvent } from "../support/api-event.ts";
import { freshTables } from "./fresh-tables.ts";

const clock = fixedClock("2026-12-03T15:00:00Z");
let setup: Awaited<ReturnType<typeof freshTables>>;
let router: ReturnType<typeof createRouter>;

beforeEach(async () => {
  clock.set("2026-12-03T15:00:00Z");
  setup = await freshTables();
  await seedProgrammeYears(dynamoProgrammeStore(setup.doc, setup.tableNames, clock), seedProgrammeFiles(), clock, {
    actor: systemActor("seed"),
  });
  router = createRouter(reportsRoutes({ ...setup, clock }), new Logger({ logLevel: "SILENT" }));
});

interface Call {
  method?: string;
  path: string;
  /** Omitted: no token at all, as a calendar application calls. */
  group?: Group;
  sub?: string;
  body?: unknown;
}

async function call({ method = "GET", path, group, sub = "user-1", body }: Call) {
  const result = await router.dispatch(
    apiEvent({
      method,
      path,
      group,
      sub,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
    }),
    `corr-${Math.random().toString(36).slice(2)}`,
  );
  const headers = (result.headers ?? {}) as Record<string, string>;
  const text = result.body ?? "";
  const json = headers["content-type"]?.includes("json") && text ? JSON.parse(text) : text;
  return { status: result.statusCode, headers, body: json, text };
}

async function issue(group: Group = "members", sub = "user-1", label?: string) {
  const answer = await call({ method: "POST", path: "/programme/feeds", group, sub, body: label ? { label } : {} });
  expect(answer.status).toBe(201);
  return answer.body as IssuedCalendarFeed;
}

const list = async (sub = "user-1") =>
  (await call({ path: "/programme/feeds", group: "members", sub })).body as CalendarFeedList;

async function auditOf(feedId: string) {
  const trail = await setup.doc.send(
    new QueryCommand({
      TableName: setup.tableNames.audit,
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": `calendar-feed#${feedId}` },
    }),
  );
  return trail.Items ?? [];
}

async function deskItems() {
  const scan = await setup.doc.send(new ScanCommand({ TableName: setup.tableNames.desk }));
  return scan.Items ?? [];
}

const secretOf = (issued: IssuedCalendarFeed) => {
  const match = /^\/calendar\/([A-Za-z0-9_-]{43})\.ics$/.exec(issued.path);
  expect(match, issued.path).not.toBeNull();
  return match?.[1] ?? "";
};

const eventsOf = (text: string) =>
  new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));

describe("personal calendar feeds", () => {
  it("issues a feed whose address answers without a token: the years around today the programme offers, event for event", async () => {
    const issued = await issue("members", "user-1", "phone");
    expect(issued).toMatchObject({
      label: "phone",
      created: "2026-12-03T15:00:00.000Z",
      expires: "2027-12-03T15:00:00.000Z",
      groups: ["members"],
    });
    const feed = await call({ path: issued.path });
    expect(feed.status).toBe(200);
    expect(feed.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(feed.headers["cache-control"]).toMatch(/^private, max-age=\d+$/);

    const events = eventsOf(feed.text);
    const calendar = new ICAL.Component(ICAL.parse(feed.text));
    expect(calendar.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe("America/New_York");
    // Today is in programme year 2026, a draft rolled forward from 2023 (the last whose Annex II was read), and the
    // only year around today GET /programme/years offers: the drafts 2025 (ended) and 2027 (not begun) are not stored.
    const offered = (await call({ path: "/programme/years", group: "members" })).body as { years: { year: number }[] };
    expect(offered.years.map(({ year }) => year)).toEqual([2023, 2024, 2026]);
    let expected = 0;
    for (const year of [2026]) {
      const own = await call({ path: `/programme/${year}.ics`, group: "members" });
      expect(own.status).toBe(200);
      const ownEvents = eventsOf(own.text);
      expect(ownEvents.length, String(year)).toBeGreaterThan(0);
      expected += ownEvents.length;
      const inFeed = new Map(events.map((event) => [event.uid, event]));
      for (const event of ownEvents) {
        const same = inFeed.get(event.uid);
        expect(same, event.uid).toBeDefined();
        expect(same?.summary).toBe(event.summary);
        expect(same?.description).toBe(event.description);
        expect(same?.startDate.toString()).toBe(event.startDate.toString());
        expect(same?.endDate.toString()).toBe(event.endDate.toString());
        expect(same?.component.getFirstPropertyValue("status")).toBe(event.component.getFirstPropertyValue("status"));
      }
    }
    expect(events).toHaveLength(expected);
    expect(new Set(events.map((event) => event.uid)).size).toBe(events.length);
  });

  it("rolls over with the year: in February 2027 the feed serves 2027, not the 2026 draft that ended unstored", async () => {
    const issued = await issue();
    clock.set("2027-02-10T15:00:00Z");
    const uids = eventsOf((await call({ path: issued.path })).text).map((event) => event.uid);
    const years = new Set(uids.map((uid) => uid.slice("programme-".length, "programme-".length + 4)));
    expect([...years].sort()).toEqual(["2027"]);
  });

  it("serves the adopted 2023 programme's Annex II meetings when today falls in it", async () => {
    clock.set("2023-06-01T15:00:00Z");
    const issued = await issue();
    const feed = await call({ path: issued.path });
    const june = eventsOf(feed.text).filter(
      (event) => event.uid.startsWith("programme-2023-") && event.startDate.toString().startsWith("2023-06"),
    );
    expect(june.length).toBeGreaterThan(0);
    expect(june.every((event) => event.component.getFirstPropertyValue("status") === "CONFIRMED")).toBe(true);
  });

  it("stores only the secret's SHA-256, and lists the caller's own feeds without their addresses", async () => {
    const mine = await issue("members", "user-1");
    const theirs = await issue("experts", "user-2");
    const secret = secretOf(mine);
    const stored = JSON.stringify(await deskItems());
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(secretOf(theirs));
    expect(stored).toContain(createHash("sha256").update(secret).digest("hex"));
    const audit = JSON.stringify([...(await auditOf(mine.id)), ...(await auditOf(theirs.id))]);
    expect(audit).not.toContain(secret);

    const listed = await list("user-1");
    expect(listed).toEqual({
      feeds: [{ id: mine.id, created: mine.created, expires: mine.expires, groups: ["members"] }],
      limit: 5,
    });
    expect(JSON.stringify(listed)).not.toContain(secret);
  });

  it("audits the issue and the revocation with the owner; the revoked address then answers as an unknown one", async () => {
    const issued = await issue("secretariat", "user-1");
    expect(
      await call({ method: "DELETE", path: `/programme/feeds/${issued.id}`, group: "members", sub: "user-2" }),
    ).toMatchObject({ status: 404 });
    expect((await call({ path: issued.path })).status).toBe(200);

    // A minute later, so the trail (ordered by time) puts the revocation after the issue.
    clock.advance(60_000);
    const revoked = await call({ method: "DELETE", path: `/programme/feeds/${issued.id}`, group: "members" });
    expect(revoked.status).toBe(204);
    expect((await list("user-1")).feeds).toEqual([]);

    const gone = await call({ path: issued.path });
    const never = await call({ path: `/calendar/${"A".repeat(43)}.ics` });
    expect(gone.status).toBe(404);
    expect(gone.headers["content-type"]).toBe("application/problem+json");
    expect(never.status).toBe(404);
    const { instance: _a, correlationId: _c, ...goneProblem } = gone.body as Record<string, unknown>;
    const { instance: _b, correlationId: _d, ...neverProblem } = never.body as Record<string, unknown>;
    expect(goneProblem).toEqual(neverProblem);

    const trail = await auditOf(issued.id);
    expect(trail.map((entry) => [entry.action, entry.actor.id, entry.route])).toEqual([
      ["calendar-feed.issue", "user-1", "POST /programme/feeds"],
      ["calendar-feed.revoke", "user-1", "DELETE /programme/feeds/{id}"],
    ]);
    expect(trail[0]?.after).toMatchObject({ id: issued.id, owner: "user-1", groups: ["secretariat"] });
    expect((await call({ method: "DELETE", path: `/programme/feeds/${issued.id}`, group: "members" })).status).toBe(
      404,
    );
  });

  it("answers 404 for a malformed address and for an expired feed", async () => {
    const issued = await issue();
    expect((await call({ path: "/calendar/nothing.ics" })).status).toBe(404);
    expect((await call({ path: issued.path.replace(/\.ics$/, "") })).status).toBe(404);
    clock.set("2027-12-03T15:00:00Z");
    expect((await call({ path: issued.path })).status).toBe(404);
    expect((await list()).feeds).toEqual([]);
  });

  it("refuses a sixth live feed with 409 and stores and audits nothing for it", async () => {
    const issued = [];
    for (let n = 0; n < 5; n++) issued.push(await issue());
    const before = await deskItems();
    const sixth = await call({ method: "POST", path: "/programme/feeds", group: "members", body: {} });
    expect(sixth.status).toBe(409);
    expect(sixth.body).toMatchObject({ status: 409 });
    expect((await deskItems()).length).toBe(before.length);
    expect((await list()).feeds).toHaveLength(5);
    // Another person has their own five.
    await issue("members", "user-2");
    // Revoking one makes room again.
    const first = issued[0];
    expect(first).toBeDefined();
    await call({ method: "DELETE", path: `/programme/feeds/${first?.id}`, group: "members" });
    await issue();
  });

  it("issues five at once to one person without passing the limit", async () => {
    const answers = await Promise.all(
      Array.from({ length: 7 }, () => call({ method: "POST", path: "/programme/feeds", group: "members", body: {} })),
    );
    const created = answers.filter((answer) => answer.status === 201);
    expect(created.length).toBeLessThanOrEqual(5);
    expect(answers.every((answer) => answer.status === 201 || answer.status === 409)).toBe(true);
    expect((await list()).feeds).toHaveLength(created.length);
  });

  it("keeps the feed routes behind the token and refuses a bad label with 422 at its path", async () => {
    expect((await call({ method: "POST", path: "/programme/feeds", body: {} })).status).toBe(401);
    expect((await call({ path: "/programme/feeds" })).status).toBe(401);
    const bad = await call({ method: "POST", path: "/programme/feeds", group: "members", body: { label: "" } });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain("body.label");
    expect((await list()).feeds).toEqual([]);
  });
});

describe("the local gateway", () => {
  it("answers the feed's address with no Authorization header, and still asks a token for everything else", async () => {
    const keys = await generateJwtKeys();
    const handlers = createGroupHandlers({ ...setup, clock, logger: new Logger({ logLevel: "SILENT" }) });
    const server = await startApiServer({ port: 0, handler: routeByGroup(handlers), jwtKeys: keys });
    try {
      const token = await issueToken(keys, { group: "members" });
      const issued = await fetch(`${server.url}/programme/feeds`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: "{}",
      });
      expect(issued.status).toBe(201);
      const { path } = (await issued.json()) as IssuedCalendarFeed;

      const feed = await fetch(`${server.url}${path}`);
      expect(feed.status).toBe(200);
      expect(feed.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
      expect(eventsOf(await feed.text()).length).toBeGreaterThan(0);

      expect((await fetch(`${server.url}/calendar/${"A".repeat(43)}.ics`)).status).toBe(404);
      expect((await fetch(`${server.url}/programme/feeds`)).status).toBe(401);
      expect((await fetch(`${server.url}/programme/2026.ics`)).status).toBe(401);
      // One segment only: nothing below the feed's address is open.
      expect((await fetch(`${server.url}${path}/more`)).status).toBe(401);
      // The holidays' literal route is the gateway's choice over the feed's `{feed}`, and it is behind the token.
      expect((await fetch(`${server.url}/calendar/holidays`)).status).toBe(401);
      const holidays = await fetch(`${server.url}/calendar/holidays`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(holidays.status).toBe(200);
      expect(await holidays.json()).toEqual({ years: [] });
    } finally {
      await server.stop();
    }
  });
});
