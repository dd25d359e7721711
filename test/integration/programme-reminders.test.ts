// The daily programme reminders against DynamoDB Local and the SES emulator, with the 2023 programme of work: the
// exact e-mails, once each under repeated and concurrent runs, late ones after an outage, and a failed send retried
// (on the 2023 deadlines alone); the meetings' reminders with their agenda; and the current year read from the desk.
import { randomUUID } from "node:crypto";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { addDays } from "#shared/assistance/dates.ts";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { Invalid, NotFound } from "#shared/errors.ts";
import { type Mailer, sesMailer } from "#shared/mail/ses.ts";
import { isDeadline } from "#shared/programme/calendar.ts";
import { programmeCatalogue, resolveActivity, resolveProgramme } from "#shared/programme/catalogue.ts";
import { reminderRepository } from "#shared/programme/reminder-repository.ts";
import { REMINDER_CLAIM_LEASE_MS, RemindersFailed } from "#shared/programme/reminders.ts";
import type { Programme, ProgrammeFile } from "#shared/programme/schemas.ts";
import { dynamoProgrammeStore } from "#shared/programme/store.ts";
import { programmeYears, seedProgrammeYears } from "#shared/programme/years.ts";
import { templateRepository } from "#shared/templates/repository.ts";
import { seedProgrammeFiles } from "../../events/programme-of-work/index.ts";
import { createProgrammeRemindersHandler } from "../../functions/programme-reminders/app.ts";
import { freshTables } from "./fresh-tables.ts";

interface StoredMail {
  subject: string;
  destination: { to: string[] };
  body: { text?: string; html?: string };
  from: string;
}

async function mailsTo(address: string): Promise<StoredMail[]> {
  const store = (await (await fetch(`${inject("sesEndpoint")}/store`)).json()) as { emails: StoredMail[] };
  return store.emails.filter((email) => email.destination.to.includes(address));
}

/** 07:00 in New York on a day of April 2023 (EDT, UTC-4): when the daily schedule fires. */
const morningOf = (day: string) => `${day}T11:00:00Z`;

let setup: Awaited<ReturnType<typeof freshTables>>;
let secretariat: string;
const clock = fixedClock(morningOf("2023-04-16"));

beforeEach(async () => {
  // Fresh tables and a fresh address per test: claims and mails of one test never meet another's.
  setup = await freshTables();
  secretariat = `secretariat+${randomUUID().slice(0, 8)}@desk.example`;
});

/** One adopted programme year, the only one the desk has. */
const asOnly = (programme: Programme, file: ProgrammeFile) => ({
  get: async (year: number) => {
    if (year !== programme.year) throw new NotFound("Programme of work", String(year));
    return { file, programme, status: "adopted" as const, stored: true, version: 1 };
  },
});

/** Every programme letter goes out (letter-readiness.ts has tests of its own). */
const lettersGoOut = () => async () => ({
  sendDay: (activity: { day: string }) => activity.day,
  withheld: async () => [],
  unsent: () => [],
});

const [file2023] = seedProgrammeFiles();
if (!file2023) throw new Error("the 2023 programme is not bundled");
/** The 2023 programme's deadlines alone: the claims' and outages' rules are told on them. */
const deadlines2023: ProgrammeFile = {
  ...file2023,
  activities: file2023.activities.filter((activity) => isDeadline(resolveActivity(activity))),
};

function remindersHandler(mailer?: Mailer, file: ProgrammeFile = deadlines2023) {
  return createProgrammeRemindersHandler({
    programmes: asOnly(resolveProgramme(file), file),
    letters: lettersGoOut,
    reminders: reminderRepository(setup.doc, setup.tableNames, clock),
    clock,
    mailer: mailer ?? sesMailer({ region: "us-east-1", endpoint: inject("sesEndpoint"), from: "desk@desk.example" }),
    secretariatEmail: secretariat,
    logger: { info: () => undefined },
  });
}

async function runOn(day: string, mailer?: Mailer) {
  clock.set(morningOf(day));
  return remindersHandler(mailer)({});
}

const subjects = async () => (await mailsTo(secretariat)).map((mail) => mail.subject).sort();

describe("programme reminders", () => {
  it("mails the 14-day reminders of 30 April on 16 April, once, however often and however concurrently it runs", async () => {
    // Three runs race on a fresh day: each reminder is claimed by exactly one of them.
    clock.set(morningOf("2023-04-16"));
    const handler = remindersHandler();
    const concurrent = await Promise.all([handler({}), handler({}), handler({})]);
    expect(concurrent.every((run) => run.today === "2023-04-16")).toBe(true);
    const outcomes = concurrent.flatMap((run) => run.outcomes);
    expect(outcomes).toHaveLength(6);
    const sent = outcomes.filter((outcome) => outcome.result === "sent");
    expect(outcomes.filter((outcome) => outcome.result !== "sent").every(({ result }) => result !== "failed")).toBe(
      true,
    );
    expect(sent.map(({ activityId, offset, late }) => [activityId, offset, late]).sort()).toEqual([
      ["group-of-experts-guidelines-review", 14, false],
      ["pending-assistance-report-1", 14, false],
    ]);

    // The trigger repeats: every reminder is found sent.
    const repeated = await runOn("2023-04-16");
    expect(repeated.outcomes.map(({ activityId, result }) => [activityId, result])).toEqual([
      ["pending-assistance-report-1", "already-sent"],
      ["group-of-experts-guidelines-review", "already-sent"],
    ]);

    const mails = await mailsTo(secretariat);
    expect(mails.map((mail) => mail.subject).sort()).toEqual([
      "Reminder: First report on pending assistance requests, due in 14 days",
      "Reminder: Review of the Committee's internal guidelines on matters regarding its Group of Experts, due in 14 days",
    ]);
    const guidelines = mails.find((mail) => mail.subject.includes("guidelines"));
    expect(guidelines?.from).toBe("desk@desk.example");
    expect(guidelines?.body.text).toContain("Due by: Sunday 30 April 2023");
    expect(guidelines?.body.text).toContain("Annex I, paragraph 25, line 91");
    expect(guidelines?.body.html).toContain("Committee&#39;s internal guidelines");
  });

  it("mails nothing more on the days between, then the 3-day reminders on 27 April, and nothing after", async () => {
    await runOn("2023-04-16");
    for (const day of ["2023-04-17", "2023-04-26"]) {
      expect((await runOn(day)).outcomes.map((outcome) => outcome.result)).toEqual(["already-sent", "already-sent"]);
    }
    await runOn("2023-04-27");
    await runOn("2023-04-27");
    expect((await subjects()).filter((subject) => subject.endsWith("due in 3 days"))).toEqual([
      "Reminder: First report on pending assistance requests, due in 3 days",
      "Reminder: Review of the Committee's internal guidelines on matters regarding its Group of Experts, due in 3 days",
    ]);
    expect((await runOn("2023-04-30")).outcomes).toEqual([]);
    expect((await runOn("2023-05-10")).outcomes).toEqual([]);
    expect(await mailsTo(secretariat)).toHaveLength(4);
  });

  it("after an outage sends a missed 14-day reminder late, saying so, but not one a 3-day reminder supersedes", async () => {
    // The schedule did not run from 15 to 19 April: on the 20th the 14-day reminders go out, marked late.
    const late = await runOn("2023-04-20");
    expect(late.outcomes.map(({ offset, late: isLate, result }) => [offset, isLate, result])).toEqual([
      [14, true, "sent"],
      [14, true, "sent"],
    ]);
    const [mail] = await mailsTo(secretariat);
    expect(mail?.subject).toMatch(/^Late reminder: .*, due in 10 days$/);
    expect(mail?.body.text).toContain("the 14-day reminder meant for Sunday 16 April 2023");

    // Down again until the 29th: only the 3-day reminders go out (late), and none on the deadline itself.
    const superseding = await runOn("2023-04-29");
    expect(superseding.outcomes.map(({ offset, late: isLate, result }) => [offset, isLate, result])).toEqual([
      [3, true, "sent"],
      [3, true, "sent"],
    ]);
    expect((await runOn("2023-04-30")).outcomes).toEqual([]);
    expect(await mailsTo(secretariat)).toHaveLength(4);
  });

  it("skips the 14-day reminder altogether when the first run after an outage is past the 3-day day", async () => {
    const run = await runOn("2023-04-28");
    expect(run.outcomes.map(({ activityId, offset, late }) => [activityId, offset, late])).toEqual([
      ["pending-assistance-report-1", 3, true],
      ["group-of-experts-guidelines-review", 3, true],
    ]);
    expect((await subjects()).every((subject) => subject.endsWith("due in 2 days"))).toBe(true);
    expect(await mailsTo(secretariat)).toHaveLength(2);
  });

  it("gives a reminder back when SES fails, so the retry sends it once, and audits every step", async () => {
    const real = sesMailer({ region: "us-east-1", endpoint: inject("sesEndpoint"), from: "desk@desk.example" });
    let calls = 0;
    const flaky: Mailer = {
      async sendMail(message) {
        // SES takes a moment: the audit trail's entries then sort in the order they were written.
        clock.advance(1000);
        calls++;
        if (calls === 1) throw Object.assign(new Error("Throttling"), { name: "Throttling" });
        return real.sendMail(message);
      },
    };
    const failed = await runOn("2023-04-16", flaky).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(RemindersFailed);
    expect((failed as RemindersFailed).failed.map(({ activityId, error }) => [activityId, error])).toEqual([
      ["pending-assistance-report-1", "Throttling"],
    ]);
    expect(await mailsTo(secretariat)).toHaveLength(1);

    // The scheduler's retry, a few minutes later the same morning.
    clock.set("2023-04-16T11:05:00Z");
    const retry = await remindersHandler(flaky)({});
    expect(retry.outcomes.map((outcome) => outcome.result)).toEqual(["sent", "already-sent"]);
    expect(await mailsTo(secretariat)).toHaveLength(2);

    const trail = await setup.doc.send(
      new QueryCommand({
        TableName: setup.tableNames.audit,
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: {
          ":pk": "programme-reminder#2023/pending-assistance-report-1/2023-04-30/14",
        },
      }),
    );
    expect(trail.Items?.map((entry) => [entry.action, entry.actor.id])).toEqual([
      ["programme.reminder.claim", "programme-reminders"],
      ["programme.reminder.release", "programme-reminders"],
      ["programme.reminder.claim", "programme-reminders"],
      ["programme.reminder.sent", "programme-reminders"],
    ]);
  });

  it("leaves a reminder another run is sending, and takes over one whose run died, saying it may repeat", async () => {
    const reminders = reminderRepository(setup.doc, setup.tableNames, clock);
    const audit = { actor: { kind: "system" as const, id: "test" }, action: "programme.reminder.claim" as const };
    const claimOf = (activityId: string, claimedAt: string) => ({
      year: 2023,
      activityId,
      offset: 14 as const,
      dueBy: "2023-04-30",
      reminderDay: "2023-04-16",
      late: false,
      status: "sending" as const,
      claimedAt,
    });
    const now = new Date(morningOf("2023-04-16")).getTime();
    const recent = new Date(now - 60_000).toISOString();
    const dead = new Date(now - REMINDER_CLAIM_LEASE_MS - 60_000).toISOString();
    const staleBefore = new Date(now - REMINDER_CLAIM_LEASE_MS).toISOString();
    const entity = { type: "test", id: "claim" };
    await reminders.claim(claimOf("group-of-experts-guidelines-review", recent), staleBefore, { ...audit, entity });
    await reminders.claim(claimOf("pending-assistance-report-1", dead), staleBefore, { ...audit, entity });

    const run = await runOn("2023-04-16");
    expect(run.outcomes.map(({ activityId, result }) => [activityId, result])).toEqual([
      ["pending-assistance-report-1", "sent"],
      ["group-of-experts-guidelines-review", "in-flight"],
    ]);
    const mails = await mailsTo(secretariat);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.body.text).toContain("you may have received it already");
    const ref = { year: 2023, activityId: "pending-assistance-report-1", dueBy: "2023-04-30", offset: 14 as const };
    expect(await reminders.get(ref)).toMatchObject({
      status: "sent",
      messageId: expect.any(String),
    });
  });

  it("over a year of daily runs mails each deadline's two reminders on their days, and nothing else", async () => {
    const sentOn: string[] = [];
    for (let day = "2023-02-01"; day <= "2024-01-31"; day = addDays(day, 1)) {
      const run = await runOn(day);
      for (const outcome of run.outcomes.filter(({ result }) => result !== "already-sent")) {
        expect(outcome).toMatchObject({ result: "sent", late: false });
        sentOn.push(`${day} ${outcome.activityId} ${outcome.offset}`);
      }
    }
    expect(sentOn).toEqual([
      "2023-04-16 pending-assistance-report-1 14",
      "2023-04-16 group-of-experts-guidelines-review 14",
      "2023-04-27 pending-assistance-report-1 3",
      "2023-04-27 group-of-experts-guidelines-review 3",
      "2023-06-16 assistance-letter-templates-review 14",
      "2023-06-27 assistance-letter-templates-review 3",
      "2023-08-17 pending-assistance-report-2 14",
      "2023-08-28 pending-assistance-report-2 3",
      "2023-09-16 technical-guides-drafts 14",
      "2023-09-27 technical-guides-drafts 3",
      "2023-12-17 pending-assistance-report-3 14",
      "2023-12-28 pending-assistance-report-3 3",
      "2024-01-17 next-programme-of-work 14",
      "2024-01-28 next-programme-of-work 3",
    ]);
    expect(await mailsTo(secretariat)).toHaveLength(14);
  });

  it("gives a deadline whose date is corrected in its file reminders for the new date", async () => {
    const programmeWith = (dueBy: string) =>
      programmeCatalogue({
        "2023.json": {
          year: 2023,
          title: "Programme of work 2023",
          period: { from: "2023-02-01", to: "2024-01-31" },
          source: { document: "Programme of work 2023", annexRead: false },
          activities: [
            {
              id: "guidelines-review",
              kind: "deadline",
              title: "Guidelines review",
              dueBy,
              responsible: ["committee"],
              source: { basis: "mandate", document: "Resolution 2663 (2022)", locator: "third paragraph" },
              verified: false,
              note: "Not read in the annex",
            },
          ],
        },
      });
    const runWith = (programmes: ReturnType<typeof programmeCatalogue>, day: string) => {
      clock.set(morningOf(day));
      const programme = programmes.get(2023);
      return createProgrammeRemindersHandler({
        programmes: asOnly(programme, deadlines2023),
        letters: lettersGoOut,
        reminders: reminderRepository(setup.doc, setup.tableNames, clock),
        clock,
        mailer: sesMailer({ region: "us-east-1", endpoint: inject("sesEndpoint"), from: "desk@desk.example" }),
        secretariatEmail: secretariat,
        logger: { info: () => undefined },
      })({});
    };
    expect((await runWith(programmeWith("2023-04-30"), "2023-04-16")).outcomes[0]?.result).toBe("sent");
    expect((await runWith(programmeWith("2023-04-30"), "2023-04-17")).outcomes[0]?.result).toBe("already-sent");
    expect((await runWith(programmeWith("2023-05-15"), "2023-05-01")).outcomes[0]).toMatchObject({
      dueBy: "2023-05-15",
      offset: 14,
      late: false,
      result: "sent",
    });
    expect(await mailsTo(secretariat)).toHaveLength(2);
  });

  it("reminds of a meeting planned for a month before the month starts, with its agenda; never of a letter", async () => {
    clock.set(morningOf("2023-04-17"));
    const run = await remindersHandler(undefined, file2023)({});
    // The 30 April deadlines' 14-day reminders were due yesterday (a fresh desk: late); May's meeting's is today. The
    // May letter to providers, on the same day, gets none.
    expect(run.outcomes.map(({ activityId, offset, late }) => [activityId, offset, late])).toEqual([
      ["pending-assistance-report-1", 14, true],
      ["group-of-experts-guidelines-review", 14, true],
      ["may-meeting-points-of-contact", 14, false],
    ]);
    const mail = (await mailsTo(secretariat)).find((sent) => sent.subject.includes("points of contact"));
    expect(mail?.subject).toBe(
      "Reminder: Committee meeting: points of contact, including training, planned for May 2023",
    );
    expect(mail?.body.text).toContain("Planned for: May 2023 (the day is not fixed)");
    expect(mail?.body.text).toContain(
      "Agenda items: Committee meeting to consider issues related to points of contact, including training",
    );
    expect(mail?.body.text).toContain("Annex II, May, line 131");
  });

  it("reads the current year from the desk: the 2026 draft, rolled from 2023's Annex II, reminds without invented specifics", async () => {
    const store = dynamoProgrammeStore(setup.doc, setup.tableNames, clock);
    clock.set(morningOf("2026-11-17"));
    await seedProgrammeYears(store, seedProgrammeFiles(), clock, { actor: systemActor("seed") });
    const run = await createProgrammeRemindersHandler({
      programmes: programmeYears({ store, clock, templates: templateRepository(setup.doc, setup.tableNames, clock) }),
      letters: lettersGoOut,
      reminders: reminderRepository(setup.doc, setup.tableNames, clock),
      clock,
      mailer: sesMailer({ region: "us-east-1", endpoint: inject("sesEndpoint"), from: "desk@desk.example" }),
      secretariatEmail: secretariat,
      logger: { info: () => undefined },
    })({});
    expect(run.programme).toEqual({ year: 2026, status: "draft" });
    // Annex II's December items, planned for the month: reminded 14 days before it starts.
    expect(run.outcomes.map(({ activityId, offset, late }) => [activityId, offset, late]).sort()).toEqual([
      ["dec-adoption-annual-review", 14, false],
      ["dec-joint-briefing-counter-terrorism-committees", 14, false],
      ["dec-meeting-assistance-review", 14, false],
    ]);
    const mails = await mailsTo(secretariat);
    const meeting = mails.find((mail) => mail.subject.includes("review of assistance requests"));
    expect(meeting?.subject).toBe(
      "Reminder: Committee meeting: review of assistance requests and matching, planned for December 2026",
    );
    expect(meeting?.body.text).toContain("(draft, not adopted)");
    expect(meeting?.body.text).toContain(
      "Agenda items: Committee meeting to review requests for assistance and the status of assistance requests",
    );
    for (const mail of mails) {
      expect(mail.body.text).not.toMatch(/Mozambique|Addis Ababa|105th|November 2024|15 November/);
    }
  });

  it("refuses a schedule input it does not expect", async () => {
    await expect(remindersHandler()({ today: "2023-04-16" })).rejects.toThrow(Invalid);
  });
});
