// GET /programme through a router of its own: who may call it, the default year, filters, days left, what is due
// next, and the problems for an unknown year or a bad date range; one letter's values read and given on their own.
import { readFileSync } from "node:fs";
import { Logger } from "@aws-lambda-powertools/logger";
import { describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { openApiDocument } from "#shared/http/openapi.ts";
import { createRouter } from "#shared/http/router.ts";
import { letterValuesVersion } from "#shared/programme/letter-values.ts";
import { letterWaves } from "#shared/programme/letters.ts";
import { type ProgrammeView, programmeQuerySchema } from "#shared/programme/schemas.ts";
import { programmeSchema } from "#shared/schedules/schema.ts";
import { etagOf } from "#shared/versioning.ts";
import type { Wave } from "#shared/waves/schemas.ts";
import { declarations, programmeRoutes } from "../../functions/api/routes/programme.ts";
import { apiEvent, routerCaller } from "../support/api-event.ts";
import { inMemoryWaves } from "../support/in-memory/waves.ts";
import { countingListings, seededProgramme, waveOfTemplate } from "./programme-fixture.ts";

const deployedSchedules = programmeSchema.parse(
  JSON.parse(readFileSync(new URL("../../events/programme.json", import.meta.url), "utf8")),
);

// Thursday 20 April 2023, 10:00 in New York (EDT).
const clock = fixedClock("2023-04-20T14:00:00Z");
const routes = programmeRoutes(await seededProgramme(clock));
const router = createRouter(routes, new Logger({ logLevel: "SILENT" }));
const call = routerCaller(router, "members");

async function view(query?: string): Promise<ProgrammeView> {
  const answer = await call({ path: "/programme", ...(query ? { query } : {}) });
  expect(answer.status).toBe(200);
  return answer.body as ProgrammeView;
}

describe("GET /programme", () => {
  it("admits every signed-in group and documents itself in OpenAPI", async () => {
    expect(routes.map(({ spec }) => [`${spec.method} ${spec.path}`, spec.access])).toEqual([
      ["GET /programme", ["secretariat", "experts", "members"]],
      ["GET /programme/years", ["secretariat", "experts", "members"]],
      ["GET /programme/{year}", ["secretariat", "experts", "members"]],
      ["PUT /programme/{year}", ["secretariat"]],
      ["GET /programme/{year}/activities/{activityId}/letters/{waveKey}/values", ["secretariat", "experts", "members"]],
      ["PUT /programme/{year}/activities/{activityId}/letters/{waveKey}/values", ["secretariat"]],
      ["POST /programme/{year}/adopt", ["secretariat"]],
    ]);
    for (const group of ["secretariat", "experts", "members"] as const) {
      expect((await call({ path: "/programme", group })).status).toBe(200);
    }
    const anonymous = await router.dispatch(apiEvent({ path: "/programme" }), "corr-1");
    expect(anonymous.statusCode).toBe(401);
    const document = openApiDocument(
      routes.map(({ spec }) => spec),
      { title: "t", version: "1", description: "d" },
    );
    expect(Object.keys(document.paths)).toEqual([
      "/programme",
      "/programme/years",
      "/programme/{year}",
      "/programme/{year}/activities/{activityId}/letters/{waveKey}/values",
      "/programme/{year}/adopt",
    ]);
    expect(JSON.stringify(document)).toContain("#/components/schemas/ProgrammeView");
    expect(JSON.stringify(document)).toContain("#/components/schemas/ProgrammeLetterValues");
  });

  it("defaults to the programme whose period holds today (New York), with the years the desk has", async () => {
    const programme = await view();
    expect(programme.year).toBe(2023);
    expect(programme.today).toBe("2023-04-20");
    expect(programme.timeZone).toBe("America/New_York");
    expect(programme.years).toEqual([2023, 2024]);
    expect(programme.period).toEqual({ from: "2023-02-01", to: "2024-01-31" });
    expect(programme.source.annexRead).toBe(true);
  });

  it("gives each activity its days left and status, and lists the next upcoming ones soonest first", async () => {
    const programme = await view();
    const byId = new Map(programme.activities.map((activity) => [activity.id, activity]));
    expect(byId.get("mar-chair-briefing-security-council")).toMatchObject({
      day: "2023-03-23",
      daysLeft: -28,
      status: "past",
    });
    expect(byId.get("apr-meeting-guidelines-assistance")).toMatchObject({
      timing: "in",
      day: "2023-04-01",
      lastDay: "2023-04-30",
      daysLeft: -19,
      status: "this-month",
    });
    expect(byId.get("group-of-experts-guidelines-review")).toMatchObject({ day: "2023-04-30", daysLeft: 10 });
    expect(byId.get("technical-guides-drafts")).toMatchObject({
      timing: "by",
      day: "2023-09-30",
      dueByAsWritten: "end of 2023-Q3",
      status: "upcoming",
    });
    expect(programme.dueNext.map((activity) => [activity.id, activity.daysLeft])).toEqual([
      ["apr-meeting-guidelines-assistance", -19],
      ["apr-review-assistance-providers", -19],
      ["group-of-experts-guidelines-review", 10],
      ["pending-assistance-report-1", 10],
      ["may-letter-assistance-providers", 11],
    ]);
    expect((await view("next=2")).dueNext).toHaveLength(2);
  });

  it("marks an activity due today as today, with 0 days left", async () => {
    clock.set("2023-05-01T03:30:00Z"); // still 30 April in New York
    try {
      const programme = await view();
      expect(programme.today).toBe("2023-04-30");
      expect(programme.dueNext[2]).toMatchObject({
        id: "group-of-experts-guidelines-review",
        daysLeft: 0,
        status: "today",
      });
    } finally {
      clock.set("2023-04-20T14:00:00Z");
    }
  });

  it("serves the current year as a draft rolled forward from the latest adopted year whose Annex II was read, with what is due next", async () => {
    clock.set("2026-11-28T12:00:00Z");
    try {
      const programme = await view();
      expect(programme).toMatchObject({ year: 2026, status: "draft", stored: false, rolledFrom: 2023 });
      expect(programme.period).toEqual({ from: "2026-02-01", to: "2027-01-31" });
      expect(programme.years).toEqual([2023, 2024, 2026]);
      expect(programme.dueNext.length).toBeGreaterThan(0);
      expect(programme.dueNext.every((activity) => activity.lastDay >= "2026-11-28")).toBe(true);
      expect(
        programme.activities.every((activity) => !activity.verified && activity.source.basis === "inference"),
      ).toBe(true);
    } finally {
      clock.set("2023-04-20T14:00:00Z");
    }
  });

  it("in late January lists as due next the next year's February meeting and March letters, after this year's last", async () => {
    clock.set("2027-01-25T15:00:00Z");
    try {
      const programme = await view("next=8");
      expect(programme.year).toBe(2026);
      expect(programme.dueNext.map((activity) => `${activity.day} ${activity.id} ${activity.daysLeft}`)).toEqual([
        "2027-01-01 jan-meeting-2024-focus -24",
        "2027-01-31 next-programme-of-work 6",
        "2027-02-01 feb-meeting-focus-outreach-guides 7",
        "2027-03-01 mar-chair-briefing-security-council 35",
        "2027-03-01 mar-informal-meeting-group-of-experts 35",
        "2027-03-01 mar-letter-first-report 35",
        "2027-03-01 mar-letter-outreach 35",
        "2027-03-01 mar-letter-points-of-contact 35",
      ]);
      // The year's own activities stay its own.
      expect(programme.activities.every((activity) => activity.day <= "2027-01-31")).toBe(true);
      expect((await view("year=2024")).dueNext).toEqual([]);
    } finally {
      clock.set("2023-04-20T14:00:00Z");
    }
  });

  it("serves another year on request, and filters by day from and to (inclusive)", async () => {
    expect((await view("year=2024")).year).toBe(2024);
    const autumn = await view("year=2023&from=2023-09-30&to=2023-12-31");
    expect(autumn.from).toBe("2023-09-30");
    expect(autumn.to).toBe("2023-12-31");
    expect(autumn.activities.map((activity) => activity.day)).toEqual([
      "2023-09-01",
      "2023-09-01",
      "2023-09-30",
      "2023-10-01",
      "2023-10-01",
      "2023-11-01",
      "2023-11-15",
      "2023-12-01",
      "2023-12-01",
      "2023-12-31",
    ]);
    expect((await view("year=2023&from=2023-09-30&to=2023-12-31&next=50")).dueNext.map((a) => a.id)).toEqual(
      [...autumn.activities].sort((a, b) => a.day.localeCompare(b.day) || a.id.localeCompare(b.id)).map((a) => a.id),
    );
  });

  it("answers 404 for a year no programme file gives", async () => {
    const answer = await call({ path: "/programme", query: "year=2019" });
    expect(answer.status).toBe(404);
    expect(answer.headers["content-type"]).toBe("application/problem+json");
    expect(answer.body).toMatchObject({ status: 404, detail: "Programme of work 2019 was not found" });
  });

  it("answers 400 naming the bound for a day that is not a calendar date, or a range that runs backwards", async () => {
    const impossible = await call({ path: "/programme", query: "from=2023-02-30&to=tomorrow" });
    expect(impossible.status).toBe(400);
    expect(impossible.body).toMatchObject({
      type: "/problems/malformed",
      errors: [
        { path: "query.from", message: "is not a calendar date (YYYY-MM-DD)" },
        { path: "query.to", message: "is not a calendar date (YYYY-MM-DD)" },
      ],
    });
    expect((await call({ path: "/programme", query: "from=%00" })).body).toMatchObject({
      status: 400,
      errors: [{ path: "query.from" }],
    });
    const backwards = await call({ path: "/programme", query: "from=2023-12-01&to=2023-06-01" });
    expect(backwards.status).toBe(400);
    expect(backwards.body).toMatchObject({ errors: [{ path: "query.from", message: "is after to (2023-06-01)" }] });
  });

  it("takes its query from the programme's schemas, where the range the view trusts is checked", () => {
    expect(declarations.getProgramme.query).toBe(programmeQuerySchema);
    const backwards = programmeQuerySchema.safeParse({ from: "2023-12-01", to: "2023-06-01" });
    expect(backwards.error?.issues).toMatchObject([{ path: ["from"], message: "is after to (2023-06-01)" }]);
  });

  it("answers 400 for a year or count that is not a whole number, and for an unknown query key", async () => {
    for (const query of ["year=twenty", "next=0", "next=51", "month=4"]) {
      expect((await call({ path: "/programme", query })).status, query).toBe(400);
    }
  });
});

describe("GET /programme with its letters' waves", () => {
  const wave = (id: string, sendAt: string, status: Wave["status"]) =>
    waveOfTemplate(id, "programme-point-of-contact-update", sendAt, status);

  it("in late January lists the waves once for this year's letters and the next year's", async () => {
    const januaryClock = fixedClock("2027-01-25T15:00:00Z");
    const waves = inMemoryWaves(januaryClock);
    const audit = { actor: systemActor("test") };
    await waves.create(wave("point-of-contact-update-states-2026", "2026-03-10T09:00", "completed"), audit);
    await waves.create(wave("01STAFFPOINTSOFCONTACT2027", "2027-03-16T09:00", "scheduled"), audit);
    const { listed, waves: countedWaves } = countingListings(waves);
    const { years } = await seededProgramme(januaryClock);
    const withLetters = createRouter(
      programmeRoutes({ clock: januaryClock, years, letters: () => letterWaves(countedWaves) }),
      new Logger({ logLevel: "SILENT" }),
    );
    const answer = await routerCaller(withLetters, "members")({ path: "/programme", query: "next=8" });
    expect(answer.status).toBe(200);
    expect(listed.pages).toBe(1);
    const programme = answer.body as ProgrammeView;
    const wavesOf = (activities: ProgrammeView["activities"]) =>
      activities
        .filter((activity) => activity.id === "mar-letter-points-of-contact")
        .flatMap((activity) => activity.letters ?? [])
        .map((letter) => [letter.waveKey, letter.waves?.map((made) => made.id)]);
    expect(programme.year).toBe(2026);
    expect(wavesOf(programme.activities)).toEqual([
      ["point-of-contact-update-states", ["point-of-contact-update-states-2026"]],
      ["point-of-contact-update-organizations", []],
    ]);
    // The next year's March letters, due next, have their own year's waves: the staff wave of March 2027.
    expect(wavesOf(programme.dueNext)).toEqual([
      ["point-of-contact-update-states", ["01STAFFPOINTSOFCONTACT2027"]],
      ["point-of-contact-update-organizations", ["01STAFFPOINTSOFCONTACT2027"]],
    ]);
    await routerCaller(withLetters, "members")({ path: "/programme", query: "next=8" });
    expect(listed.pages).toBe(2);
  });
});

describe("GET /programme with its letters' schedules", () => {
  it("serves each scheduled letter with the schedule that sends it, as events/programme.json gives it", async () => {
    const withSchedules = createRouter(
      programmeRoutes({ ...(await seededProgramme(clock)), schedules: () => deployedSchedules }),
      new Logger({ logLevel: "SILENT" }),
    );
    const answer = await routerCaller(withSchedules, "members")({ path: "/programme", query: "year=2023" });
    const letters = (answer.body as ProgrammeView).activities.flatMap((activity) =>
      (activity.letters ?? []).map((letter) => [letter.waveKey, letter.schedule]),
    );
    expect(letters).toEqual(
      expect.arrayContaining([
        [
          "first-report-request",
          {
            id: "first-report-request",
            audience: "non-reporting-states",
            expression: "cron(0 9 ? 3 3#2 *)",
            timeZone: "America/New_York",
          },
        ],
        [
          "point-of-contact-update-organizations",
          {
            id: "point-of-contact-update-organizations",
            audience: "organizations",
            expression: "cron(0 9 ? 3 4#3 *)",
            timeZone: "America/New_York",
          },
        ],
      ]),
    );
    // Every letter the year schedules has its schedule; a manual one has none.
    const all = (answer.body as ProgrammeView).activities.flatMap((activity) => activity.letters ?? []);
    expect(all.filter((letter) => !letter.manual).every((letter) => letter.schedule !== undefined)).toBe(true);
    expect(all.filter((letter) => letter.manual).map((letter) => letter.schedule)).not.toContainEqual(
      expect.anything(),
    );
    // Served without schedules (a caller that gives none), the letters have none.
    expect(JSON.stringify((await view("year=2023")).activities)).not.toContain('"schedule"');
  });
});

describe("GET and PUT /programme/{year}/activities/{activityId}/letters/{waveKey}/values", () => {
  const september = "/programme/2023/activities/sep-letter-open-briefing-invitation/letters";
  const statesPath = `${september}/open-briefing-invitation-states/values`;
  const organizationsPath = `${september}/open-briefing-invitation-organizations/values`;
  const briefing = { "briefing.date": "2023-10-12", "briefing.time": "10:00", "briefing.venue": "Conference Room 4" };

  async function letterRouter() {
    const router = createRouter(programmeRoutes(await seededProgramme(clock)), new Logger({ logLevel: "SILENT" }));
    return routerCaller(router, "secretariat");
  }

  it("serves a letter's values to every group with an ETag of those values, which a PUT sends back", async () => {
    const secretariat = await letterRouter();
    const read = await secretariat({ path: statesPath, group: "members" });
    expect(read).toMatchObject({
      status: 200,
      etag: etagOf(letterValuesVersion({})),
      body: { year: 2023, activityId: "sep-letter-open-briefing-invitation", values: {} },
    });
    const put = await secretariat({ method: "PUT", path: statesPath, ifMatch: read.etag, body: briefing });
    expect(put).toMatchObject({ status: 200, etag: etagOf(letterValuesVersion(briefing)), body: { values: briefing } });
    expect((await secretariat({ path: statesPath })).body.values).toEqual(briefing);
  });

  it("writes two letters of one year read at once, and refuses the same letter's second write from that read (412)", async () => {
    const secretariat = await letterRouter();
    const [states, organizations] = await Promise.all([
      secretariat({ path: statesPath }),
      secretariat({ path: organizationsPath }),
    ]);
    const put = (path: string, ifMatch: string | undefined, body: object) =>
      secretariat({ method: "PUT", path, ifMatch, body });
    expect((await put(statesPath, states.etag, briefing)).status).toBe(200);
    expect((await put(organizationsPath, organizations.etag, briefing)).status).toBe(200);
    const again = await put(statesPath, states.etag, { "briefing.venue": "Conference Room 1" });
    expect(again).toMatchObject({ status: 412, etag: etagOf(letterValuesVersion(briefing)) });
    expect((await secretariat({ path: statesPath })).body.values).toEqual(briefing);
  });

  it("refuses values that break their schema with 422 at body.<field>, a manual letter with 409, an unknown one with 404", async () => {
    const secretariat = await letterRouter();
    const { etag } = await secretariat({ path: statesPath });
    const bad = await secretariat({
      method: "PUT",
      path: statesPath,
      ifMatch: etag,
      body: { "briefing.time": "25:00", "briefing.venue": { fr: "Salle 4" } },
    });
    expect(bad.status).toBe(422);
    // The venue given in each language is refused at each language it lacks, not as a whole.
    expect(bad.body.errors.map((error: { path: string }) => error.path)).toEqual([
      "body.briefing.time",
      ...["ar", "zh", "en", "ru", "es"].map((language) => `body.briefing.venue.${language}`),
    ]);
    const manual = "/programme/2023/activities/mar-letter-outreach/letters/outreach-letter/values";
    expect((await secretariat({ path: manual })).body).toMatchObject({
      status: 409,
      detail: expect.stringContaining("manual"),
    });
    const unknown = await secretariat({ path: `${september}/outreach-letter/values` });
    expect(unknown.status).toBe(404);
    expect((await secretariat({ path: `${september}/Not_A_Key/values` })).status).toBe(400);
  });

  it("lets only the secretariat give values, and only with If-Match", async () => {
    const secretariat = await letterRouter();
    const { etag } = await secretariat({ path: statesPath });
    expect(
      (await secretariat({ method: "PUT", path: statesPath, ifMatch: etag, body: {}, group: "experts" })).status,
    ).toBe(403);
    expect((await secretariat({ method: "PUT", path: statesPath, body: {} })).status).toBe(428);
  });
});
