// The rest of a halted wave against DynamoDB Local and the SES emulator (audit 31, bug 1: a new wave of the same letter
// wrote again to the 56 addresses the halted one had reached): a wave made with `restOf` sends nothing to a State the
// halted wave wrote to, and its letter to the States the halted wave did not reach; and the rest of that rest, once it
// completed, to a State whose letter bounced late (audit 33, bug 1), never again at the address that bounced (audit 34,
// bug 3: the report reached the ledger, not the contact).
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { createContact } from "#shared/contacts/contacts.ts";
import type { WaveDispatchStores } from "#shared/correspondence/dispatch-dependencies.ts";
import { correspondenceMailer } from "#shared/correspondence/ses-sender.ts";
import { haltWave } from "#shared/waves/halt.ts";
import type { NewWave } from "#shared/waves/schemas.ts";
import { createWave, scheduleWave } from "#shared/waves/waves.ts";
import { pipelineLambdas, seededStores } from "../support/pipeline.ts";

// Tuesday 10 March 2026, 09:00 in New York.
const clock = fixedClock("2026-03-10T13:00:00.000Z");
const audit = { actor: systemActor("test") };
const run = randomUUID().slice(0, 8);
const scheduler = {
  schedule: async () => "wave-schedule",
  scheduleResend: async () => "unused",
  unschedule: async () => undefined,
};

let deps: WaveDispatchStores;
/** Each State's point of contact's address, by ISO code. */
const addressOf = new Map<string, string>();

async function mailsTo(email: string) {
  const store = (await (await fetch(`${inject("sesEndpoint")}/store`)).json()) as {
    emails: { subject: string; destination: { to: string[] } }[];
  };
  return store.emails.filter((mail) => mail.destination.to.includes(email));
}

const lambdas = () =>
  pipelineLambdas(deps, {
    clock,
    mailer: correspondenceMailer({ region: "us-east-1", endpoint: inject("sesEndpoint"), from: "desk@desk.example" }),
  });

/** A wave of the test's letter to the non-reporting States, scheduled to send at `sendAt` (New York). */
async function scheduledWave(sendAt: string, changes: Partial<NewWave> = {}): Promise<string> {
  const wave = await createWave(deps)(
    {
      templateId: `rest-of-${run}`,
      audience: "non-reporting-states",
      sendAt,
      timeZone: "America/New_York",
      notAfter: "2026-03-20T00:00:00.000Z",
      ...changes,
    },
    audit,
  );
  await scheduleWave({ ...deps, scheduler })(wave.value.id, wave.version, audit);
  return wave.value.id;
}

beforeAll(async () => {
  ({ deps } = await seededStores(clock));
  const at = clock.now().toISOString();
  await deps.templates.create(
    {
      id: `rest-of-${run}`,
      kind: "first-report-request",
      fallbackLanguage: "en",
      variants: {
        en: { subject: `Outreach ${run}`, text: "Dear {{contact.name}}", html: "<p>Dear {{contact.name}}</p>" },
      },
      createdAt: at,
      updatedAt: at,
    },
    audit,
  );
  for (const iso3 of ["TCD", "SOM", "GMB", "GIN"]) {
    const email = `${iso3.toLowerCase()}-${run}@rest.example`;
    await createContact(deps)(
      { owner: `STATE:${iso3}`, role: "capital-poc", name: `Poc ${iso3}`, email, language: "en" },
      audit,
    );
    addressOf.set(iso3, email);
  }
  const chadMission = `tcd-mission-${run}@rest.example`;
  await createContact(deps)(
    { owner: "STATE:TCD", role: "permanent-mission", name: "Mission TCD", email: chadMission, language: "en" },
    audit,
  );
  addressOf.set("TCD-mission", chadMission);
}, 120_000);

describe("the rest of a halted wave", () => {
  it("sends nothing to a State the halted wave wrote to, its letter to those it did not reach, and late bounces", async () => {
    clock.set("2026-03-10T13:30:00.000Z");
    const halted = await scheduledWave("2026-03-10T10:00", { description: `Outreach ${run}, halted` });
    clock.set("2026-03-10T14:00:30.000Z");
    const pipeline = lambdas();
    await pipeline.dispatch({ waveId: halted });
    // Guinea's letter is in a sender's hands (a lease longer than this test) when the wave halts; the others went.
    const guinea = (await deps.ledger.messagesOf(halted)).find((message) => message.owner === "STATE:GIN");
    if (!guinea) throw new Error("no letter to Guinea");
    expect((await deps.ledger.claim(guinea, 6 * 3_600_000)).claimed).toBe(true);
    await pipeline.drain();
    await haltWave(deps)(halted, "hard bounces reached 5% of the letters out (test)", audit);
    expect(await deps.ledger.move(guinea, "sending", "failed", { reason: "wave halted (test)" })).toBe(true);
    for (const iso3 of ["TCD", "SOM", "GMB", "GIN"]) {
      expect(await mailsTo(addressOf.get(iso3) ?? "")).toHaveLength(iso3 === "GIN" ? 0 : 1);
    }

    clock.set("2026-03-10T14:30:00.000Z");
    const rest = await scheduledWave("2026-03-10T11:00", { restOf: halted });
    clock.set("2026-03-10T15:00:30.000Z");
    const next = lambdas();
    await next.dispatch({ waveId: rest });
    await next.drain();
    // One letter each, Guinea's from the rest: the three the halted wave wrote to are not written to again.
    for (const iso3 of ["TCD", "SOM", "GMB", "GIN"]) expect(await mailsTo(addressOf.get(iso3) ?? "")).toHaveLength(1);
    const ledger = await deps.ledger.messagesOf(rest);
    const written = ledger.filter((message) => message.status === "sent").map((message) => message.owner);
    expect(written).toEqual(["STATE:GIN"]);
    const skipped = ledger.filter((message) => message.skipReason === "written-by-halted-wave");
    expect(skipped.map((message) => message.owner).sort()).toEqual(["STATE:GMB", "STATE:SOM", "STATE:TCD"]);
    expect(skipped[0]?.reason).toBe(
      `written-by-halted-wave: wave “Outreach ${run}, halted” (${halted}) of this rest's chain wrote to it`,
    );
    expect((await deps.waves.get(rest))?.value.status).toBe("completed");

    // Chad's letter of the halted wave bounces after its rest completed (audit 33, bug 1): the rest left Chad out, so
    // no wave of the chain wrote to it. The rest of the completed rest writes to Chad only, at its Permanent Mission:
    // the bounce moved the letter and never reached the contact, which is still ok.
    const chad = (await deps.ledger.messagesOf(halted)).find((message) => message.owner === "STATE:TCD");
    if (!chad) throw new Error("no letter to Chad");
    expect(await deps.ledger.move(chad, "sent", "bounced", { reason: "late bounce (test)" })).toBe(true);
    clock.set("2026-03-10T15:30:00.000Z");
    const lateRest = await scheduledWave("2026-03-10T12:00", { restOf: rest });
    clock.set("2026-03-10T16:00:30.000Z");
    const last = lambdas();
    await last.dispatch({ waveId: lateRest });
    await last.drain();
    const lateLedger = await deps.ledger.messagesOf(lateRest);
    expect(lateLedger.filter((message) => message.status === "sent").map((message) => message.owner)).toEqual([
      "STATE:TCD",
    ]);
    expect(lateLedger.find((message) => message.status === "sent")?.email).toBe(addressOf.get("TCD-mission"));
    for (const iso3 of ["TCD", "TCD-mission", "SOM", "GMB", "GIN"]) {
      expect(await mailsTo(addressOf.get(iso3) ?? "")).toHaveLength(1);
    }
  });
});
