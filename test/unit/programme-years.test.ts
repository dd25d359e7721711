// Programme years as data the secretariat manages: PUT /programme/{year} with its validation (422 at the path,
// nothing stored), GET /programme/years, the draft rolled forward for a year without an adopted programme, and
// adopting it in one call with If-Match; every write audited.
import { Logger } from "@aws-lambda-powertools/logger";
import { describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { createRouter } from "#shared/http/router.ts";
import {
  namesDatedEvent,
  rollForward,
  sameDayOfYear,
  sameWeekdayAndWeek,
  shiftYearsInText,
} from "#shared/programme/roll-forward.ts";
import type { ProgrammeFile, ProgrammeView } from "#shared/programme/schemas.ts";
import { programmeYearOf, programmeYears, seedProgrammeYears } from "#shared/programme/years.ts";
import { programmeWaveInputSchema } from "#shared/waves/programme-wave-schema.ts";
import { programme as schedules } from "../../events/programme.ts";
import { seedProgrammeFiles } from "../../events/programme-of-work/index.ts";
import { programmeRoutes } from "../../functions/api/routes/programme.ts";
import { routerCaller } from "../support/api-event.ts";
import { memoryProgrammeStore } from "../support/in-memory/programme.ts";
import { seededProgramme } from "./programme-fixture.ts";

// Thursday 3 December 2026, 10:00 in New York: the 2026 programme year, which no adopted programme covers.
const NOW = "2026-12-03T15:00:00Z";

async function setUp() {
  const deps = await seededProgramme(fixedClock(NOW));
  const call = routerCaller(createRouter(programmeRoutes(deps), new Logger({ logLevel: "SILENT" })), "secretariat");
  return { ...deps, call };
}

const file2025 = (overrides: Partial<ProgrammeFile> = {}): ProgrammeFile => ({
  year: 2025,
  title: "Programme of work 2025",
  period: { from: "2025-02-01", to: "2026-01-31" },
  source: { document: "The Committee's letter of February 2025", annexRead: false },
  activities: [
    {
      id: "june-meeting",
      kind: "meeting",
      title: "Committee meeting",
      date: "2025-06-03",
      agendaItems: ["Points of contact"],
      responsible: ["committee"],
      source: { basis: "record", document: "Committee meetings page", locator: "row of 3 June 2025" },
      verified: false,
      note: "A record of the meeting",
    },
    {
      id: "annual-review",
      kind: "adoption",
      title: "Adoption of the annual review for 2025",
      month: "2025-12",
      agendaItems: [],
      responsible: ["committee"],
      source: { basis: "record", document: "Committee meetings page", locator: "December" },
      verified: false,
      note: "Planned for December",
    },
  ],
  ...overrides,
});

/** A March letter of 2025, sent as `templateId`: by a schedule, or as staff make its waves (`manual`). */
const march = (templateId: string, manual?: true): ProgrammeFile["activities"][number] => ({
  id: `march-letter-${templateId}`,
  kind: "correspondence",
  title: "Letters to Member States",
  month: "2025-03",
  agendaItems: [],
  responsible: ["committee"],
  source: { basis: "record", document: "Committee correspondence page", locator: "March" },
  verified: false,
  note: "A letter of the year",
  letters: [
    { waveKey: manual ? "outreach-letter" : "first-report-request", templateId, ...(manual ? { manual } : {}) },
  ],
});

describe("the calendar rules of a rolled-forward draft", () => {
  it("moves a day to the same weekday and week of its month, a missing fifth weekday to the last", () => {
    expect(sameWeekdayAndWeek("2024-06-04", 2)).toBe("2026-06-02"); // first Tuesday of June
    expect(sameWeekdayAndWeek("2024-12-02", 2)).toBe("2026-12-07"); // first Monday of December
    expect(sameWeekdayAndWeek("2024-03-26", 2)).toBe("2026-03-24"); // fourth Tuesday of March
    expect(sameWeekdayAndWeek("2024-04-30", 2)).toBe("2026-04-28"); // fifth Tuesday: April 2026 has four
  });

  it("keeps a due date's day of the year, 29 February becoming the 28th", () => {
    expect(sameDayOfYear("2024-04-30", 2)).toBe("2026-04-30");
    expect(sameDayOfYear("2024-02-29", 1)).toBe("2025-02-28");
  });

  it("moves the programme's own years in its words, not a resolution's or a dated record's", () => {
    expect(shiftYearsInText("The draft programme of work for 2025 to January 2026", 2024, 2)).toBe(
      "The draft programme of work for 2027 to January 2028",
    );
    expect(shiftYearsInText("Programme of work for 1 February 2025 to 31 January 2026", 2024, 2)).toBe(
      "Programme of work for 1 February 2027 to 31 January 2028",
    );
    expect(shiftYearsInText("training course (Addis Ababa, November 2024)", 2024, 2)).toBe(
      "training course (Addis Ababa, November 2024)",
    );
  });

  it("never moves the day of a past event: the event did not happen again", () => {
    expect(shiftYearsInText("paragraph 12 of resolution 2663 (2022), since 23 March 2023", 2024, 2)).toBe(
      "paragraph 12 of resolution 2663 (2022), since 23 March 2023",
    );
    expect(shiftYearsInText("the training course (Beijing, 25 to 28 June 2024)", 2024, 2)).toBe(
      "the training course (Beijing, 25 to 28 June 2024)",
    );
  });

  it("tells an event of the programme's years from a standing reference or a period's bounds", () => {
    expect(namesDatedEvent("UNODA's report on the training course (Beijing, 25 to 28 June 2024)", 2024)).toBe(true);
    expect(namesDatedEvent("the Africa regional training course (Addis Ababa, November 2024)", 2024)).toBe(true);
    expect(
      namesDatedEvent("the revised procedure approved on 7 December 2018 (S/AC.44/2018/Note.143/Add.5)", 2023),
    ).toBe(false);
    expect(namesDatedEvent("Programme of work for 1 February 2025 to 31 January 2026", 2024)).toBe(false);
    expect(namesDatedEvent("paragraph 12 of resolution 2663 (2022)", 2023)).toBe(false);
  });

  it("counts January in the programme year before it", () => {
    expect(programmeYearOf("2027-01-31")).toBe(2026);
    expect(programmeYearOf("2026-02-01")).toBe(2026);
  });
});

const seedFile = (year: number): ProgrammeFile => {
  const file = seedProgrammeFiles().find((candidate) => candidate.year === year);
  if (!file) throw new Error(`no programme file for ${year}`);
  return file;
};

describe("a draft rolled forward from a year whose letters carry their values", () => {
  it("links the same letters and gives none of their values: a briefing's day and venue are its year's", () => {
    const briefing = { "briefing.date": "2025-10-15", "briefing.venue": "Conference Room 4" };
    const letter = {
      ...march("programme-first-report-request"),
      letters: [{ waveKey: "x", templateId: "t", values: briefing }],
    };
    const rolled = rollForward(file2025({ activities: [letter] }), 2027);
    expect(rolled.activities[0]?.letters).toEqual([{ waveKey: "x", templateId: "t" }]);
  });
});

describe("a draft rolled forward from a year compiled from meeting records (2024)", () => {
  const draft = () => rollForward(seedFile(2024), 2026);
  const byId = () => new Map(draft().activities.map((activity) => [activity.id, activity]));

  it("leaves a meeting's other matters and the dated events of that year behind, and keeps the rest of its agenda", () => {
    expect(byId().get("committee-meeting-105")?.agendaItems).toEqual([
      "Status of assistance requests and progress on matching offers with requests",
      "A multi-year outreach programme for Member States",
      "Preliminary topics for the January 2027 meeting",
      "The 2026 annual review report",
      "The draft programme of work for 2027 to January 2028",
    ]);
    expect(byId().get("committee-meeting-104")?.agendaItems).toEqual([
      "Functioning of the assistance mechanism: the Group of Experts on ongoing and new requests for assistance",
      "Preliminary topics for the September meeting",
    ]);
    expect(JSON.stringify(draft())).not.toMatch(/Mozambique|Addis Ababa|Beijing|March 2025|105th/);
  });

  it("says 'since its last briefing' for a past briefing's day, and numbers no meeting", () => {
    expect(byId().get("chair-briefing-security-council")?.title).toBe(
      "The Chair briefs the Security Council on the Committee's work since its last briefing",
    );
    expect(byId().get("committee-meeting-105")?.title).toBe("Meeting of the Committee");
    expect(byId().get("next-programme-of-work")?.title).toBe(
      "Programme of work for 1 February 2027 to 31 January 2028, submitted to the Security Council",
    );
  });
});

describe("GET /programme today (3 December 2026)", () => {
  it("serves 2026 as a draft rolled forward from 2023, the latest year whose Annex II was read, with dueNext", async () => {
    const { call } = await setUp();
    const answer = await call({ path: "/programme" });
    expect(answer.status).toBe(200);
    const view = answer.body as ProgrammeView;
    expect(view).toMatchObject({ year: 2026, status: "draft", stored: false, rolledFrom: 2023, today: "2026-12-03" });
    const byId = new Map(view.activities.map((activity) => [activity.id, activity]));
    // Annex II plans it for December: the same month, no day made up.
    expect(byId.get("dec-meeting-assistance-review")).toMatchObject({
      timing: "in",
      day: "2026-12-01",
      lastDay: "2026-12-31",
      status: "this-month",
    });
    // The joint briefing's day (15 November 2023) was a record of 2023: the draft keeps Annex II's December.
    expect(byId.get("dec-joint-briefing-counter-terrorism-committees")).toMatchObject({
      timing: "in",
      day: "2026-12-01",
    });
    expect(byId.get("pending-assistance-report-3")).toMatchObject({ timing: "by", day: "2026-12-31" });
    expect(view.dueNext.map((activity) => activity.id)).toContain("dec-meeting-assistance-review");
    expect(JSON.stringify(view)).not.toMatch(/Mozambique|Addis Ababa|March 2025|105th/);
  });

  it("carries Annex II's correspondence into the draft, linked to every letter the schedules send", async () => {
    const { call } = await setUp();
    const view = (await call({ path: "/programme" })).body as ProgrammeView;
    const letters = view.activities.filter((activity) => activity.kind === "correspondence");
    expect(letters.map((activity) => `${activity.plannedMonth} ${activity.id}`).sort()).toEqual([
      "2026-03 mar-letter-first-report",
      "2026-03 mar-letter-outreach",
      "2026-03 mar-letter-points-of-contact",
      "2026-03 mar-letter-resolution-2663",
      "2026-05 may-letter-assistance-providers",
      "2026-09 sep-letter-open-briefing-invitation",
    ]);
    const linked = letters.flatMap((activity) => activity.letters?.map((letter) => letter.waveKey) ?? []);
    const scheduled = schedules.schedules.flatMap(
      (schedule) => programmeWaveInputSchema.safeParse(schedule.input).data?.programmeWave.key ?? [],
    );
    expect(scheduled).toHaveLength(7);
    expect(linked).toEqual(expect.arrayContaining(scheduled));
  });

  it("leaves the one-offs of 2023 behind: no deadline of 2023 becomes one of 2026", async () => {
    const { call } = await setUp();
    const ids = ((await call({ path: "/programme" })).body as ProgrammeView).activities.map((activity) => activity.id);
    for (const oneOff of [
      "group-of-experts-guidelines-review",
      "assistance-letter-templates-review",
      "technical-guides-drafts",
      "mar-meeting-guidelines-review",
      "oct-meeting-technical-guides",
    ]) {
      expect(ids).not.toContain(oneOff);
    }
  });

  it("leaves the one-off agenda items of 2023's meetings behind, and titles those meetings for what they still do", async () => {
    const { call } = await setUp();
    const byId = new Map(
      ((await call({ path: "/programme" })).body as ProgrammeView).activities.map((activity) => [
        activity.id,
        activity,
      ]),
    );
    const february = byId.get("feb-meeting-focus-outreach-guides");
    expect(february?.title).toBe("Committee meeting: the 2026 focus of implementation, outreach and technical guides");
    expect(february?.agendaItems).toHaveLength(3);
    expect(byId.get("apr-meeting-guidelines-assistance")).toMatchObject({
      title: "Committee meeting: the review of assistance requests",
      agendaItems: [expect.stringMatching(/^To review requests for assistance/)],
    });
    expect(byId.get("aug-meeting-assistance-mechanism")?.agendaItems).not.toContain(
      "The revision of assistance letter templates",
    );
    const carried = [...byId.values()].flatMap((activity) => [activity.title, ...activity.agendaItems]);
    expect(carried.join("\n")).not.toMatch(/guidelines on matters regarding|letter templates|finalize the voluntary/);
    for (const activity of byId.values()) expect(activity).not.toHaveProperty("oneOffAgendaItems");
  });

  it("lists the stored years and the current draft in GET /programme/years, 2024 named for what it is", async () => {
    const { call } = await setUp();
    const answer = await call({ path: "/programme/years" });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      currentYear: 2026,
      years: [
        { year: 2023, status: "adopted", stored: true, title: expect.stringContaining("(timetable, Annex II)") },
        {
          year: 2024,
          status: "adopted",
          stored: true,
          title: expect.stringContaining("compiled from the Committee's meeting records (Annex II not read)"),
        },
        { year: 2026, status: "draft", stored: false, rolledFrom: 2023 },
      ],
    });
  });

  it("rolls forward from the latest adopted year when none had its Annex II read", async () => {
    const deps = await seededProgramme(fixedClock(NOW));
    const only2024 = memoryProgrammeStore();
    await seedProgrammeYears(only2024, [seedFile(2024)], deps.clock, { actor: systemActor("seed") });
    const draft = await programmeYears({ store: only2024, clock: deps.clock, templates: deps.templates }).current();
    expect(draft).toMatchObject({ status: "draft", rolledFrom: 2024 });
  });

  it("answers 404 for a year before any adopted programme, or past next year", async () => {
    const { call } = await setUp();
    expect((await call({ path: "/programme/2019" })).status).toBe(404);
    expect((await call({ path: "/programme/2028" })).status).toBe(404);
  });
});

describe("PUT /programme/{year}", () => {
  it('stores a new year as a draft with If-Match "0", audited, then needs the new ETag', async () => {
    const { call, store } = await setUp();
    const before = await call({ path: "/programme/2025" });
    expect(before.etag).toBe('"0"');
    const put = await call({ method: "PUT", path: "/programme/2025", ifMatch: '"0"', body: file2025() });
    expect(put.status).toBe(200);
    expect(put.etag).toBe('"1"');
    expect(put.body).toMatchObject({ year: 2025, status: "draft", stored: true });
    expect(store.audit.at(-1)).toMatchObject({
      action: "programme.put",
      entity: { type: "programme", id: "2025" },
      actor: { kind: "user" },
    });

    const stale = await call({ method: "PUT", path: "/programme/2025", ifMatch: '"0"', body: file2025() });
    expect(stale.status).toBe(412);
    expect(stale.etag).toBe('"1"');
    const missing = await call({ method: "PUT", path: "/programme/2025", body: file2025() });
    expect(missing.status).toBe(428);

    // 2026 is still rolled forward from 2023: 2025 is a draft, not adopted.
    expect((await call({ path: "/programme" })).body).toMatchObject({ year: 2026, rolledFrom: 2023 });
  });

  it("takes the year as stored, sent again at its ETag, as nothing: the same ETag, no audit entry", async () => {
    const { call, store } = await setUp();
    const put = await call({ method: "PUT", path: "/programme/2025", ifMatch: '"0"', body: file2025() });
    const entries = store.audit.length;
    const again = await call({ method: "PUT", path: "/programme/2025", ifMatch: '"1"', body: file2025() });
    expect(again).toMatchObject({ status: 200, etag: '"1"', body: put.body });
    expect(store.audit).toHaveLength(entries);
    // A stale ETag is still refused, even for the file as stored; a real change still writes.
    expect((await call({ method: "PUT", path: "/programme/2025", ifMatch: '"0"', body: file2025() })).status).toBe(412);
    const changed = await call({
      method: "PUT",
      path: "/programme/2025",
      ifMatch: '"1"',
      body: file2025({ title: "Programme of work 2025 (corrected)" }),
    });
    expect(changed.etag).toBe('"2"');
    expect(store.audit).toHaveLength(entries + 1);
  });

  it.each([
    [
      "an impossible date",
      (file: ProgrammeFile) => ({ ...file, activities: [{ ...file.activities[0], date: "2025-02-30" }] }),
      "body.activities.0.date",
    ],
    [
      "a duplicate id",
      (file: ProgrammeFile) => ({
        ...file,
        activities: [file.activities[0], { ...file.activities[1], id: "june-meeting" }],
      }),
      "body.activities.1.id",
    ],
    [
      "a year that does not match its period",
      (file: ProgrammeFile) => ({ ...file, period: { from: "2024-02-01", to: "2025-01-31" } }),
      "body.period.from",
    ],
    ["a body for another year than the path's", (file: ProgrammeFile) => ({ ...file, year: 2024 }), "body.year"],
    [
      "a day outside the period",
      (file: ProgrammeFile) => ({ ...file, activities: [{ ...file.activities[0], date: "2026-03-03" }] }),
      "body.activities.0.date",
    ],
    [
      "a scheduled letter naming no template",
      (file: ProgrammeFile) => ({ ...file, activities: [...file.activities, march("programme-no-such-letter")] }),
      "body.activities.2.letters.0.templateId",
    ],
    [
      "a one-off agenda item the activity does not have",
      (file: ProgrammeFile) => ({
        ...file,
        activities: [{ ...file.activities[0], oneOffAgendaItems: ["An item the meeting does not have"] }],
      }),
      "body.activities.0.oneOffAgendaItems.0",
    ],
  ])("refuses %s with 422 at its path, and stores nothing", async (_what, spoil, path) => {
    const { call, store } = await setUp();
    const answer = await call({ method: "PUT", path: "/programme/2025", ifMatch: '"0"', body: spoil(file2025()) });
    expect(answer.status).toBe(422);
    expect(answer.headers["content-type"]).toBe("application/problem+json");
    expect((answer.body as { errors: { path: string }[] }).errors.map((error) => error.path)).toContain(path);
    expect(await store.get(2025)).toBeUndefined();
    expect(store.audit.filter((entry) => entry.action === "programme.put")).toEqual([]);
  });

  it("stores a scheduled letter whose template the desk holds, and a manual one whose template staff will write", async () => {
    const { call } = await setUp();
    const body = file2025({
      activities: [...file2025().activities, march("programme-first-report-request"), march("outreach", true)],
    });
    const answer = await call({ method: "PUT", path: "/programme/2025", ifMatch: '"0"', body });
    expect(answer.status).toBe(200);
  });

  it("is for the secretariat only", async () => {
    const { call } = await setUp();
    const answer = await call({
      method: "PUT",
      path: "/programme/2025",
      ifMatch: '"0"',
      body: file2025(),
      group: "experts",
    });
    expect(answer.status).toBe(403);
  });
});

describe("POST /programme/{year}/adopt", () => {
  it("passes over an adopted year whose Annex II was not read: the draft still rolls from 2023", async () => {
    const { call } = await setUp();
    await call({ method: "PUT", path: "/programme/2025", ifMatch: '"0"', body: file2025() });
    await call({ method: "POST", path: "/programme/2025/adopt", ifMatch: '"1"' });
    expect((await call({ path: "/programme" })).body).toMatchObject({ year: 2026, rolledFrom: 2023 });
  });

  it("adopts the rolled-forward draft in one call, storing it; a second adoption is 409", async () => {
    const { call, store } = await setUp();
    const draft = await call({ path: "/programme/2026" });
    expect(draft.body).toMatchObject({ status: "draft", stored: false });
    const adopted = await call({ method: "POST", path: "/programme/2026/adopt", ifMatch: draft.etag });
    expect(adopted.status).toBe(200);
    expect(adopted.etag).toBe('"1"');
    expect(adopted.body).toMatchObject({ year: 2026, status: "adopted", stored: true, rolledFrom: 2023 });
    // No longer a draft: its title says so, and where it came from stays in rolledFrom.
    expect(draft.body.title).toBe(
      "Draft programme of work of the 1540 Committee, 1 February 2026 to 31 January 2027 (rolled forward from 2023)",
    );
    expect(adopted.body.title).toBe("Programme of work of the 1540 Committee, 1 February 2026 to 31 January 2027");
    expect((await store.get(2026))?.value.status).toBe("adopted");
    expect(store.audit.at(-1)).toMatchObject({ action: "programme.adopt", entity: { id: "2026" } });
    expect((await call({ path: "/programme" })).body).toMatchObject({ year: 2026, status: "adopted", stored: true });

    const again = await call({ method: "POST", path: "/programme/2026/adopt", ifMatch: '"1"' });
    expect(again.status).toBe(409);
  });

  it("drops 'Draft' from a rolled-forward draft's own title when it was stored before adoption; a title staff wrote stays", async () => {
    const { call, store } = await setUp();
    const seeded = (await store.get(2023))?.value.file;
    if (!seeded) throw new Error("the 2023 programme is seeded");
    const drafted = rollForward(seeded, 2026);
    // Stored first, as giving a letter's values stores the draft: its title is the roll forward's.
    await store.save({ file: drafted, status: "draft", updatedAt: NOW }, 0, {
      actor: systemActor("test"),
      action: "programme.put",
      entity: { type: "programme-year", id: "2026" },
    });
    const adopted = await call({ method: "POST", path: "/programme/2026/adopt", ifMatch: '"1"' });
    expect(adopted.body).toMatchObject({
      status: "adopted",
      title: "Programme of work of the 1540 Committee, 1 February 2026 to 31 January 2027",
    });

    await store.save(
      {
        file: { ...rollForward(seeded, 2027), title: "Programme of work 2027 (as circulated)" },
        status: "draft",
        updatedAt: NOW,
      },
      0,
      {
        actor: systemActor("test"),
        action: "programme.put",
        entity: { type: "programme-year", id: "2027" },
      },
    );
    const ownTitle = await call({ method: "POST", path: "/programme/2027/adopt", ifMatch: '"1"' });
    expect(ownTitle.body).toMatchObject({ status: "adopted", title: "Programme of work 2027 (as circulated)" });
  });

  it("refuses a stale If-Match with 412 and adopts nothing", async () => {
    const { call, store } = await setUp();
    const annexRead = { document: "The Committee's letter of February 2025, Annex II", annexRead: true };
    await call({ method: "PUT", path: "/programme/2025", ifMatch: '"0"', body: file2025({ source: annexRead }) });
    const stale = await call({ method: "POST", path: "/programme/2025/adopt", ifMatch: '"0"' });
    expect(stale.status).toBe(412);
    expect((await store.get(2025))?.value.status).toBe("draft");
    const adopted = await call({ method: "POST", path: "/programme/2025/adopt", ifMatch: '"1"' });
    expect(adopted.body).toMatchObject({ status: "adopted" });
    // Now 2026's draft rolls forward from 2025, whose Annex II was read: its June meeting, first Tuesday, lands on 2 June.
    const view = (await call({ path: "/programme" })).body as ProgrammeView;
    expect(view.rolledFrom).toBe(2025);
    expect(view.activities.find((activity) => activity.id === "june-meeting")?.day).toBe("2026-06-02");
    expect(view.activities.find((activity) => activity.id === "annual-review")).toMatchObject({
      title: "Adoption of the annual review for 2026",
      timing: "in",
      day: "2026-12-01",
    });
  });
});

describe("the seed and a stored year", () => {
  const seed = { actor: systemActor("seed") };
  const corrected = (title: string): ProgrammeFile => ({ ...seedFile(2024), title });

  it("brings a year only the seed wrote up to date from the bundled file, each time, audited with before and after", async () => {
    const clock = fixedClock(NOW);
    const store = memoryProgrammeStore();
    expect(await seedProgrammeYears(store, [corrected("Old title")], clock, seed)).toMatchObject({ created: [2024] });
    expect(await seedProgrammeYears(store, [corrected("Old title")], clock, seed)).toEqual({
      created: [],
      upgraded: [],
      existing: [2024],
    });
    expect(await seedProgrammeYears(store, [corrected("Corrected title")], clock, seed)).toMatchObject({
      upgraded: [2024],
    });
    expect(await seedProgrammeYears(store, [corrected("Corrected again")], clock, seed)).toMatchObject({
      upgraded: [2024],
    });
    expect(await store.get(2024)).toMatchObject({
      version: 3,
      value: { seeded: true, file: { title: "Corrected again" } },
    });
    expect(store.audit.map((entry) => [entry.action, entry.before && "before"])).toEqual([
      ["programme.seed", undefined],
      ["programme.seed", "before"],
      ["programme.seed", "before"],
    ]);
  });

  it("brings up to date a year seeded before the mark (its first version, adopted, not rolled forward)", async () => {
    const store = memoryProgrammeStore();
    const record = { file: corrected("Old title"), status: "adopted" as const, updatedAt: NOW };
    await store.save(record, 0, { ...seed, action: "programme.seed", entity: { type: "programme", id: "2024" } });
    const result = await seedProgrammeYears(store, [corrected("Corrected title")], fixedClock(NOW), seed);
    expect(result.upgraded).toEqual([2024]);
  });

  it("never overwrites a year staff have put or adopted, nor a rolled-forward draft they adopted", async () => {
    const deps = await seededProgramme(fixedClock(NOW));
    const staff = { actor: { kind: "user" as const, id: "officer", groups: ["secretariat" as const] } };
    const years = programmeYears({ store: deps.store, clock: deps.clock, templates: deps.templates });
    await years.put(2025, file2025(), 0, staff);
    await years.adopt(2026, 0, staff);
    // 2024 put back as it stands writes nothing (an adopted year takes no other change, adopted-year.ts): still the
    // seed's, so the seed brings it up to date.
    const stored = (await deps.store.get(2024))?.value.file ?? seedFile(2024);
    await years.put(2024, stored, 1, staff);
    expect((await deps.store.get(2024))?.value.seeded).toBe(true);
    const again = await seedProgrammeYears(
      deps.store,
      [
        corrected("Corrected title"),
        { ...seedFile(2023), year: 2026, title: "Not the staff's 2026" },
        file2025({ title: "Not the staff's 2025" }),
      ],
      deps.clock,
      seed,
    );
    expect(again).toEqual({ created: [], upgraded: [2024], existing: [2026, 2025] });
    expect((await deps.store.get(2025))?.value.file.title).toBe(file2025().title);
    expect((await deps.store.get(2026))?.value.file.title).not.toBe("Not the staff's 2026");
    expect((await deps.store.get(2024))?.value.file.title).toBe("Corrected title");
  });
});
