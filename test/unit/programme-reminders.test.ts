// The daily reminder run across the turn of the programme year, on a fixed clock with the bundled programmes (2023 and
// 2024 adopted, drafts rolled forward from 2023): the next year's February reminders go out in this year's January, on
// their days and once; and the programme letters their schedules would not send are warned of before their day, and
// named once their wave was made a draft.
import { describe, expect, it } from "vitest";
import { addDays } from "#shared/assistance/dates.ts";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import type { Mailer } from "#shared/mail/ses.ts";
import { reminderEntity } from "#shared/programme/keys.ts";
import { programmeLetterReadiness } from "#shared/programme/letter-readiness.ts";
import { letterWaves } from "#shared/programme/letters.ts";
import { type ReminderRun, runProgrammeReminders } from "#shared/programme/reminders.ts";
import type { ProgrammeFile } from "#shared/programme/schemas.ts";
import { programmeTemplates } from "#shared/templates/programme-templates.ts";
import { programmeWaveInputSchema } from "#shared/waves/programme-wave-schema.ts";
import { programmeWaveOf } from "#shared/waves/programme-waves.ts";
import type { Wave } from "#shared/waves/schemas.ts";
import { programme as schedules } from "../../events/programme.ts";
import { inMemoryReminders } from "../support/in-memory/reminders.ts";
import { inMemoryTemplates } from "../support/in-memory/templates.ts";
import { inMemoryWaves } from "../support/in-memory/waves.ts";
import { countingListings, seededProgramme } from "./programme-fixture.ts";

const audit = { actor: systemActor("programme-reminders") };

/** 07:05 in New York in winter (EST), just after the daily schedule fires. */
const morningOf = (day: string) => `${day}T12:05:00Z`;

async function desk(start: string) {
  const clock = fixedClock(morningOf(start));
  const { years } = await seededProgramme(clock);
  const templates = inMemoryTemplates(clock);
  const waves = inMemoryWaves(clock);
  const now = clock.now().toISOString();
  for (const template of programmeTemplates) {
    await templates.create({ ...template, createdAt: now, updatedAt: now }, audit);
  }
  const reminders = inMemoryReminders(clock);
  const mails: { subject: string; text: string }[] = [];
  const mailer: Mailer = {
    async sendMail({ subject, text }) {
      mails.push({ subject, text });
      return { messageId: `m-${mails.length}` };
    },
  };
  // How many pages of waves the runs asked the store for: one run reads them once, whatever years it reads.
  const { listed, waves: countedWaves } = countingListings(waves);
  const run = runProgrammeReminders({
    programmes: years,
    letters: () =>
      programmeLetterReadiness({ letters: letterWaves(countedWaves), templates, schedules: () => schedules }),
    reminders,
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
  return { clock, years, waves, mails, daily, reminders, listed };
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
      "Reminder: Committee meeting: the 2027 focus of implementation, outreach and technical guides, planned for " +
        "February 2027",
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

  it("lists the waves once a run, though a January run reads this year's letters and the next year's", async () => {
    const { daily, waves, listed } = await desk("2027-01-25");
    await waves.create(firedWave("point-of-contact-update-states", "2026-03-10T14:00:00Z", "draft"), audit);
    const [first, second] = await daily("2027-01-25", "2027-01-26");
    expect(first?.run).toMatchObject({ programme: { year: 2026 }, nextProgramme: { year: 2027 } });
    expect(listed.pages).toBe(2);
    // Each run still sees the waves it lists: the draft is 2026's letter's, named by both.
    expect([first, second].map((day) => day?.run.lettersNotSent.map((letter) => letter.wave.id))).toEqual([
      ["point-of-contact-update-states-2026"],
      ["point-of-contact-update-states-2026"],
    ]);
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

/** A programme letter's wave as its schedule made it on `at`, given a status. */
function firedWave(key: string, at: string, status: Wave["status"]): Wave {
  const schedule = schedules.schedules.find(
    (candidate) => programmeWaveInputSchema.safeParse(candidate.input).data?.programmeWave.key === key,
  );
  const input = programmeWaveInputSchema.parse(schedule?.input).programmeWave;
  return { ...programmeWaveOf(input, new Date(at), "America/New_York"), status };
}

describe("programme letters their schedules would not send", () => {
  it("warns 14 and 3 days before the letters' send day that the open-briefing letters lack the briefing's values", async () => {
    // Sent on the second Tuesday of September: Tuesday 14 September 2027.
    const { daily, mails } = await desk("2027-08-15");
    const runs = await daily("2027-08-15", "2027-09-13");
    const warnings = runs.flatMap(({ day, run }) =>
      run.outcomes
        .filter((outcome) => outcome.withheldLetters && outcome.result === "sent")
        .map((outcome) => [day, outcome.activityId, outcome.offset, outcome.withheldLetters]),
    );
    expect(warnings).toEqual([
      [
        "2027-08-31",
        "sep-letter-open-briefing-invitation",
        14,
        ["open-briefing-invitation-states", "open-briefing-invitation-organizations"],
      ],
      [
        "2027-09-11",
        "sep-letter-open-briefing-invitation",
        3,
        ["open-briefing-invitation-states", "open-briefing-invitation-organizations"],
      ],
    ]);
    const [warning] = mails.filter((mail) => mail.subject.includes("will not be sent"));
    expect(warning?.subject).toBe(
      "Warning: Invitation to the open briefing, encouraging States to share experiences, lessons learned and best " +
        "practices, planned for September 2027: will not be sent as scheduled",
    );
    expect(warning?.text).toContain(
      "Will not be sent: open-briefing-invitation-states (template programme-effective-practices-invitation): " +
        "the briefing's date, starting time and venue were not given. To send it: give " +
        "the values in PUT /programme/2027/activities/sep-letter-open-briefing-invitation/letters/" +
        "open-briefing-invitation-states/values (the item's page in the console) before its send day; or create it as a staff wave of programme-effective-practices-invitation (POST /waves) with them; the " +
        "programme item links that wave; or give them in the programmeWave of schedule " +
        "open-briefing-invitation-states (events/programme.json) and deploy.",
    );
    expect(warning?.text).toContain("Letters sent on: Tuesday 14 September 2027\nDays left: 14 days");
    const last = mails.filter((mail) => mail.subject.includes("will not be sent")).at(-1);
    expect(last?.text).toContain("Letters sent on: Tuesday 14 September 2027\nDays left: 3 days");
  });

  it("does not mail again a warning claimed when warnings were timed from the item's first day", async () => {
    const { daily, mails, reminders, clock } = await desk("2027-08-30");
    // Claimed and sent on 18 August, 14 days before 1 September: its key is the activity's own day and the offset.
    const ref = {
      year: 2027,
      activityId: "sep-letter-open-briefing-invitation",
      dueBy: "2027-09-01",
      offset: 14 as const,
    };
    const claim = {
      ...ref,
      reminderDay: "2027-08-18",
      late: false,
      status: "sending" as const,
      claimedAt: clock.now().toISOString(),
    };
    const entity = reminderEntity(ref);
    await reminders.claim(claim, clock.now().toISOString(), { ...audit, action: "programme.reminder.claim", entity });
    await reminders.markSent(claim, "m-0", clock.now().toISOString(), {
      ...audit,
      action: "programme.reminder.sent",
      entity,
    });
    const runs = await daily("2027-08-31", "2027-08-31");
    expect(runs[0]?.run.outcomes.find((outcome) => outcome.withheldLetters)?.result).toBe("already-sent");
    expect(mails.filter((mail) => mail.subject.includes("will not be sent"))).toEqual([]);
  });

  it("sends a warning found after its day without claiming a missed run", async () => {
    const { daily, mails } = await desk("2027-09-02");
    await daily("2027-09-02", "2027-09-02");
    const warning = mails.find((mail) => mail.subject.startsWith("Warning"));
    expect(warning?.subject).toBe(
      "Warning: Invitation to the open briefing, encouraging States to share experiences, lessons learned and best " +
        "practices, planned for September 2027: will not be sent as scheduled",
    );
    expect(warning?.text).toContain(
      "This is the 14-day warning meant for Tuesday 31 August 2027. It goes out now: the letters were found " +
        "unsendable after that day, or that day's run was missed; their day is still ahead.",
    );
    expect(warning?.text).not.toContain("a missed run)");
  });

  it("warns of no letter its schedule sends: March's four go out as they are", async () => {
    const { daily } = await desk("2027-02-10");
    const runs = await daily("2027-02-10", "2027-02-28");
    expect(runs.flatMap(({ run }) => run.outcomes.filter((outcome) => outcome.withheldLetters))).toEqual([]);
  });

  it("does not warn of a letter staff scheduled as their own wave of its template", async () => {
    const { daily, waves, clock } = await desk("2027-08-30");
    await waves.create(
      {
        id: "01STAFFSEPTEMBER",
        templateId: "programme-effective-practices-invitation",
        audience: "all-states",
        sendAt: "2027-09-14T09:00",
        timeZone: "America/New_York",
        sendInstant: "2027-09-14T13:00:00.000Z",
        notAfter: "2027-09-17T13:00:00.000Z",
        status: "scheduled",
        createdAt: clock.now().toISOString(),
        updatedAt: clock.now().toISOString(),
      },
      audit,
    );
    const [first] = await daily("2027-08-31", "2027-08-31");
    expect(first?.run.outcomes.find((outcome) => outcome.withheldLetters)?.withheldLetters).toEqual([
      "open-briefing-invitation-organizations",
    ]);
  });

  it("names in every mail a letter whose wave its schedule made a draft", async () => {
    const { daily, waves, mails } = await desk("2027-09-15");
    await waves.create(firedWave("open-briefing-invitation-states", "2027-09-14T13:00:00Z", "draft"), audit);
    await waves.create(firedWave("open-briefing-invitation-organizations", "2027-09-14T14:00:00Z", "completed"), audit);
    const runs = await daily("2027-09-15", "2027-09-17");
    expect(runs.map(({ run }) => run.lettersNotSent.map((letter) => letter.wave.id))).toEqual([
      ["open-briefing-invitation-states-2027"],
      ["open-briefing-invitation-states-2027"],
      ["open-briefing-invitation-states-2027"],
    ]);
    // October's open briefing is reminded of on the 17th (the technical guides' meeting was 2023's alone): its mail
    // says the letter was not sent.
    expect(mails.map((mail) => mail.subject)).toEqual([expect.stringContaining("Open briefing")]);
    for (const mail of mails) {
      expect(mail.text).toContain(
        "Not sent: open-briefing-invitation-states (Invitation to the open briefing, encouraging States to share " +
          "experiences, lessons learned and best practices): its schedule made the wave " +
          "open-briefing-invitation-states-2027 a draft on 2027-09-14T09:00 (America/New_York), and no staff wave of " +
          "its template goes out; GET /waves/open-briefing-invitation-states-2027 says what it lacks.",
      );
    }
  });
});
