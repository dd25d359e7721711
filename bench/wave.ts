// Wave throughput: a wave through the Lambdas' own code (the wave-dispatch and wave-send apps, as the local runner
// drives them) on DynamoDB Local and the in-process queue, into the SES emulator behind an endpoint that throttles like
// SES above a MaxSendRate.
import { randomUUID } from "node:crypto";
import { DeleteTableCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { createWaveDispatchHandler } from "../functions/wave-dispatch/app.ts";
import { createWaveSendHandler } from "../functions/wave-send/app.ts";
import { startSesLocal } from "../infra/local/ses-local.ts";
import { invocation, sqsEvent } from "../infra/local/wave-runner.ts";
import { assistanceRepository } from "../shared/assistance/repository.ts";
import { systemActor } from "../shared/auth/actor.ts";
import { type Clock, systemClock } from "../shared/clock.ts";
import { contactDependencies } from "../shared/contacts/dependencies.ts";
import { contactIndexKeys, contactKey } from "../shared/contacts/keys.ts";
import type { Contact } from "../shared/contacts/schemas.ts";
import { haltedReasonOf } from "../shared/correspondence/bounce-guard.ts";
import { type Ledger, ledgerRepository } from "../shared/correspondence/ledger.ts";
import { memoryQueue } from "../shared/correspondence/memory-queue.ts";
import { quotaPacer, realSleep } from "../shared/correspondence/pacing.ts";
import type { MessageStatus } from "../shared/correspondence/schemas.ts";
import type { SendDependencies } from "../shared/correspondence/send.ts";
import {
  correspondenceMailer,
  correspondenceSesClient,
  maxSendRateReader,
} from "../shared/correspondence/ses-sender.ts";
import { createDocumentClient, createDynamoClient } from "../shared/dynamo/client.ts";
import { ensureTables } from "../shared/dynamo/ensure-tables.ts";
import { loadMemberStates } from "../shared/registry/member-states.ts";
import type { UnLanguage } from "../shared/registry/schemas.ts";
import { seedRegistry } from "../shared/registry/seed.ts";
import type { TableNames } from "../shared/tables.ts";
import { templateRepository } from "../shared/templates/repository.ts";
import { createTemplate } from "../shared/templates/templates.ts";
import { waveRepository } from "../shared/waves/repository.ts";
import type { WaveStatus } from "../shared/waves/schemas.ts";
import { getWave, type WaveDependencies } from "../shared/waves/waves.ts";
import { batchWrite } from "../test/support/table-items.ts";
import { busiestSecond, startRateLimitedSes } from "./ses-rate-limit.ts";
import { median } from "./stats.ts";

const REGION = "us-east-1";
const MAIL_FROM = "desk-1540@desk.local";

export interface WaveRunSettings {
  /** The account's MaxSendRate the SES front enforces, recipients per second. */
  maxSendRate: number;
  recipients: number;
  /** Send instances draining the queue at once (the SQS event source's maximum concurrency), each paced for its share. */
  instances: number;
}

export interface WaveRun {
  settings: WaveRunSettings;
  /** Registry, contacts (BatchWrite) and template. */
  seedMs: number;
  dispatchMs: number;
  /** From the first queue batch to an empty queue. */
  sendMs: number;
  /** SES calls the front accepted, one per recipient here. */
  accepted: number;
  /** (accepted - 1) / (last acceptance - first acceptance): the rate while the wave was going out. */
  achievedPerSecond: number;
  /**
   * The longest wait between two acceptances, and how many letters came after it: a batch handed back after a
   * throttle waits out the queue's visibility timeout.
   */
  longestPause: { ms: number; lettersAfter: number };
  busiestSecond: number;
  throttled: number;
  /** GetSendQuota calls the pacers made (at least one per instance: the rate comes from the account's quota). */
  quotaReads: number;
  /**
   * One `ledger.counts` of the finished wave (median of a few): what the send app's completion check
   * (`completeWaveIfSettled`) reads after every batch of 10, once the wave's letters are all in the ledger.
   */
  completionCheckMs: number;
  /** The wave's status at the end: the send app completes it once nothing is left to send. */
  waveStatus: WaveStatus;
  /** The ledger at the end, by status (zeros left out). */
  ledger: Partial<Record<MessageStatus, number>>;
  /** Recipients with exactly one letter of the wave in the emulator's store, with none, with more than one. */
  letters: { exactlyOne: number; none: number; moreThanOne: number; strangers: number };
  deadLetters: number;
  upstreamFailures: number;
}

/** What the audience code reads: each State's contacts, one Query per owner. */
function benchContacts(recipients: number, run: string, now: Date): Contact[] {
  const states = loadMemberStates();
  const languages: UnLanguage[] = ["en", "fr", "es", "ar", "ru", "zh"];
  const today = now.toISOString().slice(0, 10);
  return Array.from({ length: recipients }, (_, index) => {
    const state = states[index % states.length];
    if (!state) throw new Error("The registry has no States");
    return {
      id: `bench-${run}-${String(index).padStart(6, "0")}`,
      owner: `STATE:${state.iso3}`,
      role: index % 2 === 0 ? "capital-poc" : "mission-poc",
      name: `Contact ${index}`,
      title: "Director",
      email: `poc-${index}@${run}.bench.example`,
      language: languages[index % languages.length] ?? "en",
      designatedOn: today,
      lastVerifiedOn: today,
      emailStatus: "ok",
      active: true,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
  });
}

/**
 * The contacts as the contact repository stores them (item in the owner's partition, index keys, version), written
 * with BatchWriteItem: the real import writes 100-item transactions with guards and audit, which would take minutes
 * here and is not what is measured. The audience reads only these items.
 */
function contactItems(contacts: readonly Contact[]): Record<string, unknown>[] {
  return contacts.map((contact) => ({
    ...contactKey({ kind: "state", iso3: contact.owner.slice("STATE:".length) }, contact.id),
    ...contactIndexKeys(contact),
    entity: "contact",
    version: 1,
    ...contact,
  }));
}

async function letterTemplate(doc: DynamoDBDocumentClient, tableNames: TableNames, clock: Clock, marker: string) {
  const id = `bench-${marker.toLowerCase()}`;
  const variant = (greeting: string) => ({
    subject: `[${marker}] {{state.name}}: national report`,
    text: `${greeting} {{contact.title}} {{contact.name}}, the {{committee.name}} awaits the report of {{state.name}} by {{deadline|date}}.`,
    html: `<p>${greeting} {{contact.title}} {{contact.name}},</p><p>{{committee.name}}: {{state.name}}, {{deadline|date}}</p>`,
  });
  await createTemplate({
    templates: templateRepository(doc, tableNames, clock),
    ...contactDependencies(doc, tableNames, clock),
  })(
    {
      id,
      kind: "first-report-request",
      fallbackLanguage: "en",
      variants: { en: variant("Dear"), fr: variant("Madame, Monsieur"), es: variant("Estimado/a") },
    },
    { actor: systemActor("bench") },
  );
  return id;
}

interface StoredMail {
  subject: string;
  destination: { to: string[] };
}

/** Letters of this wave per address, from the emulator's store (everything stored since the run began). */
async function lettersByAddress(sesEndpoint: string, marker: string, sinceEpochSeconds: number) {
  const response = await fetch(`${sesEndpoint}/store?since=${sinceEpochSeconds}`);
  const store = (await response.json()) as { emails: StoredMail[] };
  const counts = new Map<string, number>();
  for (const mail of store.emails) {
    if (!mail.subject.includes(marker)) continue;
    for (const to of mail.destination.to) counts.set(to, (counts.get(to) ?? 0) + 1);
  }
  return counts;
}

async function ledgerCounts(ledger: Ledger, waveId: string) {
  const counts = await ledger.counts(waveId);
  return Object.fromEntries(Object.entries(counts).filter(([, count]) => count > 0)) as Partial<
    Record<MessageStatus, number>
  >;
}

/** The logger and metrics of the apps, silent: per-batch log lines would be most of the run's output. */
const quiet = { info: () => undefined, warn: console.warn, error: console.error };
const noMetrics = { addMetric: () => undefined, publishStoredMetrics: () => undefined };

/**
 * One send instance, as wave-send's handler builds it on Lambda: its own SES client (one attempt per call) and its own
 * pacer, which reads the account's MaxSendRate with GetSendQuota and takes its share, min(SEND_RATE_PER_SECOND,
 * MaxSendRate) / SEND_CONCURRENCY, both set to the run's figures as an operator would deploy them. Each queue batch
 * goes to the app as an SQS event, as the local runner hands it (infra/local/wave-runner.ts).
 */
function sendInstance(ledger: Ledger, waves: WaveDependencies, sesEndpoint: string, settings: WaveRunSettings) {
  const client = correspondenceSesClient({ region: REGION, endpoint: sesEndpoint });
  const send: SendDependencies = {
    ledger,
    mailer: correspondenceMailer({ region: REGION, from: MAIL_FROM, endpoint: sesEndpoint }, client),
    pacer: quotaPacer({
      readMaxSendRate: maxSendRateReader(client),
      configuredRate: settings.maxSendRate,
      senders: settings.instances,
      clock: systemClock,
      sleep: realSleep,
    }),
    clock: systemClock,
    leaseMs: LEASE_MS,
    haltedReason: haltedReasonOf(waves.waves),
  };
  const handler = createWaveSendHandler({ send, waves, logger: quiet, metrics: noMetrics });
  return (records: Parameters<typeof sqsEvent>[0]) => handler(sqsEvent(records), invocation());
}

/**
 * The wave as the api leaves it once scheduled, due now: written through the wave repository (the EventBridge
 * schedule that would fire it is not what is measured; the dispatch app is called with its event instead).
 */
async function scheduledWave(deps: WaveDependencies, templateId: string, clock: Clock): Promise<string> {
  const now = clock.now();
  const id = `bench-${randomUUID().slice(0, 8)}`;
  await deps.waves.create(
    {
      id,
      templateId,
      audience: "all-states",
      sendAt: now.toISOString().slice(0, 16),
      timeZone: "UTC",
      sendInstant: now.toISOString(),
      notAfter: new Date(now.getTime() + 3_600_000).toISOString(),
      deadline: "2027-06-30",
      status: "scheduled",
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    },
    { actor: systemActor("bench") },
  );
  return id;
}

/** Short enough that a throttled batch comes back within the run; longer than a pacing wait plus one SES call. */
const LEASE_MS = 20_000;
export const VISIBILITY_TIMEOUT_MS = 30_000;
/** A queue poll: an idle instance looks again this soon, as SQS long polling answers when a message arrives. */
const POLL_MS = 20;
const COMPLETION_CHECKS = 5;

async function runWave(
  client: DynamoDBClient,
  sesEndpoint: string,
  settings: WaveRunSettings,
  onProgress: (line: string) => void,
): Promise<WaveRun> {
  const clock = systemClock;
  const run = randomUUID().slice(0, 8);
  const marker = `W${run}`;
  const tableNames: TableNames = { desk: `wave-${run}-desk`, audit: `wave-${run}-audit` };
  const doc = createDocumentClient(client);
  const label = `wave ${settings.maxSendRate}/s`;

  const seedStarted = performance.now();
  // No stream: nothing here reads one, and DynamoDB Local slows every command on a streamed table (ADR 0022).
  await ensureTables(client, tableNames, { streams: false });
  await seedRegistry(doc, tableNames, clock);
  await batchWrite(doc, tableNames.desk, contactItems(benchContacts(settings.recipients, run, clock.now())));
  const templateId = await letterTemplate(doc, tableNames, clock, marker);
  const seedMs = performance.now() - seedStarted;
  onProgress(`${label}: ${settings.recipients} contacts seeded in ${(seedMs / 1000).toFixed(1)} s`);

  const ledger = ledgerRepository(doc, tableNames, clock);
  const waves: WaveDependencies = {
    ...contactDependencies(doc, tableNames, clock),
    assistance: assistanceRepository(doc, tableNames, clock),
    templates: templateRepository(doc, tableNames, clock),
    waves: waveRepository(doc, tableNames, clock),
    ledger,
  };
  const queue = memoryQueue({
    clock,
    sleep: (ms) => realSleep(Math.min(ms, POLL_MS)),
    visibilityTimeoutMs: VISIBILITY_TIMEOUT_MS,
  });
  const waveId = await scheduledWave(waves, templateId, clock);
  const dispatchStarted = performance.now();
  const dispatched = await createWaveDispatchHandler({ ...waves, queue, zoneOf: () => "UTC", logger: quiet })({
    waveId,
  });
  const dispatchMs = performance.now() - dispatchStarted;
  if ("refused" in dispatched) throw new Error(`The bench wave was not dispatched: ${dispatched.refused}`);
  const enqueued = dispatched.summary?.enqueued ?? 0;
  onProgress(`${label}: dispatched ${enqueued} letters in ${(dispatchMs / 1000).toFixed(1)} s`);

  const front = await startRateLimitedSes({ upstream: sesEndpoint, maxSendRate: settings.maxSendRate });
  const sinceEpochSeconds = Math.floor(Date.now() / 1000) - 1;
  const sendStarted = performance.now();
  const progress = setInterval(() => {
    const { acceptedAt } = front.stats();
    onProgress(`${label}: ${acceptedAt.length}/${enqueued} sent, queue ${queue.depth}`);
  }, 20_000);
  try {
    await Promise.all(
      Array.from({ length: settings.instances }, () =>
        queue.drain(sendInstance(ledger, waves, front.endpoint, settings)),
      ),
    );
  } finally {
    clearInterval(progress);
    await front.stop();
  }
  const sendMs = performance.now() - sendStarted;
  const stats = front.stats();
  const first = stats.acceptedAt[0] ?? 0;
  const last = stats.acceptedAt.at(-1) ?? 0;
  const achievedPerSecond = stats.acceptedAt.length > 1 ? ((stats.acceptedAt.length - 1) / (last - first)) * 1000 : 0;
  const longestPause = { ms: 0, lettersAfter: 0 };
  stats.acceptedAt.forEach((at, index) => {
    const gap = at - (stats.acceptedAt[index - 1] ?? at);
    if (gap > longestPause.ms) Object.assign(longestPause, { ms: gap, lettersAfter: stats.acceptedAt.length - index });
  });

  // Independent reads of the finished wave, at once.
  const [byAddress, messages, ledgerByStatus, finished] = await Promise.all([
    lettersByAddress(sesEndpoint, marker, sinceEpochSeconds),
    ledger.messagesOf(waveId),
    ledgerCounts(ledger, waveId),
    getWave(waves)(waveId),
  ]);
  const expected = new Set(messages.flatMap((message) => (message.email ? [message.email] : [])));
  const letters = { exactlyOne: 0, none: 0, moreThanOne: 0, strangers: 0 };
  for (const email of expected) {
    const count = byAddress.get(email) ?? 0;
    if (count === 1) letters.exactlyOne += 1;
    else if (count === 0) letters.none += 1;
    else letters.moreThanOne += 1;
  }
  for (const email of byAddress.keys()) if (!expected.has(email)) letters.strangers += 1;

  const checks: number[] = [];
  for (let index = 0; index < COMPLETION_CHECKS; index++) {
    const started = performance.now();
    await ledger.hasUnsettled(waveId);
    checks.push(performance.now() - started);
  }
  await deleteTables(client, tableNames);

  return {
    settings,
    completionCheckMs: median(checks),
    seedMs,
    dispatchMs,
    sendMs,
    accepted: stats.acceptedAt.length,
    achievedPerSecond,
    longestPause,
    busiestSecond: busiestSecond(stats.acceptedAt),
    throttled: stats.throttled,
    quotaReads: stats.quotaReads,
    waveStatus: finished.value.status,
    ledger: ledgerByStatus,
    letters,
    deadLetters: queue.deadLetters.length,
    upstreamFailures: stats.upstreamFailures,
  };
}

/** A finished run's tables go, so the engine's memory holds only what the next section reads. */
async function deleteTables(client: DynamoDBClient, tableNames: TableNames) {
  await Promise.all(Object.values(tableNames).map((TableName) => client.send(new DeleteTableCommand({ TableName }))));
}

/** Each run on fresh tables of the DynamoDB Local at `dynamoEndpoint`, one after the other, so they do not share the cores. */
export async function measureWaves(
  runs: readonly WaveRunSettings[],
  dynamoEndpoint: string,
  onProgress: (line: string) => void,
): Promise<WaveRun[]> {
  const ses = await startSesLocal({ port: 0 });
  const client = createDynamoClient({ region: REGION, endpoint: dynamoEndpoint });
  try {
    const results: WaveRun[] = [];
    for (const settings of runs) {
      const result = await runWave(client, ses.endpoint, settings, onProgress);
      onProgress(
        `wave ${settings.maxSendRate}/s: ${result.accepted} sent at ${result.achievedPerSecond.toFixed(2)}/s, ` +
          `busiest second ${result.busiestSecond}, ${result.throttled} throttled`,
      );
      results.push(result);
    }
    return results;
  } finally {
    client.destroy();
    await ses.stop();
  }
}
