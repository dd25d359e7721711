// SES events against DynamoDB Local and the SES emulator: letters sent by the pipeline, then the events SES would
// publish for them (built from events/samples), delivered twice, out of order, before the sender's own write and
// after a crash. Hard bounces and complaints reach the contact and its later audiences; bounces halt a wave.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { createContact } from "#shared/contacts/contacts.ts";
import { resolveAudience } from "#shared/correspondence/audiences.ts";
import { haltedReasonOf, haltIfBouncing } from "#shared/correspondence/bounce-guard.ts";
import { dispatch } from "#shared/correspondence/dispatch.ts";
import { type WaveDispatchStores, waveDispatchStores } from "#shared/correspondence/dispatch-dependencies.ts";
import { memoryQueue } from "#shared/correspondence/memory-queue.ts";
import { tokenBucket } from "#shared/correspondence/pacing.ts";
import type { Message, MessageStatus } from "#shared/correspondence/schemas.ts";
import { type SendStep, send } from "#shared/correspondence/send.ts";
import { recordSesEvent, type SesEvent, sesEventSchema } from "#shared/correspondence/ses-events.ts";
import { correspondenceMailer } from "#shared/correspondence/ses-sender.ts";
import type { UnLanguage } from "#shared/registry/schemas.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { seedDemoSubmissions } from "#shared/reporting/seed-demo.ts";
import { createTemplate } from "#shared/templates/templates.ts";
import { freshTables } from "./fresh-tables.ts";

const START = "2026-03-10T13:00:00.000Z";
const clock = fixedClock(START);
const advance = async (ms: number) => clock.advance(ms);
const audit = { actor: systemActor("test") };
const run = randomUUID().slice(0, 8);
const SAMPLES = join(import.meta.dirname, "../../events/samples");

let setup: Awaited<ReturnType<typeof freshTables>>;
let deps: WaveDispatchStores;
let ledger: WaveDispatchStores["ledger"];
let waves: WaveDispatchStores["waves"];

const LETTERS: [string, UnLanguage][] = [
  ["TCD", "fr"],
  ["MLI", "fr"],
  ["MRT", "ar"],
  ["SOM", "en"],
  ["GMB", "en"],
  ["SWZ", "en"],
];

async function mailsMarked(marker: string): Promise<{ destination: { to: string[] } }[]> {
  const store = (await (await fetch(`${inject("sesEndpoint")}/store`)).json()) as {
    emails: { subject: string; destination: { to: string[] } }[];
  };
  return store.emails.filter((mail) => mail.subject.includes(marker));
}

/** A wave of its own (created dispatching, as a fired schedule leaves it), its letters dispatched and queued. */
async function dispatchedWave() {
  const marker = `S${randomUUID().slice(0, 8)}`;
  const templateId = `ses-events-${marker.toLowerCase()}`;
  await createTemplate({ ...deps, templates: deps.templates })(
    {
      id: templateId,
      kind: "first-report-request",
      fallbackLanguage: "en",
      variants: { en: { subject: `[${marker}] {{state.name}}`, text: "Dear {{contact.name}}", html: "<p>Dear</p>" } },
    },
    audit,
  );
  const now = clock.now().toISOString();
  const notAfter = new Date(clock.now().getTime() + 86_400_000).toISOString();
  const id = `wave-${marker}`;
  await waves.create(
    {
      id,
      templateId,
      audience: "non-reporting-states",
      sendAt: "2026-03-10T09:00",
      timeZone: "America/New_York",
      sendInstant: now,
      notAfter,
      status: "dispatching",
      createdAt: now,
      updatedAt: now,
    },
    audit,
  );
  const queue = memoryQueue({ clock, sleep: advance, batchSize: 2 });
  await dispatch({ ...deps, ledger, queue })({ id, templateId, audience: "non-reporting-states", notAfter });
  return { id, marker, queue };
}

function sender(faults?: (step: SendStep) => void) {
  return send({
    ledger,
    mailer: correspondenceMailer({ region: "us-east-1", endpoint: inject("sesEndpoint"), from: "desk@desk.example" }),
    pacer: tokenBucket({ maxPerSecond: 14, clock, sleep: advance }),
    clock,
    faults,
    haltedReason: haltedReasonOf(waves),
  });
}

type SampleName = "send" | "delivery" | "bounce-permanent" | "bounce-transient" | "complaint";

/** The sample event, about this message: its tags, its address and (if known) its SES id. */
function eventFor(name: SampleName, message: Message, sesMessageId = message.sesMessageId ?? `ses-${randomUUID()}`) {
  const text = readFileSync(join(SAMPLES, `ses-${name}.json`), "utf8")
    .replaceAll("poc.chad@example.org", message.email ?? "")
    .replaceAll("first-report-request-2026", message.waveId)
    .replaceAll("01JNZ8SAMPLECONTACT0000000", message.recipient)
    .replaceAll("0100018e2c0a5d1f-4b3c9a7e-1d2f-4e5a-9b8c-7d6e5f4a3b2c-000000", sesMessageId);
  const event: SesEvent = sesEventSchema.parse(JSON.parse(text));
  return { ...event, id: randomUUID() };
}

const messageOf = async (waveId: string, iso3: string) => {
  const message = (await ledger.messagesOf(waveId)).find((candidate) => candidate.owner === `STATE:${iso3}`);
  if (!message) throw new Error(`no message for ${iso3}`);
  return message;
};

async function auditActions(type: string, id: string) {
  const result = await setup.doc.send(
    new QueryCommand({
      TableName: setup.tableNames.audit,
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": `${type}#${id}` },
    }),
  );
  return (result.Items ?? []).map((item) => ({ action: item.action, after: item.after }));
}

beforeAll(async () => {
  setup = await freshTables();
  await seedRegistry(setup.doc, setup.tableNames, clock);
  await seedDemoSubmissions(setup.doc, setup.tableNames, clock);
  deps = waveDispatchStores(setup.doc, setup.tableNames, clock);
  ({ ledger, waves } = deps);
  const contacts = deps;
  for (const [iso3, language] of LETTERS) {
    await createContact(contacts)(
      {
        owner: `STATE:${iso3}`,
        role: "capital-poc",
        name: `Poc ${iso3}`,
        email: `${iso3.toLowerCase()}-${run}@states.example`,
        language,
      },
      audit,
    );
  }
}, 120_000);

describe("SES events on the ledger", () => {
  it("moves sent letters to delivered, once however often the event comes, and completes the wave", async () => {
    clock.set(START);
    const { id, queue } = await dispatchedWave();
    await queue.drain(sender());
    const message = await messageOf(id, "TCD");
    expect(message.status).toBe("sent");
    const delivered = eventFor("delivery", message);
    const results = await Promise.all([1, 2, 3].map(() => recordSesEvent(deps)(delivered)));
    expect(results.filter((result) => result.outcome === "moved")).toHaveLength(1);
    expect(results.filter((result) => result.outcome === "ignored")).toHaveLength(2);
    expect(await messageOf(id, "TCD")).toMatchObject({
      status: "delivered",
      deliveredAt: "2026-03-10T14:00:01.842Z",
      sesMessageId: message.sesMessageId,
    });
    expect((await waves.get(id))?.value.status).toBe("completed");
  });

  it("records a hard bounce on the message and the contact (audited), which leaves the next audience", async () => {
    clock.set(START);
    const { id, queue } = await dispatchedWave();
    await queue.drain(sender());
    const message = await messageOf(id, "MLI");
    await recordSesEvent(deps)(eventFor("delivery", message));
    const result = await recordSesEvent(deps)(eventFor("bounce-permanent", message));
    expect(result).toMatchObject({ outcome: "moved", from: "delivered", to: "bounced", contact: "recorded" });
    expect(await messageOf(id, "MLI")).toMatchObject({
      status: "bounced",
      reason: "hard bounce (General): smtp; 550 5.1.1 user unknown",
    });
    const contactId = message.contactId ?? "";
    expect((await deps.contacts.getContact(contactId))?.value.emailStatus).toBe("bounced");
    expect(await auditActions("contact", contactId)).toContainEqual({
      action: "contact.email-status",
      after: expect.objectContaining({ emailStatus: "bounced" }),
    });
    const next = await resolveAudience(deps, "non-reporting-states", clock.now());
    expect(next.skipped).toContainEqual(expect.objectContaining({ recipient: contactId, reason: "bounced" }));
    expect(next.recipients.map((recipient) => recipient.recipient)).not.toContain(contactId);

    // A delivery reported after the bounce, and the bounce again: nothing moves back, the contact is unchanged.
    expect(await recordSesEvent(deps)(eventFor("delivery", message))).toMatchObject({ outcome: "ignored" });
    expect(await recordSesEvent(deps)(eventFor("bounce-permanent", message))).toMatchObject({
      outcome: "ignored",
      contact: "unchanged",
    });
    expect((await messageOf(id, "MLI")).status).toBe("bounced");
  });

  it("records a complaint as complained on the message and the contact", async () => {
    clock.set(START);
    const { id, queue } = await dispatchedWave();
    await queue.drain(sender());
    const message = await messageOf(id, "MRT");
    expect(await recordSesEvent(deps)(eventFor("complaint", message))).toMatchObject({ to: "complained" });
    expect((await deps.contacts.getContact(message.contactId ?? ""))?.value.emailStatus).toBe("complained");
  });

  it("keeps a soft-bounced letter sent, with the bounce as its reason, and the contact ok", async () => {
    clock.set(START);
    const { id, queue } = await dispatchedWave();
    await queue.drain(sender());
    const message = await messageOf(id, "SOM");
    expect(await recordSesEvent(deps)(eventFor("bounce-transient", message))).toMatchObject({ outcome: "noted" });
    expect(await messageOf(id, "SOM")).toMatchObject({ status: "sent", reason: expect.stringMatching(/^soft bounce/) });
    expect((await deps.contacts.getContact(message.contactId ?? ""))?.value.emailStatus).toBe("ok");
  });

  it("takes an event that overtakes the sender's own write, and the sender then sends nothing more", async () => {
    clock.set(START);
    const { id, marker, queue } = await dispatchedWave();
    let crashed = false;
    const consumer = sender((step) => {
      if (step === "after-ses" && !crashed) {
        crashed = true;
        throw new Error("crash after SES accepted the letter");
      }
    });
    // One invocation takes every key and stops after SES took its first letter: that one is left sending.
    const records = (await ledger.listByStatus(id, "queued")).map((message) => ({
      messageId: randomUUID(),
      body: JSON.stringify({ waveId: message.waveId, recipient: message.recipient }),
      attributes: { ApproximateReceiveCount: "1" },
    }));
    await expect(consumer(records)).rejects.toThrow("crash at after-ses");
    const [sending, ...others] = (await ledger.messagesOf(id)).filter((message) => message.status === "sending");
    expect(others).toEqual([]);
    if (!sending) throw new Error("no message left sending");
    expect(await recordSesEvent(deps)(eventFor("send", sending, "ses-id-from-the-event"))).toMatchObject({
      outcome: "moved",
      from: "sending",
      to: "sent",
    });
    // The queue then delivers every key (the crashed batch's too).
    await queue.drain(consumer);
    const settled = await ledger.get({ waveId: id, recipient: sending.recipient });
    expect(settled).toMatchObject({ status: "sent", sesMessageId: "ses-id-from-the-event" });
    expect(settled?.leaseUntil).toBeUndefined();
    const mails = await mailsMarked(marker);
    // Earlier tests bounced and complained some addresses: the wave writes to the others.
    const letters = (await ledger.messagesOf(id)).filter((message) => message.letter);
    expect(letters.length).toBeGreaterThanOrEqual(4);
    expect(mails).toHaveLength(letters.length);
    for (const message of letters) {
      if (!message.email) continue;
      expect(message.status).toBe("sent");
      expect(mails.filter((mail) => mail.destination.to.includes(message.email ?? ""))).toHaveLength(1);
    }
  });

  it("settles a letter flagged unknown after a crash from the delivery SES reports", async () => {
    clock.set(START);
    const { id, queue } = await dispatchedWave();
    let crashed = false;
    await queue.drain(
      sender((step) => {
        if (step === "after-ses" && !crashed) {
          crashed = true;
          throw new Error("crash after SES");
        }
      }),
    );
    const unknown = (await ledger.messagesOf(id)).find((message) => message.status === "unknown");
    if (!unknown) throw new Error("no unknown message");
    expect(await recordSesEvent(deps)(eventFor("delivery", unknown))).toMatchObject({
      from: "unknown",
      to: "delivered",
    });
    const settled = await ledger.get({ waveId: id, recipient: unknown.recipient });
    expect(settled?.status).toBe("delivered");
    expect(settled?.reason).toBeUndefined();
  });

  it("answers an event whose message the ledger does not hold, or that carries no wave tags, without failing", async () => {
    const message = await messageOf((await dispatchedWave()).id, "GMB");
    const stranger = eventFor("delivery", { ...message, recipient: "no-such-recipient" });
    expect(await recordSesEvent(deps)(stranger)).toMatchObject({ outcome: "no-message" });
    const untagged = eventFor("delivery", message);
    untagged.detail.mail.tags = { "wave-test": [message.waveId] };
    expect(await recordSesEvent(deps)(untagged)).toEqual({ eventType: "Delivery", outcome: "untracked" });
  });
});

describe("halting on hard bounces", () => {
  /** Letters of the wave already out and delivered, beside its six real ones. */
  async function deliveredLetters(waveId: string, count: number, status: MessageStatus = "delivered") {
    const now = clock.now().toISOString();
    for (let n = 0; n < count; n++) {
      await ledger.putNew({
        waveId,
        recipient: `filler-${status}-${n}`,
        owner: "STATE:FRA",
        status,
        notAfter: now,
        claims: 1,
        createdAt: now,
        updatedAt: now,
      });
    }
  }

  it("halts a dispatching wave once hard bounces reach 5% of the letters out, audited with the reason", async () => {
    clock.set(START);
    // Its six letters are queued, not out yet.
    const { id: live } = await dispatchedWave();
    await deliveredLetters(live, 19);
    // 6 queued real letters are not out; 19 delivered + 1 bounced = 20 out: 1 of 20 is 5%.
    expect(await haltIfBouncing(deps)(live)).toBeUndefined();
    await deliveredLetters(live, 1, "bounced");
    const halted = await haltIfBouncing(deps)(live);
    expect(halted?.value.status).toBe("halted");
    // Entries written at the same fixed instant sort by their random id part: find the halt, then count it.
    const entries = await auditActions("wave", live);
    expect(entries.filter((entry) => entry.action === "wave.halt")).toHaveLength(1);
    expect(entries.find((entry) => entry.action === "wave.halt")).toMatchObject({
      action: "wave.halt",
      after: { status: "halted", haltReason: "hard bounces reached 5% of the letters out: 1 of 20 (5.0%)" },
    });
    // Checking again changes nothing.
    expect(await haltIfBouncing(deps)(live)).toBeUndefined();
  });

  it("stops a halted wave: its queued letters fail unsent with the reason", async () => {
    clock.set(START);
    const { id, marker, queue } = await dispatchedWave();
    const consumer = sender();
    let batches = 0;
    await queue.drain(async (records) => {
      const result = await consumer(records);
      batches += 1;
      if (batches === 1) {
        // Bounces reported while the wave is on its way: the guard halts it after its first two letters.
        // 2 sent + 17 delivered + 1 bounced: 1 of 20 out is 5%.
        await deliveredLetters(id, 17);
        await deliveredLetters(id, 1, "bounced");
        expect((await haltIfBouncing(deps)(id))?.value.status).toBe("halted");
      }
      return result;
    });
    const letters = (await ledger.messagesOf(id)).filter((message) => message.letter).length;
    const counts = await ledger.counts(id);
    expect(counts).toMatchObject({ sent: 2, failed: letters - 2, queued: 0, sending: 0 });
    for (const message of await ledger.listByStatus(id, "failed")) {
      // The reason the halt kept on the wave, with its count.
      expect(message.reason).toBe("wave halted: hard bounces reached 5% of the letters out: 1 of 20 (5.0%)");
    }
    expect(letters - 2).toBeGreaterThan(0);
    expect(await mailsMarked(marker)).toHaveLength(2);
    expect((await waves.get(id))?.value.status).toBe("halted");
  });
});
