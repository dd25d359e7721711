// The wave sweep against DynamoDB Local and the SES emulator: a wave left in dispatching by a crash (a dispatch killed
// half-way through the ledger, or a sender killed after SES with the rest of its keys lost) is finished by the sweep,
// each recipient getting exactly one letter, read from the emulator's store; a wave halted as its stack crashed has
// its stranded letters failed unsent; the wave-send app's metrics count an unknown letter even when its sender dies
// later in the batch.
import { randomUUID } from "node:crypto";
import { Logger } from "@aws-lambda-powertools/logger";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { Context } from "aws-lambda";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { createContact } from "#shared/contacts/contacts.ts";
import type { DispatchFault } from "#shared/correspondence/dispatch.ts";
import type { QueueRecord, SendQueue } from "#shared/correspondence/memory-queue.ts";
import { tokenBucket } from "#shared/correspondence/pacing.ts";
import type { MessageKey } from "#shared/correspondence/schemas.ts";
import type { SendFault } from "#shared/correspondence/send.ts";
import { correspondenceMailer } from "#shared/correspondence/ses-sender.ts";
import { createRouter } from "#shared/http/router.ts";
import { createTemplate } from "#shared/templates/templates.ts";
import { haltWave } from "#shared/waves/halt.ts";
import type { WaveScheduler } from "#shared/waves/scheduler.ts";
import type { Wave } from "#shared/waves/schemas.ts";
import { STUCK_AFTER_MS } from "#shared/waves/stuck-after.ts";
import { MISSED_WAVE_WARNING, REDISPATCH_LEAD_MS, SWEPT_LETTERS_FAILED_WARNING } from "#shared/waves/sweep.ts";
import { dispatchWave, type WaveDependencies } from "#shared/waves/waves.ts";
import { waveRoutes } from "../../functions/api/routes/waves.ts";
import { createWaveDispatchHandler } from "../../functions/wave-dispatch/app.ts";
import { createWaveSendHandler, type SendMetrics } from "../../functions/wave-send/app.ts";
import { createWaveSweepHandler, type WaveSweepHandlerDependencies } from "../../functions/wave-sweep/app.ts";
import { sqsEvent } from "../../infra/local/wave-runner.ts";
import { routerCaller } from "../support/api-event.ts";
import { seededStores } from "../support/pipeline.ts";

const clock = fixedClock("2026-06-01T08:00:00.000Z");
const advance = async (ms: number) => clock.advance(ms);
const audit = { actor: systemActor("test") };
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const run = randomUUID().slice(0, 8);
const NON_REPORTING = ["TCD", "MLI", "SOM", "GMB", "MRT"] as const;
const address = (iso3: string) => `${iso3.toLowerCase()}-${run}@sweep.example`;
const invocation = { getRemainingTimeInMillis: () => 60_000 } as Context;
let deps: WaveDependencies;
let setup: Awaited<ReturnType<typeof seededStores>>["setup"];

interface StoredMail {
  subject: string;
  destination: { to: string[] };
}

/** The emulator's store is shared by every test file: each wave's subject carries its own marker. */
async function mailsMarked(marker: string): Promise<StoredMail[]> {
  const store = (await (await fetch(`${inject("sesEndpoint")}/store`)).json()) as { emails: StoredMail[] };
  return store.emails.filter((mail) => mail.subject.includes(marker));
}

/** A queue that keeps what is put on it, as SQS records, for the test to deliver (or lose) as it likes. */
function recordingQueue(): SendQueue & { records: QueueRecord[]; take(): QueueRecord[] } {
  const records: QueueRecord[] = [];
  return {
    records,
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

/** Metrics as CloudWatch would get them: only what was published, never what a dead sender still held. */
function publishedMetrics(): { published: Record<string, number>; sink: SendMetrics } {
  const published: Record<string, number> = {};
  let stored: [string, number][] = [];
  return {
    published,
    sink: {
      addMetric: (name, _unit, value) => {
        stored.push([name, value]);
      },
      publishStoredMetrics: () => {
        for (const [name, value] of stored) published[name] = (published[name] ?? 0) + value;
        stored = [];
      },
    },
  };
}

function sendApp(options: { faults?: SendFault; metrics?: SendMetrics } = {}) {
  return createWaveSendHandler({
    send: {
      ledger: deps.ledger,
      mailer: correspondenceMailer({ region: "us-east-1", endpoint: inject("sesEndpoint"), from: "desk@desk.example" }),
      pacer: tokenBucket({ maxPerSecond: 14, clock, sleep: advance }),
      clock,
      sleep: advance,
      faults: options.faults,
    },
    waves: deps,
    logger: quiet,
    metrics: options.metrics ?? publishedMetrics().sink,
  });
}

function sweepApp(queue: SendQueue, logger: WaveSweepHandlerDependencies["logger"] = quiet) {
  return createWaveSweepHandler({ ...deps, queue, logger });
}

/** A wave scheduled for now, with its own template whose subject carries a marker. */
async function dueWave(sendInMs = 0): Promise<{ id: string; marker: string }> {
  const marker = `S${randomUUID().slice(0, 8)}`;
  const id = `sweep-${marker.toLowerCase()}`;
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
  const sendInstant = new Date(clock.now().getTime() + sendInMs).toISOString();
  await deps.waves.create(
    {
      id,
      templateId: id,
      audience: "non-reporting-states",
      sendAt: sendInstant.slice(0, 16),
      timeZone: "UTC",
      sendInstant,
      notAfter: new Date(clock.now().getTime() + 3 * 86_400_000).toISOString(),
      status: "scheduled",
      createdAt: now,
      updatedAt: now,
    },
    audit,
  );
  return { id, marker };
}

/** Each address of the audience got exactly one letter of the wave. */
async function expectOneLetterEach(marker: string) {
  const mails = await mailsMarked(marker);
  expect(mails.map((mail) => mail.destination.to).sort()).toEqual(NON_REPORTING.map((iso3) => [address(iso3)]).sort());
}

beforeAll(async () => {
  ({ setup, deps } = await seededStores(clock));
  for (const iso3 of NON_REPORTING) {
    await createContact(deps)(
      { owner: `STATE:${iso3}`, role: "capital-poc", name: `Poc ${iso3}`, email: address(iso3) },
      audit,
    );
  }
}, 120_000);

describe("the wave sweep", () => {
  it("completes a wave whose dispatch was killed after writing part of the ledger, sending each letter once", async () => {
    const { id, marker } = await dueWave();
    const crashed = recordingQueue();
    const killAfterTwo: DispatchFault = (step, written) => {
      if (step === "after-put" && written === 2) throw new Error("dispatch killed");
    };
    await expect(dispatchWave({ ...deps, queue: crashed, faults: killAfterTwo })(id)).rejects.toThrow(
      "dispatch killed",
    );
    expect((await deps.waves.get(id))?.value.status).toBe("dispatching");
    expect(await deps.ledger.messagesOf(id)).toHaveLength(2);
    expect(crashed.records).toHaveLength(0);

    // Not yet stuck: a sweep leaves a wave that is still within its quarter of an hour.
    const queue = recordingQueue();
    await advance(STUCK_AFTER_MS - 60_000);
    expect((await sweepApp(queue)({})).resumed).toEqual([]);
    expect(queue.records).toHaveLength(0);

    await advance(2 * 60_000);
    const swept = await sweepApp(queue)({});
    expect(swept.resumed).toEqual([
      {
        waveId: id,
        status: "dispatching",
        staleClaims: 0,
        summary: expect.objectContaining({ enqueued: NON_REPORTING.length }),
      },
    ]);
    // The letters the killed run wrote are kept; the rest (the skipped owners' notes too) are written now.
    const { summary } = swept.resumed[0] ?? {};
    expect(summary?.written).toBe((summary?.recipients ?? 0) + (summary?.skipped ?? 0) - 2);
    expect(await sendApp()(sqsEvent(queue.take()), invocation)).toEqual({ batchItemFailures: [] });
    await expectOneLetterEach(marker);
    expect((await deps.waves.get(id))?.value.status).toBe("completed");

    // A later sweep finds nothing to do for it, and sends nothing more.
    await advance(STUCK_AFTER_MS);
    expect((await sweepApp(queue)({})).resumed.map((resumed) => resumed.waveId)).not.toContain(id);
    expect(queue.records).toHaveLength(0);
    await expectOneLetterEach(marker);
  });

  it("finishes a wave whose sender died after SES with its other keys lost: none sent twice, that one unknown", async () => {
    const { id, marker } = await dueWave();
    const first = recordingQueue();
    await dispatchWave({ ...deps, queue: first })(id);
    const [one, two, three, ...rest] = first.take();
    expect(rest).toHaveLength(NON_REPORTING.length - 3);
    await sendApp()(sqsEvent([one, two].filter((record) => record !== undefined)), invocation);
    // The third key's sender is killed once SES has the letter: the key, and the rest, never come back.
    const killed = sendApp({
      faults: (step) => {
        if (step === "after-ses") throw new Error("sender killed");
      },
    });
    await killed(sqsEvent([three].filter((record) => record !== undefined)), invocation);
    expect(await deps.ledger.counts(id)).toMatchObject({ sent: 2, sending: 1, queued: NON_REPORTING.length - 3 });

    await advance(STUCK_AFTER_MS + 60_000);
    const queue = recordingQueue();
    const swept = await sweepApp(queue)({});
    expect(swept.resumed.find((resumed) => resumed.waveId === id)).toMatchObject({
      staleClaims: 1,
      summary: { written: 0, enqueued: NON_REPORTING.length - 3 },
    });
    await sendApp()(sqsEvent(queue.take()), invocation);

    await expectOneLetterEach(marker);
    expect(await deps.ledger.counts(id)).toMatchObject({
      sent: NON_REPORTING.length - 1,
      unknown: 1,
      sending: 0,
      queued: 0,
    });
    expect((await deps.waves.get(id))?.value.status).toBe("completed");
  });

  it("passes over, without failing, a wave its sender completed between the query and its turn", async () => {
    const { id } = await dueWave();
    const queue = recordingQueue();
    await dispatchWave({ ...deps, queue })(id);
    const listed = await deps.waves.get(id);
    if (!listed) throw new Error("the wave is gone");
    await sendApp()(sqsEvent(queue.take()), invocation);
    expect((await deps.waves.get(id))?.value.status).toBe("completed");
    // The index answered before the sender finished: the sweep still holds the wave as dispatching, and stuck.
    await advance(STUCK_AFTER_MS + 60_000);
    const stale = {
      ...deps.waves,
      inStatus: async (status: Wave["status"]) => (status === "dispatching" ? [listed] : deps.waves.inStatus(status)),
    };
    const swept = await createWaveSweepHandler({ ...deps, waves: stale, queue, logger: quiet })({});
    expect(swept).toMatchObject({ resumed: [], failed: [] });
    expect(queue.records).toHaveLength(0);
  });

  it("fails unsent, as the sender would, the letters of a wave halted by a crash at the halt; sends none", async () => {
    const { id, marker } = await dueWave();
    const first = recordingQueue();
    await dispatchWave({ ...deps, queue: first })(id);
    const [one, two] = first.take();
    await sendApp()(sqsEvent([one, two].filter((record) => record !== undefined)), invocation);
    // Halted on bounces, and the stack killed at once: the other keys are lost with the in-process queue.
    const reason = "hard bounces reached 5% of the letters out: 1 of 2 (50.0%)";
    await haltWave(deps)(id, reason, audit);

    await advance(STUCK_AFTER_MS + 60_000);
    const queue = recordingQueue();
    const warnings: unknown[] = [];
    const swept = await sweepApp(queue, { ...quiet, warn: (...line: unknown[]) => warnings.push(line) })({});
    expect(swept.halted).toContainEqual({ waveId: id, staleClaims: 0, queuedFailed: NON_REPORTING.length - 2 });
    // infra/wave-sweep.ts's LettersFailedBySweep alarm sums `failed` from this line: the sender never saw them.
    expect(warnings).toContainEqual([SWEPT_LETTERS_FAILED_WARNING, { waveId: id, failed: NON_REPORTING.length - 2 }]);
    expect(queue.records).toHaveLength(0);
    expect(await deps.ledger.counts(id)).toMatchObject({ sent: 2, failed: NON_REPORTING.length - 2, queued: 0 });
    expect((await deps.ledger.listByStatus(id, "failed")).map((message) => message.reason)).toEqual(
      Array(NON_REPORTING.length - 2).fill(`wave halted: ${reason}`),
    );
    expect(await mailsMarked(marker)).toHaveLength(2);
    expect((await deps.waves.get(id))?.value.status).toBe("halted");
    // A second sweep has nothing more to fail.
    expect((await sweepApp(queue)({})).halted.map((halted) => halted.waveId)).not.toContain(id);
  });

  it("reports a scheduled wave long past its send time without sending it, in the warning its alarm counts", async () => {
    const { id, marker } = await dueWave();
    await advance(STUCK_AFTER_MS + 60_000);
    const queue = recordingQueue();
    const warnings: { message: string; waveId: unknown }[] = [];
    const logger = {
      ...quiet,
      warn: (message: unknown, ...extra: unknown[]) => {
        warnings.push({ message: String(message), waveId: (extra[0] as { waveId?: unknown } | undefined)?.waveId });
      },
    };
    const swept = await sweepApp(queue, logger)({});
    expect(swept.missed.map((missed) => missed.waveId)).toContain(id);
    // infra/wave-sweep.ts's WavesMissed alarm counts this message, and the runbook sends the operator to the wave.
    expect(warnings).toContainEqual({ message: MISSED_WAVE_WARNING, waveId: id });
    expect((await deps.waves.get(id))?.value.status).toBe("scheduled");
    expect(queue.records).toHaveLength(0);
    expect(await mailsMarked(marker)).toHaveLength(0);
  });
});

describe("the unknown-letter metric", () => {
  it("is published as soon as the letter is marked unknown, though its sender dies later in the batch", async () => {
    const { id } = await dueWave();
    const queue = recordingQueue();
    await dispatchWave({ ...deps, queue })(id);
    const [claimed, next] = queue.take();
    if (!claimed || !next) throw new Error("the wave has fewer than two letters");
    // A sender claimed the first letter and vanished: its lease runs out.
    const key = JSON.parse(claimed.body) as MessageKey;
    expect((await deps.ledger.claim(key, 120_000)).claimed).toBe(true);
    await advance(180_000);

    const { published, sink } = publishedMetrics();
    let reached: () => void = () => undefined;
    const stuck = new Promise<void>((resolve) => {
      reached = resolve;
    });
    // The second key's sender hangs for ever, as one killed at its time-out would: the batch never ends.
    const nextKey = JSON.parse(next.body) as MessageKey;
    const handler = sendApp({
      metrics: sink,
      faults: (step, at) => {
        if (step === "before-claim" && at.recipient === nextKey.recipient) return new Promise<void>(() => reached());
      },
    });
    void handler(sqsEvent([claimed, next]), invocation);
    await stuck;
    expect((await deps.ledger.get(key))?.status).toBe("unknown");
    expect(published).toEqual({ MessagesUnknown: 1 });
  });
});

describe("POST /waves/{id}/redispatch", () => {
  /** The schedules the route asks for, as EventBridge Scheduler would hold them. */
  const made: Wave[] = [];
  const scheduler: WaveScheduler = {
    schedule: async (wave) => {
      made.push(wave);
      return `wave-${wave.id}`;
    },
    scheduleResend: async () => "unused",
    unschedule: async () => undefined,
  };
  const call = () =>
    routerCaller(
      createRouter(
        waveRoutes({ ...deps, scheduler, mailer: { sendMail: async () => ({ messageId: "unused" }) } }),
        new Logger({ logLevel: "SILENT" }),
      ),
      "secretariat",
    );

  it("refuses with 409, making nothing, a wave not yet due, and one that is not dispatching; 403 for experts", async () => {
    const { id } = await dueWave(3_600_000);
    const path = `/waves/${id}/redispatch`;
    const early = await call()({ method: "POST", path });
    expect(early.status).toBe(409);
    expect(JSON.stringify(early.body)).toContain("has not come yet");
    expect((await call()({ method: "POST", path, group: "experts" })).status).toBe(403);
    expect((await call()({ method: "POST", path: "/waves/no-such-wave/redispatch" })).status).toBe(404);
    expect(made).toEqual([]);
  });

  it("schedules a stuck wave's dispatch for the next minute, audited; its firing finishes the wave once", async () => {
    const { id, marker } = await dueWave();
    const crashed = recordingQueue();
    await expect(
      dispatchWave({
        ...deps,
        queue: crashed,
        faults: (step, written) => {
          if (step === "after-put" && written === 3) throw new Error("dispatch killed");
        },
      })(id),
    ).rejects.toThrow("dispatch killed");
    await advance(25_000);
    const answer = await call()({ method: "POST", path: `/waves/${id}/redispatch` });
    expect(answer.status).toBe(202);
    const firesAt = new Date(Math.ceil((clock.now().getTime() + REDISPATCH_LEAD_MS) / 60_000) * 60_000).toISOString();
    expect(answer.body).toMatchObject({ wave: { id, status: "dispatching" }, scheduleName: `wave-${id}`, firesAt });
    expect(made.at(-1)).toMatchObject({ id, sendAt: firesAt.slice(0, 16), timeZone: "UTC", sendInstant: firesAt });

    const trail = await setup.doc.send(
      new QueryCommand({
        TableName: setup.tableNames.audit,
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": `wave#${id}` },
      }),
    );
    expect(trail.Items?.map((entry) => entry.action)).toContain("wave.redispatch");

    // The schedule fires wave-dispatch with { waveId }: the wave is resumed as the sweep would.
    await advance(90_000);
    const queue = recordingQueue();
    const fired = await createWaveDispatchHandler({ ...deps, queue, zoneOf: () => "UTC", logger: quiet })({
      waveId: id,
    });
    expect(fired).toMatchObject({ waveId: id, status: "dispatching" });
    await sendApp()(sqsEvent(queue.take()), invocation);
    await expectOneLetterEach(marker);
    expect((await deps.waves.get(id))?.value.status).toBe("completed");

    const again = await call()({ method: "POST", path: `/waves/${id}/redispatch` });
    expect(again.status).toBe(409);
    expect(JSON.stringify(again.body)).toContain("it has completed, which is final");
  });
});
