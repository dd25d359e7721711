// The send pipeline's pure parts: pacing under the rate (and the account's quota), the message state machine, SES
// error classes, audience sorting (skip reasons, one letter per address, providers), the in-process queue's SQS
// semantics, the SQS queue's retries and the hard-bounce threshold.
import { GetSendQuotaCommand, SESClient, SendEmailCommand } from "@aws-sdk/client-ses";
import { SendMessageBatchCommand, SQSClient } from "@aws-sdk/client-sqs";
import { mockClient } from "aws-sdk-client-mock";
import { describe, expect, it } from "vitest";
import { fixedClock, systemClock } from "#shared/clock.ts";
import type { Contact } from "#shared/contacts/schemas.ts";
import { type AudienceCandidate, sortRecipients } from "#shared/correspondence/audiences.ts";
import { bounceRateOf, HARD_BOUNCE_MINIMUM_OUT, haltReasonFor } from "#shared/correspondence/bounce-guard.ts";
import {
  afterFailedClaim,
  canMove,
  classifySesError,
  DEFAULT_EVENT_WINDOW_MS,
  eventWindowEnd,
  isThrottling,
  resendRefusal,
} from "#shared/correspondence/lifecycle.ts";
import { memoryQueue, type QueueRecord } from "#shared/correspondence/memory-queue.ts";
import { PACER_HEADROOM, QUOTA_REFRESH_MS, quotaPacer, realSleep, tokenBucket } from "#shared/correspondence/pacing.ts";
import type { MessageStatus } from "#shared/correspondence/schemas.ts";
import { correspondenceMailer, correspondenceSesClient, maxSendRateReader } from "#shared/correspondence/ses-sender.ts";
import { EnqueueFailed, sqsQueue } from "#shared/correspondence/sqs-queue.ts";

describe("pacing", () => {
  /** The times of `calls` takes from one bucket on a fake clock whose sleeps wake `late(i)` ms late. */
  async function takeTimes(maxPerSecond: number, calls: number, late: (i: number) => number = () => 0, startMs = 0) {
    const clock = fixedClock(new Date(Date.parse("2026-05-04T09:00:00Z") + startMs).toISOString());
    let sleeps = 0;
    const pacer = tokenBucket({ maxPerSecond, clock, sleep: async (ms) => clock.advance(ms + late(sleeps++)) });
    const times: number[] = [];
    for (let i = 0; i < calls; i++) {
      await pacer.take();
      times.push(clock.now().getTime());
    }
    return times;
  }

  const busiestSecond = (times: number[]) =>
    Math.max(...times.map((start) => times.filter((time) => time >= start && time < start + 1000).length));
  const ratePerSecond = (times: number[]) => (times.length - 1) / (((times.at(-1) ?? 0) - (times[0] ?? 0)) / 1000);
  /** A repeatable spread of lateness, 0 to 7 ms (timers never fire early). */
  const jitter = (seed: number) => (i: number) => ((i * 7919 + seed * 104729) % 8) + (i % 3 === 0 ? 0.4 : 0);

  for (const maxPerSecond of [1, 2, 7, 10, 14, 50, 200]) {
    it(`keeps every one-second window at or under ${maxPerSecond} calls and reaches 0.95 of it`, async () => {
      const times = await takeTimes(maxPerSecond, maxPerSecond * 5 + 3);
      expect(busiestSecond(times)).toBeLessThanOrEqual(maxPerSecond);
      expect(ratePerSecond(times)).toBeGreaterThan(maxPerSecond * 0.95);
      expect(ratePerSecond(times)).toBeLessThanOrEqual(maxPerSecond * PACER_HEADROOM + 1e-9);
    });
  }

  it("does not fall behind when its timers wake late: the lateness is kept as credit", async () => {
    const punctual = await takeTimes(10, 101);
    const late = await takeTimes(10, 101, () => 3);
    expect(ratePerSecond(punctual)).toBeCloseTo(10 * PACER_HEADROOM, 2);
    // Without the credit, 3 ms late on every ~103 ms interval would cost about 3% of the rate.
    expect(ratePerSecond(late)).toBeGreaterThan(10 * PACER_HEADROOM * 0.995);
    expect(busiestSecond(late)).toBeLessThanOrEqual(10);
  });

  for (const [rate, senders] of [
    [14, 2],
    [100, 10],
  ] as const) {
    it(`keeps ${senders} senders sharing ${rate}/s under ${rate} in every second, with late timers`, async () => {
      const merged = (
        await Promise.all(
          Array.from({ length: senders }, (_, sender) =>
            takeTimes(rate / senders, (rate / senders) * 10, jitter(sender), sender * 7),
          ),
        )
      )
        .flat()
        .sort((a, b) => a - b);
      expect(busiestSecond(merged)).toBeLessThanOrEqual(rate);
      expect(ratePerSecond(merged)).toBeGreaterThan(rate * 0.95);
    });
  }

  it("serves concurrent callers one token each (real time)", async () => {
    // A fake clock shared by sleepers that each advance it would run time too fast: this one waits for real.
    const pacer = tokenBucket({ maxPerSecond: 20, clock: systemClock, sleep: realSleep });
    const times: number[] = [];
    await Promise.all(
      Array.from({ length: 30 }, async () => {
        await pacer.take();
        times.push(Date.now());
      }),
    );
    // Timers fire a few milliseconds late, never early: a slightly shorter window absorbs that jitter.
    for (const start of times) {
      expect(times.filter((time) => time >= start && time < start + 980).length).toBeLessThanOrEqual(20);
    }
  });
});

describe("pacing by the account's quota", () => {
  function pacerWith(rates: (number | Error)[], settings: { configuredRate?: number; senders?: number } = {}) {
    const clock = fixedClock("2026-05-04T09:00:00Z");
    let reads = 0;
    const chosen: number[] = [];
    const pacer = quotaPacer({
      readMaxSendRate: async () => {
        const rate = rates[Math.min(reads, rates.length - 1)];
        reads += 1;
        if (rate instanceof Error) throw rate;
        return rate ?? 0;
      },
      ...settings,
      clock,
      sleep: async (ms) => clock.advance(ms),
      onRate: ({ perSecond }) => chosen.push(perSecond),
    });
    return { pacer, clock, reads: () => reads, chosen };
  }

  it("paces at the lower of the desk's rate and the account's MaxSendRate, split between the senders", async () => {
    const own = pacerWith([200], { configuredRate: 14, senders: 2 });
    await own.pacer.take();
    expect(own.pacer.perSecond()).toBe(7);
    const account = pacerWith([10], { configuredRate: 14, senders: 2 });
    await account.pacer.take();
    expect(account.pacer.perSecond()).toBe(5);
  });

  it("reads the quota once, then again only after a few minutes, and follows a raised quota", async () => {
    const { pacer, clock, reads, chosen } = pacerWith([14, 50], { senders: 2 });
    for (let i = 0; i < 20; i++) await pacer.take();
    expect(reads()).toBe(1);
    clock.advance(QUOTA_REFRESH_MS);
    await pacer.take();
    expect(reads()).toBe(2);
    expect(chosen).toEqual([7, 25]);
  });

  it("keeps the last rate when a read fails, and starts at one letter a second when none has succeeded", async () => {
    const failing = pacerWith([new Error("AccessDenied")], { configuredRate: 14, senders: 2 });
    await failing.pacer.take();
    expect(failing.pacer.perSecond()).toBe(0.5);
    const later = pacerWith([20, new Error("ServiceUnavailable")]);
    await later.pacer.take();
    later.clock.advance(QUOTA_REFRESH_MS);
    await later.pacer.take();
    expect(later.reads()).toBe(2);
    expect(later.pacer.perSecond()).toBe(20);
  });

  it("reads MaxSendRate from GetSendQuota", async () => {
    const ses = mockClient(SESClient);
    ses.on(GetSendQuotaCommand).resolves({ MaxSendRate: 14, Max24HourSend: 50_000, SentLast24Hours: 3 });
    expect(await maxSendRateReader(correspondenceSesClient({ region: "eu-west-1" }))()).toBe(14);
    ses.restore();
  });
});

describe("the message state machine", () => {
  const now = new Date("2026-05-04T09:00:00Z");
  const notAfter = "2026-05-10T00:00:00Z";

  it("allows only the moves of the lifecycle", () => {
    expect(canMove("queued", "sending")).toBe(true);
    expect(canMove("sending", "sent")).toBe(true);
    expect(canMove("sending", "queued")).toBe(true);
    expect(canMove("unknown", "sent")).toBe(true);
    expect(canMove("sent", "queued")).toBe(false);
    expect(canMove("sent", "sending")).toBe(false);
    // Only the secretariat's resend, once the event window has closed (resendRefusal).
    expect(canMove("unknown", "queued")).toBe(true);
    expect(canMove("expired", "sending")).toBe(false);
    expect(canMove("skipped", "queued")).toBe(false);
    expect(canMove("queued", "sent")).toBe(false);
  });

  it("sends an unknown letter again only after its event window and before the deadline, halted wave or not", () => {
    const window = DEFAULT_EVENT_WINDOW_MS;
    const unknown = {
      status: "unknown" as const,
      notAfter,
      leaseUntil: "2026-05-04T09:02:00.000Z",
      updatedAt: "2026-05-04T09:05:00.000Z",
    };
    expect(eventWindowEnd(unknown, window)).toBe("2026-05-05T09:02:00.000Z");
    expect(resendRefusal(unknown, new Date("2026-05-05T09:01:59Z"), window, "completed")).toMatch(
      /SES events may still settle it until 2026-05-05 09:02 UTC \(the event window\)/,
    );
    expect(resendRefusal(unknown, new Date("2026-05-05T09:02:00Z"), window, "completed")).toBeUndefined();
    expect(resendRefusal(unknown, new Date("2026-05-10T00:00:00Z"), window, "completed")).toMatch(/not-after deadline/);
    expect(resendRefusal({ ...unknown, status: "sent" }, new Date("2026-05-06T00:00:00Z"), window, "completed")).toBe(
      "it was sent (SES took it), and sending it again would write twice",
    );
    // A failed letter, in words rather than "it is failed" (audit 31): it never went out, and a new wave writes again.
    expect(resendRefusal({ ...unknown, status: "failed" }, new Date("2026-05-06T00:00:00Z"), window, "completed")).toBe(
      "it failed before it went out (its wave halted, or it could not be rendered or sent), and sending again is " +
        "only for a letter that may have gone out: to write to this recipient, create a new wave",
    );
    // Without a lease (an older record), from its last change; a shorter window is honoured.
    const { leaseUntil: _lease, ...withoutLease } = unknown;
    expect(eventWindowEnd(withoutLease, 3_600_000)).toBe("2026-05-04T10:05:00.000Z");
  });

  it("says of a letter still sending past its claim that its sender stopped, and how it becomes unknown", () => {
    const sending = { status: "sending" as const, notAfter, leaseUntil: "2026-05-04T09:02:00.000Z", updatedAt: "x" };
    expect(resendRefusal(sending, new Date("2026-05-04T09:01:59Z"), DEFAULT_EVENT_WINDOW_MS, "dispatching")).toBe(
      "it is being sent now",
    );
    // Audit 33 item 5: ten minutes after the lease, no sender is alive to be "sending it now".
    const after = new Date("2026-05-04T09:12:00Z");
    expect(resendRefusal(sending, after, DEFAULT_EVENT_WINDOW_MS, "dispatching")).toBe(
      "its sender stopped (its claim ended at 2026-05-04 09:02 UTC): the sweep marks it unknown once its wave has " +
        "been dispatching for a quarter of an hour, or Dispatch again from the wave's page does it within minutes; " +
        "then it may be sent again once its event window has closed",
    );
    // Audit 34 word 9: a completed or halted wave is never dispatched again, and the sweep looks at its claims itself.
    for (const status of ["completed", "halted"] as const) {
      expect(resendRefusal(sending, after, DEFAULT_EVENT_WINDOW_MS, status)).toBe(
        "its sender stopped (its claim ended at 2026-05-04 09:02 UTC): the sweep marks it unknown at its next run " +
          "(every quarter of an hour); then it may be sent again once its event window has closed",
      );
    }
  });

  it("lets SES events move only what SES accepted, and only forward", () => {
    for (const to of ["delivered", "bounced", "complained"] as const) {
      expect(canMove("sending", to)).toBe(true);
      expect(canMove("unknown", to)).toBe(true);
    }
    expect(canMove("sent", "rejected")).toBe(true);
    expect(canMove("delivered", "sent")).toBe(false);
    expect(canMove("bounced", "delivered")).toBe(false);
    expect(canMove("queued", "delivered")).toBe(false);
    // A halted wave's queued letter fails unsent.
    expect(canMove("queued", "failed")).toBe(true);
  });

  it("expires a queued message the claim refused past its deadline, and retries one before it", () => {
    expect(afterFailedClaim({ status: "queued", notAfter: "2026-05-04T08:59:59Z" }, now)).toEqual({
      action: "expire",
    });
    expect(afterFailedClaim({ status: "queued", notAfter }, now).action).toBe("retry-later");
  });

  it("leaves a live claim alone and marks one past its lease unknown, never re-sending it", () => {
    expect(afterFailedClaim({ status: "sending", notAfter, leaseUntil: "2026-05-04T09:01:00Z" }, now).action).toBe(
      "retry-later",
    );
    expect(afterFailedClaim({ status: "sending", notAfter, leaseUntil: "2026-05-04T08:59:00Z" }, now)).toEqual({
      action: "mark-unknown",
    });
  });

  it("does nothing for a message already settled", () => {
    for (const status of ["sent", "delivered", "rejected", "failed", "expired", "skipped", "unknown"] as const) {
      expect(afterFailedClaim({ status, notAfter }, now)).toEqual({ action: "nothing", reason: `already ${status}` });
    }
  });
});

describe("SES errors", () => {
  const named = (name: string, message = "", fault?: string) =>
    Object.assign(new Error(message), { name, $fault: fault });

  it("treats every form of throttling as retryable", () => {
    expect(isThrottling(named("Throttling", "Maximum sending rate exceeded."))).toBe(true);
    expect(isThrottling(named("ThrottlingException"))).toBe(true);
    expect(isThrottling(named("TooManyRequestsException"))).toBe(true);
    expect(isThrottling(named("Error", "454 Throttling failure: Maximum sending rate exceeded"))).toBe(true);
    expect(classifySesError(named("Throttling", "Daily message quota exceeded.", "client"))).toEqual({
      kind: "throttled",
    });
  });

  it("records a refusal as rejected or failed, and an unanswered call as unknown", () => {
    expect(classifySesError(named("MessageRejected", "Email address is not verified.", "client"))).toEqual({
      kind: "rejected",
      reason: "MessageRejected: Email address is not verified.",
    });
    expect(classifySesError(named("MailFromDomainNotVerifiedException", "no", "client")).kind).toBe("failed");
    expect(classifySesError(named("TimeoutError", "socket hang up")).kind).toBe("unknown");
    expect(classifySesError(named("InternalFailure", "oops", "server")).kind).toBe("unknown");
  });
});

describe("audience sorting", () => {
  let sequence = 0;
  const contact = (changes: Partial<Contact> & Pick<Contact, "owner">): Contact => {
    sequence += 1;
    return {
      id: `C${String(sequence).padStart(3, "0")}`,
      role: "capital-poc",
      name: `Contact ${sequence}`,
      email: `c${sequence}@example.org`,
      language: "en",
      designatedOn: "2025-01-01",
      lastVerifiedOn: "2025-01-01",
      emailStatus: "ok",
      active: true,
      createdAt: "2025-01-01T00:00:00.000Z",
      updatedAt: "2025-01-01T00:00:00.000Z",
      ...changes,
    };
  };
  const state = (iso3: string, contacts: Contact[]): AudienceCandidate => ({
    owner: { kind: "state", iso3 },
    facts: { owner: `STATE:${iso3}`, name: iso3, iso3 },
    contacts,
  });

  it("sends to active contacts with a working address and says why each other one is left out", () => {
    const good = contact({ owner: "STATE:TCD", language: "fr" });
    const inactive = contact({ owner: "STATE:TCD", active: false });
    const bounced = contact({ owner: "STATE:MLI", emailStatus: "bounced" });
    const complained = contact({ owner: "STATE:MLI", emailStatus: "complained" });
    const suppressed = contact({ owner: "STATE:MLI", emailStatus: "suppressed", role: "mission-poc" });
    const provider = contact({ owner: "STATE:SOM", role: "provider-poc" });
    const { recipients, skipped } = sortRecipients([
      state("TCD", [good, inactive]),
      state("MLI", [bounced, complained, suppressed]),
      state("SOM", [provider]),
      state("GIN", []),
    ]);
    expect(recipients.map((r) => [r.recipient, r.email, r.language])).toEqual([[good.id, good.email, "fr"]]);
    expect(skipped.map((s) => [s.recipient, s.reason])).toEqual([
      [inactive.id, "inactive"],
      [bounced.id, "bounced"],
      [complained.id, "complained"],
      [suppressed.id, "suppressed"],
      // A provider-poc speaks for assistance offers, not as the State's 1540 point of contact.
      ["owner:STATE:SOM", "no-active-contact"],
      ["owner:STATE:GIN", "no-active-contact"],
    ]);
  });

  it("writes one letter per normalized address, to the first contact that has it", () => {
    const first = contact({ owner: "STATE:MRT", email: "Poc@Example.org" });
    const second = contact({ owner: "STATE:SOM", email: " poc@example.ORG " });
    const { recipients, skipped } = sortRecipients([state("MRT", [first]), state("SOM", [second])]);
    expect(recipients.map((r) => [r.recipient, r.email])).toEqual([[first.id, "poc@example.org"]]);
    expect(skipped).toMatchObject([{ recipient: second.id, reason: "duplicate-address", duplicateOf: first.id }]);
  });

  it("writes to a State's Permanent Mission only when none of its points of contact is reachable", () => {
    const mission = (iso3: string, changes: Partial<Contact> = {}) =>
      contact({ owner: `STATE:${iso3}`, role: "permanent-mission", email: `mission@${iso3}.example`, ...changes });
    const fraPoc = contact({ owner: "STATE:FRA" });
    const fraMission = mission("fra");
    const ginBounced = contact({ owner: "STATE:GIN", emailStatus: "bounced" });
    const ginSuppressed = contact({ owner: "STATE:GIN", role: "mission-poc", emailStatus: "suppressed" });
    const ginMission = mission("gin", { language: "fr" });
    const prkMission = mission("prk");
    const somMission = mission("som", { emailStatus: "bounced" });
    const { recipients, skipped, unreached } = sortRecipients([
      state("FRA", [fraPoc, fraMission]),
      state("GIN", [ginBounced, ginSuppressed, ginMission]),
      state("PRK", [prkMission]),
      state("SOM", [somMission]),
      state("SWZ", []),
    ]);
    expect(recipients.map((r) => [r.owner.iso3, r.recipient, r.addressedTo, r.language])).toEqual([
      ["FRA", fraPoc.id, "point-of-contact", "en"],
      ["GIN", ginMission.id, "permanent-mission", "fr"],
      ["PRK", prkMission.id, "permanent-mission", "en"],
    ]);
    // The Mission's letter says why it goes there: Guinea's points of contact unreachable, none on record for the DPRK.
    expect(recipients.map((r) => r.missionBecause)).toEqual([undefined, "none-reachable", "none-on-record"]);
    // A Mission not needed is neither written to nor listed as left out.
    expect(skipped.map((s) => s.recipient)).not.toContain(fraMission.id);
    expect(skipped.map((s) => [s.recipient, s.reason])).toEqual([
      [ginBounced.id, "bounced"],
      [ginSuppressed.id, "suppressed"],
      ["owner:STATE:PRK", "no-active-contact"],
      ["owner:STATE:SOM", "no-active-contact"],
      [somMission.id, "bounced"],
      ["owner:STATE:SWZ", "no-active-contact"],
    ]);
    expect(unreached).toEqual([
      {
        owner: { owner: "STATE:SOM", name: "SOM", iso3: "SOM" },
        reason: "no-usable-address",
        detail: "points of contact: none; permanent mission: bounced",
      },
      {
        owner: { owner: "STATE:SWZ", name: "SWZ", iso3: "SWZ" },
        reason: "no-contact",
        detail: "points of contact: none; permanent mission: none",
      },
    ]);
  });

  it("never writes to an organization through a Permanent Mission, and lists it unreached", () => {
    const bounced = contact({ owner: "ORG:iaea", role: "organization-poc", emailStatus: "bounced" });
    const { recipients, unreached } = sortRecipients([
      { owner: { kind: "organization", id: "iaea" }, facts: { owner: "ORG:iaea", name: "IAEA" }, contacts: [bounced] },
    ]);
    expect(recipients).toEqual([]);
    expect(unreached).toEqual([
      { owner: { owner: "ORG:iaea", name: "IAEA" }, reason: "no-usable-address", detail: "points of contact: bounced" },
    ]);
  });
});

describe("the in-process queue", () => {
  const key = (n: number) => ({ waveId: "w1", recipient: `R${n}` });
  const recipientOf = (record: QueueRecord) => (JSON.parse(record.body) as { recipient: string }).recipient;

  it("delivers batches of at most 10, redelivers failed items after the visibility timeout, then dead-letters them", async () => {
    const clock = fixedClock("2026-05-04T09:00:00Z");
    const queue = memoryQueue({
      clock,
      sleep: async (ms) => clock.advance(ms),
      visibilityTimeoutMs: 30_000,
      maxReceiveCount: 3,
    });
    await queue.sendBatch(Array.from({ length: 23 }, (_, n) => key(n)));
    const sizes: number[] = [];
    const deliveries = new Map<string, number[]>();
    await queue.drain(async (records) => {
      sizes.push(records.length);
      for (const record of records) {
        const recipient = recipientOf(record);
        deliveries.set(recipient, [...(deliveries.get(recipient) ?? []), clock.now().getTime()]);
      }
      // R5 always fails; R7 fails once.
      const failing = records.filter((record) => {
        const recipient = recipientOf(record);
        return recipient === "R5" || (recipient === "R7" && record.attributes.ApproximateReceiveCount === "1");
      });
      return { batchItemFailures: failing.map((record) => ({ itemIdentifier: record.messageId })) };
    });
    expect(Math.max(...sizes)).toBeLessThanOrEqual(10);
    expect(deliveries.get("R7")).toHaveLength(2);
    const [firstTry = 0, secondTry = 0] = deliveries.get("R7") ?? [];
    expect(secondTry - firstTry).toBeGreaterThanOrEqual(30_000);
    expect(deliveries.get("R5")).toHaveLength(3);
    expect(queue.deadLetters).toMatchObject([{ key: key(5), receiveCount: 3 }]);
    expect(queue.depth).toBe(0);
  });

  it("redelivers the whole batch when the consumer throws", async () => {
    const clock = fixedClock("2026-05-04T09:00:00Z");
    const queue = memoryQueue({ clock, sleep: async (ms) => clock.advance(ms) });
    await queue.sendBatch([key(1), key(2)]);
    let calls = 0;
    const seen: string[] = [];
    await queue.drain(async (records) => {
      calls += 1;
      seen.push(...records.map(recipientOf));
      if (calls === 1) throw new Error("crash");
      return { batchItemFailures: [] };
    });
    expect(seen).toEqual(["R1", "R2", "R1", "R2"]);
  });
});

describe("the SES sender", () => {
  it("sends with the configuration set and the wave and message tags", async () => {
    const ses = mockClient(SESClient);
    ses.on(SendEmailCommand).resolves({ MessageId: "ses-1" });
    const mailer = correspondenceMailer({ region: "eu-west-1", from: "desk@un.example", configurationSet: "letters" });
    const letter = { to: "poc@state.example", subject: "S", text: "T", html: "<p>T</p>" };
    expect(await mailer.sendMail({ ...letter, tags: { wave: "w1", message: "C1" } })).toEqual({ messageId: "ses-1" });
    const calls = ses.commandCalls(SendEmailCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input).toMatchObject({
      ConfigurationSetName: "letters",
      Destination: { ToAddresses: ["poc@state.example"] },
      Tags: [
        { Name: "wave", Value: "w1" },
        { Name: "message", Value: "C1" },
      ],
    });
    ses.restore();
  });
});

describe("the SQS send queue", () => {
  const keys = (count: number) => Array.from({ length: count }, (_, n) => ({ waveId: "w1", recipient: `R${n}` }));

  it("sends keys only, in batches of 10, and sends again the entries SQS failed on its side", async () => {
    const sqs = mockClient(SQSClient);
    sqs
      .on(SendMessageBatchCommand)
      .resolvesOnce({ Successful: [], Failed: [{ Id: "3", Code: "InternalError", SenderFault: false }] })
      .resolves({ Successful: [], Failed: [] });
    const queue = sqsQueue({
      client: new SQSClient({ region: "eu-west-1" }),
      queueUrl: "q",
      sleep: async () => undefined,
    });
    await queue.sendBatch(keys(23));
    const calls = sqs.commandCalls(SendMessageBatchCommand).map((call) => call.args[0].input.Entries ?? []);
    expect(calls.map((entries) => entries.length)).toEqual([10, 1, 10, 3]);
    expect(calls[1]?.[0]).toEqual({ Id: "3", MessageBody: JSON.stringify({ waveId: "w1", recipient: "R3" }) });
    sqs.restore();
  });

  it("fails the dispatch when SQS keeps failing, or refuses an entry as malformed", async () => {
    const sqs = mockClient(SQSClient);
    sqs
      .on(SendMessageBatchCommand)
      .resolves({ Successful: [], Failed: [{ Id: "0", Code: "InternalError", SenderFault: false }] });
    const client = new SQSClient({ region: "eu-west-1" });
    const queue = sqsQueue({ client, queueUrl: "q", attempts: 3, sleep: async () => undefined });
    await expect(queue.sendBatch(keys(1))).rejects.toBeInstanceOf(EnqueueFailed);
    expect(sqs.commandCalls(SendMessageBatchCommand)).toHaveLength(3);
    sqs.reset();
    sqs
      .on(SendMessageBatchCommand)
      .resolves({ Successful: [], Failed: [{ Id: "0", Code: "InvalidMessageContents", SenderFault: true }] });
    await expect(queue.sendBatch(keys(1))).rejects.toThrow("InvalidMessageContents");
    expect(sqs.commandCalls(SendMessageBatchCommand)).toHaveLength(1);
    sqs.restore();
  });
});

describe("the hard-bounce threshold", () => {
  const counts = (changes: Partial<Record<MessageStatus, number>>) =>
    ({
      queued: 0,
      sending: 0,
      sent: 0,
      delivered: 0,
      bounced: 0,
      complained: 0,
      rejected: 0,
      failed: 0,
      expired: 0,
      skipped: 0,
      unknown: 0,
      ...changes,
    }) as Record<MessageStatus, number>;

  it("halts at 5% of the letters out, once enough are out to judge", () => {
    expect(haltReasonFor(bounceRateOf(counts({ delivered: 18, bounced: 1 })))).toBeUndefined();
    expect(haltReasonFor(bounceRateOf(counts({ delivered: 19, bounced: 1 })))).toBe(
      "hard bounces reached 5% of the letters out: 1 of 20 (5.0%)",
    );
    expect(
      haltReasonFor(bounceRateOf(counts({ sent: 150, delivered: 40, bounced: 9, complained: 1 }))),
    ).toBeUndefined();
    expect(haltReasonFor(bounceRateOf(counts({ sent: 150, delivered: 40, bounced: 10 })))).toMatch(/10 of 200/);
  });

  it("counts neither skipped, failed, expired nor unknown letters as out", () => {
    expect(bounceRateOf(counts({ bounced: 3, skipped: 40, failed: 5, expired: 5, unknown: 9 }))).toEqual({
      out: 3,
      bounced: 3,
    });
    expect(haltReasonFor({ out: HARD_BOUNCE_MINIMUM_OUT - 1, bounced: HARD_BOUNCE_MINIMUM_OUT - 1 })).toBeUndefined();
  });
});
