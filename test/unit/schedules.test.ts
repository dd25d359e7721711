// The programme's schedules: AWS cron read the way AWS reads it (through croner), the schema, and the local scheduler.
import { Cron } from "croner";
import { afterEach, describe, expect, it, vi } from "vitest";
import { programme } from "../../events/programme.ts";
import { startScheduler } from "../../infra/local/scheduler.ts";
import { fixedClock } from "../../shared/clock.ts";
import { parseAt, parseRate, ScheduleExpressionError, toCronerPattern } from "../../shared/schedules/aws-cron.ts";
import { type Programme, programmeSchema } from "../../shared/schedules/schema.ts";

const FROM = new Date("2026-02-02T12:00:00Z");

/** The next runs of an AWS cron expression, in a time zone, as that zone's wall-clock times. */
function nextRuns(awsCron: string, timezone: string, count: number, from = FROM): string[] {
  const job = new Cron(toCronerPattern(awsCron), { timezone, mode: "5-part", paused: true });
  const local = new Intl.DateTimeFormat("sv-SE", { timeZone: timezone, dateStyle: "short", timeStyle: "short" });
  const weekday = new Intl.DateTimeFormat("en-GB", { timeZone: timezone, weekday: "short" });
  return job.nextRuns(count, from).map((date) => `${weekday.format(date)} ${local.format(date)}`);
}

describe("toCronerPattern", () => {
  it("reads cron(0 9 1 3 ? *) as 09:00 on 1 March in the schedule's zone, not as seconds", () => {
    expect(toCronerPattern("cron(0 9 1 3 ? *)")).toBe("0 9 1 3 *");
    const job = new Cron(toCronerPattern("cron(0 9 1 3 ? *)"), {
      timezone: "Europe/Zurich",
      mode: "5-part",
      paused: true,
    });
    expect(job.nextRun(FROM)?.toISOString()).toBe("2026-03-01T08:00:00.000Z");
    expect(nextRuns("cron(0 9 1 3 ? *)", "America/New_York", 2)).toEqual([
      "Sun 2026-03-01 09:00",
      "Mon 2027-03-01 09:00",
    ]);
  });

  it("keeps month lists", () => {
    expect(toCronerPattern("cron(0 9 1 1,4,7,10 ? *)")).toBe("0 9 1 1,4,7,10 *");
    expect(nextRuns("cron(0 9 1 1,4,7,10 ? *)", "UTC", 4)).toEqual([
      "Wed 2026-04-01 09:00",
      "Wed 2026-07-01 09:00",
      "Thu 2026-10-01 09:00",
      "Fri 2027-01-01 09:00",
    ]);
  });

  it("keeps day names, MON-FRI", () => {
    expect(toCronerPattern("cron(30 8 ? * MON-FRI *)")).toBe("30 8 * * MON-FRI");
    const runs = nextRuns("cron(30 8 ? * MON-FRI *)", "Asia/Tokyo", 10);
    expect(runs.every((run) => !run.startsWith("Sat") && !run.startsWith("Sun"))).toBe(true);
    expect(runs.every((run) => run.endsWith("08:30"))).toBe(true);
  });

  it("shifts numeric days of the week down by one (AWS SUN=1, croner SUN=0)", () => {
    expect(toCronerPattern("cron(0 9 ? * 2-6 *)")).toBe("0 9 * * 1-5");
    expect(toCronerPattern("cron(0 9 ? * 1,7 *)")).toBe("0 9 * * 0,6");
    expect(toCronerPattern("cron(0 9 ? * 4 *)")).toBe("0 9 * * 3");
    expect(nextRuns("cron(0 9 ? * 1,7 *)", "UTC", 4)).toEqual([
      "Sat 2026-02-07 09:00",
      "Sun 2026-02-08 09:00",
      "Sat 2026-02-14 09:00",
      "Sun 2026-02-15 09:00",
    ]);
    expect(nextRuns("cron(0 9 ? * 4 *)", "UTC", 1)).toEqual(["Wed 2026-02-04 09:00"]);
  });

  it("shifts the weekday of 2#1 but not the occurrence: the first Monday", () => {
    expect(toCronerPattern("cron(0 9 ? * 2#1 *)")).toBe("0 9 * * 1#1");
    expect(toCronerPattern("cron(0 9 ? * MON#3 *)")).toBe("0 9 * * MON#3");
    // FROM is 13:00 in Vienna on Monday 2 February, after that day's run.
    expect(nextRuns("cron(0 9 ? * 2#1 *)", "Europe/Vienna", 3)).toEqual([
      "Mon 2026-03-02 09:00",
      "Mon 2026-04-06 09:00",
      "Mon 2026-05-04 09:00",
    ]);
  });

  it("handles L: the last day of the month, the last Friday, the last day of the week", () => {
    expect(toCronerPattern("cron(0 9 L * ? *)")).toBe("0 9 L * *");
    expect(nextRuns("cron(0 9 L * ? *)", "UTC", 3)).toEqual([
      "Sat 2026-02-28 09:00",
      "Tue 2026-03-31 09:00",
      "Thu 2026-04-30 09:00",
    ]);
    expect(toCronerPattern("cron(0 10 ? * 6L *)")).toBe("0 10 * * 5L");
    expect(nextRuns("cron(0 10 ? * 6L *)", "UTC", 2)).toEqual(["Fri 2026-02-27 10:00", "Fri 2026-03-27 10:00"]);
    expect(toCronerPattern("cron(0 9 ? * L *)")).toBe("0 9 * * 6");
    expect(toCronerPattern("cron(0 9 15W * ? *)")).toBe("0 9 15W * *");
  });

  it("writes a/n steps as the ranges croner accepts", () => {
    expect(toCronerPattern("cron(0/15 * * * ? *)")).toBe("0-59/15 * * * *");
    expect(toCronerPattern("cron(*/10 8-17 ? * MON-FRI *)")).toBe("*/10 8-17 * * MON-FRI");
  });

  it("refuses a year other than *", () => {
    expect(() => toCronerPattern("cron(0 9 1 3 ? 2026)")).toThrow(/year field must be "\*"/);
  });

  it("refuses what AWS refuses", () => {
    for (const bad of [
      "cron(0 9 * * *)", // five fields
      "cron(0 9 1 3 MON *)", // both days fields set
      "cron(0 9 ? 3 ? *)", // neither set
      "cron(60 9 1 3 ? *)", // minute out of range
      "cron(0 9 ? * 8 *)", // AWS days run 1-7
      "cron(0 9 ? * 2#6 *)", // there is no sixth Monday
      "cron(0 9 ? * */2 *)", // no steps in day-of-week
      "cron(0 9 ? * 6-2 *)", // backwards range
      "0 9 1 3 ? *", // not wrapped in cron()
    ]) {
      expect(() => toCronerPattern(bad), bad).toThrow(ScheduleExpressionError);
    }
  });
});

describe("at() and rate()", () => {
  it("parses at() to a local date-time", () => {
    expect(parseAt("at(2026-03-01T09:00:00)")).toBe("2026-03-01T09:00:00");
    expect(() => parseAt("at(2026-02-30T09:00:00)")).toThrow(ScheduleExpressionError);
    expect(() => parseAt("at(2026-03-01 09:00)")).toThrow(ScheduleExpressionError);
  });

  it("parses rate() with AWS's singular/plural rule", () => {
    expect(parseRate("rate(5 minutes)")).toBe(300_000);
    expect(parseRate("rate(1 hour)")).toBe(3_600_000);
    expect(parseRate("rate(2 days)")).toBe(172_800_000);
    expect(() => parseRate("rate(1 minutes)")).toThrow(ScheduleExpressionError);
    expect(() => parseRate("rate(5 minute)")).toThrow(ScheduleExpressionError);
    expect(() => parseRate("rate(0 minutes)")).toThrow(ScheduleExpressionError);
    expect(() => parseRate("rate(1 week)")).toThrow(ScheduleExpressionError);
  });
});

const letter = {
  id: "first-reminder",
  description: "First reminder letters to States without a point of contact",
  expression: "cron(0 9 1 3 ? *)",
  timezone: "America/New_York",
  target: "dispatch",
  input: { wave: "first-reminder" },
};

describe("programmeSchema", () => {
  it("accepts a well-formed programme, and the committed one", () => {
    expect(programmeSchema.parse({ year: 2026, schedules: [letter] }).schedules[0]?.id).toBe("first-reminder");
    expect(programme.year).toBe(2026);
  });

  it("rejects a time zone that does not exist, or an offset", () => {
    for (const timezone of ["Mars/Olympus_Mons", "+01:00", ""]) {
      const result = programmeSchema.safeParse({ year: 2026, schedules: [{ ...letter, timezone }] });
      expect(result.success, timezone).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(["schedules", 0, "timezone"]);
    }
  });

  it("rejects an expression AWS would refuse, with the reason", () => {
    const result = programmeSchema.safeParse({ year: 2026, schedules: [{ ...letter, expression: "cron(0 9 1 3 *)" }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["schedules", 0, "expression"]);
    expect(result.error?.issues[0]?.message).toMatch(/6 \(minutes hours/);
    expect(programmeSchema.safeParse({ year: 2026, schedules: [{ ...letter, expression: "daily" }] }).success).toBe(
      false,
    );
  });

  it("rejects duplicate ids", () => {
    const result = programmeSchema.safeParse({ year: 2026, schedules: [letter, { ...letter, target: "snapshot" }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["schedules", 1, "id"]);
  });

  it("rejects ids and targets that are not kebab-case, and unknown keys", () => {
    expect(programmeSchema.safeParse({ year: 2026, schedules: [{ ...letter, id: "First Reminder" }] }).success).toBe(
      false,
    );
    expect(programmeSchema.safeParse({ year: 2026, schedules: [{ ...letter, target: "sendLetters" }] }).success).toBe(
      false,
    );
    expect(programmeSchema.safeParse({ year: 2026, schedules: [{ ...letter, timeZone: "UTC" }] }).success).toBe(false);
  });
});

describe("startScheduler", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const schedule = (overrides: Partial<typeof letter>): Programme => ({
    year: 2026,
    schedules: [{ ...letter, ...overrides }],
  });

  it("refuses at start a schedule whose target is not registered", () => {
    expect(() => startScheduler({ programme: schedule({}), targets: {}, log: () => undefined })).toThrow(
      /"first-reminder" -> "dispatch".*known targets: none yet/,
    );
  });

  it("reports each schedule's next run", async () => {
    const clock = fixedClock("2026-02-02T12:00:00Z");
    const programme: Programme = {
      year: 2026,
      schedules: [
        { ...letter, id: "cron-one" },
        { ...letter, id: "at-future", expression: "at(2099-03-01T09:00:00)", timezone: "Europe/Zurich" },
        { ...letter, id: "at-past", expression: "at(2020-03-01T09:00:00)" },
      ],
    };
    const scheduler = startScheduler({
      programme,
      targets: { dispatch: async () => undefined },
      clock,
      log: () => undefined,
    });
    try {
      const runs = scheduler.nextRuns();
      expect(runs["cron-one"]?.toISOString()).toBe("2026-03-01T14:00:00.000Z");
      expect(runs["at-future"]?.toISOString()).toBe("2099-03-01T08:00:00.000Z");
      expect(runs["at-past"]).toBeNull();
    } finally {
      await scheduler.stop();
    }
  });

  it("fires a rate() schedule with its input, and keeps going after a failure", async () => {
    vi.useFakeTimers();
    const calls: unknown[] = [];
    const lines: string[] = [];
    const scheduler = startScheduler({
      programme: schedule({ expression: "rate(5 minutes)" }),
      targets: {
        dispatch: async (input) => {
          calls.push(input);
          if (calls.length === 1) throw new Error("throttled");
        },
      },
      log: (line) => lines.push(line),
    });
    await vi.advanceTimersByTimeAsync(4 * 60_000);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(6 * 60_000);
    expect(calls).toEqual([{ wave: "first-reminder" }, { wave: "first-reminder" }]);
    expect(lines.some((line) => line.includes("failed: throttled"))).toBe(true);
    await scheduler.stop();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(calls).toHaveLength(2);
  });
});
