// The sender and a halt that lands while a wave is sending (audit 31, bug 4): the halt is read before each letter's SES
// call, so no letter of the wave goes once it is written, even within one queue batch, and a letter claimed before it
// landed fails unsent; but a letter the secretariat sent again goes even on a halted wave (ADR 0062). On the in-memory
// stores, no database.
import { beforeEach, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { haltedReasonOf } from "#shared/correspondence/bounce-guard.ts";
import type { QueueRecord } from "#shared/correspondence/memory-queue.ts";
import type { Message } from "#shared/correspondence/schemas.ts";
import { type SendFault, send } from "#shared/correspondence/send.ts";
import type { MailMessage } from "#shared/mail/ses.ts";
import { haltWave } from "#shared/waves/halt.ts";
import { aWave } from "../contracts/waves.contract.ts";
import { type InMemoryLedger, inMemoryLedger } from "../support/in-memory/ledger.ts";
import { type InMemoryWaves, inMemoryWaves } from "../support/in-memory/waves.ts";

const clock = fixedClock("2027-03-15T13:00:00.000Z");
const audit = { actor: systemActor("test") };
const WAVE = "01M9664YMAEYDG2S3ARF7VFPA6";
const REASON = "hard bounces reached 5% of the letters out: 2 of 32 (6.3%)";
const RECIPIENTS = ["r1", "r2", "r3", "r4", "r5"];

let waves: InMemoryWaves;
let ledger: InMemoryLedger;
let mailed: string[];
let paced: number;
let reads: number;

/** One queue batch of the wave's five letters, in order. */
const batch = (): QueueRecord[] =>
  RECIPIENTS.map((recipient) => ({
    messageId: recipient,
    body: JSON.stringify({ waveId: WAVE, recipient }),
    attributes: { ApproximateReceiveCount: "1" },
  }));

const halt = () => haltWave({ waves, clock })(WAVE, REASON, audit);

interface SenderOptions {
  /** Runs once SES took a letter: where a test lands the halt. */
  onMail?: (to: string) => Promise<unknown>;
  faults?: SendFault;
  /** The read of the halt; the wave's own (haltedReasonOf) unless given. */
  readHalt?: (waveId: string) => Promise<string | undefined>;
}

/** The sender as wave-send wires it, counting its pacing tokens and its reads of the halt. */
function sender({ onMail, faults, readHalt = haltedReasonOf(waves) }: SenderOptions = {}) {
  return send({
    ledger,
    clock,
    pacer: {
      take: async () => {
        paced += 1;
      },
    },
    mailer: {
      sendMail: async (mail: MailMessage) => {
        const to = String(mail.to);
        mailed.push(to);
        await onMail?.(to);
        return { messageId: `ses-${to}` };
      },
    },
    haltedReason: async (waveId) => {
      reads += 1;
      return readHalt(waveId);
    },
    faults,
  });
}

const statusOf = async (recipient: string) => (await ledger.get({ waveId: WAVE, recipient }))?.status;

beforeEach(async () => {
  waves = inMemoryWaves(clock);
  ledger = inMemoryLedger(clock);
  mailed = [];
  paced = 0;
  reads = 0;
  await waves.create(aWave(WAVE, { status: "dispatching" }), audit);
  const at = clock.now().toISOString();
  for (const recipient of RECIPIENTS) {
    const letter = { language: "fr" as const, fellBack: false, subject: "Outreach", text: "Cher", html: "<p>Cher</p>" };
    const message: Message = {
      waveId: WAVE,
      recipient,
      owner: "STATE:CIV",
      email: `${recipient}@example.org`,
      status: "queued",
      letter,
      notAfter: "2027-03-20T00:00:00.000Z",
      claims: 0,
      createdAt: at,
      updatedAt: at,
    };
    await ledger.putNew(message);
  }
});

describe("a halt that lands while the wave is sending", () => {
  it("sends no letter of the batch after it: the rest fail unsent with the reason, read once halted", async () => {
    // The bounce guard halts the wave as SES takes the second letter.
    const consumer = sender({ onMail: async (to) => (to === "r2@example.org" ? halt() : undefined) });
    expect(await consumer(batch())).toEqual({ batchItemFailures: [] });
    expect(mailed).toEqual(["r1@example.org", "r2@example.org"]);
    expect(await ledger.counts(WAVE)).toMatchObject({ sent: 2, failed: 3, queued: 0, sending: 0 });
    for (const message of await ledger.listByStatus(WAVE, "failed")) {
      expect(message.reason).toBe(`wave halted: ${REASON}`);
    }
    // The third letter read the halt; the last two fail on it without a claim, a read or a pacing token.
    expect(reads).toBe(3);
    expect(paced).toBe(3);
    expect(await statusOf("r4")).toBe("failed");
    expect((await ledger.get({ waveId: WAVE, recipient: "r4" }))?.claims).toBe(0);
  });

  it("fails unsent a letter claimed before the halt landed, its claim released", async () => {
    const consumer = sender({
      // The halt lands just after the third letter is claimed, before its SES call.
      faults: async (step, key) => {
        if (step === "after-claim" && key.recipient === "r3") await halt();
      },
    });
    await consumer(batch());
    expect(mailed).toEqual(["r1@example.org", "r2@example.org"]);
    const claimed = await ledger.get({ waveId: WAVE, recipient: "r3" });
    expect(claimed).toMatchObject({ status: "failed", reason: `wave halted: ${REASON}`, claims: 1 });
    expect(claimed?.leaseUntil).toBeUndefined();
  });

  it("hands a claimed letter back to the queue, unsent, when the halt cannot be read", async () => {
    const unavailable = async (): Promise<string | undefined> => {
      throw new Error("DynamoDB unavailable");
    };
    const { batchItemFailures } = await sender({ readHalt: unavailable })(batch().slice(0, 1));
    expect(mailed).toEqual([]);
    expect(batchItemFailures).toEqual([{ itemIdentifier: "r1" }]);
    const message = await ledger.get({ waveId: WAVE, recipient: "r1" });
    expect(message).toMatchObject({ status: "queued", claims: 1 });
    expect(message?.leaseUntil).toBeUndefined();
  });
});

describe("a letter the secretariat sent again, of a halted wave", () => {
  /** The letter as a crash and the secretariat's resend leave it: claimed, left unknown, then queued again. */
  async function sentAgain(recipient: string) {
    const key = { waveId: WAVE, recipient };
    const claim = await ledger.claim(key, 60_000);
    if (!claim.claimed) throw new Error("not claimed");
    await ledger.move(key, "sending", "unknown", { reason: "the sender stopped" });
    const unknown = await ledger.get(key);
    if (!unknown) throw new Error("no letter");
    await ledger.resend(unknown, { email: `${recipient}@example.org`, reason: "sent again by desk-officer" }, audit);
  }

  it("is sent when the halt is not yet known to the batch, the halt not even read for it", async () => {
    await halt();
    await sentAgain("r1");
    expect(await sender()(batch().slice(0, 1))).toEqual({ batchItemFailures: [] });
    expect(mailed).toEqual(["r1@example.org"]);
    expect(await ledger.get({ waveId: WAVE, recipient: "r1" })).toMatchObject({ status: "sent", claims: 2 });
    expect(reads).toBe(0);
  });

  it("is sent when the batch knows the wave halted already, while its other letters fail unsent", async () => {
    await halt();
    await sentAgain("r3");
    expect(await sender()(batch())).toEqual({ batchItemFailures: [] });
    expect(mailed).toEqual(["r3@example.org"]);
    expect(await statusOf("r3")).toBe("sent");
    expect(await ledger.counts(WAVE)).toMatchObject({ sent: 1, failed: 4, queued: 0, sending: 0 });
    for (const recipient of ["r1", "r2", "r4", "r5"]) {
      expect(await ledger.get({ waveId: WAVE, recipient })).toMatchObject({
        status: "failed",
        reason: `wave halted: ${REASON}`,
      });
    }
    // The first letter read the halt; the batch knew it from then on.
    expect(reads).toBe(1);
  });
});
