// The daily reminder run across the turn of the programme year, on a fixed clock with the bundled programmes (2023 and
// 2024 adopted, drafts rolled forward from 2023): the next year's February reminders go out in this year's January, on
// their days and once.
import { describe, expect, it } from "vitest";
import { addDays } from "#shared/assistance/dates.ts";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import type { Mailer } from "#shared/mail/ses.ts";
import { type ReminderRun, runProgrammeReminders } from "#shared/programme/reminders.ts";
import type { ProgrammeFile } from "#shared/programme/schemas.ts";
import { inMemoryReminders } from "../support/in-memory/reminders.ts";
import { seededProgramme } from "./programme-fixture.ts";

const audit = { actor: systemActor("programme-reminders") };

/** 07:05 in New York in winter (EST), just after the daily schedule fires. */
const morningOf = (day: string) => `${day}T12:05:00Z`;

async function desk(start: string) {
  const clock = fixedClock(morningOf(start));
  const { years } = await seededProgramme(clock);
  const mails: { subject: string; text: string }[] = [];
  const mailer: Mailer = {
    async sendMail({ subject, text }) {
      mails.push({ subject, text });
      return { messageId: `m-${mails.length}` };
    },
  };
  const run = runProgrammeReminders({
    programmes: years,
    reminders: inMemoryReminders(clock),
    clock,
    mailer,
    secretariatEmail: "secretariat@desk.example",
  });
  /** Runs the reminders each morning from `from` to `to`, and answers what each run sent (or found sent). */
  async function daily(from: string, to: string): Promise<{ day: string; run: ReminderRun }[]> {
    const runs: { day: string; run: ReminderRun }[] = [];
    for (let day = from; day <= to; day = addDays(day, 1)) {
      clock.set(morningOf(day));
      runs.push({ day, run: await run(audit) });
    }
    return runs;
  }
  return { years, mails, daily };
}

const sentOn = (runs: { day: string; run: ReminderRun }[]) =>
  runs.flatMap(({ day, run }) =>
    run.outcomes
      .filter((outcome) => outcome.result === "sent")
      .map((outcome) => `${day} ${outcome.year}/${outcome.activityId} ${outcome.offset}${outcome.late ? " late" : ""}`),
  );

describe("reminders across the turn of the programme year", () => {
  it("reminds in January of next year's February meeting, on its two days, from the next year's draft", async () => {
    const { daily, mails } = await desk("2027-01-10");
    const runs = await daily("2027-01-10", "2027-02-10");
    expect(sentOn(runs)).toEqual([
      "2027-01-17 2026/next-programme-of-work 14",
      "2027-01-18 2027/feb-meeting-focus-outreach-guides 14",
      "2027-01-28 2026/next-programme-of-work 3",
      "2027-01-29 2027/feb-meeting-focus-outreach-guides 3",
    ]);
    expect(runs.find(({ day }) => day === "2027-01-18")?.run).toMatchObject({
      programme: { year: 2026, status: "draft" },
      nextProgramme: { year: 2027, status: "draft" },
    });
    const february = mails.find((mail) => mail.subject.includes("2027 focus"));
    expect(february?.subject).toBe(
      "Reminder: Committee meeting: the 2027 focus of implementation, outreach, technical guides and the group of " +
        "experts' guidelines, planned for February 2027",
    );
    expect(february?.text).toContain("(draft, not adopted)");
  });

  it("sends an early-February meeting's 14-day reminder on its January day, and never again as a late one", async () => {
    const { years, daily, mails } = await desk("2027-01-01");
    const draft = await years.get(2027);
    const file: ProgrammeFile = {
      ...draft.file,
      activities: [
        ...draft.file.activities,
        {
          id: "feb-meeting-early",
          kind: "meeting",
          title: "Committee meeting on 5 February",
          date: "2027-02-05",
          agendaItems: [],
          responsible: ["committee"],
          source: { basis: "record", document: "Journal of the United Nations", locator: "5 February 2027" },
          verified: false,
          note: "Dated by the Journal, not by an annex",
        },
      ],
    };
    await years.put(2027, file, 0, audit);
    const runs = await daily("2027-01-15", "2027-02-04");
    expect(sentOn(runs).filter((line) => line.includes("feb-meeting-early"))).toEqual([
      "2027-01-22 2027/feb-meeting-early 14",
      "2027-02-02 2027/feb-meeting-early 3",
    ]);
    // On 1 February, the first run of 2027's year, the 14-day reminder is the one claimed in January.
    const first = runs.find(({ day }) => day === "2027-02-01")?.run;
    expect(first?.programme.year).toBe(2027);
    expect(first?.outcomes.find((outcome) => outcome.activityId === "feb-meeting-early")).toMatchObject({
      offset: 14,
      result: "already-sent",
    });
    expect(mails.filter((mail) => mail.subject.startsWith("Late reminder"))).toEqual([]);
  });

  it("names next year's first activities among what comes next, at the end of January", async () => {
    const { daily } = await desk("2027-01-25");
    const [first] = await daily("2027-01-25", "2027-01-25");
    expect(first?.run.next.map((activity) => `${activity.day} ${activity.activityId}`)).toEqual([
      "2027-01-01 jan-meeting-2024-focus",
      "2027-01-31 next-programme-of-work",
      "2027-02-01 feb-meeting-focus-outreach-guides",
      "2027-03-01 mar-chair-briefing-security-council",
      "2027-03-01 mar-informal-meeting-group-of-experts",
    ]);
  });
});
