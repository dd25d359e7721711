// The three pipeline Lambdas' apps against DynamoDB Local: wave-send answers partial batch failures (throttling, an
// invocation running out of time) and counts them in its metrics; wave-dispatch acknowledges a cancelled wave's
// schedule; ses-events applies an event and acknowledges one it cannot place.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Context } from "aws-lambda";
import { beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { createContact } from "#shared/contacts/contacts.ts";
import { haltedReasonOf } from "#shared/correspondence/bounce-guard.ts";
import type { WaveDispatchStores } from "#shared/correspondence/dispatch-dependencies.ts";
import { memoryQueue, type QueueRecord } from "#shared/correspondence/memory-queue.ts";
import { tokenBucket } from "#shared/correspondence/pacing.ts";
import { THROTTLE_RETRY_WAITS_MS } from "#shared/correspondence/send.ts";
import type { Mailer } from "#shared/mail/ses.ts";
import { createTemplate } from "#shared/templates/templates.ts";
import type { Wave } from "#shared/waves/schemas.ts";
import { createSesEventsHandler } from "../../functions/ses-events/app.ts";
import { createWaveDispatchHandler } from "../../functions/wave-dispatch/app.ts";
import { createWaveSendHandler } from "../../functions/wave-send/app.ts";
import { sqsEvent } from "../../infra/local/wave-runner.ts";
import { seededStores } from "../support/pipeline.ts";
import { recordedMetrics } from "../support/send-metrics.ts";

const clock = fixedClock("2026-03-10T13:00:00.000Z");
const advance = async (ms: number) => clock.advance(ms);
const audit = { actor: systemActor("test") };
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
let deps: WaveDispatchStores;

const throttled: Mailer = {
  async sendMail() {
    throw Object.assign(new Error("Maximum sending rate exceeded."), { name: "Throttling", $fault: "client" });
  },
};
const unreachable: Mailer = {
  async sendMail() {
    throw new Error("no letter may be sent here");
  },
};

/** A wave created dispatching with its letters queued; answers the queue's records as one SQS batch. */
async function queuedWave(status: Wave["status"] = "dispatching") {
  const id = `lambda-${randomUUID().slice(0, 8)}`;
  const now = clock.now().toISOString();
  const notAfter = new Date(clock.now().getTime() + 86_400_000).toISOString();
  await deps.waves.create(
    {
      id,
      templateId: "lambda-letter",
      audience: "non-reporting-states",
      sendAt: "2026-03-10T09:00",
      timeZone: "America/New_York",
      sendInstant: now,
      notAfter,
      status,
      createdAt: now,
      updatedAt: now,
    },
    audit,
  );
  const records: QueueRecord[] = [];
  if (status === "dispatching") {
    const queue = memoryQueue({ clock, sleep: advance });
    await createWaveDispatchHandler({ ...deps, queue, zoneOf: () => "UTC", logger: quiet })({ waveId: id });
    await queue.drain(async (batch) => {
      records.push(...batch);
      return { batchItemFailures: [] };
    });
  }
  return { id, records };
}

function sendApp(mailer: Mailer) {
  const { metrics, sink } = recordedMetrics();
  const handler = createWaveSendHandler({
    send: {
      ledger: deps.ledger,
      mailer,
      pacer: tokenBucket({ maxPerSecond: 14, clock, sleep: advance }),
      clock,
      sleep: advance,
      haltedReason: haltedReasonOf(deps.waves),
    },
    waves: deps,
    logger: quiet,
    metrics: sink,
  });
  return { handler, metrics };
}

const contextWith = (remainingMs: number) => ({ getRemainingTimeInMillis: () => remainingMs }) as Context;

beforeAll(async () => {
  ({ deps } = await seededStores(clock));
  for (const iso3 of ["TCD", "MLI", "SOM"]) {
    await createContact(deps)(
      {
        owner: `STATE:${iso3}`,
        role: "capital-poc",
        name: `Poc ${iso3}`,
        email: `${iso3.toLowerCase()}@lambdas.example`,
      },
      audit,
    );
  }
  await createTemplate(deps)(
    {
      id: "lambda-letter",
      kind: "other",
      fallbackLanguage: "en",
      variants: { en: { subject: "Letter to {{state.name}}", text: "Dear {{contact.name}}", html: "<p>Dear</p>" } },
    },
    audit,
  );
}, 120_000);

describe("the wave-send app", () => {
  it("hands a batch back as item failures once its first letter's retries are throttled too, counting each throttle", async () => {
    const { id, records } = await queuedWave();
    expect(records).toHaveLength(3);
    const { handler, metrics } = sendApp(throttled);
    const response = await handler(sqsEvent(records), contextWith(30_000));
    expect(response.batchItemFailures.map((failure) => failure.itemIdentifier).sort()).toEqual(
      records.map((record) => record.messageId).sort(),
    );
    expect(metrics).toEqual({
      MessagesSent: 0,
      MessagesFailed: 0,
      MessagesUnknown: 0,
      MessagesExpired: 0,
      SesThrottled: 1 + THROTTLE_RETRY_WAITS_MS.length,
    });
    // Throttling is never final: every letter is queued again, and the wave goes on.
    expect(await deps.ledger.counts(id)).toMatchObject({ queued: 3, sending: 0 });
    expect((await deps.waves.get(id))?.value.status).toBe("dispatching");
  });

  it("starts no letter the invocation has no time left to finish: the keys go back untouched", async () => {
    const { id, records } = await queuedWave();
    const { handler, metrics } = sendApp(unreachable);
    const response = await handler(sqsEvent(records), contextWith(5_000));
    expect(response.batchItemFailures).toHaveLength(3);
    expect(metrics.MessagesSent).toBe(0);
    expect(await deps.ledger.counts(id)).toMatchObject({ queued: 3, sending: 0 });
  });

  it("sends, counts and completes the wave when nothing is left", async () => {
    const { id, records } = await queuedWave();
    const sent: string[] = [];
    const { handler, metrics } = sendApp({
      async sendMail(message) {
        sent.push(String(message.to));
        return { messageId: `ses-${sent.length}` };
      },
    });
    expect(await handler(sqsEvent(records), contextWith(30_000))).toEqual({ batchItemFailures: [] });
    expect(sent).toHaveLength(3);
    expect(metrics.MessagesSent).toBe(3);
    expect((await deps.waves.get(id))?.value.status).toBe("completed");
  });
});

describe("the wave-dispatch app", () => {
  it("acknowledges, and sends nothing for, a cancelled wave whose schedule still fired", async () => {
    const { id } = await queuedWave("cancelled");
    const queue = memoryQueue({ clock, sleep: advance });
    const answer = await createWaveDispatchHandler({ ...deps, queue, zoneOf: () => "UTC", logger: quiet })({
      waveId: id,
    });
    expect(answer).toEqual({ refused: expect.stringContaining("cannot be sent: it was cancelled, which is final") });
    expect(queue.depth).toBe(0);
    expect(await deps.ledger.messagesOf(id)).toEqual([]);
  });
});

describe("the ses-events app", () => {
  it("applies an event to its letter, and acknowledges one about a letter it does not hold", async () => {
    const { id, records } = await queuedWave();
    await sendApp({ sendMail: async () => ({ messageId: "ses-delivered" }) }).handler(
      sqsEvent(records),
      contextWith(30_000),
    );
    const [message] = await deps.ledger.messagesOf(id);
    if (!message) throw new Error("no message");
    const handler = createSesEventsHandler({ ...deps, logger: quiet });
    const sample = readFileSync(join(import.meta.dirname, "../../events/samples/ses-delivery.json"), "utf8");
    const event = (recipient: string) =>
      JSON.parse(
        sample
          .replaceAll("first-report-request-2026", id)
          .replaceAll("01JNZ8SAMPLECONTACT0000000", recipient)
          .replaceAll("0100018e2c0a5d1f-4b3c9a7e-1d2f-4e5a-9b8c-7d6e5f4a3b2c-000000", "ses-delivered"),
      ) as unknown;
    expect(await handler(event(message.recipient))).toMatchObject({ outcome: "moved", from: "sent", to: "delivered" });
    expect(await handler(event("nobody"))).toMatchObject({ outcome: "no-message" });
  });
});
