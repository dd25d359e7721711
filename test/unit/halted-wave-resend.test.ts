// A halted wave's uncertain letters (review 31b, note 31 item 3; ADR 0062): the halt stops the wave's own sending, but
// the secretariat's resend of a letter left unknown goes even on a halted wave, once its event window has closed; and
// the sweep hands back the stale claims of a wave halted lately, so that the sender marks them unknown. On the
// in-memory stores, no database.
import { beforeEach, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { haltedReasonOf } from "#shared/correspondence/bounce-guard.ts";
import { DEFAULT_EVENT_WINDOW_MS } from "#shared/correspondence/lifecycle.ts";
import type { QueueRecord } from "#shared/correspondence/memory-queue.ts";
import { send } from "#shared/correspondence/send.ts";
import { Conflict } from "#shared/errors.ts";
import { HALTED_CLAIMS_WITHIN_MS, sweepWaves } from "#shared/waves/sweep.ts";
import { resendUnknown } from "#shared/waves/waves.ts";
import { aWave } from "../contracts/waves.contract.ts";
import { refusal } from "../support/fixtures.ts";
import { HALTED_WAVE, haltedWaveStores, lettersOfTheWave } from "../support/halted-wave-ledger.ts";

const HALTED_AT = "2027-03-15T13:10:00.000Z";
const LEASE_END = "2027-03-15T13:05:00.000Z";
const AFTER_WINDOW = new Date(Date.parse(LEASE_END) + DEFAULT_EVENT_WINDOW_MS).toISOString();
const WAVE = HALTED_WAVE;
const audit = { actor: systemActor("test") };

const aLetter = lettersOfTheWave({ claims: 1, updatedAt: "2027-03-15T13:03:00.000Z" });

function stores() {
  const clock = fixedClock(HALTED_AT);
  const mailed: string[] = [];
  const { enqueued, ...deps } = haltedWaveStores(clock);
  const sender = send({
    ledger: deps.ledger,
    clock,
    pacer: { take: async () => undefined },
    mailer: {
      sendMail: async (mail) => {
        mailed.push(String(mail.to));
        return { messageId: `ses-${mailed.length}` };
      },
    },
    haltedReason: haltedReasonOf(deps.waves),
  });
  /** The enqueued keys, delivered to the sender as one queue batch. */
  const deliver = () => {
    const records: QueueRecord[] = enqueued.splice(0).map((key) => ({
      messageId: key.recipient,
      body: JSON.stringify(key),
      attributes: { ApproximateReceiveCount: "1" },
    }));
    return sender(records);
  };
  return { ...deps, clock, enqueued, mailed, deliver };
}

let deps: ReturnType<typeof stores>;
const halted = (id: string, updatedAt = HALTED_AT) =>
  deps.waves.create(aWave(id, { status: "halted", haltReason: "hard bounces reached 5%", updatedAt }), audit);

beforeEach(() => {
  deps = stores();
});

describe("sending again a halted wave's letter left unknown", () => {
  beforeEach(async () => {
    await halted(WAVE);
    await deps.ledger.putNew(aLetter("unknown-1", "unknown", { leaseUntil: LEASE_END }));
    await deps.ledger.putNew(aLetter("failed-1", "failed", { reason: "wave halted: hard bounces reached 5%" }));
  });

  it("is refused while its event window is open, writing nothing", async () => {
    deps.clock.set(new Date(Date.parse(AFTER_WINDOW) - 60_000));
    const refused = await refusal(resendUnknown(deps)(WAVE, "unknown-1", audit));
    expect(refused).toBeInstanceOf(Conflict);
    expect((refused as Error).message).toContain("event window");
    expect((await deps.ledger.get({ waveId: WAVE, recipient: "unknown-1" }))?.status).toBe("unknown");
    expect(deps.enqueued).toEqual([]);
  });

  it("queues it once the window has closed, and the sender sends it once; the wave's failed letters stay failed", async () => {
    deps.clock.set(AFTER_WINDOW);
    const { message } = await resendUnknown(deps)(WAVE, "unknown-1", audit);
    expect(message).toMatchObject({ status: "queued", resentAt: AFTER_WINDOW });
    expect(deps.enqueued).toEqual([{ waveId: WAVE, recipient: "unknown-1" }]);
    expect(deps.ledger.audit.actionsOf({ type: "wave", id: WAVE })).toContain("wave.resend");

    expect(await deps.deliver()).toEqual({ batchItemFailures: [] });
    expect(deps.mailed).toEqual(["unknown-1@example.org"]);
    expect(await deps.ledger.get({ waveId: WAVE, recipient: "unknown-1" })).toMatchObject({ status: "sent" });
    expect((await deps.ledger.get({ waveId: WAVE, recipient: "failed-1" }))?.status).toBe("failed");
    expect((await deps.waves.get(WAVE))?.value.status).toBe("halted");

    // Sent, it is not sent again; a failed letter never is.
    const again = await refusal(resendUnknown(deps)(WAVE, "unknown-1", audit));
    expect((again as Error).message).toContain("it was sent");
    expect((await refusal(resendUnknown(deps)(WAVE, "failed-1", audit))) as Error).toBeInstanceOf(Conflict);
  });
});

describe("the sweep, for a wave halted lately", () => {
  it("hands back its stale claims, not a live one, and the sender marks them unknown; the wave stays halted", async () => {
    const halt = await halted(WAVE);
    await deps.ledger.putNew(aLetter("stale", "sending", { leaseUntil: LEASE_END }));
    await deps.ledger.putNew(aLetter("live", "sending", { leaseUntil: "2027-03-15T13:11:00.000Z" }));
    await deps.ledger.putNew(aLetter("failed", "failed"));
    // A wave halted longer ago than the sweep looks back: its claims ended long since.
    const OLD = "01M9664YMAEYDG2S3ARF7VFPA7";
    await halted(OLD, new Date(Date.parse(HALTED_AT) - HALTED_CLAIMS_WITHIN_MS - 1).toISOString());
    await deps.ledger.putNew(aLetter("stale", "sending", { waveId: OLD, leaseUntil: "2027-03-13T13:00:00.000Z" }));

    const result = await sweepWaves(deps)();
    expect(result).toEqual({
      resumed: [],
      failed: [],
      missed: [],
      halted: [{ waveId: WAVE, staleClaims: 1, queuedFailed: 0 }],
      resent: [],
      reports: { marked: [], halted: [] },
    });
    expect(deps.enqueued).toEqual([{ waveId: WAVE, recipient: "stale" }]);

    await deps.deliver();
    expect(deps.mailed).toEqual([]);
    expect(await deps.ledger.get({ waveId: WAVE, recipient: "stale" })).toMatchObject({ status: "unknown" });
    expect((await deps.ledger.get({ waveId: WAVE, recipient: "live" }))?.status).toBe("sending");
    // Neither dispatched again nor completed: its version is the halt's.
    expect(await deps.waves.get(WAVE)).toEqual(halt);
  });
});
