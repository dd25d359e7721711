// Letters left unknown by a crash, against DynamoDB Local and the SES emulator: one SES took before the sender died is
// settled by its SES event and never sent again; one SES never got (the held-out crash) is listed with its event
// window, refused while the window is open, sent again once in one audited action after it, and refused after the
// wave's not-after deadline. A halted wave's too (ADR 0062): its other letters stay failed.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Logger } from "@aws-lambda-powertools/logger";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { changeContact, deactivateContact } from "#shared/contacts/contacts.ts";
import { contactDependencies } from "#shared/contacts/dependencies.ts";
import { haltedReasonOf } from "#shared/correspondence/bounce-guard.ts";
import { dispatch } from "#shared/correspondence/dispatch.ts";
import { waveDispatchStores } from "#shared/correspondence/dispatch-dependencies.ts";
import { DEFAULT_EVENT_WINDOW_MS } from "#shared/correspondence/lifecycle.ts";
import { memoryQueue } from "#shared/correspondence/memory-queue.ts";
import { tokenBucket } from "#shared/correspondence/pacing.ts";
import type { Message, MessageKey } from "#shared/correspondence/schemas.ts";
import { type SendStep, send } from "#shared/correspondence/send.ts";
import { recordSesEvent, sesEventSchema } from "#shared/correspondence/ses-events.ts";
import { correspondenceMailer } from "#shared/correspondence/ses-sender.ts";
import { createRouter } from "#shared/http/router.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { seedDemoSubmissions } from "#shared/reporting/seed-demo.ts";
import { createTemplate } from "#shared/templates/templates.ts";
import { haltWave } from "#shared/waves/halt.ts";
import { resendScheduleOf, type WaveSchedule, type WaveScheduler } from "#shared/waves/scheduler.ts";
import { resendUnknown, type WaveDispatchDependencies } from "#shared/waves/waves.ts";
import { waveRoutes } from "../../functions/api/routes/waves.ts";
import { createWaveDispatchHandler } from "../../functions/wave-dispatch/app.ts";
import { createWaveSendHandler } from "../../functions/wave-send/app.ts";
import { invocation, sqsEvent } from "../../infra/local/wave-runner.ts";
import { routerCaller } from "../support/api-event.ts";
import { stateContactMaker } from "../support/state-contacts.ts";
import { freshTables } from "./fresh-tables.ts";

const START = "2026-03-10T13:00:00.000Z";
const clock = fixedClock(START);
const advance = async (ms: number) => clock.advance(ms);
const audit = { actor: systemActor("test") };
const SAMPLES = join(import.meta.dirname, "../../events/samples");
const LEASE_MS = 120_000;

let setup: Awaited<ReturnType<typeof freshTables>>;
let deps: Omit<WaveDispatchDependencies, "queue">;
let call: ReturnType<typeof routerCaller>;
/** The api as on AWS and in the local stack: no wave queue, a resend's schedule instead. */
let callWithoutQueue: ReturnType<typeof routerCaller>;
const resendSchedules: WaveSchedule[] = [];
/** The queue the api puts resent letters on; the test drains it through the sender. */
const apiQueue = memoryQueue({ clock, sleep: advance, visibilityTimeoutMs: 180_000 });

async function mailsMarked(marker: string): Promise<{ destination: { to: string[] } }[]> {
  const store = (await (await fetch(`${inject("sesEndpoint")}/store`)).json()) as {
    emails: { subject: string; destination: { to: string[] } }[];
  };
  return store.emails.filter((mail) => mail.subject.includes(marker));
}

function sender(faults?: (step: SendStep, key: MessageKey) => void) {
  return send({
    ledger: deps.ledger,
    mailer: correspondenceMailer({ region: "us-east-1", endpoint: inject("sesEndpoint"), from: "desk@desk.example" }),
    pacer: tokenBucket({ maxPerSecond: 14, clock, sleep: advance }),
    clock,
    sleep: advance,
    leaseMs: LEASE_MS,
    faults,
    haltedReason: haltedReasonOf(deps.waves),
  });
}

/** A wave of the four contacts, dispatched, with a notAfter `hours` after START. */
async function dispatchedWave(hours: number) {
  const marker = `U${randomUUID().slice(0, 8)}`;
  const templateId = `unknown-${marker.toLowerCase()}`;
  await createTemplate({ ...contactDependencies(setup.doc, setup.tableNames, clock), templates: deps.templates })(
    {
      id: templateId,
      kind: "first-report-request",
      fallbackLanguage: "en",
      variants: { en: { subject: `[${marker}] {{state.name}}`, text: "Dear {{contact.name}}", html: "<p>Dear</p>" } },
    },
    audit,
  );
  const id = `wave-${marker}`;
  const notAfter = new Date(Date.parse(START) + hours * 3_600_000).toISOString();
  await deps.waves.create(
    {
      id,
      templateId,
      audience: "non-reporting-states",
      sendAt: "2026-03-10T09:00",
      timeZone: "America/New_York",
      sendInstant: START,
      notAfter,
      status: "dispatching",
      createdAt: START,
      updatedAt: START,
    },
    audit,
  );
  const queue = memoryQueue({ clock, sleep: advance, visibilityTimeoutMs: 180_000 });
  await dispatch({ ...deps, queue })({ id, templateId, audience: "non-reporting-states", notAfter });
  return { id, marker, queue };
}

/**
 * Sends the wave with two crashes: the sender dies after SES took the first letter, and after claiming the second
 * (before SES). The queue redelivers both past their lease: both are left unknown.
 */
async function sendWithCrashes(id: string, queue: ReturnType<typeof memoryQueue>) {
  const queued = await deps.ledger.listByStatus(id, "queued");
  const [accepted, heldOut] = queued.map((message) => message.recipient);
  const crashed = new Set<string>();
  await queue.drain(
    sender((step, key) => {
      const crash =
        (step === "after-ses" && key.recipient === accepted) || (step === "after-claim" && key.recipient === heldOut);
      if (crash && !crashed.has(key.recipient)) {
        crashed.add(key.recipient);
        throw new Error(`crash at ${step}`);
      }
    }),
  );
  const get = async (recipient: string | undefined) => {
    const message = await deps.ledger.get({ waveId: id, recipient: recipient ?? "" });
    if (!message) throw new Error("no message");
    return message;
  };
  return { accepted: await get(accepted), heldOut: await get(heldOut) };
}

/** The SES sample event about this message (its tags and address), as SES would publish it. */
function eventFor(name: "send" | "delivery", message: Message, sesMessageId: string) {
  const text = readFileSync(join(SAMPLES, `ses-${name}.json`), "utf8")
    .replaceAll("poc.chad@example.org", message.email ?? "")
    .replaceAll("first-report-request-2026", message.waveId)
    .replaceAll("01JNZ8SAMPLECONTACT0000000", message.recipient)
    .replaceAll("0100018e2c0a5d1f-4b3c9a7e-1d2f-4e5a-9b8c-7d6e5f4a3b2c-000000", sesMessageId);
  return { ...sesEventSchema.parse(JSON.parse(text)), id: randomUUID() };
}

async function auditActions(waveId: string) {
  const result = await setup.doc.send(
    new QueryCommand({
      TableName: setup.tableNames.audit,
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": `wave#${waveId}` },
    }),
  );
  return (result.Items ?? []).map((item) => String(item.action));
}

const resend = (waveId: string, recipient: string) =>
  call({ method: "POST", path: `/waves/${waveId}/messages/${recipient}/resend` });

beforeAll(async () => {
  setup = await freshTables();
  await seedRegistry(setup.doc, setup.tableNames, clock);
  await seedDemoSubmissions(setup.doc, setup.tableNames, clock);
  const contacts = contactDependencies(setup.doc, setup.tableNames, clock);
  const contact = stateContactMaker(contacts, audit);
  for (const [iso3, key] of [
    ["TCD", "tcd-u"],
    ["MLI", "mli-u"],
    ["SOM", "som-u"],
    ["GMB", "gmb-u"],
  ] as const) {
    await contact(iso3, key, "en");
  }
  deps = waveDispatchStores(setup.doc, setup.tableNames, clock);
  const scheduler: WaveScheduler = {
    schedule: async () => "unused",
    // What the api without a queue asks of EventBridge Scheduler: the schedule, with the input it fires.
    scheduleResend: async (wave, firesAt) => {
      const schedule = resendScheduleOf(wave, firesAt);
      resendSchedules.push(schedule);
      return schedule.name;
    },
    unschedule: async () => undefined,
  };
  const mailer = { sendMail: async () => ({ messageId: "unused" }) };
  const silent = new Logger({ logLevel: "SILENT" });
  call = routerCaller(createRouter(waveRoutes({ ...deps, scheduler, mailer, queue: apiQueue }), silent), "secretariat");
  callWithoutQueue = routerCaller(createRouter(waveRoutes({ ...deps, scheduler, mailer }), silent), "secretariat");
}, 120_000);

describe("a crash between SES and the ledger", () => {
  it("leaves two letters unknown: SES's event settles the one it took, the held-out one is sent again once", {
    timeout: 120_000,
  }, async () => {
    clock.set(START);
    const { id, marker, queue } = await dispatchedWave(72);
    const { accepted, heldOut } = await sendWithCrashes(id, queue);
    expect(accepted.status).toBe("unknown");
    expect(heldOut.status).toBe("unknown");
    // SES took three letters: the crash after SES, and the two the crash did not touch.
    const lettersTo = async (message: Message) =>
      (await mailsMarked(marker)).filter((mail) => mail.destination.to.includes(message.email ?? "-")).length;
    expect(await lettersTo(accepted)).toBe(1);
    expect(await lettersTo(heldOut)).toBe(0);

    // The wave's page lists both, each with the end of its event window.
    const listed = await call({ path: `/waves/${id}/messages`, query: "status=unknown" });
    const windowEnd = new Date(Date.parse(heldOut.leaseUntil ?? "") + DEFAULT_EVENT_WINDOW_MS).toISOString();
    expect(listed.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ recipient: heldOut.recipient, eventWindowEndsAt: windowEnd })]),
    );
    expect(listed.body.items).toHaveLength(2);

    // SES's event for the letter it took settles it, with its SES id.
    const settled = await recordSesEvent(deps)(eventFor("delivery", accepted, `ses-${randomUUID()}`));
    expect(settled).toMatchObject({ outcome: "moved", from: "unknown", to: "delivered" });

    // While the window is open, a resend is refused and changes nothing.
    clock.set(new Date(Date.parse(windowEnd) - 60_000));
    const early = await resend(id, heldOut.recipient);
    expect(early.status).toBe(409);
    expect(early.headers["content-type"]).toContain("application/problem+json");
    expect(early.body.detail).toContain("event window");
    expect((await deps.ledger.get({ waveId: id, recipient: heldOut.recipient }))?.status).toBe("unknown");
    // The settled one is not unknown any more: never sent again.
    const notUnknown = await resend(id, accepted.recipient);
    expect(notUnknown.status).toBe(409);
    expect(notUnknown.body.detail).toContain("it was delivered");

    // After the window: queued again, audited, and the sender sends it once.
    clock.set(windowEnd);
    const again = await resend(id, heldOut.recipient);
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({
      status: "queued",
      resentAt: windowEnd,
      reason: expect.stringContaining("no SES event came within the event window"),
    });
    expect(await auditActions(id)).toContain("wave.resend");
    await apiQueue.drain(sender());
    expect(await deps.ledger.get({ waveId: id, recipient: heldOut.recipient })).toMatchObject({
      status: "sent",
      claims: 2,
      sesMessageId: expect.any(String),
    });
    expect(await lettersTo(heldOut)).toBe(1);
    expect(await lettersTo(accepted)).toBe(1);
    // A second resend finds it sent.
    expect((await resend(id, heldOut.recipient)).status).toBe(409);
    expect(await lettersTo(heldOut)).toBe(1);
  });

  it("sends once a halted wave's letter left unknown, after its window, while its other letters stay failed", {
    timeout: 120_000,
  }, async () => {
    clock.set(START);
    const { id, marker, queue } = await dispatchedWave(72);
    // The first letter's sender dies after its claim; the bounce guard halts the wave as SES takes the next one.
    let heldOut: string | undefined;
    let halted = false;
    await queue.drain(
      sender(async (step, key) => {
        if (step === "after-claim" && heldOut === undefined) {
          heldOut = key.recipient;
          throw new Error("crash at after-claim");
        }
        if (step === "after-ses" && !halted) {
          halted = true;
          await haltWave(deps)(id, "hard bounces reached 5% of the letters out: 2 of 32 (6.3%)", audit);
        }
      }),
    );
    const held = await deps.ledger.get({ waveId: id, recipient: heldOut ?? "" });
    expect(held?.status).toBe("unknown");
    expect((await deps.waves.get(id))?.value.status).toBe("halted");
    // Before the later cases deactivate two of them, the audience's four contacts: the last two letters failed unsent.
    expect(await deps.ledger.counts(id)).toMatchObject({ unknown: 1, sent: 1, failed: 2, queued: 0, sending: 0 });
    const failed = await deps.ledger.listByStatus(id, "failed");
    const lettersTo = async (email: string | undefined) =>
      (await mailsMarked(marker)).filter((mail) => mail.destination.to.includes(email ?? "-")).length;
    expect(await lettersTo(held?.email)).toBe(0);

    const windowEnd = new Date(Date.parse(held?.leaseUntil ?? "") + DEFAULT_EVENT_WINDOW_MS).toISOString();
    clock.set(new Date(Date.parse(windowEnd) - 60_000));
    expect((await resend(id, heldOut ?? "")).body.detail).toContain("event window");
    clock.set(windowEnd);
    const again = await resend(id, heldOut ?? "");
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ status: "queued", resentAt: windowEnd });
    expect(await auditActions(id)).toContain("wave.resend");
    await apiQueue.drain(sender());
    expect(await deps.ledger.get({ waveId: id, recipient: heldOut ?? "" })).toMatchObject({
      status: "sent",
      sesMessageId: expect.any(String),
    });
    expect(await lettersTo(held?.email)).toBe(1);
    // The halt still holds for the rest: its failed letters stay failed and unsent, and the wave halted.
    expect(await deps.ledger.listByStatus(id, "failed")).toEqual(failed);
    for (const letter of failed) expect(await lettersTo(letter.email)).toBe(0);
    expect((await deps.waves.get(id))?.value.status).toBe("halted");
    // Sent, it is not sent again.
    const second = await resend(id, heldOut ?? "");
    expect(second.status).toBe(409);
    expect(second.body.detail).toContain("it was sent");
    await apiQueue.drain(sender());
    expect(await lettersTo(held?.email)).toBe(1);
  });

  it("refuses to send again after the wave's not-after deadline, and answers 404 for no such letter", {
    timeout: 120_000,
  }, async () => {
    clock.set(START);
    // A wave whose deadline comes before the event window closes.
    const { id, marker, queue } = await dispatchedWave(12);
    const { heldOut } = await sendWithCrashes(id, queue);
    expect(heldOut.status).toBe("unknown");
    clock.set(new Date(Date.parse(heldOut.leaseUntil ?? "") + DEFAULT_EVENT_WINDOW_MS));
    const late = await resend(id, heldOut.recipient);
    expect(late.status).toBe(409);
    expect(late.body.detail).toContain("not-after deadline");
    expect((await deps.ledger.get({ waveId: id, recipient: heldOut.recipient }))?.status).toBe("unknown");
    expect(await auditActions(id)).not.toContain("wave.resend");
    expect(
      (await mailsMarked(marker)).filter((mail) => mail.destination.to.includes(heldOut.email ?? "-")),
    ).toHaveLength(0);
    expect((await resend(id, "NO-SUCH-RECIPIENT")).status).toBe(404);
    expect((await call({ method: "POST", path: `/waves/${id}/messages/x/resend`, group: "members" })).status).toBe(403);
  });

  it("sends a held-out letter of a completed wave once, through a resend's schedule, when the api has no queue", {
    timeout: 120_000,
  }, async () => {
    clock.set(START);
    const { id, marker, queue } = await dispatchedWave(72);
    const { accepted, heldOut } = await sendWithCrashes(id, queue);
    await recordSesEvent(deps)(eventFor("delivery", accepted, `ses-${randomUUID()}`));
    // Nothing queued or sending is left: the wave completed with its held-out letter unknown.
    expect((await deps.waves.get(id))?.value.status).toBe("completed");
    const lettersTo = async () =>
      (await mailsMarked(marker)).filter((mail) => mail.destination.to.includes(heldOut.email ?? "-")).length;

    const windowEnd = new Date(Date.parse(heldOut.leaseUntil ?? "") + DEFAULT_EVENT_WINDOW_MS);
    clock.set(windowEnd);
    const again = await callWithoutQueue({ method: "POST", path: `/waves/${id}/messages/${heldOut.recipient}/resend` });
    // The next whole minute at least 75 s ahead, as a redispatch.
    const firesAt = new Date(Math.ceil((windowEnd.getTime() + 75_000) / 60_000) * 60_000).toISOString();
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ status: "queued", scheduleName: `wave-resend.${id}`, firesAt });
    expect(await auditActions(id)).toContain("wave.resend");
    const schedule = resendSchedules.at(-1);
    expect(schedule).toEqual({
      name: `wave-resend.${id}`,
      expression: `at(${firesAt.slice(0, 16)}:00)`,
      timeZone: "UTC",
      input: { waveId: id, enqueueResent: true },
      description: expect.any(String),
    });

    // The schedule fires wave-dispatch (twice, as a retried invocation might) with the queue the api lacks.
    clock.set(firesAt);
    const sendQueue = memoryQueue({ clock, sleep: advance, visibilityTimeoutMs: 180_000 });
    const fire = createWaveDispatchHandler({
      ...deps,
      queue: sendQueue,
      zoneOf: () => "UTC",
      logger: new Logger({ logLevel: "SILENT" }),
    });
    expect(await fire(schedule?.input)).toEqual({ waveId: id, enqueued: 1 });
    expect(await fire(schedule?.input)).toEqual({ waveId: id, enqueued: 1 });
    const sendBatch = createWaveSendHandler({
      send: {
        ledger: deps.ledger,
        mailer: correspondenceMailer({
          region: "us-east-1",
          endpoint: inject("sesEndpoint"),
          from: "desk@desk.example",
        }),
        pacer: tokenBucket({ maxPerSecond: 14, clock, sleep: advance }),
        clock,
        sleep: advance,
        leaseMs: LEASE_MS,
        haltedReason: haltedReasonOf(deps.waves),
      },
      waves: deps,
      logger: new Logger({ logLevel: "SILENT" }),
      metrics: { addMetric: () => undefined, publishStoredMetrics: () => undefined },
    });
    // The sender sends the letter of the completed wave, and its completion check finds the wave completed already.
    await sendQueue.drain((records) => sendBatch(sqsEvent(records), invocation()));
    expect(sendQueue.deadLetters).toHaveLength(0);
    expect(await deps.ledger.get({ waveId: id, recipient: heldOut.recipient })).toMatchObject({
      status: "sent",
      claims: 2,
      sesMessageId: expect.any(String),
    });
    expect(await lettersTo()).toBe(1);
    expect((await deps.waves.get(id))?.value.status).toBe("completed");

    // A later firing finds nothing queued that was sent again, and sends nothing more.
    expect(await fire(schedule?.input)).toEqual({ waveId: id, enqueued: 0 });
    await sendQueue.drain((records) => sendBatch(sqsEvent(records), invocation()));
    expect(await lettersTo()).toBe(1);
  });

  it("sends a held-out letter to its contact's address as corrected since, not to the one the ledger kept", {
    timeout: 120_000,
  }, async () => {
    clock.set(START);
    const { id, marker, queue } = await dispatchedWave(72);
    const { heldOut } = await sendWithCrashes(id, queue);
    const contactId = heldOut.contactId ?? "";
    const before = await deps.contacts.getContact(contactId);
    const corrected = `corrected.${marker.toLowerCase()}@states.example`;
    await changeContact(deps)(contactId, before?.version ?? 0, { email: corrected }, audit);

    clock.set(new Date(Date.parse(heldOut.leaseUntil ?? "") + DEFAULT_EVENT_WINDOW_MS));
    const again = await resend(id, heldOut.recipient);
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({
      status: "queued",
      email: corrected,
      reason: expect.stringContaining(`the contact's address changed from ${heldOut.email} to ${corrected}`),
    });
    await apiQueue.drain(sender());
    expect(await deps.ledger.get({ waveId: id, recipient: heldOut.recipient })).toMatchObject({
      status: "sent",
      email: corrected,
    });
    const mails = await mailsMarked(marker);
    expect(mails.filter((mail) => mail.destination.to.includes(corrected))).toHaveLength(1);
    expect(mails.filter((mail) => mail.destination.to.includes(heldOut.email ?? "-"))).toHaveLength(0);
  });

  it("refuses, in words and writing nothing, a held-out letter whose contact was deactivated since", {
    timeout: 120_000,
  }, async () => {
    clock.set(START);
    const { id, marker, queue } = await dispatchedWave(72);
    const { heldOut } = await sendWithCrashes(id, queue);
    const contactId = heldOut.contactId ?? "";
    const before = await deps.contacts.getContact(contactId);
    await deactivateContact(deps)(contactId, before?.version ?? 0, audit, "Retired from the ministry in November");

    clock.set(new Date(Date.parse(heldOut.leaseUntil ?? "") + DEFAULT_EVENT_WINDOW_MS));
    const refused = await resend(id, heldOut.recipient);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(
      /^The letter to Poc \S+ \([A-Z][a-z]+\) is not sent again: Poc \S+ was deactivated on \d{4}-\d\d-\d\d(?: by \S+)? \(Retired from the ministry in November\): a deactivated contact is not written to$/,
    );
    expect(refused.body.detail).not.toContain(heldOut.recipient);
    expect(await deps.ledger.get({ waveId: id, recipient: heldOut.recipient })).toEqual(heldOut);
    expect(await auditActions(id)).not.toContain("wave.resend");
    await apiQueue.drain(sender());
    expect(await mailsMarked(marker)).toHaveLength(3);
  });
  it("refuses a held-out letter whose contact a colleague deactivated between the resend's reading and its write", {
    timeout: 120_000,
  }, async () => {
    clock.set(START);
    const { id, marker, queue } = await dispatchedWave(72);
    const { heldOut } = await sendWithCrashes(id, queue);
    clock.set(new Date(Date.parse(heldOut.leaseUntil ?? "") + DEFAULT_EVENT_WINDOW_MS));
    const mailedBefore = (await mailsMarked(marker)).length;
    let colleagueActed = false;
    const racing = {
      ...deps,
      queue: apiQueue,
      scheduler: { schedule: async () => "unused", scheduleResend: async () => "unused", unschedule: async () => {} },
      contacts: {
        ...deps.contacts,
        // The colleague's deactivation lands right after this resend read the contact, before its ledger write.
        getContact: async (contactId: string) => {
          const read = await deps.contacts.getContact(contactId);
          if (!colleagueActed && read) {
            colleagueActed = true;
            await deactivateContact(deps)(contactId, read.version, audit, "Left the post meanwhile");
          }
          return read;
        },
      },
    };
    const refused = await resendUnknown(racing)(id, heldOut.recipient, audit).then(
      () => undefined,
      (error: Error) => error.message,
    );
    expect(colleagueActed).toBe(true);
    expect(refused).toMatch(/is not sent again: Poc \S+ was deactivated on .*\(Left the post meanwhile\)/);
    expect(await deps.ledger.get({ waveId: id, recipient: heldOut.recipient })).toEqual(heldOut);
    expect(await auditActions(id)).not.toContain("wave.resend");
    await apiQueue.drain(sender());
    expect(await mailsMarked(marker)).toHaveLength(mailedBefore);
  });
});
