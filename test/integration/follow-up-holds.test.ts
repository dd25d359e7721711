// One follow-up letter to a State however many waves of it dispatch, against DynamoDB Local: two waves of the letter
// at the same minute (the audit's bug: each State got it twice), a wave dispatched while another's letters are still
// queued, a letter that failed, after which the next wave writes to its State again, and one reported as spam (audit
// 30: it was delivered, so the next wave writes to no one).
import { beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { createContact } from "#shared/contacts/contacts.ts";
import { seedStaffTemplates } from "#shared/templates/staff-templates.ts";
import { createWave, scheduleWave } from "#shared/waves/waves.ts";
import { circulatedOn, movedRequest } from "../support/moved-request.ts";
import { pipelineLambdas, type SeededStores, seededStores } from "../support/pipeline.ts";

const clock = fixedClock("2025-12-01T15:00:00Z");
const audit = { actor: systemActor("test") };
let deps: SeededStores;
let seeded: Awaited<ReturnType<typeof seededStores>>["setup"];
let pipeline: ReturnType<typeof pipelineLambdas>;

const scheduler = {
  schedule: async () => "wave-schedule",
  scheduleResend: async () => "unused",
  unschedule: async () => undefined,
};

/** A scheduled follow-up wave sending at `sendAt` in New York. */
async function scheduledFollowUpWave(sendAt: string): Promise<string> {
  const wave = await createWave(deps)(
    {
      templateId: "assistance-follow-up",
      audience: "states-with-follow-up-due",
      description: `Follow-up at ${sendAt}`,
      sendAt,
      timeZone: "America/New_York",
      notAfter: "2027-03-31T00:00:00Z",
    },
    audit,
  );
  await scheduleWave({ ...deps, scheduler })(wave.value.id, wave.version, audit);
  return wave.value.id;
}

/** The States each wave wrote a letter to (not skipped), by wave. */
async function statesWritten(...waveIds: string[]) {
  return Promise.all(
    waveIds.map(async (waveId) => {
      const written = (await deps.ledger.messagesOf(waveId)).filter((message) => message.status !== "skipped");
      return [...new Set(written.map((message) => message.owner))].sort();
    }),
  );
}

/** The States a wave left to another, with the reason its ledger gives. */
async function statesLeft(waveId: string) {
  return (await deps.ledger.messagesOf(waveId))
    .filter((message) => message.skipReason === "followed-up-elsewhere")
    .map((message) => [message.owner, message.reason])
    .sort();
}

beforeAll(async () => {
  const stores = await seededStores(clock);
  deps = stores.deps;
  seeded = stores.setup;
  await seedStaffTemplates(deps);
  for (const iso3 of ["KEN", "NGA"]) {
    await createContact(deps)(
      {
        owner: `STATE:${iso3}`,
        role: "capital-poc",
        name: `Poc ${iso3}`,
        email: `${iso3.toLowerCase()}@holds.example`,
        language: "en",
      },
      audit,
    );
  }
  // Both follow-ups fall due in February 2027.
  const request = (key: string, iso3: string, receivedOn: string, day: string) =>
    movedRequest(deps, seeded, clock, { series: "HOLD", key, iso3, receivedOn, moves: circulatedOn(day) });
  await request("A", "KEN", "2025-12-01", "2026-02-10");
  await request("B", "NGA", "2025-12-15", "2026-02-01");
  pipeline = pipelineLambdas(deps, {
    clock,
    mailer: { sendMail: async () => ({ messageId: "unused" }) },
    maxPerSecond: 200,
  });
}, 180_000);

describe("the follow-up letter's hold", () => {
  let first: string;
  let second: string;
  let fourthWave: string;

  it("lets two waves dispatched at the same minute write each State's follow-up once between them", async () => {
    clock.set("2027-02-12T15:00:00Z");
    first = await scheduledFollowUpWave("2027-02-15T10:00");
    second = await scheduledFollowUpWave("2027-02-15T10:00");
    clock.set("2027-02-15T15:00:30Z");
    await Promise.all([pipeline.dispatch({ waveId: first }), pipeline.dispatch({ waveId: second })]);
    const [ofFirst = [], ofSecond = []] = await statesWritten(first, second);
    expect([...ofFirst, ...ofSecond].sort()).toEqual(["STATE:KEN", "STATE:NGA"]);
    // Each wave's ledger says which wave has the States it left out.
    const left = [...(await statesLeft(first)), ...(await statesLeft(second))];
    expect(left.map(([owner]) => owner).sort()).toEqual([...ofFirst, ...ofSecond].sort());
    for (const [owner, reason] of left) {
      const holder = ofFirst.includes(owner ?? "") ? first : second;
      // Named by its description, the id beside it.
      expect(reason).toBe(
        `followed-up-elsewhere: its follow-up letter goes in wave “Follow-up at 2027-02-15T10:00” (${holder})`,
      );
    }
  });

  it("leaves the States whose letters another wave has queued to that wave", async () => {
    const third = await scheduledFollowUpWave("2027-02-15T10:02");
    clock.set("2027-02-15T15:02:30Z");
    await pipeline.dispatch({ waveId: third });
    expect(await statesWritten(third)).toEqual([[]]);
    expect((await statesLeft(third)).map(([owner]) => owner)).toEqual(["STATE:KEN", "STATE:NGA"]);
  });

  it("lets the next wave write to a State whose letter failed, and only to it", async () => {
    const [ofFirst = []] = await statesWritten(first);
    const kenyaWave = ofFirst.includes("STATE:KEN") ? first : second;
    const kenya = (await deps.ledger.messagesOf(kenyaWave)).find((message) => message.owner === "STATE:KEN");
    if (!kenya) throw new Error("no letter to Kenya");
    expect(await deps.ledger.move(kenya, "queued", "failed", { reason: "rendering failed (test)" })).toBe(true);
    const fourth = await scheduledFollowUpWave("2027-02-15T10:04");
    clock.set("2027-02-15T15:04:30Z");
    await pipeline.dispatch({ waveId: fourth });
    expect(await statesWritten(fourth)).toEqual([["STATE:KEN"]]);
    // Dispatched again (a retried run), it writes nothing more and still holds Kenya's follow-up.
    await pipeline.dispatch({ waveId: fourth });
    expect(await deps.ledger.holdFollowUp("KEN", "another-wave")).toEqual({ held: false, holder: fourth });
    fourthWave = fourth;
  });

  it("counts a letter its recipient reported as spam as written: SES complains only of a letter delivered", async () => {
    const kenya = (await deps.ledger.messagesOf(fourthWave)).find((message) => message.owner === "STATE:KEN");
    if (!kenya) throw new Error("no letter to Kenya");
    expect(await deps.ledger.move(kenya, "queued", "sending")).toBe(true);
    expect(await deps.ledger.move(kenya, "sending", "sent", { sesMessageId: "ses-ken-1" })).toBe(true);
    expect(await deps.ledger.move(kenya, "sent", "complained", { reason: "complaint (abuse)" })).toBe(true);
    const fifth = await scheduledFollowUpWave("2027-02-15T10:06");
    clock.set("2027-02-15T15:06:30Z");
    await pipeline.dispatch({ waveId: fifth });
    expect(await statesWritten(fifth)).toEqual([[]]);
  });
});
