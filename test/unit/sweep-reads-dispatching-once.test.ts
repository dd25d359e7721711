// The sweep reads the dispatching waves once a run: the reconciliation of SES reports judges every one of them, then
// the stuck ones are resumed, less any the reconciliation halted. On the in-memory stores, no database.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { createContact } from "#shared/contacts/contacts.ts";
import type { Message } from "#shared/correspondence/schemas.ts";
import type { Template } from "#shared/templates/schemas.ts";
import type { Wave } from "#shared/waves/schemas.ts";
import { STUCK_AFTER_MS } from "#shared/waves/stuck-after.ts";
import { sweepWaves } from "#shared/waves/sweep.ts";
import { createWaveSweepHandler } from "../../functions/wave-sweep/app.ts";
import { aWave } from "../contracts/waves.contract.ts";
import { aMemberState } from "../support/fixtures.ts";
import { haltedWaveStores } from "../support/halted-wave-ledger.ts";

const audit = { actor: systemActor("test") };
const MOVED_AT = "2027-03-15T13:00:00.000Z";
const SWEPT_AT = new Date(Date.parse(MOVED_AT) + STUCK_AFTER_MS + 5 * 60_000).toISOString();
const STUCK = "01M9664YMAEYDG2S3ARF7VFPB1";
const BOUNCING = "01M9664YMAEYDG2S3ARF7VFPB2";
const RECENT = "01M9664YMAEYDG2S3ARF7VFPB3";
const TEMPLATE: Template = {
  id: "note-2027",
  kind: "other",
  fallbackLanguage: "en",
  variants: { en: { subject: "Note", text: "Dear {{contact.name}}", html: "<p>Dear</p>" } },
  createdAt: MOVED_AT,
  updatedAt: MOVED_AT,
};

const stores = () => haltedWaveStores(fixedClock(MOVED_AT));
let deps: ReturnType<typeof stores>;

/** A dispatching wave to organizations (there are none: its resumption writes nothing and completes it). */
const dispatching = (id: string, updatedAt = MOVED_AT): Wave =>
  aWave(id, { status: "dispatching", templateId: TEMPLATE.id, audience: "organizations", updatedAt });

/** Twenty letters out, one bounced whose report died before it marked the contact: the guard's 5% reached. */
async function halfAppliedBounce(waveId: string) {
  await deps.registry.addMissingStates([aMemberState("KHM", "asia-pacific", "en")], () => [], audit);
  deps.contacts.givenPocObligation("KHM");
  const contact = await createContact(deps)(
    { owner: "STATE:KHM", role: "capital-poc", name: "Poc KHM", email: "poc.khm@sweep.example" },
    audit,
  );
  const letter = (recipient: string, status: Message["status"]): Message => ({
    waveId,
    recipient,
    owner: "STATE:KHM",
    email: `${recipient}@sweep.example`,
    status,
    sentAt: MOVED_AT,
    notAfter: "2027-03-20T00:00:00.000Z",
    claims: 1,
    createdAt: MOVED_AT,
    updatedAt: MOVED_AT,
  });
  for (let n = 0; n < 19; n++) await deps.ledger.putNew(letter(`filler-${n}`, "delivered"));
  await deps.ledger.putNew({
    ...letter(contact.value.id, "bounced"),
    contactId: contact.value.id,
    email: "poc.khm@sweep.example",
  });
}

beforeEach(async () => {
  deps = stores();
  await deps.templates.create(TEMPLATE, audit);
  await deps.waves.create(dispatching(STUCK), audit);
  await deps.waves.create(dispatching(BOUNCING), audit);
  await halfAppliedBounce(BOUNCING);
  deps.clock.set(SWEPT_AT);
  // Moved to dispatching a minute ago: still within its quarter of an hour.
  await deps.waves.create(dispatching(RECENT, new Date(Date.parse(SWEPT_AT) - 60_000).toISOString()), audit);
});

describe("a sweep's run", () => {
  it("reads the dispatching waves once, reconciles them all and resumes the stuck ones the reports left running", async () => {
    const inStatus = vi.spyOn(deps.waves, "inStatus");
    const inStatusSince = vi.spyOn(deps.waves, "inStatusSince");
    const result = await sweepWaves(deps)();
    const reads = [...inStatus.mock.calls, ...inStatusSince.mock.calls];
    expect(reads.filter(([status]) => status === "dispatching")).toHaveLength(1);

    expect(result.reports).toEqual({
      marked: [expect.objectContaining({ waveId: BOUNCING, status: "bounced" })],
      halted: [BOUNCING],
    });
    expect(result.resumed).toEqual([
      {
        waveId: STUCK,
        status: "completed",
        staleClaims: 0,
        summary: expect.objectContaining({ recipients: 0, written: 0, enqueued: 0 }),
      },
    ]);
    expect(result.failed).toEqual([]);
    expect((await deps.waves.get(BOUNCING))?.value.status).toBe("halted");
    expect((await deps.waves.get(RECENT))?.value.status).toBe("dispatching");
  });

  it("when the dispatching waves cannot be read, neither reconciles nor resumes, says so, and does the rest", async () => {
    deps.waves.inStatus = async () => {
      throw new Error("the status index could not be read");
    };
    const result = await sweepWaves(deps)();
    expect(result).toMatchObject({
      reconciliationFailed: "the status index could not be read",
      resumptionFailed: "the status index could not be read",
      resumed: [],
      failed: [],
    });
    expect((await deps.waves.get(STUCK))?.value.status).toBe("dispatching");
    const quiet = { info: () => undefined, warn: () => undefined };
    await expect(createWaveSweepHandler({ ...deps, logger: quiet })({})).rejects.toThrow(
      "The sweep failed on the reconciliation of SES reports: the status index could not be read; the resumption " +
        "of the dispatching waves: the status index could not be read",
    );
  });
});
