// The wave use cases on the in-memory stores, no database: creating a draft (validated against its template, its
// send time read in its zone), scheduling it with its one-time schedule, and cancelling it.
import { beforeEach, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { Conflict, IllegalTransition, Invalid, NotFound, PreconditionFailed } from "#shared/errors.ts";
import { letterDigest } from "#shared/templates/rules.ts";
import type { Template } from "#shared/templates/schemas.ts";
import { fireProgrammeWave } from "#shared/waves/programme-waves.ts";
import { type WaveScheduler, waveScheduleName } from "#shared/waves/scheduler.ts";
import type { NewWave } from "#shared/waves/schemas.ts";
import { cancelWave, createWave, getWave, listWaves, scheduleWave } from "#shared/waves/waves.ts";
import { refusal } from "../support/fixtures.ts";
import { inMemoryAudit } from "../support/in-memory/audit.ts";
import { inMemoryDispatchStores } from "../support/in-memory/dispatch.ts";
import { type InMemoryTemplates, inMemoryTemplates } from "../support/in-memory/templates.ts";
import { type InMemoryWaves, inMemoryWaves } from "../support/in-memory/waves.ts";

const audit = { actor: systemActor("test") };
const AT = "2027-03-01T09:00:00.000Z";

const template = (id: string, text: string): Template => ({
  id,
  kind: "first-report-request",
  fallbackLanguage: "en",
  variants: { en: { subject: "The first national report", text, html: `<p>${text}</p>` } },
  createdAt: AT,
  updatedAt: AT,
});

const newWave = (changes: Partial<NewWave> = {}): NewWave => ({
  templateId: "first-report-request-2027",
  audience: "non-reporting-states",
  sendAt: "2027-03-15T09:00",
  timeZone: "America/New_York",
  notAfter: "2027-03-20T00:00:00Z",
  deadline: "2027-06-08",
  ...changes,
});

/** Why a call was refused: the error it threw. */
let clock: ReturnType<typeof fixedClock>;
let waves: InMemoryWaves;
let templates: InMemoryTemplates;
/** The schedules the scheduler holds, by wave id. */
let schedules: Map<string, string>;
let scheduler: WaveScheduler;

beforeEach(async () => {
  clock = fixedClock(AT);
  const trail = inMemoryAudit(clock);
  waves = inMemoryWaves(clock, trail);
  templates = inMemoryTemplates(clock, trail);
  await templates.create(template("first-report-request-2027", "Please report by {{deadline|date}}."), audit);
  await templates.create(template("plain-2027", "Dear {{contact.name}}"), audit);
  await templates.create(template("signed-2027", "On behalf of {{committee.chair}}."), audit);
  await templates.create(template("to-states-2027", "The Committee writes to {{state.name}}."), audit);
  await templates.create(template("follow-up-2027", "Your requests:\n\n{{assistance.followUps|list}}"), audit);
  schedules = new Map();
  scheduler = {
    schedule: async (wave) => {
      schedules.set(wave.id, wave.sendInstant);
      return waveScheduleName(wave.id);
    },
    scheduleResend: async (wave) => waveScheduleName(wave.id),
    unschedule: async (waveId) => {
      schedules.delete(waveId);
    },
  };
});

const deps = () => ({ waves, templates, clock, scheduler });

describe("createWave", () => {
  it("stores a draft with its send time read in its zone, notAfter in UTC, and audits it", async () => {
    const created = await createWave(deps())(newWave({ notAfter: "2027-03-19T20:00:00-04:00" }), audit);
    expect(created.version).toBe(1);
    expect(created.value).toMatchObject({
      status: "draft",
      sendInstant: "2027-03-15T13:00:00.000Z",
      notAfter: "2027-03-20T00:00:00.000Z",
      createdAt: AT,
      updatedAt: AT,
      deadline: "2027-06-08",
    });
    expect(await getWave(deps())(created.value.id)).toEqual(created);
    expect(waves.audit.actionsOf({ type: "wave", id: created.value.id })).toEqual(["wave.create"]);
  });

  it("reads the same wall-clock time as another instant in another zone", async () => {
    const inGeneva = await createWave(deps())(newWave({ timeZone: "Europe/Zurich" }), audit);
    expect(inGeneva.value.sendInstant).toBe("2027-03-15T08:00:00.000Z");
  });

  it("gives each wave a time-ordered id, so the listing answers them in creation order", async () => {
    const first = await createWave(deps())(newWave(), audit);
    clock.advance(1000);
    const second = await createWave(deps())(newWave({ templateId: "plain-2027", deadline: undefined }), audit);
    const listed = await listWaves(deps())({ limit: 10 });
    expect(listed.items.map(({ value }) => value.id)).toEqual([first.value.id, second.value.id]);
  });

  it("refuses an unknown template and a notAfter not after the send time together, with their paths", async () => {
    const error = await refusal(
      createWave(deps())(newWave({ templateId: "no-such-template", notAfter: "2027-03-15T13:00:00Z" }), audit),
    );
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Invalid).issues.map((issue) => issue.path)).toEqual(["body.templateId", "body.notAfter"]);
    expect((await listWaves(deps())({ limit: 10 })).items).toEqual([]);
  });

  it("refuses a wave without the deadline its template writes", async () => {
    const error = await refusal(createWave(deps())(newWave({ deadline: undefined }), audit));
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Invalid).issues).toEqual([
      { path: "body.deadline", message: "the template uses {{deadline}}: give its value" },
    ]);
  });

  it("takes a wave without a deadline when its template writes none", async () => {
    const created = await createWave(deps())(newWave({ templateId: "plain-2027", deadline: undefined }), audit);
    expect(created.value.deadline).toBeUndefined();
  });

  it("refuses a local send time the clocks skip in its zone, rather than moving it an hour", async () => {
    const error = await refusal(createWave(deps())(newWave({ sendAt: "2027-03-14T02:30" }), audit));
    expect(error).toBeInstanceOf(Invalid);
    expect(JSON.stringify((error as Invalid).issues)).toContain("body.sendAt");
    expect((await listWaves(deps())({ limit: 10 })).items).toEqual([]);
  });

  it("refuses a send time that has passed, at body.sendAt, as scheduling it would be; a minute ahead is taken", async () => {
    // 09:00 UTC is 04:00 in New York: 03:00 there has passed, 04:01 has not.
    const error = await refusal(createWave(deps())(newWave({ sendAt: "2027-03-01T03:00" }), audit));
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Invalid).issues).toEqual([
      {
        path: "body.sendAt",
        message: "2027-03-01 03:00 in America/New_York (2027-03-01 08:00 UTC) has passed; give a later send time",
      },
    ]);
    const atNow = await refusal(createWave(deps())(newWave({ sendAt: "2027-03-01T04:00" }), audit));
    expect((atNow as Invalid).issues.map((issue) => issue.path)).toEqual(["body.sendAt"]);
    expect((await listWaves(deps())({ limit: 10 })).items).toEqual([]);
    const ahead = await createWave(deps())(newWave({ sendAt: "2027-03-01T04:01" }), audit);
    expect(await scheduleWave(deps())(ahead.value.id, 1, audit)).toMatchObject({ value: { status: "scheduled" } });
  });
});

describe("createWave refuses a wave whose letters would all fail or be misdated", () => {
  const issuesOf = async (wave: NewWave) => {
    const error = await refusal(createWave(deps())(wave, audit));
    expect(error).toBeInstanceOf(Invalid);
    expect((await listWaves(deps())({ limit: 10 })).items).toEqual([]);
    return (error as Invalid).issues;
  };

  it("refuses {{committee.chair}} without a chair when no Chair is configured for the letters' date", async () => {
    expect(await issuesOf(newWave({ templateId: "signed-2027", deadline: undefined }))).toEqual([
      {
        path: "body.chair",
        message:
          "the template uses {{committee.chair}}: no Chair is configured for the letter's date 2027-03-15 " +
          "(shared/templates/committee-chairs.json); give chair",
      },
    ]);
    const signed = await createWave(deps())(newWave({ templateId: "signed-2027", chair: "A. Chair" }), audit);
    expect(signed.value.chair).toBe("A. Chair");
  });

  it("takes {{committee.chair}} without a chair when the configuration has the Chair of the letters' date", async () => {
    clock.set("2024-03-01T09:00:00Z");
    const wave = newWave({ templateId: "signed-2027", sendAt: "2024-03-15T09:00", notAfter: "2024-03-20T00:00:00Z" });
    expect((await createWave(deps())(wave, audit)).value.status).toBe("draft");
  });

  it("refuses {{state.name}} to an audience of organizations, and to providers that may be organizations", async () => {
    const toStates = { templateId: "to-states-2027", deadline: undefined };
    expect(await issuesOf(newWave({ ...toStates, audience: "organizations" }))).toEqual([
      {
        path: "body.audience",
        message:
          "the template uses {{state.name}}, which only letters to States have, and the audience organizations " +
          "writes to organizations",
      },
    ]);
    expect((await issuesOf(newWave({ ...toStates, audience: "assistance-providers" })))[0]?.path).toBe("body.audience");
    expect((await createWave(deps())(newWave({ ...toStates, audience: "all-states" }), audit)).value.status).toBe(
      "draft",
    );
  });

  it("refuses {{assistance.followUps}} to any audience but the follow-up one, which alone reads its value", async () => {
    const followUp = { templateId: "follow-up-2027", deadline: undefined };
    expect(await issuesOf(newWave({ ...followUp, audience: "states-with-pending-requests" }))).toEqual([
      {
        path: "body.audience",
        message:
          "the template uses {{assistance.followUps}}, which only the audience states-with-follow-up-due fills, not " +
          "states-with-pending-requests",
      },
    ]);
    // To organizations, both: they are not States, and it is not the follow-up audience.
    expect(await issuesOf(newWave({ ...followUp, audience: "organizations" }))).toHaveLength(2);
    const wave = await createWave(deps())(newWave({ ...followUp, audience: "states-with-follow-up-due" }), audit);
    expect(wave.value.status).toBe("draft");
  });

  it("refuses a reply deadline, and a briefing date, on or before the letters' date (New York)", async () => {
    expect(await issuesOf(newWave({ deadline: "2020-01-01" }))).toEqual([
      { path: "body.deadline", message: "2020-01-01 is before the letters' date 2027-03-15 (New York)" },
    ]);
    expect((await issuesOf(newWave({ deadline: "2027-03-14" })))[0]?.path).toBe("body.deadline");
    expect(
      (await issuesOf(newWave({ templateId: "plain-2027", values: { "briefing.date": "2027-03-01" } })))[0]?.path,
    ).toBe("body.values.briefing.date");
    // An answer due the day the letter is dated (audit 31: "dated 31 December, due by 31 December") is refused too.
    expect(await issuesOf(newWave({ deadline: "2027-03-15" }))).toEqual([
      {
        path: "body.deadline",
        message: "2027-03-15 is the letters' date 2027-03-15 (New York) itself: give a later day",
      },
    ]);
    expect((await createWave(deps())(newWave({ deadline: "2027-03-16" }), audit)).value.deadline).toBe("2027-03-16");
  });
});

describe("scheduleWave and cancelWave", () => {
  it("refuses (422, no schedule) a wave its template, changed since, could not render", async () => {
    const { value } = await createWave(deps())(newWave({ templateId: "plain-2027", deadline: undefined }), audit);
    const plain = await templates.get("plain-2027");
    if (!plain) throw new Error("seeded above");
    const signed = template("plain-2027", "Dear {{contact.name}}, signed {{committee.chair}}");
    await templates.update(plain, plain.version, signed, audit);
    const error = await refusal(scheduleWave(deps())(value.id, 1, audit));
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Invalid).issues.map((issue) => issue.path)).toEqual(["wave.chair"]);
    expect(schedules.size).toBe(0);
    expect((await getWave(deps())(value.id)).value.status).toBe("draft");
  });

  it("refuses a stored wave written before the checks: letters to organizations naming a State, a past deadline", async () => {
    const at = "2027-03-01T09:00:00.000Z";
    await waves.create(
      {
        ...newWave({ templateId: "to-states-2027", audience: "organizations", deadline: "2020-01-01" }),
        id: "W-old",
        sendInstant: "2027-03-15T13:00:00.000Z",
        status: "draft",
        createdAt: at,
        updatedAt: at,
      },
      audit,
    );
    const error = await refusal(scheduleWave(deps())("W-old", 1, audit));
    expect((error as Invalid).issues.map((issue) => issue.path)).toEqual(["wave.audience", "wave.deadline"]);
    expect(schedules.size).toBe(0);
  });

  it("schedules a draft: the schedule is made, then the wave moves with its name and its letter's digest, audited", async () => {
    const draft = await createWave(deps())(newWave(), audit);
    const id = draft.value.id;
    clock.advance(60_000);
    const scheduled = await scheduleWave(deps())(id, 1, audit);
    const letters = await templates.get("first-report-request-2027");
    expect(scheduled).toMatchObject({
      version: 2,
      value: {
        status: "scheduled",
        scheduleName: waveScheduleName(id),
        letterDigest: letters && letterDigest(letters.value),
      },
    });
    expect(draft.value.letterDigest).toBeUndefined();
    expect(scheduled.value.updatedAt).toBe("2027-03-01T09:01:00.000Z");
    expect(schedules.get(id)).toBe("2027-03-15T13:00:00.000Z");
    expect(waves.audit.actionsOf({ type: "wave", id })).toEqual(["wave.create", "wave.schedule"]);
  });

  it("refuses a stale version with 412 and makes no schedule", async () => {
    const { value } = await createWave(deps())(newWave(), audit);
    expect(await refusal(scheduleWave(deps())(value.id, 7, audit))).toBeInstanceOf(PreconditionFailed);
    expect(schedules.size).toBe(0);
    expect((await getWave(deps())(value.id)).value.status).toBe("draft");
  });

  it("refuses to schedule once the send time has passed, and once notAfter has, making nothing", async () => {
    const { value } = await createWave(deps())(newWave({ description: "First reports" }), audit);
    clock.set("2027-03-15T13:00:00Z");
    const late = await refusal(scheduleWave(deps())(value.id, 1, audit));
    expect(late).toBeInstanceOf(Conflict);
    // Said on the wave's page: by its description, each time once, no id (audit 32).
    expect((late as Conflict).message).toBe(
      "The wave “First reports” cannot be scheduled: its send time, 2027-03-15 09:00 in America/New_York " +
        "(2027-03-15 13:00 UTC), has passed; create a wave with a later send time",
    );
    clock.set("2027-03-21T00:00:00Z");
    expect(((await refusal(scheduleWave(deps())(value.id, 1, audit))) as Conflict).message).toBe(
      "The wave “First reports” cannot be scheduled: its no-letter-after limit, 2027-03-20 00:00 UTC, has passed",
    );
    expect(schedules.size).toBe(0);
  });

  it("answers 404 for a wave that does not exist", async () => {
    expect(await refusal(scheduleWave(deps())("W-none", 1, audit))).toBeInstanceOf(NotFound);
  });

  it("cancels a scheduled wave and deletes its schedule; a second cancel is an illegal transition", async () => {
    const { value } = await createWave(deps())(newWave(), audit);
    await scheduleWave(deps())(value.id, 1, audit);
    const cancelled = await cancelWave(deps())(value.id, 2, audit);
    expect(cancelled).toMatchObject({ version: 3, value: { status: "cancelled" } });
    expect(schedules.has(value.id)).toBe(false);
    expect(await refusal(cancelWave(deps())(value.id, 3, audit))).toBeInstanceOf(IllegalTransition);
    expect(waves.audit.actionsOf({ type: "wave", id: value.id })).toEqual([
      "wave.cancel",
      "wave.create",
      "wave.schedule",
    ]);
  });

  it("keeps the cancel when deleting the schedule fails, so the schedule fires into a refusal", async () => {
    const { value } = await createWave(deps())(newWave(), audit);
    await scheduleWave(deps())(value.id, 1, audit);
    const failing = { ...scheduler, unschedule: () => Promise.reject(new Error("scheduler unavailable")) };
    await expect(cancelWave({ ...deps(), scheduler: failing })(value.id, 2, audit)).rejects.toThrow("unavailable");
    expect((await getWave(deps())(value.id)).value.status).toBe("cancelled");
  });
});

describe("a programme wave whose letters would fail", () => {
  it("waits as a draft naming the Chair no configuration covers, or the State its organizations lack", async () => {
    const stores = inMemoryDispatchStores({ waves, templates, clock });
    const fire = (key: string, templateId: string, audience: NewWave["audience"]) =>
      fireProgrammeWave(stores)({ key, templateId, audience, notAfterHours: 72 }, "America/New_York", audit);
    const signed = await fire("signed", "signed-2027", "non-reporting-states");
    expect(signed.wave.value.status).toBe("draft");
    expect(signed.wave.value.description).toBe(
      "The programme's letter of 2027 to the States without a first national report (March): a draft, not sent: " +
        "the Chair's name was not given (no Chair is configured for the letters' date 2027-03-01); " +
        "to send it, compose a new wave with this template to this audience and give it there",
    );
    const toStates = await fire("to-states", "to-states-2027", "organizations");
    expect(toStates.wave.value.status).toBe("draft");
    expect(toStates.wave.value.description).toContain(
      "a draft, not sent: the template names the State's name, which its letters to the organizations do not have",
    );
    // Not dispatched: nothing rendered, written or sent.
    expect([signed.summary, toStates.summary]).toEqual([undefined, undefined]);
  });
});

describe("a programme letter another wave sends to the same audience about now", () => {
  const firstReport = { key: "first-report", templateId: "first-report-request-2027", notAfterHours: 72 } as const;
  const fire = (audience: NewWave["audience"], key: string = firstReport.key) =>
    fireProgrammeWave(inMemoryDispatchStores({ waves, templates, clock }))(
      { ...firstReport, key, audience, deadlineDays: 90 },
      "America/New_York",
      audit,
    );
  /** A staff wave of the letter, scheduled to send on `sendAt` (New York). */
  async function staffWave(sendAt: string, changes: Partial<NewWave> = {}) {
    const { value } = await createWave(deps())(
      newWave({ sendAt, notAfter: "2027-06-01T00:00:00Z", ...changes }),
      audit,
    );
    return (await scheduleWave(deps())(value.id, 1, audit)).value;
  }

  it("waits as a draft naming the staff wave and what sends it all the same, sending nothing", async () => {
    const staff = await staffWave("2027-03-15T09:00");
    const fired = await fire("non-reporting-states");
    expect(fired.created).toBe(true);
    expect(fired.wave.value.status).toBe("draft");
    expect(fired.wave.value.description).toBe(
      "The programme's letter of 2027 to the States without a first national report (March): a draft, not sent: " +
        `staff wave ${staff.id} is to send this letter to the same audience (scheduled, 2027-03-15 13:00 UTC); ` +
        "to send it all the same, compose a new wave with this template to this audience",
    );
    expect(fired.summary).toBeUndefined();
  });

  it("says a completed staff wave sent the letter, and names no template or audience by id (audit 33, item 13)", async () => {
    const scheduled = await staffWave("2027-03-01T09:00");
    const sending = await waves.move(
      { value: scheduled, version: 2 },
      2,
      { ...scheduled, status: "dispatching" },
      audit,
    );
    const completed = await waves.move(sending, sending.version, { ...sending.value, status: "completed" }, audit);
    const held = (await fire("non-reporting-states")).wave.value.description;
    expect(held).toContain(`staff wave ${completed.value.id} sent this letter to the same audience (completed, `);
    expect(held).not.toMatch(/first-report-request-2027|non-reporting-states/);
  });

  it("goes out when the staff wave writes to another audience, sends later than 30 days ahead, or was cancelled", async () => {
    // Another schedule's wave of the same letter (a reminder the programme configures) is not a staff wave.
    expect((await fire("non-reporting-states", "first-report-early")).wave.value.status).toBe("dispatching");
    await staffWave("2027-03-15T09:00", { audience: "all-states" });
    await staffWave("2027-04-05T09:00");
    const cancelled = await staffWave("2027-03-10T09:00");
    await cancelWave(deps())(cancelled.id, 2, audit);
    const fired = await fire("non-reporting-states");
    expect(fired.wave.value.status).toBe("dispatching");
    expect(fired.summary).toBeDefined();
  });
});
