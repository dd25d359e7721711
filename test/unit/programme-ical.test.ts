// GET /programme/{year}.ics read back with ical.js, a maintained iCalendar parser: every activity is one event, with
// a stable UID, its all-day dates, summary and agenda; the zone America/New_York is declared; lines are folded and
// text escaped as RFC 5545 asks.
import { Logger } from "@aws-lambda-powertools/logger";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { addDays } from "#shared/assistance/dates.ts";
import { fixedClock } from "#shared/clock.ts";
import { createRouter } from "#shared/http/router.ts";
import type { ProgrammeView } from "#shared/programme/schemas.ts";
import { programmeRoutes } from "../../functions/api/routes/programme.ts";
import { apiEvent, routerCaller } from "../support/api-event.ts";
import { seededProgramme } from "./programme-fixture.ts";

const clock = fixedClock("2026-12-03T15:00:00Z");
const router = createRouter(programmeRoutes(await seededProgramme(clock)), new Logger({ logLevel: "SILENT" }));
const call = routerCaller(router, "members");

async function feed(year: number) {
  const answer = await router.dispatch(apiEvent({ path: `/programme/${year}.ics`, group: "members" }), "corr-ics");
  expect(answer.statusCode).toBe(200);
  expect(answer.headers?.["content-type"]).toBe("text/calendar; charset=utf-8");
  return answer.body ?? "";
}

const dateOf = (value: unknown) => (value as ICAL.Time).toString();

describe.each([2023, 2024, 2026])("the %i feed", (year) => {
  it("parses with ical.js, event for event, as GET /programme serves the year", async () => {
    const text = await feed(year);
    const calendar = new ICAL.Component(ICAL.parse(text));
    const view = (await call({ path: "/programme", query: `year=${year}` })).body as ProgrammeView;
    const events = calendar.getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));
    expect(events).toHaveLength(view.activities.length);
    const byUid = new Map(events.map((event) => [event.uid, event]));
    expect(byUid.size).toBe(events.length);
    for (const activity of view.activities) {
      const event = byUid.get(`programme-${year}-${activity.id}@desk-1540`);
      expect(event, activity.id).toBeDefined();
      expect(event?.startDate.isDate).toBe(true);
      expect(dateOf(event?.startDate)).toBe(activity.day);
      expect(dateOf(event?.endDate)).toBe(addDays(activity.lastDay, 1));
      expect(event?.summary).toBe(activity.timing === "by" ? `Due: ${activity.title}` : activity.title);
      for (const item of activity.agendaItems) expect(event?.description).toContain(`- ${item}`);
    }
  });

  it("declares the Committee's zone, America/New_York, with its daylight-time rules", async () => {
    const calendar = new ICAL.Component(ICAL.parse(await feed(year)));
    expect(calendar.getFirstPropertyValue("x-wr-timezone")).toBe("America/New_York");
    const zone = calendar.getFirstSubcomponent("vtimezone");
    expect(zone?.getFirstPropertyValue("tzid")).toBe("America/New_York");
    const timezone = new ICAL.Timezone(zone ?? undefined);
    // 10:00 in New York on 15 November 2023 (EST) is 15:00 UTC; on 23 March 2023 (EDT), 14:00.
    const utcOffset = (day: string) =>
      timezone.utcOffset(
        ICAL.Time.fromData({
          year: Number(day.slice(0, 4)),
          month: Number(day.slice(5, 7)),
          day: Number(day.slice(8, 10)),
          hour: 10,
        }),
      );
    expect(utcOffset("2023-11-15")).toBe(-5 * 3600);
    expect(utcOffset("2023-03-23")).toBe(-4 * 3600);
  });
});

describe("the feed's text", () => {
  it("keeps the UIDs of the draft when it is adopted, and marks a draft's events tentative", async () => {
    const draft = new ICAL.Component(ICAL.parse(await feed(2026)));
    const statuses = draft.getAllSubcomponents("vevent").map((event) => event.getFirstPropertyValue("status"));
    expect(new Set(statuses)).toEqual(new Set(["TENTATIVE"]));
    const adopted = new ICAL.Component(ICAL.parse(await feed(2023)));
    expect(adopted.getAllSubcomponents("vevent").every((e) => e.getFirstPropertyValue("status") === "CONFIRMED")).toBe(
      true,
    );
  });

  it("folds long lines at 75 octets with CRLF and escapes commas and semicolons", async () => {
    const text = await feed(2023);
    const lines = text.split("\r\n");
    expect(lines.every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(text).not.toMatch(/[^\r]\n/);
    const joint = new ICAL.Component(ICAL.parse(text))
      .getAllSubcomponents("vevent")
      .find(
        (event) =>
          event.getFirstPropertyValue("uid") ===
          "programme-2023-dec-joint-briefing-counter-terrorism-committees@desk-1540",
      );
    // Held on 15 November although Annex II planned December; the annex's words come back with their punctuation.
    expect(dateOf(joint?.getFirstPropertyValue("dtstart"))).toBe("2023-11-15");
    expect(String(joint?.getFirstPropertyValue("description"))).toContain(
      "(Da'esh), Al-Qaida and associated individuals, groups, undertakings and entities;",
    );
    expect(String(joint?.getFirstPropertyValue("description"))).toContain("Annex II planned it for 2023-12");
  });

  it("is a 404 problem for a year the desk has no programme for, and 400 for a segment that is not a year", async () => {
    expect((await call({ path: "/programme/2019.ics" })).status).toBe(404);
    expect((await call({ path: "/programme/2019.pdf" })).status).toBe(400);
  });
});
