// The send pipeline against DynamoDB Local and the SES emulator, with crashes injected at every step, duplicate
// deliveries, throttling and a passing deadline: each recipient gets exactly one letter, or is flagged with a reason.

import { randomUUID } from "node:crypto";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { assistanceRepository } from "#shared/assistance/repository.ts";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { createContact, deactivateContact } from "#shared/contacts/contacts.ts";
import { contactDependencies } from "#shared/contacts/dependencies.ts";
import { contactIndexKeys, contactKey } from "#shared/contacts/keys.ts";
import type { Contact } from "#shared/contacts/schemas.ts";
import { type DispatchFault, dispatch } from "#shared/correspondence/dispatch.ts";
import { EXPIRED_AT_DISPATCH } from "#shared/correspondence/expired-at-dispatch.ts";
import { type Ledger, ledgerRepository } from "#shared/correspondence/ledger.ts";
import { memoryQueue } from "#shared/correspondence/memory-queue.ts";
import { tokenBucket } from "#shared/correspondence/pacing.ts";
import type { DispatchWave, Message } from "#shared/correspondence/schemas.ts";
import { type SendFault, type SendStep, send, THROTTLE_RETRY_WAITS_MS } from "#shared/correspondence/send.ts";
import { correspondenceMailer } from "#shared/correspondence/ses-sender.ts";
import type { Mailer } from "#shared/mail/ses.ts";
import type { UnLanguage } from "#shared/registry/schemas.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { seedDemoSubmissions } from "#shared/reporting/seed-demo.ts";
import { templateRepository } from "#shared/templates/repository.ts";
import { createTemplate } from "#shared/templates/templates.ts";
import { waveRepository } from "#shared/waves/repository.ts";
import { freshTables } from "./fresh-tables.ts";

const START = "2026-05-04T09:00:00.000Z";
const clock = fixedClock(START);
const advance = async (ms: number) => clock.advance(ms);
const audit = { actor: systemActor("test") };
const run = randomUUID().slice(0, 8);
const address = (name: string) => `${name}-${run}@states.example`;

let setup: Awaited<ReturnType<typeof freshTables>>;
let contactDeps: ReturnType<typeof contactDependencies>;
const contacts: Record<string, Contact> = {};

interface StoredMail {
  subject: string;
  destination: { to: string[] };
  body: { text?: string; html?: string };
}

/** The emulator is shared by every test file, so its store is never cleared here: each test has its own marker. */
async function mailsMarked(marker: string): Promise<StoredMail[]> {
  const store = (await (await fetch(`${inject("sesEndpoint")}/store`)).json()) as { emails: StoredMail[] };
  return store.emails.filter((mail) => mail.subject.includes(marker));
}

const realMailer = () =>
  correspondenceMailer({
    region: "us-east-1",
    endpoint: inject("sesEndpoint"),
    from: "desk@desk.example",
    configurationSet: "desk-letters",
  });

/** Throttles the calls `throttles(call)` picks (1-based), and sends the others through `inner`. */
function throttling(throttles: (call: number) => boolean, inner: Mailer): Mailer & { calls: () => number } {
  let calls = 0;
  return {
    calls: () => calls,
    async sendMail(message) {
      calls += 1;
      if (throttles(calls)) {
        throw Object.assign(new Error("Maximum sending rate exceeded."), { name: "Throttling", $fault: "client" });
      }
      return inner.sendMail(message);
    },
  };
}

/** A fault that crashes the `nth` time a step is reached, once. */
function crashOnce<Step extends string>(step: Step, nth = 1) {
  let seen = 0;
  return (at: Step) => {
    if (at !== step) return;
    seen += 1;
    if (seen === nth) throw new Error(`injected crash at ${step}`);
  };
}

interface HarnessOptions {
  mailer?: Mailer;
  sendFaults?: SendFault;
  dispatchFaults?: DispatchFault;
}

function harness(options: HarnessOptions = {}) {
  const queue = memoryQueue({ clock, sleep: advance, visibilityTimeoutMs: 180_000, maxReceiveCount: 5 });
  const ledger = ledgerRepository(setup.doc, setup.tableNames, clock);
  const templates = templateRepository(setup.doc, setup.tableNames, clock);
  const waves = waveRepository(setup.doc, setup.tableNames, clock);
  const assistance = assistanceRepository(setup.doc, setup.tableNames, clock);
  const consumer = send({
    ledger,
    mailer: options.mailer ?? realMailer(),
    pacer: tokenBucket({ maxPerSecond: 14, clock, sleep: advance }),
    clock,
    sleep: advance,
    leaseMs: 120_000,
    faults: options.sendFaults,
  });
  return {
    queue,
    ledger,
    consumer,
    dispatch: dispatch({ ...contactDeps, assistance, templates, waves, ledger, queue, faults: options.dispatchFaults }),
    drain: () => queue.drain(consumer),
  };
}

/** A template and a wave of its own for one test, its subject carrying a marker unique to the test. */
async function newWave(notAfterMs = 86_400_000): Promise<{ wave: DispatchWave; marker: string }> {
  const marker = `M${randomUUID().slice(0, 8)}`;
  const variant = (greeting: string, lang: string) => ({
    subject: `[${marker}] {{state.name}}: ${lang}`,
    text: `${greeting} {{contact.title}} {{contact.name}}, the Committee awaits the report of {{state.name}} by {{deadline|date}}.`,
    html: `<p>${greeting} {{contact.title}} {{contact.name}},</p><p>{{state.name}}: {{deadline|date}}</p>`,
  });
  const id = `letter-${marker.toLowerCase()}`;
  await createTemplate({ templates: templateRepository(setup.doc, setup.tableNames, clock), ...contactDeps })(
    {
      id,
      kind: "first-report-request",
      fallbackLanguage: "en",
      variants: { en: variant("Dear", "en"), fr: variant("Madame, Monsieur", "fr"), ar: variant("السيد", "ar") },
    },
    audit,
  );
  return {
    marker,
    wave: {
      id: `wave-${marker}`,
      templateId: id,
      audience: "non-reporting-states",
      notAfter: new Date(clock.now().getTime() + notAfterMs).toISOString(),
      deadline: "2026-06-30",
    },
  };
}

/** The letters the audience should get: contact key -> [address, language]. */
const expectedLetters = () =>
  new Map<string, [string, UnLanguage]>([
    ["TCD", [address("tcd"), "fr"]],
    ["MLI", [address("mli"), "fr"]],
    ["MRT", [address("mrt"), "ar"]],
    ["SOM", [address("som"), "en"]],
    ["GMB", [address("gmb"), "en"]],
    // Russian has no variant: the English fallback.
    ["SWZ", [address("swz"), "en"]],
  ]);

/**
 * The invariant: a `sent` message's address got exactly one letter of the wave, an `unknown` one at most one (with
 * its reason), every other status none; nothing is left queued or sending; no address got a letter not in the ledger.
 */
async function expectExactlyOnce(ledger: Ledger, waveId: string, marker: string): Promise<Map<string, Message>> {
  const messages = await ledger.messagesOf(waveId);
  const mails = await mailsMarked(marker);
  const lettersTo = (email: string | undefined) =>
    mails.filter((mail) => email !== undefined && mail.destination.to.includes(email)).length;
  let accounted = 0;
  for (const message of messages) {
    expect(["queued", "sending"]).not.toContain(message.status);
    if (message.status === "sent") {
      expect(lettersTo(message.email), message.recipient).toBe(1);
      expect(message.sesMessageId).toBeTruthy();
      accounted += 1;
    } else if (message.status === "unknown") {
      expect(message.reason).toBeTruthy();
      const count = lettersTo(message.email);
      expect(count).toBeLessThanOrEqual(1);
      accounted += count;
    } else if (message.status !== "skipped") {
      expect(message.reason, message.recipient).toBeTruthy();
      expect(lettersTo(message.email), message.recipient).toBe(0);
    }
  }
  expect(mails).toHaveLength(accounted);
  const byContact = new Map<string, Message>();
  for (const message of messages) {
    const key = Object.entries(contacts).find(([, contact]) => contact.id === message.contactId)?.[0];
    byContact.set(key ?? message.recipient, message);
  }
  return byContact;
}

beforeAll(async () => {
  setup = await freshTables();
  await seedRegistry(setup.doc, setup.tableNames, clock);
  // Demonstration submissions leave the 8 non-reporting States of the published status.
  await seedDemoSubmissions(setup.doc, setup.tableNames, clock);
  contactDeps = contactDependencies(setup.doc, setup.tableNames, clock);
  const create = async (key: string, iso3: string, language: UnLanguage, more: Partial<Contact> = {}) => {
    const created = await createContact(contactDeps)(
      {
        owner: `STATE:${iso3}`,
        role: "capital-poc",
        name: `Poc ${key}`,
        title: "Ambassador",
        email: address(key.toLowerCase()),
        language,
        ...more,
      },
      audit,
    );
    contacts[key] = created.value;
    return created;
  };
  await create("TCD", "TCD", "fr");
  await create("MLI", "MLI", "fr");
  await create("MLI-bounced", "MLI", "fr", { role: "mission-poc", emailStatus: "bounced" });
  await create("MRT", "MRT", "ar");
  await create("SOM", "SOM", "en");
  const leaving = await create("SOM-old", "SOM", "en", { role: "mission-poc" });
  contacts["SOM-old"] = (await deactivateContact(contactDeps)(leaving.value.id, leaving.version, audit)).value;
  await create("GMB", "GMB", "en");
  await create("SWZ", "SWZ", "ru");
  // The template names {{contact.title}}: a contact without one cannot get this letter.
  await create("GIN", "GIN", "fr", { title: undefined });
  // A contact written before addresses were unique among active contacts (the guard would refuse it now): it
  // shares Mauritania's address, in other letters' case.
  const legacy: Contact = {
    ...(contacts.SOM as Contact),
    id: `LEGACY${run}`,
    role: "mission-poc",
    name: "Legacy duplicate",
    email: address("mrt").toUpperCase(),
  };
  await setup.doc.send(
    new PutCommand({
      TableName: setup.tableNames.desk,
      Item: {
        ...contactKey({ kind: "state", iso3: "SOM" }, legacy.id),
        ...contactIndexKeys(legacy),
        entity: "contact",
        version: 1,
        ...legacy,
      },
    }),
  );
  contacts["SOM-legacy"] = legacy;
}, 120_000);

describe("dispatch and send", () => {
  it("writes a letter per unique address in each contact's language, and says why the others get none", async () => {
    clock.set(START);
    const { wave, marker } = await newWave();
    const pipeline = harness();
    const summary = await pipeline.dispatch(wave);
    expect(summary).toEqual({
      waveId: wave.id,
      recipients: 7,
      skipped: 4,
      failed: 1,
      // One non-reporting State has no contact here at all, nor a Permanent Mission address.
      unreached: 1,
      written: 11,
      enqueued: 6,
      pastDeadline: false,
    });
    await pipeline.drain();
    const byContact = await expectExactlyOnce(pipeline.ledger, wave.id, marker);
    const mails = await mailsMarked(marker);
    for (const [key, [email, language]] of expectedLetters()) {
      const message = byContact.get(key);
      expect(message, key).toMatchObject({ status: "sent", email, letter: { language } });
      const [mail, ...more] = mails.filter((m) => m.destination.to.includes(email));
      expect(more).toEqual([]);
      expect(mail?.subject).toBe(message?.letter?.subject);
      expect(mail?.subject.endsWith(`: ${language}`)).toBe(true);
    }
    expect(byContact.get("SWZ")?.letter).toMatchObject({ language: "en", fellBack: true });
    expect(byContact.get("TCD")?.letter?.text).toContain("Madame, Monsieur Ambassador Poc TCD, the Committee awaits");
    expect(byContact.get("TCD")?.letter?.text).toContain("Tchad");
    expect(byContact.get("GIN")).toMatchObject({ status: "failed", reason: "No value for {{contact.title}}" });
    expect(byContact.get("MLI-bounced")).toMatchObject({ status: "skipped", skipReason: "bounced" });
    expect(byContact.get("SOM-old")).toMatchObject({ status: "skipped", skipReason: "inactive" });
    expect(byContact.get("SOM-legacy")).toMatchObject({
      status: "skipped",
      skipReason: "duplicate-address",
      duplicateOf: contacts.MRT?.id,
    });
    expect(byContact.get("owner:STATE:PRK")).toMatchObject({ status: "skipped", skipReason: "no-active-contact" });
    const counts = await pipeline.ledger.counts(wave.id);
    expect(counts).toMatchObject({ sent: 6, failed: 1, skipped: 4, queued: 0, sending: 0 });
    expect((await pipeline.ledger.listByStatus(wave.id, "skipped")).map((m) => m.skipReason).sort()).toEqual([
      "bounced",
      "duplicate-address",
      "inactive",
      "no-active-contact",
    ]);
  });

  it("adds nothing and sends nothing more when dispatch runs again", async () => {
    clock.set(START);
    const { wave, marker } = await newWave();
    const pipeline = harness();
    await pipeline.dispatch(wave);
    await pipeline.drain();
    const again = await pipeline.dispatch(wave);
    expect(again).toMatchObject({ written: 0, enqueued: 0 });
    await pipeline.drain();
    expect(await mailsMarked(marker)).toHaveLength(6);
  });
});

describe("crashes in dispatch", () => {
  for (const k of [1, 4, 10]) {
    it(`recovers from a crash after ${k} messages were written`, async () => {
      clock.set(START);
      const { wave, marker } = await newWave();
      const pipeline = harness({ dispatchFaults: crashOnce<"after-put" | "before-enqueue">("after-put", k) });
      await expect(pipeline.dispatch(wave)).rejects.toThrow("injected crash");
      expect(await pipeline.ledger.messagesOf(wave.id)).toHaveLength(k);
      expect(pipeline.queue.depth).toBe(0);
      const retry = await pipeline.dispatch(wave);
      expect(retry).toMatchObject({ written: 11 - k, enqueued: 6 });
      await pipeline.drain();
      const byContact = await expectExactlyOnce(pipeline.ledger, wave.id, marker);
      for (const key of expectedLetters().keys()) expect(byContact.get(key)?.status).toBe("sent");
    });
  }

  it("re-enqueues what is still queued after a crash before enqueueing", async () => {
    clock.set(START);
    const { wave, marker } = await newWave();
    const pipeline = harness({ dispatchFaults: crashOnce<"after-put" | "before-enqueue">("before-enqueue") });
    await expect(pipeline.dispatch(wave)).rejects.toThrow("injected crash");
    expect(pipeline.queue.depth).toBe(0);
    expect((await pipeline.ledger.counts(wave.id)).queued).toBe(6);
    expect(await pipeline.dispatch(wave)).toMatchObject({ written: 0, enqueued: 6 });
    await pipeline.drain();
    expect(await mailsMarked(marker)).toHaveLength(6);
    await expectExactlyOnce(pipeline.ledger, wave.id, marker);
  });
});

describe("crashes in send", () => {
  const crashAt = (step: SendStep, nth: number) => {
    const crash = crashOnce<SendStep>(step, nth);
    return (at: SendStep) => crash(at);
  };

  it("sends everything once after a crash before a claim", async () => {
    clock.set(START);
    const { wave, marker } = await newWave();
    const pipeline = harness({ sendFaults: crashAt("before-claim", 3) });
    await pipeline.dispatch(wave);
    await pipeline.drain();
    const byContact = await expectExactlyOnce(pipeline.ledger, wave.id, marker);
    for (const key of expectedLetters().keys()) expect(byContact.get(key)?.status).toBe("sent");
    expect(await mailsMarked(marker)).toHaveLength(6);
  });

  it("marks unknown, and does not send, a message claimed by a sender that crashed before SES", async () => {
    clock.set(START);
    const { wave, marker } = await newWave();
    const pipeline = harness({ sendFaults: crashAt("after-claim", 2) });
    await pipeline.dispatch(wave);
    await pipeline.drain();
    const byContact = await expectExactlyOnce(pipeline.ledger, wave.id, marker);
    const unknown = [...byContact.values()].filter((message) => message.status === "unknown");
    expect(unknown).toHaveLength(1);
    expect(unknown[0]?.reason).toMatch(/stopped between its claim and the ledger/);
    expect(await mailsMarked(marker)).toHaveLength(5);
  });

  it("marks unknown, and does not send again, a letter SES accepted before the sender crashed", async () => {
    clock.set(START);
    const { wave, marker } = await newWave();
    const pipeline = harness({ sendFaults: crashAt("after-ses", 4) });
    await pipeline.dispatch(wave);
    await pipeline.drain();
    const byContact = await expectExactlyOnce(pipeline.ledger, wave.id, marker);
    const [unknown, ...others] = [...byContact.values()].filter((message) => message.status === "unknown");
    expect(others).toEqual([]);
    const mails = await mailsMarked(marker);
    expect(mails).toHaveLength(6);
    expect(mails.filter((mail) => mail.destination.to.includes(unknown?.email ?? "-"))).toHaveLength(1);
  });
});

describe("duplicates, throttling and the deadline", () => {
  it("sends once when the queue delivers every key several times, even to concurrent senders", async () => {
    clock.set(START);
    const { wave, marker } = await newWave();
    const pipeline = harness();
    await pipeline.dispatch(wave);
    await pipeline.dispatch(wave);
    await pipeline.dispatch(wave);
    expect(pipeline.queue.depth).toBe(18);
    // Two invocations handed the same records at once, then the queue's own (triplicated) deliveries.
    const keys = (await pipeline.ledger.listByStatus(wave.id, "queued")).map((m) => ({
      messageId: randomUUID(),
      body: JSON.stringify({ waveId: m.waveId, recipient: m.recipient }),
      attributes: { ApproximateReceiveCount: "1" },
    }));
    await Promise.all([pipeline.consumer(keys), pipeline.consumer(keys)]);
    await pipeline.drain();
    const byContact = await expectExactlyOnce(pipeline.ledger, wave.id, marker);
    for (const key of expectedLetters().keys()) expect(byContact.get(key)).toMatchObject({ status: "sent", claims: 1 });
    expect(await mailsMarked(marker)).toHaveLength(6);
  });

  it("tries a throttled letter again within its claim, so each is sent once without going back to the queue", async () => {
    clock.set(START);
    const { wave, marker } = await newWave();
    const mailer = throttling((call) => call % 3 === 0, realMailer());
    const pipeline = harness({ mailer });
    await pipeline.dispatch(wave);
    await pipeline.drain();
    expect(pipeline.queue.deadLetters).toEqual([]);
    const byContact = await expectExactlyOnce(pipeline.ledger, wave.id, marker);
    for (const key of expectedLetters().keys()) expect(byContact.get(key)).toMatchObject({ status: "sent", claims: 1 });
    expect(await mailsMarked(marker)).toHaveLength(6);
    expect(mailer.calls()).toBe(6 + 2);
  });

  it("queues a letter again once its retries are throttled too, and sends it on a later delivery; never final", async () => {
    clock.set(START);
    const { wave, marker } = await newWave();
    const retries = THROTTLE_RETRY_WAITS_MS.length;
    const mailer = throttling((call) => call <= retries + 1, realMailer());
    const pipeline = harness({ mailer });
    await pipeline.dispatch(wave);
    await pipeline.drain();
    expect(pipeline.queue.deadLetters).toEqual([]);
    const byContact = await expectExactlyOnce(pipeline.ledger, wave.id, marker);
    for (const key of expectedLetters().keys()) expect(byContact.get(key)?.status).toBe("sent");
    expect(await mailsMarked(marker)).toHaveLength(6);
    expect([...byContact.values()].filter((message) => message.claims > 1)).toHaveLength(1);
  });

  it("expires what is still queued at the deadline instead of sending it late", async () => {
    clock.set(START);
    const { wave, marker } = await newWave(10 * 60_000);
    const pipeline = harness();
    await pipeline.dispatch(wave);
    clock.advance(10 * 60_000 + 1);
    await pipeline.drain();
    expect(await mailsMarked(marker)).toEqual([]);
    const counts = await pipeline.ledger.counts(wave.id);
    expect(counts).toMatchObject({ expired: 6, sent: 0, queued: 0, failed: 1 });
    await expectExactlyOnce(pipeline.ledger, wave.id, marker);
  });

  it("expires letters throttled until past the deadline, with no letter late", async () => {
    clock.set(START);
    const { wave, marker } = await newWave(10 * 60_000);
    const alwaysThrottled = throttling(() => true, realMailer());
    const pipeline = harness({ mailer: alwaysThrottled });
    await pipeline.dispatch(wave);
    await pipeline.drain();
    expect(await mailsMarked(marker)).toEqual([]);
    expect(pipeline.queue.deadLetters).toEqual([]);
    expect(await pipeline.ledger.counts(wave.id)).toMatchObject({ expired: 6, queued: 0, sending: 0 });
  });

  it("records every letter of a wave dispatched after its deadline as expired and enqueues none", async () => {
    clock.set(START);
    const { wave, marker } = await newWave(60_000);
    clock.advance(120_000);
    const pipeline = harness();
    expect(await pipeline.dispatch(wave)).toMatchObject({ pastDeadline: true, enqueued: 0 });
    await pipeline.drain();
    expect(await mailsMarked(marker)).toEqual([]);
    expect(await pipeline.ledger.counts(wave.id)).toMatchObject({ expired: 6, failed: 1, skipped: 4 });
    // The reason by which the console dates these rows "Expired", not "Queued": none was ever queued.
    const reasons = (await pipeline.ledger.listByStatus(wave.id, "expired")).map((letter) => letter.reason);
    expect(reasons).toEqual(Array(6).fill(EXPIRED_AT_DISPATCH));
  });
});
