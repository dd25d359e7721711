// Issue 16's "It must show", on the local stack over HTTP with real tokens: the 2023 programme with Annex II month by
// month and the joint briefing planned for December and held on 15 November; today's programme year with dueNext
// and the reminders' next items; the year's feed and a personal calendar feed (no token) read back with ical.js;
// bad programme years refused with 422 at their path and nothing stored; a programme letter fired to the
// organizations, on each organization's own letters.
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "#shared/assistance/dates.ts";
import { programmeYearOf } from "#shared/programme/calendar.ts";
import type { IssuedCalendarFeed } from "#shared/programme/feeds-schemas.ts";
import type { ProgrammeView } from "#shared/programme/schemas.ts";
import { deskDay } from "#shared/zoned-time.ts";
import { programme as schedules } from "../../events/programme.ts";
import { issueToken } from "../../infra/local/jwt.ts";
import type { LocalStack } from "../../infra/local/stack.ts";
import { startE2eStack } from "../support/e2e-stack.ts";

let stack: LocalStack;
let members: string;
let secretariat: string;

beforeAll(async () => {
  stack = await startE2eStack();
  members = await issueToken(stack.jwtKeys, { group: "members" });
  secretariat = await issueToken(stack.jwtKeys, { group: "secretariat" });
  // Seeding 193 States on a shared, loaded machine can pass the layer's 90 s hook timeout.
}, 300_000);

afterAll(() => stack?.stop());

const request = (path: string, token?: string, init: RequestInit = {}) =>
  fetch(`${stack.apiUrl}${path}`, {
    ...init,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...init.headers },
  });

async function view(query = ""): Promise<ProgrammeView> {
  const answer = await request(`/programme${query}`, members);
  expect(answer.status).toBe(200);
  return (await answer.json()) as ProgrammeView;
}

const eventsOf = (text: string) =>
  new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));

describe("the programme of work on the local stack", () => {
  it("lists 2023 with Annex II: meetings in every month from February 2023 to January 2024", async () => {
    const programme = await view("?year=2023");
    expect(programme).toMatchObject({ year: 2023, status: "adopted" });
    const annex = programme.activities.filter((activity) => activity.source.basis === "annex");
    // Annex II's items, counted in the stored letter (test/unit/programme-annex-2023.test.ts reads them line by line).
    expect(annex).toHaveLength(25);
    const meetingMonths = new Set(
      programme.activities
        .filter((activity) => activity.kind === "meeting")
        .map((activity) => activity.plannedMonth ?? activity.day.slice(0, 7)),
    );
    const months = Array.from({ length: 12 }, (_, index) => {
      const month = new Date(Date.UTC(2023, 1 + index, 1));
      return month.toISOString().slice(0, 7);
    });
    expect(months.filter((month) => !meetingMonths.has(month))).toEqual([]);
    const joint = programme.activities.find((activity) => activity.title.startsWith("Joint briefing"));
    expect(joint).toMatchObject({ plannedMonth: "2023-12", day: "2023-11-15", held: { date: "2023-11-15" } });
    expect(joint?.held?.sources.length).toBeGreaterThan(0);
  });

  it("serves today's programme year with dueNext, and the reminders name what comes next", async () => {
    const today = deskDay(new Date());
    const programme = await view();
    expect(programme.year).toBe(programmeYearOf(today));
    expect(["draft", "adopted"]).toContain(programme.status);
    expect(programme.dueNext.length).toBeGreaterThan(0);
    expect(programme.dueNext.every((activity) => activity.lastDay >= today)).toBe(true);

    const fire = stack.targets["programme-reminders"];
    if (!fire) throw new Error("no programme-reminders target");
    const run = (await fire({})) as { programme: { year: number }; next: { day: string }[] };
    expect(run.programme.year).toBe(programme.year);
    expect(run.next.length).toBeGreaterThan(0);
  });

  it("gives the year's feed behind the token, and a personal feed without one, both parsed with ical.js", async () => {
    const programme = await view();
    expect((await request(`/programme/${programme.year}.ics`)).status).toBe(401);
    const yearFeed = await request(`/programme/${programme.year}.ics`, members);
    expect(yearFeed.status).toBe(200);
    const yearEvents = eventsOf(await yearFeed.text());
    expect(yearEvents).toHaveLength(programme.activities.length);

    const issued = await request("/programme/feeds", members, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(issued.status).toBe(201);
    const { id, path } = (await issued.json()) as IssuedCalendarFeed;
    const personal = await request(path);
    expect(personal.status).toBe(200);
    expect(personal.headers.get("cache-control")).toMatch(/^private, max-age=\d+$/);
    const uids = new Set(eventsOf(await personal.text()).map((event) => event.uid));
    for (const event of yearEvents) expect(uids.has(event.uid), event.uid).toBe(true);

    expect((await request(`/programme/feeds/${id}`, members, { method: "DELETE" })).status).toBe(204);
    expect((await request(path)).status).toBe(404);
  });

  it("refuses an impossible date, a duplicate id and a year that does not match its period: 422, nothing stored", async () => {
    const year = (await view()).year;
    const current = await request(`/programme/${year}`, secretariat);
    const { programme: file } = (await current.json()) as {
      programme: { year: number; period: { from: string; to: string }; activities: Record<string, unknown>[] };
    };
    const first = file.activities[0];
    const second = file.activities[1];
    if (!first || !second) throw new Error(`the ${year} programme has fewer than two activities`);
    const spoilt = [
      { ...file, activities: [{ ...first, date: `${year}-02-30` }, ...file.activities.slice(1)] },
      { ...file, activities: [first, { ...second, id: first.id }, ...file.activities.slice(2)] },
      { ...file, period: { from: `${year - 1}-02-01`, to: `${year}-01-31` } },
    ];
    const before = await (await request("/programme/years", secretariat)).text();
    for (const body of spoilt) {
      const answer = await request(`/programme/${year}`, secretariat, {
        method: "PUT",
        headers: { "content-type": "application/json", "if-match": current.headers.get("etag") ?? '"0"' },
        body: JSON.stringify(body),
      });
      expect(answer.status).toBe(422);
      const problem = (await answer.json()) as { errors: { path: string }[] };
      expect(problem.errors.map((error) => error.path).join(" ")).toMatch(/body\.(activities\.\d+\.(date|id)|period)/);
    }
    expect(await (await request("/programme/years", secretariat)).text()).toBe(before);
  });
});

describe("a programme year's own letter values on the local stack", () => {
  it("reach the wave `npm run fire` makes of a programme letter, as deployed", async () => {
    const year = (await view()).year;
    const current = await request(`/programme/${year}`, secretariat);
    const { programme: file } = (await current.json()) as {
      programme: { activities: { letters?: { waveKey: string; values?: Record<string, string> }[] }[] };
    };
    const key = "open-briefing-invitation-organizations";
    const values = {
      // After the day the letter is fired (today): a briefing before it is refused.
      "briefing.date": addDays(deskDay(new Date()), 30),
      "briefing.time": "10:00",
      "briefing.venue": "Conference Room 4",
    };
    const given = {
      ...file,
      activities: file.activities.map((activity) => ({
        ...activity,
        ...(activity.letters
          ? { letters: activity.letters.map((letter) => (letter.waveKey === key ? { ...letter, values } : letter)) }
          : {}),
      })),
    };
    const put = await request(`/programme/${year}`, secretariat, {
      method: "PUT",
      headers: { "content-type": "application/json", "if-match": current.headers.get("etag") ?? '"0"' },
      body: JSON.stringify(given),
    });
    expect(put.status).toBe(200);

    const schedule = schedules.schedules.find((candidate) => candidate.id === key);
    const fire = stack.targets["wave-dispatch"];
    if (!schedule || !fire) throw new Error(`no ${key} schedule or wave-dispatch target`);
    await fire(schedule.input ?? {});
    const wave = await request(`/waves/${key}-${year}`, secretariat);
    expect(wave.status).toBe(200);
    expect(await wave.json()).toMatchObject({ values, status: expect.not.stringMatching(/^draft$/) });

    // Each organization written to finds the letter among its own, as the dispatch wrote it.
    const ledger = await request(`/waves/${key}-${year}/messages?limit=100`, secretariat);
    const { items } = (await ledger.json()) as { items: { owner: string; recipient: string; status: string }[] };
    const written = items.filter((message) => message.owner.startsWith("ORG:"));
    expect(written.length).toBeGreaterThan(0);
    for (const message of written.slice(0, 3)) {
      const letters = await request(`/organizations/${message.owner.slice(4)}/letters`, members);
      expect(letters.status).toBe(200);
      const { items: entries } = (await letters.json()) as { items: { source: { id: string }; action: string }[] };
      expect(entries.map((entry) => entry.source.id)).toContain(`${key}-${year}/${message.recipient}`);
    }
  }, 120_000);
});

describe("a local stack started without search (a test's that never searches)", () => {
  it("builds no index: the seeded States are there, and a search finds none of them", async () => {
    await stack.searchReady;
    expect(stack.timings).not.toHaveProperty("search");
    expect((await request("/states/MLI", members)).status).toBe(200);
    const found = await request("/search?q=mali&kinds=state", members);
    expect(found.status).toBe(200);
    expect(await found.json()).toMatchObject({ groups: [{ kind: "state", items: [], more: false }] });
  });
});
