// A wave's schedule against DynamoDB Local: the order of the schedule and the wave's move under failures, the
// dispatch time guard, and the test send through the SES emulator (letters counted in its store).
import { randomUUID } from "node:crypto";
import { Logger } from "@aws-lambda-powertools/logger";
import { MessageRejected } from "@aws-sdk/client-ses";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { contactDependencies } from "#shared/contacts/dependencies.ts";
import { waveDispatchStores } from "#shared/correspondence/dispatch-dependencies.ts";
import { memoryQueue } from "#shared/correspondence/memory-queue.ts";
import { IllegalTransition, PreconditionFailed } from "#shared/errors.ts";
import { createRouter } from "#shared/http/router.ts";
import { sesMailer } from "#shared/mail/ses.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { seedDemoSubmissions } from "#shared/reporting/seed-demo.ts";
import { templateRepository } from "#shared/templates/repository.ts";
import { createTemplate } from "#shared/templates/templates.ts";
import { DispatchTooEarly } from "#shared/waves/rules.ts";
import { type WaveScheduler, waveScheduleName } from "#shared/waves/scheduler.ts";
import {
  cancelWave,
  createWave,
  dispatchWave,
  scheduleWave,
  type WaveDispatchDependencies,
} from "#shared/waves/waves.ts";
import { waveRoutes } from "../../functions/api/routes/waves.ts";
import { routerCaller } from "../support/api-event.ts";
import { stateContactMaker } from "../support/state-contacts.ts";
import { freshTables } from "./fresh-tables.ts";

const clock = fixedClock("2027-03-01T09:00:00Z");
const audit = { actor: systemActor("test") };
const SEND_INSTANT = "2027-03-15T13:00:00.000Z";
const newWave = {
  templateId: "first-report-schedule-test",
  audience: "non-reporting-states" as const,
  sendAt: "2027-03-15T09:00",
  timeZone: "America/New_York",
  notAfter: "2027-03-31T00:00:00Z",
  deadline: "2027-04-30",
};

type Step = { op: "schedule" | "unschedule"; waveId: string; statusThen: string | undefined };

/** A scheduler that notes each call with the wave's status at that moment, and can fail or race on demand. */
function recordingScheduler(readStatus: (id: string) => Promise<string | undefined>) {
  const steps: Step[] = [];
  const existing = new Set<string>();
  const control: { fail?: "schedule" | "unschedule"; during?: () => Promise<void> } = {};
  const scheduler: WaveScheduler = {
    async schedule(wave) {
      steps.push({ op: "schedule", waveId: wave.id, statusThen: await readStatus(wave.id) });
      await control.during?.();
      if (control.fail === "schedule") throw new Error("Scheduler unavailable");
      existing.add(wave.id);
      return waveScheduleName(wave.id);
    },
    scheduleResend: async () => "unused",
    async unschedule(waveId) {
      steps.push({ op: "unschedule", waveId, statusThen: await readStatus(waveId) });
      if (control.fail === "unschedule") throw new Error("Scheduler unavailable");
      existing.delete(waveId);
    },
  };
  return { scheduler, steps, existing, control };
}

let deps: WaveDispatchDependencies;
let recorder: ReturnType<typeof recordingScheduler>;
let auditEntries: (waveId: string) => Promise<Record<string, unknown>[]>;
const auditActions = async (waveId: string) => (await auditEntries(waveId)).map((item) => String(item.action)).sort();
let call: ReturnType<typeof routerCaller>;
let sesEndpoint: string;

const schedulingDeps = () => ({ ...deps, scheduler: recorder.scheduler });
const status = async (id: string) => (await deps.waves.get(id))?.value.status;
const draft = async () => (await createWave(deps)(newWave, audit)).value.id;

beforeAll(async () => {
  const { doc, tableNames } = await freshTables();
  await seedRegistry(doc, tableNames, clock);
  await seedDemoSubmissions(doc, tableNames, clock);
  const contacts = contactDependencies(doc, tableNames, clock);
  const templates = templateRepository(doc, tableNames, clock);
  const variant = (subject: string) => ({
    subject: `${subject}: {{state.name}}`,
    text: "Dear {{contact.name}}, please report by {{deadline|date}}.",
    html: "<p>Dear {{contact.name}}, please report by {{deadline|date}}.</p>",
  });
  await createTemplate({ templates, ...contacts })(
    {
      id: newWave.templateId,
      kind: "first-report-request",
      fallbackLanguage: "en",
      variants: { en: variant("First national report"), fr: variant("Premier rapport national") },
    },
    audit,
  );
  const contact = stateContactMaker(contacts, audit);
  await contact("MLI", "mli", "fr");
  await contact("MLI", "mli-bounced", "fr", { role: "mission-poc", emailStatus: "bounced" });
  await contact("SOM", "som", "en");
  deps = {
    ...waveDispatchStores(doc, tableNames, clock),
    queue: memoryQueue({ clock, sleep: async (ms) => clock.advance(ms) }),
  };
  recorder = recordingScheduler(status);
  auditEntries = async (waveId) => {
    const result = await doc.send(
      new QueryCommand({
        TableName: tableNames.audit,
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": `wave#${waveId}` },
      }),
    );
    return result.Items ?? [];
  };
  sesEndpoint = inject("sesEndpoint");
  const mailer = sesMailer({ region: "us-east-1", from: "desk-1540@desk.local", endpoint: sesEndpoint });
  const router = createRouter(
    waveRoutes({ ...deps, scheduler: recorder.scheduler, mailer }),
    new Logger({ logLevel: "SILENT" }),
  );
  call = routerCaller(router, "secretariat");
}, 120_000);

beforeEach(() => {
  clock.set("2027-03-01T09:00:00Z");
  recorder.steps.length = 0;
  recorder.control.fail = undefined;
  recorder.control.during = undefined;
});

const ledgerTotal = async (waveId: string) =>
  Object.values(await deps.ledger.counts(waveId)).reduce((sum, count) => sum + count, 0);

describe("scheduling a wave", () => {
  it("makes the schedule while the wave is a draft, then moves it and records the schedule's name", async () => {
    const id = await draft();
    const scheduled = await scheduleWave(schedulingDeps())(id, 1, audit);
    expect(recorder.steps).toEqual([{ op: "schedule", waveId: id, statusThen: "draft" }]);
    expect(scheduled).toMatchObject({ version: 2, value: { status: "scheduled", scheduleName: `wave-${id}` } });
    expect(await auditActions(id)).toEqual(["wave.create", "wave.schedule"]);
  });

  it("leaves the wave a draft, unchanged and unaudited, when the schedule cannot be made", async () => {
    const id = await draft();
    recorder.control.fail = "schedule";
    await expect(scheduleWave(schedulingDeps())(id, 1, audit)).rejects.toThrow("Scheduler unavailable");
    expect(await deps.waves.get(id)).toMatchObject({ version: 1, value: { status: "draft" } });
    expect((await deps.waves.get(id))?.value.scheduleName).toBeUndefined();
    expect(await auditActions(id)).toEqual(["wave.create"]);
    // Asking again once the scheduler answers schedules it.
    recorder.control.fail = undefined;
    expect((await scheduleWave(schedulingDeps())(id, 1, audit)).value.status).toBe("scheduled");
  });

  it("when the move is refused after the schedule was made, the schedule fires into a refusal and sends nothing", async () => {
    const id = await draft();
    // A cancel lands between the schedule and the move.
    recorder.control.during = async () => {
      recorder.control.during = undefined;
      await cancelWave(schedulingDeps())(id, 1, audit);
    };
    await expect(scheduleWave(schedulingDeps())(id, 1, audit)).rejects.toBeInstanceOf(PreconditionFailed);
    expect(await status(id)).toBe("cancelled");
    expect(recorder.existing.has(id)).toBe(true);
    clock.set(SEND_INSTANT);
    await expect(dispatchWave(deps)(id)).rejects.toBeInstanceOf(IllegalTransition);
    expect(await ledgerTotal(id)).toBe(0);
  });

  it("refuses, making no schedule, once the send time has passed even if notAfter has not", async () => {
    const id = await draft();
    clock.set("2027-03-15T13:00:00Z");
    await expect(scheduleWave(schedulingDeps())(id, 1, audit)).rejects.toThrow(
      /send time, 2027-03-15 09:00 in America\/New_York \(2027-03-15 13:00 UTC\), has passed/,
    );
    expect(recorder.steps).toEqual([]);
    expect(await status(id)).toBe("draft");
  });
});

describe("cancelling a wave", () => {
  it("moves the wave first and deletes its schedule after", async () => {
    const id = await draft();
    await scheduleWave(schedulingDeps())(id, 1, audit);
    const cancelled = await cancelWave(schedulingDeps())(id, 2, audit);
    expect(cancelled.value.status).toBe("cancelled");
    expect(recorder.steps.map(({ op, statusThen }) => `${op}:${statusThen}`)).toEqual([
      "schedule:draft",
      "unschedule:cancelled",
    ]);
    expect(recorder.existing.has(id)).toBe(false);
  });

  it("stays cancelled when the schedule cannot be deleted, and that schedule firing sends nothing", async () => {
    const id = await draft();
    await scheduleWave(schedulingDeps())(id, 1, audit);
    recorder.control.fail = "unschedule";
    await expect(cancelWave(schedulingDeps())(id, 2, audit)).rejects.toThrow("Scheduler unavailable");
    expect(await status(id)).toBe("cancelled");
    expect(recorder.existing.has(id)).toBe(true);
    clock.set(SEND_INSTANT);
    await expect(dispatchWave(deps)(id)).rejects.toBeInstanceOf(IllegalTransition);
    expect(await ledgerTotal(id)).toBe(0);
  });

  it("deletes a draft's stray schedule too", async () => {
    const id = await draft();
    await cancelWave(schedulingDeps())(id, 1, audit);
    expect(recorder.steps).toEqual([{ op: "unschedule", waveId: id, statusThen: "cancelled" }]);
  });
});

describe("GET /waves/{id}/audience", () => {
  it("names the other waves of the same letter in flight, read from the status index, and leaves out a cancelled one", async () => {
    const [first, second, dropped] = [await draft(), await draft(), await draft()];
    await scheduleWave(schedulingDeps())(first, 1, audit);
    await cancelWave(schedulingDeps())(dropped, 1, audit);
    const preview = await call({ path: `/waves/${second}/audience` });
    expect(preview.status).toBe(200);
    const named = preview.body.sameLetter as { id: string }[];
    expect(named).toContainEqual({ id: first, status: "scheduled", sendInstant: SEND_INSTANT });
    expect(named.map((wave) => wave.id)).not.toContain(dropped);
    expect(named.map((wave) => wave.id)).not.toContain(second);
    // Scheduled in turn, the second names the first, and the first names the second.
    await scheduleWave(schedulingDeps())(second, 1, audit);
    const fromFirst = await call({ path: `/waves/${first}/audience` });
    expect((fromFirst.body.sameLetter as { id: string }[]).map((wave) => wave.id)).toContain(second);
  });
});

describe("the dispatch time guard", () => {
  it("refuses a dispatch before the send time, writing nothing, and dispatches at the send time", async () => {
    const id = await draft();
    await scheduleWave(schedulingDeps())(id, 1, audit);
    clock.set("2027-03-15T12:59:00Z");
    await expect(dispatchWave(deps)(id)).rejects.toBeInstanceOf(DispatchTooEarly);
    expect(await deps.waves.get(id)).toMatchObject({ version: 2, value: { status: "scheduled" } });
    expect(await ledgerTotal(id)).toBe(0);
    expect(await auditActions(id)).toEqual(["wave.create", "wave.schedule"]);

    clock.set(SEND_INSTANT);
    const { wave, summary } = await dispatchWave(deps)(id);
    expect(wave.value.status).toBe("dispatching");
    expect(summary).toMatchObject({ recipients: 2, written: expect.any(Number) });
  });
});

interface StoredMail {
  subject: string;
  destination: { to: string[] };
}

async function mailTo(address: string): Promise<StoredMail[]> {
  const store = (await (await fetch(`${sesEndpoint}/store`)).json()) as { emails: StoredMail[] };
  return store.emails.filter((email) => email.destination.to.includes(address));
}

describe("POST /waves/{id}/test", () => {
  it("sends one copy for the first recipient, marked [TEST], audited, with nothing in the ledger", async () => {
    const id = await draft();
    const to = `officer-${randomUUID()}@desk.example`;
    const sent = await call({ method: "POST", path: `/waves/${id}/test`, body: { to } });
    expect(sent.status).toBe(200);
    // Mali comes first among the non-reporting States; its point of contact reads French.
    expect(sent.body).toMatchObject({
      waveId: id,
      owner: "STATE:MLI",
      to,
      language: "fr",
      fellBack: false,
      subject: "[TEST] Premier rapport national: Mali",
      sesMessageId: expect.any(String),
    });
    const letters = await mailTo(to);
    expect(letters.map((letter) => letter.subject)).toEqual(["[TEST] Premier rapport national: Mali"]);
    expect(await ledgerTotal(id)).toBe(0);
    expect(await status(id)).toBe("draft");
    expect(await auditActions(id)).toEqual(["wave.create", "wave.test-send"]);
    const entry = (await auditEntries(id)).find((item) => item.action === "wave.test-send");
    expect(entry).toMatchObject({
      entity: { type: "wave", id },
      after: { waveId: id, contactId: sent.body.contactId, to, sesMessageId: sent.body.sesMessageId },
    });
  });

  it("renders for the contact asked for, in its language", async () => {
    const id = await draft();
    const preview = await call({ path: `/waves/${id}/audience` });
    const somali = preview.body.recipients.find((r: { owner: { iso3?: string } }) => r.owner.iso3 === "SOM");
    const to = `officer-${randomUUID()}@desk.example`;
    const sent = await call({ method: "POST", path: `/waves/${id}/test`, body: { to, contactId: somali.contact.id } });
    expect(sent.body).toMatchObject({ contactId: somali.contact.id, language: "en" });
    expect((await mailTo(to)).map((letter) => letter.subject)).toEqual(["[TEST] First national report: Somalia"]);
  });

  it("refuses with 422 a contact the wave skips or does not write to, sending nothing", async () => {
    const id = await draft();
    const preview = await call({ path: `/waves/${id}/audience` });
    const bounced = preview.body.skipped.find((s: { reason: string }) => s.reason === "bounced");
    const to = `officer-${randomUUID()}@desk.example`;
    const skipped = await call({
      method: "POST",
      path: `/waves/${id}/test`,
      body: { to, contactId: bounced.contactId },
    });
    expect(skipped.status).toBe(422);
    expect(skipped.body.errors).toEqual([{ path: "body.contactId", message: expect.stringContaining("bounced") }]);
    const unknown = await call({ method: "POST", path: `/waves/${id}/test`, body: { to, contactId: "NO-SUCH" } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].message).toContain("not a contact the wave's audience");
    expect(await mailTo(to)).toEqual([]);
    expect(await auditActions(id)).toEqual(["wave.create"]);
    expect((await call({ method: "POST", path: `/waves/${id}/test`, group: "members", body: { to } })).status).toBe(
      403,
    );
  });

  it("refuses with 422 at body.to an address outside the staff mail domains, sending and recording nothing", async () => {
    const id = await draft();
    for (const to of [`officer-${randomUUID()}@gmail.com`, `officer-${randomUUID()}@mail.desk.example`]) {
      const refused = await call({ method: "POST", path: `/waves/${id}/test`, body: { to } });
      expect(refused.status, to).toBe(422);
      expect(refused.headers["content-type"]).toContain("application/problem+json");
      expect(refused.body.errors).toEqual([
        { path: "body.to", message: expect.stringContaining("staff mail domain (desk.local, desk.example)") },
      ]);
      expect(await mailTo(to)).toEqual([]);
    }
    expect(await auditActions(id)).toEqual(["wave.create"]);
  });

  it("answers 409 with SES's reason when SES refuses the copy, recording nothing", async () => {
    const id = await draft();
    const refusing = createRouter(
      waveRoutes({
        ...deps,
        scheduler: recorder.scheduler,
        mailer: {
          sendMail: async () => {
            throw new MessageRejected({
              message: "Email address is not verified. The following identities failed the check: x@desk.example",
              $metadata: { httpStatusCode: 400 },
            });
          },
        },
      }),
      new Logger({ logLevel: "SILENT" }),
    );
    const refused = await routerCaller(
      refusing,
      "secretariat",
    )({
      method: "POST",
      path: `/waves/${id}/test`,
      body: { to: "x@desk.example" },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain("MessageRejected: Email address is not verified");
    expect(await auditActions(id)).toEqual(["wave.create"]);
  });
});
