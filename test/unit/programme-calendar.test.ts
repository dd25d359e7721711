// The programme's calendar rules: New York days across midnight and DST, what is due next, the reminder rule.
import { describe, expect, it } from "vitest";
import { dueNext, isDeadline, monthEnd, quarterEnd, reminderDue } from "#shared/programme/calendar.ts";
import { reminderMail } from "#shared/programme/reminder-mail.ts";
import type { Activity } from "#shared/programme/schemas.ts";
import { deskDay } from "#shared/zoned-time.ts";

const activity = (id: string, day: string, overrides: Partial<Activity> = {}): Activity => ({
  id,
  kind: "deadline",
  title: id,
  agendaItems: [],
  responsible: ["committee"],
  source: { basis: "mandate", document: "a resolution", locator: "paragraph 1" },
  verified: false,
  note: "not read in the annex",
  timing: "by",
  day,
  lastDay: day,
  ...overrides,
});

describe("deskDay", () => {
  it("is New York's date, not UTC's, around midnight in winter (EST, UTC-5) and summer (EDT, UTC-4)", () => {
    expect(deskDay(new Date("2023-01-15T04:59:00Z"))).toBe("2023-01-14");
    expect(deskDay(new Date("2023-01-15T05:00:00Z"))).toBe("2023-01-15");
    expect(deskDay(new Date("2023-07-15T03:59:00Z"))).toBe("2023-07-14");
    expect(deskDay(new Date("2023-07-15T04:00:00Z"))).toBe("2023-07-15");
  });

  it("follows the clock change on the DST days themselves (12 March and 5 November 2023)", () => {
    // 12 March: midnight is still EST (05:00Z); the clocks then skip 02:00 to 03:00.
    expect(deskDay(new Date("2023-03-12T04:59:00Z"))).toBe("2023-03-11");
    expect(deskDay(new Date("2023-03-12T05:00:00Z"))).toBe("2023-03-12");
    expect(deskDay(new Date("2023-03-13T03:59:00Z"))).toBe("2023-03-12");
    expect(deskDay(new Date("2023-03-13T04:00:00Z"))).toBe("2023-03-13");
    // 5 November: midnight is still EDT (04:00Z); the clocks then repeat 01:00 to 02:00.
    expect(deskDay(new Date("2023-11-05T03:59:00Z"))).toBe("2023-11-04");
    expect(deskDay(new Date("2023-11-05T04:00:00Z"))).toBe("2023-11-05");
    expect(deskDay(new Date("2023-11-06T04:59:00Z"))).toBe("2023-11-05");
    expect(deskDay(new Date("2023-11-06T05:00:00Z"))).toBe("2023-11-06");
  });
});

describe("quarter and month ends", () => {
  it("resolve to the last calendar day", () => {
    expect([quarterEnd("2023-Q1"), quarterEnd("2023-Q2"), quarterEnd("2023-Q3"), quarterEnd("2023-Q4")]).toEqual([
      "2023-03-31",
      "2023-06-30",
      "2023-09-30",
      "2023-12-31",
    ]);
    expect([monthEnd("2023-02"), monthEnd("2024-02"), monthEnd("2023-04"), monthEnd("2024-01")]).toEqual([
      "2023-02-28",
      "2024-02-29",
      "2023-04-30",
      "2024-01-31",
    ]);
  });
});

describe("dueNext", () => {
  const activities = [
    activity("c", "2023-10-31"),
    activity("a", "2023-04-30"),
    activity("b", "2023-04-30"),
    activity("d", "2023-12-31"),
  ];

  it("lists the activities on or after today, soonest first (then by id), at most the count", () => {
    expect(dueNext(activities, "2023-04-30", 3).map((item) => item.id)).toEqual(["a", "b", "c"]);
    expect(dueNext(activities, "2023-05-01", 5).map((item) => item.id)).toEqual(["c", "d"]);
    expect(dueNext(activities, "2024-01-01", 5)).toEqual([]);
  });
});

describe("isDeadline", () => {
  it("takes what is due by a day and must be delivered; meetings and briefings get no reminders", () => {
    expect(isDeadline(activity("guidelines", "2023-04-30"))).toBe(true);
    expect(isDeadline(activity("review", "2023-12-31", { kind: "review" }))).toBe(true);
    expect(isDeadline(activity("report", "2023-08-31", { kind: "report" }))).toBe(true);
    expect(isDeadline(activity("open-briefing", "2023-10-31", { kind: "briefing" }))).toBe(false);
    expect(isDeadline(activity("meeting", "2023-06-05", { kind: "meeting", timing: "on" }))).toBe(false);
    expect(isDeadline(activity("held", "2023-06-05", { timing: "on" }))).toBe(false);
  });
});

describe("reminderDue", () => {
  it("owes the 14-day and the 3-day reminder on their calendar days across a month end", () => {
    // Due 30 April 2023: 14 days before is 16 April, 3 days before is 27 April.
    expect(reminderDue("2023-04-30", "2023-04-15")).toBeUndefined();
    expect(reminderDue("2023-04-30", "2023-04-16")).toEqual({ offset: 14, day: "2023-04-16", late: false });
    expect(reminderDue("2023-04-30", "2023-04-27")).toEqual({ offset: 3, day: "2023-04-27", late: false });
    // Due 2 March 2023: back across February's 28 days.
    expect(reminderDue("2023-03-02", "2023-02-16")).toEqual({ offset: 14, day: "2023-02-16", late: false });
    expect(reminderDue("2023-03-02", "2023-02-27")).toEqual({ offset: 3, day: "2023-02-27", late: false });
    // Due 1 March 2024, a leap year: 3 days before is 27 February.
    expect(reminderDue("2024-03-01", "2024-02-27")).toEqual({ offset: 3, day: "2024-02-27", late: false });
    // Due 31 January 2024: back across the year end.
    expect(reminderDue("2024-01-31", "2024-01-17")).toEqual({ offset: 14, day: "2024-01-17", late: false });
    expect(reminderDue("2024-01-10", "2023-12-27")).toEqual({ offset: 14, day: "2023-12-27", late: false });
  });

  it("counts New York calendar days through a DST change: the day, not 24-hour periods", () => {
    // Due 20 March 2023; the clocks change on 12 March, between the 14-day (6 March) and 3-day (17 March) days.
    const onSixth = deskDay(new Date("2023-03-06T12:00:00Z"));
    const onSeventeenth = deskDay(new Date("2023-03-17T04:30:00Z"));
    expect(reminderDue("2023-03-20", onSixth)).toEqual({ offset: 14, day: "2023-03-06", late: false });
    // 04:30Z on 17 March is already 17 March in New York under EDT (a fixed EST offset would say the 16th).
    expect(onSeventeenth).toBe("2023-03-17");
    expect(reminderDue("2023-03-20", onSeventeenth)).toEqual({ offset: 3, day: "2023-03-17", late: false });
    expect(reminderDue("2023-03-20", "2023-03-16")).toEqual({ offset: 14, day: "2023-03-06", late: true });
    // Due 8 November 2023; the clocks go back on 5 November, between the 3-day day and the deadline.
    expect(reminderDue("2023-11-08", deskDay(new Date("2023-11-05T04:30:00Z")))).toEqual({
      offset: 3,
      day: "2023-11-05",
      late: false,
    });
  });

  it("sends a missed 14-day reminder late while no 3-day one has come, and never after the deadline", () => {
    expect(reminderDue("2023-04-30", "2023-04-20")).toEqual({ offset: 14, day: "2023-04-16", late: true });
    expect(reminderDue("2023-04-30", "2023-04-26")).toEqual({ offset: 14, day: "2023-04-16", late: true });
    // From the 3-day day on, the nearer reminder supersedes the missed farther one.
    expect(reminderDue("2023-04-30", "2023-04-29")).toEqual({ offset: 3, day: "2023-04-27", late: true });
    expect(reminderDue("2023-04-30", "2023-04-30")).toBeUndefined();
    expect(reminderDue("2023-04-30", "2023-05-10")).toBeUndefined();
  });
});

describe("reminderMail", () => {
  const guidelines = activity("guidelines", "2023-04-30", {
    title: "Review of the guidelines <on the Group of Experts>",
    note: "set by resolution 2663 & not read in the annex",
  });
  const programme = { year: 2023, title: "Programme of work 2023" };

  it("names the deadline, the days left and the source, with every value escaped in the HTML", () => {
    const mail = reminderMail({
      programme,
      activity: guidelines,
      due: { offset: 14, day: "2023-04-16", late: false },
      daysLeft: 14,
      possiblyResent: false,
    });
    expect(mail.subject).toBe("Reminder: Review of the guidelines <on the Group of Experts>, due in 14 days");
    expect(mail.text).toContain("Due by: Sunday 30 April 2023");
    expect(mail.text).toContain("Verified in Annex II: no: set by resolution 2663 & not read in the annex");
    expect(mail.text).not.toContain("late");
    expect(mail.html).toContain("&lt;on the Group of Experts&gt;");
    expect(mail.html).toContain("resolution 2663 &amp; not read");
    expect(mail.html).not.toContain("<on the Group");
  });

  it("says a late reminder is late, which day it was meant for, and that an interrupted one may repeat", () => {
    const mail = reminderMail({
      programme,
      activity: guidelines,
      due: { offset: 14, day: "2023-04-16", late: true },
      daysLeft: 10,
      possiblyResent: true,
    });
    expect(mail.subject).toBe("Late reminder: Review of the guidelines <on the Group of Experts>, due in 10 days");
    expect(mail.text).toContain("the 14-day reminder meant for Sunday 16 April 2023");
    expect(mail.text).toContain("a run was missed, or the activity (or the desk) was added after that day");
    expect(mail.text).toContain("you may have received it already");
  });

  it("names a meeting on a day by the days left, without the timing word", () => {
    const meeting = { ...guidelines, kind: "meeting" as const, timing: "on" as const, title: "105th meeting" };
    const mail = reminderMail({
      programme,
      activity: meeting,
      due: { offset: 3, day: "2023-04-27", late: false },
      daysLeft: 3,
      possiblyResent: false,
    });
    expect(mail.subject).toBe("Reminder: 105th meeting, in 3 days");
    expect(mail.text).toContain("On: Sunday 30 April 2023");
  });
});
