// A pending-assistance report is taken on its period's day of the desk's schedule or later (audit 36, item 23): an
// earlier run of a named period would stand for the period with older figures, so it is refused naming the day and
// stores nothing; a run naming no period takes the latest whose day has come, the report the schedule owes (a late run
// on 2 January takes December's). On the day, the report is taken and mailed once. The days are the programme's
// schedules'. In memory.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { latestPeriodDue, REPORT_PERIODS, runAssistanceReport } from "#shared/assistance/report.ts";
import { systemActor } from "#shared/auth/actor.ts";
import { Conflict } from "#shared/errors.ts";
import { refusal } from "../support/fixtures.ts";
import { inMemoryAssistanceDesk } from "../support/in-memory/assistance-desk.ts";

const audit = { actor: systemActor("assistance-report") };
const unread = () => Promise.reject(new Error("no letter is read for a desk with no pending request"));

function reportRun(at: string) {
  const desk = inMemoryAssistanceDesk(at);
  const mails: string[] = [];
  const run = runAssistanceReport({
    ...desk,
    letters: { ledger: { lettersOf: unread }, waves: { get: unread }, templates: { get: unread } },
    mailer: {
      sendMail: async (mail) => {
        mails.push(mail.subject);
        return { messageId: `m${mails.length}` };
      },
    },
    secretariatEmail: "secretariat@desk.example",
  });
  return { desk, mails, run: (input: { period?: string } = {}) => run(input, audit) };
}

describe("the day a pending-assistance report is taken", () => {
  it("refuses a named period before its day with 409 naming it, storing and mailing nothing", async () => {
    // 7 December 2026, New York: the September-December report is the 10 December schedule's.
    const early = reportRun("2026-12-07T15:00:00Z");
    const refused = await refusal(early.run({ period: "2026-3" }));
    expect(refused).toBeInstanceOf(Conflict);
    expect((refused as Conflict).message).toContain(
      "The pending-assistance report 2026-3 (2026-09-01 to 2026-12-31) is taken on 2026-12-10",
    );
    expect((refused as Conflict).message).toContain("The latest period due is 2026-2");
    expect((refused as Conflict).details).toEqual({ reportOn: "2026-12-10" });
    expect(await early.desk.assistance.getReport("2026-3")).toBeUndefined();
    expect(early.mails).toEqual([]);
    expect(early.desk.trail.entries).toEqual([]);
  });

  it("takes, when no period is named, the latest whose day has come: on 7 December, August's", async () => {
    const early = reportRun("2026-12-07T15:00:00Z");
    expect(await early.run()).toMatchObject({
      created: true,
      mailed: true,
      report: { id: "2026-2", asOf: "2026-12-07" },
    });
    expect(await early.desk.assistance.getReport("2026-3")).toBeUndefined();
  });

  it("takes December's report on a late run on 2 January", async () => {
    // 2 January 2027, 03:00 in New York: the schedule's 10 December run did not take it.
    const late = reportRun("2027-01-02T08:00:00Z");
    expect(await late.run()).toMatchObject({ created: true, report: { id: "2026-3", asOf: "2027-01-02" } });
    expect(late.mails).toEqual(["Pending-assistance report 2026-3 (September to December 2026): 0 pending requests"]);
  });

  it("takes it on the day (New York's, at 06:00 there) and mails it once", async () => {
    const onTheDay = reportRun("2026-12-10T11:00:00Z");
    const first = await onTheDay.run();
    expect(first).toMatchObject({ created: true, mailed: true, report: { id: "2026-3", asOf: "2026-12-10" } });
    expect(await onTheDay.run()).toMatchObject({ created: false, mailed: false });
    expect(onTheDay.mails).toHaveLength(1);
  });

  it("knows the latest period whose day has come, across the turn of the year", () => {
    const due = (day: string) => latestPeriodDue(day).id;
    expect(
      ["2026-04-19", "2026-04-20", "2026-05-01", "2026-08-20", "2026-12-09", "2026-12-10", "2027-01-05"].map(due),
    ).toEqual(["2025-3", "2026-1", "2026-1", "2026-2", "2026-2", "2026-3", "2026-3"]);
  });

  it("falls on the days the programme's schedules run the report", () => {
    const programme = JSON.parse(readFileSync("events/programme.json", "utf8")) as {
      schedules: { target: string; expression: string; timezone: string }[];
    };
    const scheduled = programme.schedules
      .filter((schedule) => schedule.target === "assistance-report")
      .map((schedule) => {
        expect(schedule.timezone).toBe("America/New_York");
        const [, day, month] = /^cron\(\d+ \d+ (\d+) (\d+) \? \*\)$/.exec(schedule.expression) ?? [];
        return `${month?.padStart(2, "0")}-${day?.padStart(2, "0")}`;
      });
    expect(scheduled).toEqual(REPORT_PERIODS.map((period) => period.reportOn));
  });
});
