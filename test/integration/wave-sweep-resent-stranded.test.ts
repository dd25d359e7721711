// The sweep against DynamoDB Local and the SES emulator, for letters sent again that a crash stranded on a completed
// wave (audit 34, bug 2): one whose key and schedule died is put back on the queue and reaches its owner once; one whose
// sender died after its claim is handed back and becomes unknown, sent to nobody. Found through the ledger's resends
// index, with no Scan.
import { randomUUID } from "node:crypto";
import type { Context } from "aws-lambda";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { createContact } from "#shared/contacts/contacts.ts";
import type { QueueRecord, SendQueue } from "#shared/correspondence/memory-queue.ts";
import { tokenBucket } from "#shared/correspondence/pacing.ts";
import type { MessageKey } from "#shared/correspondence/schemas.ts";
import type { SendFault } from "#shared/correspondence/send.ts";
import { correspondenceMailer } from "#shared/correspondence/ses-sender.ts";
import { createTemplate } from "#shared/templates/templates.ts";
import { STUCK_AFTER_MS } from "#shared/waves/stuck-after.ts";
import { dispatchWave, resendUnknown, type WaveDependencies } from "#shared/waves/waves.ts";
import { createWaveSendHandler } from "../../functions/wave-send/app.ts";
import { createWaveSweepHandler } from "../../functions/wave-sweep/app.ts";
import { sqsEvent } from "../../infra/local/wave-runner.ts";
import { quiet, seededStores } from "../support/pipeline.ts";
import { recordedMetrics } from "../support/send-metrics.ts";

const clock = fixedClock("2026-06-01T08:00:00.000Z");
const advance = async (ms: number) => clock.advance(ms);
const audit = { actor: systemActor("test") };
const run = randomUUID().slice(0, 8);
const NON_REPORTING = ["TCD", "MLI", "SOM", "GMB", "MRT"] as const;
const address = (iso3: string) => `${iso3.toLowerCase()}-${run}@resent.example`;
const invocation = { getRemainingTimeInMillis: () => 60_000 } as Context;
/** A short event window, so that the letters left unknown may be sent again within the test's clock. */
const EVENT_WINDOW_MS = 3 * 60_000;
let deps: WaveDependencies;

/** A queue that keeps what is put on it, as SQS records, for the test to deliver (or lose, as a crash would). */
function recordingQueue(): SendQueue & { take(): QueueRecord[] } {
  const records: QueueRecord[] = [];
  return {
    async sendBatch(keys: readonly MessageKey[]) {
      for (const key of keys) {
        records.push({
          messageId: randomUUID(),
          body: JSON.stringify(key),
          attributes: { ApproximateReceiveCount: "1" },
        });
      }
    },
    take: () => records.splice(0),
  };
}

async function mailsTo(marker: string, to: string): Promise<number> {
  const store = (await (await fetch(`${inject("sesEndpoint")}/store`)).json()) as {
    emails: { subject: string; destination: { to: string[] } }[];
  };
  return store.emails.filter((mail) => mail.subject.includes(marker) && mail.destination.to.includes(to)).length;
}

const sendApp = (faults?: SendFault) =>
  createWaveSendHandler({
    send: {
      ledger: deps.ledger,
      mailer: correspondenceMailer({ region: "us-east-1", endpoint: inject("sesEndpoint"), from: "desk@desk.example" }),
      pacer: tokenBucket({ maxPerSecond: 14, clock, sleep: advance }),
      clock,
      sleep: advance,
      faults,
    },
    waves: deps,
    logger: quiet,
    metrics: recordedMetrics().sink,
  });

const sweep = (queue: SendQueue) => createWaveSweepHandler({ ...deps, queue, logger: quiet })({});

/** The api's resend: its schedule (which would enqueue the letter) made, then lost with the stack. */
const resend = (waveId: string, recipient: string) =>
  resendUnknown({
    ...deps,
    eventWindowMs: EVENT_WINDOW_MS,
    scheduler: { schedule: async () => "lost", scheduleResend: async () => "lost", unschedule: async () => {} },
  })(waveId, recipient, audit);

beforeAll(async () => {
  ({ deps } = await seededStores(clock));
  for (const iso3 of NON_REPORTING) {
    await createContact(deps)(
      { owner: `STATE:${iso3}`, role: "capital-poc", name: `Poc ${iso3}`, email: address(iso3) },
      audit,
    );
  }
}, 120_000);

describe("the sweep, for letters sent again that a crash stranded on a completed wave", () => {
  it("sends again the one left queued, once, and marks unknown the one left sending; the wave stays completed", {
    timeout: 120_000,
  }, async () => {
    const marker = `R${randomUUID().slice(0, 8)}`;
    const id = `resent-${marker.toLowerCase()}`;
    await createTemplate(deps)(
      {
        id,
        kind: "other",
        fallbackLanguage: "en",
        variants: { en: { subject: `[${marker}] {{state.name}}`, text: "Dear {{contact.name}}", html: "<p>Dear</p>" } },
      },
      audit,
    );
    const now = clock.now().toISOString();
    await deps.waves.create(
      {
        id,
        templateId: id,
        audience: "non-reporting-states",
        sendAt: now.slice(0, 16),
        timeZone: "UTC",
        sendInstant: now,
        notAfter: new Date(clock.now().getTime() + 3 * 86_400_000).toISOString(),
        status: "scheduled",
        createdAt: now,
        updatedAt: now,
      },
      audit,
    );
    // Dispatched; two letters' senders die after their claims, the others are sent.
    const first = recordingQueue();
    await dispatchWave({ ...deps, queue: first })(id);
    const [one, two, ...rest] = first.take();
    if (!one || !two) throw new Error("the wave has fewer than two letters");
    const queuedKey = JSON.parse(one.body) as MessageKey;
    const sendingKey = JSON.parse(two.body) as MessageKey;
    const crashAfterClaim: SendFault = (step) => {
      if (step === "after-claim") throw new Error("sender killed");
    };
    await sendApp(crashAfterClaim)(sqsEvent([one, two]), invocation);
    await sendApp()(sqsEvent(rest), invocation);

    // The sweep hands back both claims (they become unknown), then completes the wave.
    const queue = recordingQueue();
    await advance(STUCK_AFTER_MS + 60_000);
    await sweep(queue);
    await sendApp()(sqsEvent(queue.take()), invocation);
    await sweep(queue);
    expect((await deps.waves.get(id))?.value.status).toBe("completed");
    expect(await deps.ledger.counts(id)).toMatchObject({ unknown: 2, queued: 0, sending: 0 });

    // Both sent again once their windows closed; their keys die with the stack, and one is claimed by a sender that
    // dies at once.
    await advance(EVENT_WINDOW_MS);
    await resend(id, queuedKey.recipient);
    await resend(id, sendingKey.recipient);
    expect(await deps.ledger.claim(sendingKey, 120_000)).toMatchObject({ claimed: true });
    const completed = await deps.waves.get(id);

    // A quarter of an hour on, the sweep puts the queued one back on the queue and hands back the other's claim.
    await advance(STUCK_AFTER_MS + 60_000);
    const swept = await sweep(queue);
    expect(swept.resent).toContainEqual({ waveId: id, requeued: 1, staleClaims: 1 });
    expect(swept.resumed.map(({ waveId }) => waveId)).not.toContain(id);
    await sendApp()(sqsEvent(queue.take()), invocation);

    const queuedTo = (await deps.ledger.get(queuedKey))?.email ?? "-";
    const sendingTo = (await deps.ledger.get(sendingKey))?.email ?? "-";
    expect(await deps.ledger.get(queuedKey)).toMatchObject({ status: "sent" });
    expect(await mailsTo(marker, queuedTo)).toBe(1);
    expect(await deps.ledger.get(sendingKey)).toMatchObject({ status: "unknown" });
    expect(await mailsTo(marker, sendingTo)).toBe(0);
    expect(await deps.waves.get(id)).toEqual(completed);

    // Nothing is left on its way: the next sweep does nothing for it.
    await advance(STUCK_AFTER_MS);
    expect((await sweep(queue)).resent.map(({ waveId }) => waveId)).not.toContain(id);
    expect(queue.take()).toEqual([]);
  });
});
