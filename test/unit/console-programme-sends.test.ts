// The programme's coming sendings of a staff wave's letter, as the wave's page names them: read from GET /programme's
// answer as the API builds it (the bundled programme years, rolled forward, with events/programme.json's schedules).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixedClock } from "#shared/clock.ts";
import type { Audience } from "#shared/correspondence/schemas.ts";
import { viewProgramme } from "#shared/programme/programme-view.ts";
import type { ProgrammeView } from "#shared/programme/schemas.ts";
import { programmeSchema } from "#shared/schedules/schema.ts";
import { firstFiringBetween } from "#shared/schedules/send-day.ts";
import { programmeSendings, programmeYearsAround } from "../../console/src/pages/correspondence/programme-sends.ts";
import { seededProgramme } from "./programme-fixture.ts";

const schedules = programmeSchema.parse(
  JSON.parse(readFileSync(new URL("../../events/programme.json", import.meta.url), "utf8")),
);
// Monday 1 February 2027: the first-report request fires on the second Tuesday of March, 09:00 New York (EST).
const clock = fixedClock("2027-02-01T12:00:00Z");
const FIRES = "2027-03-09T14:00:00.000Z";

async function views(years: number[]): Promise<ProgrammeView[]> {
  const { years: programme } = await seededProgramme(clock);
  const view = viewProgramme({ clock, years: programme, schedules: () => schedules });
  return Promise.all(years.map((year) => view({ year, next: 1 })));
}

const staffWave = (sendInstant: string, audience: Audience = "non-reporting-states") => ({
  id: "01JSTAFFWAVE0000000000000A",
  templateId: "programme-first-report-request",
  audience,
  sendInstant,
});

describe("the programme's sendings of a staff wave's letter", () => {
  it("reads the programme years within 30 days either side of the wave, February to January", () => {
    expect(programmeYearsAround({ sendInstant: "2027-03-02T14:00:00.000Z" })).toEqual([2026, 2027]);
    expect(programmeYearsAround({ sendInstant: "2027-06-15T13:00:00.000Z" })).toEqual([2027]);
    expect(programmeYearsAround({ sendInstant: "2027-12-20T14:00:00.000Z" })).toEqual([2027]);
    // 30 days before is 03:00 UTC on 1 February, still 31 January in New York, where the schedules fire: 2024's.
    expect(programmeYearsAround({ sendInstant: "2025-03-03T03:00:00.000Z" })).toEqual([2024, 2025]);
  });

  it("holds the programme's letter for a wave of it to the same audience within 30 days, to the minute", async () => {
    const read = await views([2026, 2027]);
    const sent = (sendInstant: string) =>
      programmeSendings(read, staffWave(sendInstant), clock.now(), firstFiringBetween);
    expect(sent("2027-03-02T14:00:00.000Z")).toEqual([
      {
        year: 2027,
        activityId: expect.any(String),
        activityTitle: expect.any(String),
        waveKey: "first-report-request",
        audience: "non-reporting-states",
        firesAt: FIRES,
        held: true,
      },
    ]);
    expect(sent("2027-02-07T14:00:00.000Z")[0]?.held).toBe(true);
    expect(sent("2027-02-07T13:59:00.000Z")[0]?.held).toBe(false);
    expect(sent("2027-04-08T14:00:00.000Z")[0]?.held).toBe(true);
    expect(sent("2027-04-08T14:01:00.000Z")[0]?.held).toBe(false);
  });

  it("names it, not held, for a wave to another audience; nothing for another letter or a programme wave", async () => {
    const read = await views([2026, 2027]);
    const toAll = programmeSendings(
      read,
      staffWave("2027-03-02T14:00:00.000Z", "all-states"),
      clock.now(),
      firstFiringBetween,
    );
    expect(toAll.map(({ audience, held }) => [audience, held])).toEqual([["non-reporting-states", false]]);
    const other = { ...staffWave("2027-03-02T14:00:00.000Z"), templateId: "assistance-follow-up" };
    expect(programmeSendings(read, other, clock.now(), firstFiringBetween)).toEqual([]);
    const programmeWave = { ...staffWave("2027-03-02T14:00:00.000Z"), id: "first-report-request-2026" };
    expect(programmeSendings(read, programmeWave, clock.now(), firstFiringBetween)).toEqual([]);
  });

  it("leaves out a firing that has happened: its wave made, or its time passed", async () => {
    const read = await views([2027]);
    const wave = staffWave("2027-03-02T14:00:00.000Z");
    const made = structuredClone(read);
    for (const activity of made[0]?.activities ?? []) {
      for (const letter of activity.letters ?? []) {
        if (letter.waveKey === "first-report-request") {
          letter.waves = [
            {
              id: "first-report-request-2027",
              status: "completed",
              sendAt: "2027-03-09T09:00",
              timeZone: "America/New_York",
            },
          ];
        }
      }
    }
    expect(programmeSendings(made, wave, clock.now(), firstFiringBetween)).toEqual([]);
    expect(programmeSendings(read, wave, new Date(FIRES), firstFiringBetween)).toEqual([]);
    expect(programmeSendings(read, wave, new Date(Date.parse(FIRES) - 60_000), firstFiringBetween)).toHaveLength(1);
  });
});
