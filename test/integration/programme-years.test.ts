// Programme years in DynamoDB Local through the reports group's routes: seeded years, a put and an adoption each
// audited in the same transaction, a refused put that stores nothing, the correspondence items' letters linked to
// their waves (a scheduled letter's once fired, the manual outreach letter's as staff make them), and a letter's values
// given on their own: two letters saved at once both land, one letter saved twice from one read is 412.
import { Logger } from "@aws-lambda-powertools/logger";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { beforeEach, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { createRouter } from "#shared/http/router.ts";
import type { ProgrammeView } from "#shared/programme/schemas.ts";
import { dynamoProgrammeStore } from "#shared/programme/store.ts";
import { seedProgrammeYears } from "#shared/programme/years.ts";
import { seedProgrammeTemplates } from "#shared/templates/programme-templates.ts";
import { templateRepository } from "#shared/templates/repository.ts";
import { newTemplateSchema } from "#shared/templates/schemas.ts";
import { waveRepository } from "#shared/waves/repository.ts";
import type { Wave } from "#shared/waves/schemas.ts";
import { seedProgrammeFiles } from "../../events/programme-of-work/index.ts";
import { reportsRoutes } from "../../functions/api/reports.ts";
import { routerCaller } from "../support/api-event.ts";
import { freshTables } from "./fresh-tables.ts";

const clock = fixedClock("2026-12-03T15:00:00Z");
let setup: Awaited<ReturnType<typeof freshTables>>;
let call: ReturnType<typeof routerCaller>;

beforeEach(async () => {
  setup = await freshTables();
  await seedProgrammeYears(dynamoProgrammeStore(setup.doc, setup.tableNames, clock), seedProgrammeFiles(), clock, {
    actor: systemActor("seed"),
  });
  await seedProgrammeTemplates({
    templates: templateRepository(setup.doc, setup.tableNames, clock),
    waves: waveRepository(setup.doc, setup.tableNames, clock),
    clock,
  });
  call = routerCaller(
    createRouter(reportsRoutes({ ...setup, clock }), new Logger({ logLevel: "SILENT" })),
    "secretariat",
  );
});

async function auditOf(year: number) {
  const trail = await setup.doc.send(
    new QueryCommand({
      TableName: setup.tableNames.audit,
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": `programme#${year}` },
    }),
  );
  return (trail.Items ?? []).map((entry) => [entry.action, entry.actor.id ?? entry.actor.kind]);
}

const wave = (id: string, templateId: string, sendAt: string, status: Wave["status"]): Wave => ({
  id,
  templateId,
  audience: "non-reporting-states",
  sendAt,
  timeZone: "America/New_York",
  sendInstant: `${sendAt}:00.000Z`,
  notAfter: "2030-01-01T00:00:00.000Z",
  status,
  createdAt: "2026-12-01T00:00:00.000Z",
  updatedAt: "2026-12-01T00:00:00.000Z",
});

describe("programme years in the desk table", () => {
  it("serves the seeded years and the 2026 draft; adopting it stores it, audited, with the seeds", async () => {
    expect((await call({ path: "/programme/years" })).body).toMatchObject({
      currentYear: 2026,
      years: [
        { year: 2023, status: "adopted" },
        { year: 2024, status: "adopted" },
        { year: 2026, status: "draft", stored: false },
      ],
    });
    const adopted = await call({ method: "POST", path: "/programme/2026/adopt", ifMatch: '"0"' });
    expect(adopted.status).toBe(200);
    expect(adopted.etag).toBe('"1"');
    expect((await call({ path: "/programme" })).body).toMatchObject({ year: 2026, status: "adopted", stored: true });
    expect(await auditOf(2026)).toEqual([["programme.adopt", expect.anything()]]);
    expect(await auditOf(2023)).toEqual([["programme.seed", "seed"]]);
  });

  it("refuses a put with a duplicate id (422 at its path) and stores and audits nothing", async () => {
    const { body } = await call({ path: "/programme/2026" });
    const file = (body as { programme: { activities: { id: string }[] } }).programme;
    const [first, second] = file.activities;
    const spoiled = { ...file, activities: [first, { ...second, id: first?.id }] };
    const answer = await call({ method: "PUT", path: "/programme/2026", ifMatch: '"0"', body: spoiled });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ errors: [{ path: "body.activities.1.id" }] });
    expect((await call({ path: "/programme/2026" })).body).toMatchObject({ stored: false });
    expect(await auditOf(2026)).toEqual([]);

    const stored = await call({ method: "PUT", path: "/programme/2026", ifMatch: '"0"', body: file });
    expect(stored.status).toBe(200);
    expect(await auditOf(2026)).toHaveLength(1);
  });

  it("refuses with 422, not DynamoDB's 500, a put whose audit entry (the year before and after) outgrows an item", async () => {
    const { body } = await call({ path: "/programme/2026" });
    const file = (body as { programme: { activities: { id: string; letters?: unknown }[] } }).programme;
    // About 250 KB, near the body limit: copies of the year's activities (without their letters, which a year links once).
    const copies = Array.from({ length: 400 }, (_, n) =>
      file.activities.map(({ letters: _letters, ...activity }) => ({ ...activity, id: `${activity.id}-copy-${n}` })),
    ).flat();
    const large = (count: number) => ({ ...file, activities: [...file.activities, ...copies.slice(0, count)] });
    let count = 0;
    while (JSON.stringify(large(count)).length < 250_000) count += 10;
    const first = await call({ method: "PUT", path: "/programme/2026", ifMatch: '"0"', body: large(count) });
    expect(first.status).toBe(200);

    const again = await call({ method: "PUT", path: "/programme/2026", ifMatch: '"1"', body: large(count - 1) });
    expect(again.status).toBe(422);
    expect(again.body).toMatchObject({
      detail: expect.stringContaining("its audit entry (the record before and after)"),
    });
    expect(await auditOf(2026)).toHaveLength(1);
    const kept = await call({ path: "/programme/2026" });
    expect(kept.headers.etag).toBe('"1"');
  });
});

describe("a programme year's letters and the templates they name", () => {
  it("refuses a scheduled letter whose template the desk does not hold (422 at its templateId), storing nothing", async () => {
    const { body } = await call({ path: "/programme/2026" });
    const file = (body as { programme: { activities: { letters?: { templateId: string; manual?: boolean }[] }[] } })
      .programme;
    const at = file.activities.findIndex((activity) => activity.letters?.some((letter) => !letter.manual));
    const activity = file.activities[at];
    const letters = activity?.letters ?? [];
    const renamed = letters.map((letter) => (letter.manual ? letter : { ...letter, templateId: "programme-no-such" }));
    const spoiled = { ...file, activities: file.activities.with(at, { ...activity, letters: renamed }) };
    const answer = await call({ method: "PUT", path: "/programme/2026", ifMatch: '"0"', body: spoiled });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({
      errors: expect.arrayContaining([
        { path: `body.activities.${at}.letters.0.templateId`, message: "no template programme-no-such" },
      ]),
    });
    expect((await call({ path: "/programme/2026" })).body).toMatchObject({ stored: false });
    expect(await auditOf(2026)).toEqual([]);
  });
});

describe("the correspondence items' letters", () => {
  it("shows a scheduled letter's wave once fired and its schedule, and the outreach letters staff made from its template", async () => {
    // Staff may write the outreach letter as a template of its own kind.
    expect(newTemplateSchema.shape.kind.safeParse("outreach-letter").success).toBe(true);
    const waves = waveRepository(setup.doc, setup.tableNames, clock);
    const audit = { actor: systemActor("test") };
    await waves.create(
      wave("first-report-request-2023", "programme-first-report-request", "2023-03-14T09:00", "completed"),
      audit,
    );
    await waves.create(
      {
        ...wave("01OUTREACH", "programme-outreach-letter", "2023-03-20T09:00", "draft"),
        description: "Outreach, March",
      },
      audit,
    );
    await waves.create(wave("01OUTREACH-2024", "programme-outreach-letter", "2024-03-20T09:00", "draft"), audit);

    const view = (await call({ path: "/programme", query: "year=2023" })).body as ProgrammeView;
    const letters = new Map(
      view.activities.filter((a) => a.kind === "correspondence").map((a) => [a.id, a.letters ?? []]),
    );
    expect(letters.get("mar-letter-first-report")).toEqual([
      {
        waveKey: "first-report-request",
        templateId: "programme-first-report-request",
        waves: [
          {
            id: "first-report-request-2023",
            status: "completed",
            sendAt: "2023-03-14T09:00",
            timeZone: "America/New_York",
          },
        ],
        // Its schedule in events/programme.json, as deployed: the second Tuesday of March, 09:00 in New York.
        schedule: {
          id: "first-report-request",
          audience: "non-reporting-states",
          expression: "cron(0 9 ? 3 3#2 *)",
          timeZone: "America/New_York",
        },
      },
    ]);
    expect(letters.get("mar-letter-resolution-2663")?.[0]?.waves).toEqual([]);
    expect(letters.get("mar-letter-outreach")).toEqual([
      {
        waveKey: "outreach-letter",
        templateId: "programme-outreach-letter",
        manual: true,
        waves: [
          {
            id: "01OUTREACH",
            status: "draft",
            sendAt: "2023-03-20T09:00",
            timeZone: "America/New_York",
            description: "Outreach, March",
          },
        ],
      },
    ]);
  });
});

describe("a scheduled letter's values given on their own", () => {
  const september = "/programme/2026/activities/sep-letter-open-briefing-invitation/letters";
  const states = `${september}/open-briefing-invitation-states/values`;
  const organizations = `${september}/open-briefing-invitation-organizations/values`;
  const briefing = { "briefing.date": "2026-10-15", "briefing.time": "10:00", "briefing.venue": "Conference Room 4" };
  const route = "PUT /programme/{year}/activities/{activityId}/letters/{waveKey}/values";

  async function lettersOfSeptember() {
    const { body } = await call({ path: "/programme/2026" });
    const file = (body as { programme: ProgrammeView }).programme;
    return file.activities.find((activity) => activity.id === "sep-letter-open-briefing-invitation")?.letters;
  }

  it("of two letters of one year, saved at once from one read, both land, each audited through its route", async () => {
    const [readStates, readOrganizations] = await Promise.all([call({ path: states }), call({ path: organizations })]);
    const [savedStates, savedOrganizations] = await Promise.all([
      call({ method: "PUT", path: states, ifMatch: readStates.etag, body: briefing }),
      call({ method: "PUT", path: organizations, ifMatch: readOrganizations.etag, body: { "briefing.time": "15:00" } }),
    ]);
    expect([savedStates.status, savedOrganizations.status]).toEqual([200, 200]);
    expect((await lettersOfSeptember())?.map((letter) => letter.values)).toEqual([
      briefing,
      { "briefing.time": "15:00" },
    ]);
    // The draft was stored by the first write, and the second read it again and wrote on it.
    expect((await call({ path: "/programme/2026" })).etag).toBe('"2"');
    const trail = await setup.doc.send(
      new QueryCommand({
        TableName: setup.tableNames.audit,
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": "programme#2026" },
      }),
    );
    expect(trail.Items?.map((entry) => [entry.action, entry.route])).toEqual([
      ["programme.put", route],
      ["programme.put", route],
    ]);
    expect(trail.Items?.[1]?.before).toBeDefined();
    expect(trail.Items?.[1]?.after).toBeDefined();
  });

  it("of one letter, saved twice from one read: the second is 412 and nothing changes", async () => {
    const read = await call({ path: states });
    expect((await call({ method: "PUT", path: states, ifMatch: read.etag, body: briefing })).status).toBe(200);
    const year = await call({ path: "/programme/2026" });
    const again = await call({ method: "PUT", path: states, ifMatch: read.etag, body: { "briefing.time": "11:00" } });
    expect(again.status).toBe(412);
    expect((await call({ path: states })).body).toMatchObject({ values: briefing });
    expect((await call({ path: "/programme/2026" })).etag).toBe(year.etag);
    expect(await auditOf(2026)).toHaveLength(1);
  });
});
