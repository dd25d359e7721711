// The day a programme letter is sent: its schedule's first firing in the month its item is planned for, read from the
// AWS cron expression in the schedule's zone, checked against a plain count of weekdays for every letter schedule in
// events/programme.json over seven years; and an item whose letters go out on different days is timed by the first.
import { describe, expect, it } from "vitest";
import { monthEnd } from "#shared/programme/calendar.ts";
import { programmeLetterReadiness } from "#shared/programme/letter-readiness.ts";
import type { Activity, Programme } from "#shared/programme/schemas.ts";
import type { Programme as Schedules } from "#shared/schedules/schema.ts";
import { firstFiringBetween } from "#shared/schedules/send-day.ts";
import { dayIn } from "#shared/zoned-time.ts";
import { programme as schedules } from "../../events/programme.ts";

const AWS_DAY_NAMES = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

/** The n-th weekday (AWS numbering, 1 = Sunday) of a month, counted by hand. */
function nthWeekday(year: number, month: number, awsWeekday: number, n: number): string {
  const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const first = 1 + ((awsWeekday - 1 - firstWeekday + 7) % 7);
  return `${year}-${String(month).padStart(2, "0")}-${String(first + 7 * (n - 1)).padStart(2, "0")}`;
}

const letterSchedules = schedules.schedules.filter((schedule) => schedule.target === "wave-dispatch");

describe("firstFiringBetween", () => {
  it("reads every letter schedule as `minute hour ? month weekday#n *`, the form the count below knows", () => {
    expect(letterSchedules.length).toBeGreaterThan(0);
    for (const { expression } of letterSchedules) expect(expression).toMatch(/^cron\(\d+ \d+ \? \d+ \d#\d \*\)$/);
  });

  for (const schedule of letterSchedules) {
    it(`finds ${schedule.id}'s send day, 2026 to 2032, as the n-th weekday of its month`, () => {
      const [, hour, month, weekday, nth] =
        /^cron\(\d+ (\d+) \? (\d+) (\d)#(\d) \*\)$/.exec(schedule.expression)?.map(Number) ?? [];
      if (hour === undefined || month === undefined || weekday === undefined || nth === undefined) {
        throw new Error(`unexpected expression ${schedule.expression}`);
      }
      for (let year = 2026; year <= 2032; year += 1) {
        const first = `${year}-${String(month).padStart(2, "0")}-01`;
        const firing = firstFiringBetween(schedule.expression, schedule.timezone, first, monthEnd(first.slice(0, 7)));
        const expected = nthWeekday(year, month, weekday, nth);
        expect(firing && dayIn(firing, schedule.timezone), `${schedule.id} ${year}`).toBe(expected);
        const clock = new Intl.DateTimeFormat("en-GB", {
          timeZone: schedule.timezone,
          weekday: "short",
          hour: "2-digit",
          hourCycle: "h23",
        }).formatToParts(firing);
        expect(clock.find((part) => part.type === "hour")?.value).toBe(String(hour).padStart(2, "0"));
        expect(clock.find((part) => part.type === "weekday")?.value.toUpperCase()).toBe(AWS_DAY_NAMES[weekday - 1]);
      }
    });
  }

  it("finds none when the schedule does not fire between the days", () => {
    expect(firstFiringBetween("cron(0 9 ? 9 3#2 *)", "America/New_York", "2026-09-01", "2026-09-07")).toBeUndefined();
    expect(firstFiringBetween("rate(1 day)", "America/New_York", "2026-09-01", "2026-09-30")).toBeUndefined();
  });

  it("counts the firing's day in the schedule's zone, not in UTC", () => {
    // 21:00 in New York on 8 September 2026 is 01:00 UTC on the 9th.
    const firing = firstFiringBetween("cron(0 21 ? 9 3#2 *)", "America/New_York", "2026-09-01", "2026-09-30");
    expect(firing?.toISOString()).toBe("2026-09-09T01:00:00.000Z");
    expect(firing && dayIn(firing, "America/New_York")).toBe("2026-09-08");
  });
});

const september: Activity = {
  id: "sep-letters",
  kind: "correspondence",
  title: "September's letters",
  agendaItems: [],
  responsible: ["committee"],
  source: { basis: "annex", document: "Annex II", locator: "September", line: 1 },
  verified: true,
  timing: "in",
  day: "2026-09-01",
  lastDay: "2026-09-30",
  plannedMonth: "2026-09",
  letters: [
    { waveKey: "third-thursday", templateId: "programme-a" },
    { waveKey: "second-tuesday", templateId: "programme-b" },
    { waveKey: "by-hand", templateId: "programme-c", manual: true },
  ],
};

const letterSchedule = (id: string, expression: string) => ({
  id,
  description: id,
  expression,
  timezone: "America/New_York",
  target: "wave-dispatch",
  input: { programmeWave: { key: id, templateId: "programme-a", audience: "all-states", notAfterHours: 72 } },
});

/** A programme year with no activities of its own: the readiness reads only the schedules for a send day. */
const yearOf = (year: number): Programme => ({
  year,
  title: String(year),
  period: { from: `${year}-02-01`, to: `${year + 1}-01-31` },
  source: { document: "test", annexRead: true },
  activities: [],
});

function readiness(given: Schedules) {
  return programmeLetterReadiness({
    letters: { wavesOf: async () => ({ withWaves: (activity) => activity }) },
    templates: { get: async () => undefined },
    schedules: () => given,
  });
}

describe("a correspondence item's send day", () => {
  const both: Schedules = {
    year: 2026,
    schedules: [
      letterSchedule("third-thursday", "cron(0 9 ? 9 5#3 *)"),
      letterSchedule("second-tuesday", "cron(0 9 ? 9 3#2 *)"),
    ],
  };

  it("is the first of its letters' days when they go out on different days", async () => {
    const letters = await readiness(both)(yearOf(2026));
    // Tuesday 8 September, before Thursday 17 September; the manual letter has no day.
    expect(letters.sendDay(september)).toBe("2026-09-08");
  });

  it("is the item's first day when no schedule of its letters fires in its month", async () => {
    const letters = await readiness({
      year: 2026,
      schedules: [letterSchedule("second-tuesday", "cron(0 9 ? 10 3#2 *)")],
    })(yearOf(2026));
    expect(letters.sendDay(september)).toBe("2026-09-01");
  });

  it("is September's second Tuesday for the bundled September item, both its letters sent that day", async () => {
    const letters = await readiness(schedules)(yearOf(2027));
    const item: Activity = {
      ...september,
      day: "2027-09-01",
      lastDay: "2027-09-30",
      letters: [
        { waveKey: "open-briefing-invitation-states", templateId: "programme-effective-practices-invitation" },
        { waveKey: "open-briefing-invitation-organizations", templateId: "programme-open-briefing-invitation" },
      ],
    };
    expect(letters.sendDay(item)).toBe("2027-09-14");
  });
});
