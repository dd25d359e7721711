// Every State reached, against DynamoDB Local and the SES emulator: the March programme waves, fired as their
// schedules would on the demonstration data, reach every State they write to through a point of contact or its
// Permanent Mission; a State whose Mission address is unusable too is recorded as unreached, with the reason, in the
// wave's counts, GET /waves/{id}/unreached and the quarter's snapshot.
import { readFileSync } from "node:fs";
import { Logger } from "@aws-lambda-powertools/logger";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { changeContact } from "#shared/contacts/contacts.ts";
import { contactDependencies } from "#shared/contacts/dependencies.ts";
import { demoMissionEmail, seedDemoContacts } from "#shared/contacts/seed-demo.ts";
import type { WaveDispatchStores } from "#shared/correspondence/dispatch-dependencies.ts";
import type { Message } from "#shared/correspondence/schemas.ts";
import { correspondenceMailer } from "#shared/correspondence/ses-sender.ts";
import { createRouter } from "#shared/http/router.ts";
import { snapshotDependencies, takeSnapshot } from "#shared/snapshots/snapshots.ts";
import { seedProgrammeTemplates } from "#shared/templates/programme-templates.ts";
import { waveRoutes } from "../../functions/api/routes/waves.ts";
import { apiEvent } from "../support/api-event.ts";
import { pipelineLambdas, seededStores } from "../support/pipeline.ts";

const clock = fixedClock("2026-03-01T12:00:00.000Z");
const audit = { actor: systemActor("test") };
const NON_REPORTING = ["GIN", "GMB", "MLI", "MRT", "PRK", "SOM", "SWZ", "TCD"];

interface Schedule {
  id: string;
  input: { programmeWave?: { key: string; audience: string } };
}
const programme = JSON.parse(readFileSync("events/programme.json", "utf8")) as { schedules: Schedule[] };
const scheduleOf = (id: string) => {
  const schedule = programme.schedules.find((candidate) => candidate.id === id);
  if (!schedule?.input.programmeWave) throw new Error(`no programme wave ${id}`);
  return schedule.input;
};

/** The March waves and when their schedules fire in 2026 (09:00 New York, daylight time from 8 March). */
const MARCH = [
  { id: "first-report-request", at: "2026-03-10T13:00:00.000Z" },
  { id: "resolution-2663-letter", at: "2026-03-11T13:00:00.000Z" },
  { id: "point-of-contact-update-states", at: "2026-03-17T13:00:00.000Z" },
  { id: "point-of-contact-update-organizations", at: "2026-03-18T13:00:00.000Z" },
];

let setup: Awaited<ReturnType<typeof seededStores>>["setup"];
let deps: WaveDispatchStores;
let router: ReturnType<typeof createRouter>;

interface StoredMail {
  subject: string;
  destination: { to: string[] };
}
async function mailsTo(email: string): Promise<StoredMail[]> {
  const store = (await (await fetch(`${inject("sesEndpoint")}/store`)).json()) as { emails: StoredMail[] };
  return store.emails.filter((mail) => mail.destination.to.includes(email));
}

async function get(path: string) {
  const result = (await router.dispatch(
    apiEvent({ method: "GET", path, group: "members" }),
    "test",
  )) as APIGatewayProxyStructuredResultV2;
  return { status: result.statusCode, body: JSON.parse(result.body || "null") };
}

/** Fires a programme schedule's input through wave-dispatch, then sends every letter through wave-send. */
async function fire(input: unknown) {
  const pipeline = pipelineLambdas(deps, {
    clock,
    mailer: correspondenceMailer({ region: "us-east-1", endpoint: inject("sesEndpoint"), from: "desk@desk.example" }),
    maxPerSecond: 200,
  });
  const fired = (await pipeline.dispatch(input)) as {
    waveId: string;
    summary: { unreached: number; recipients: number };
  };
  await pipeline.drain();
  return fired;
}

beforeAll(async () => {
  ({ setup, deps } = await seededStores(clock));
  await seedDemoContacts(setup.doc, setup.tableNames, clock);
  await seedProgrammeTemplates(deps);
  const scheduler = {
    schedule: async () => "unused",
    scheduleResend: async () => "unused",
    unschedule: async () => undefined,
  };
  const mailer = { sendMail: async () => ({ messageId: "unused" }) };
  router = createRouter([...waveRoutes({ ...deps, scheduler, mailer })], new Logger({ logLevel: "SILENT" }));
}, 180_000);

/** The wave's messages that went out, by State. */
async function sentByState(waveId: string): Promise<Map<string, Message[]>> {
  const byState = new Map<string, Message[]>();
  for (const message of await deps.ledger.messagesOf(waveId)) {
    if (message.status !== "sent") continue;
    byState.set(message.owner, [...(byState.get(message.owner) ?? []), message]);
  }
  return byState;
}

describe("the March waves on the demonstration data", () => {
  const waveIds: Record<string, string> = {};

  it("reach every State and organization they write to, none unreached", { timeout: 240_000 }, async () => {
    for (const { id, at } of MARCH) {
      clock.set(at);
      const fired = await fire(scheduleOf(id));
      waveIds[id] = fired.waveId;
      expect(fired.summary.unreached, id).toBe(0);
      const wave = await get(`/waves/${fired.waveId}`);
      expect(wave.body).toMatchObject({ status: "completed", counts: { unreached: 0, unknown: 0, failed: 0 } });
      expect((await get(`/waves/${fired.waveId}/unreached`)).body).toEqual({ items: [] });
    }
    const firstReport = await sentByState(waveIds["first-report-request"] ?? "");
    expect([...firstReport.keys()].sort()).toEqual(NON_REPORTING.map((iso3) => `STATE:${iso3}`));
    // Every Member State gets the point-of-contact letter: 193 owners reached, none twice at one address.
    const everyState = await sentByState(waveIds["point-of-contact-update-states"] ?? "");
    expect(everyState.size).toBe(193);
  });

  it("write once to the Mission of a State with no reachable point of contact, and never to a reachable one's", async () => {
    const pointOfContactWave = await sentByState(waveIds["point-of-contact-update-states"] ?? "");
    let atMission = 0;
    for (const [owner, messages] of pointOfContactWave) {
      const iso3 = owner.slice("STATE:".length);
      const mission = demoMissionEmail(iso3);
      const toMission = messages.filter((message) => message.email === mission);
      // Either every letter of the State went to its points of contact, or exactly one to its Mission.
      expect(toMission.length === 0 || messages.length === 1, owner).toBe(true);
      if (toMission.length) atMission += 1;
    }
    // 70 States without an active point of contact and 10 whose every one is unusable (the demo figures).
    expect(atMission).toBe(80);

    const firstReport = await sentByState(waveIds["first-report-request"] ?? "");
    for (const iso3 of ["PRK", "SWZ"]) {
      const [letter, ...more] = firstReport.get(`STATE:${iso3}`) ?? [];
      expect(more, iso3).toEqual([]);
      expect(letter?.email).toBe(demoMissionEmail(iso3));
    }
    // The SES emulator holds one letter per March State wave at each of those Missions (first report, point of
    // contact; the resolution 2663 letter goes to reporting States only).
    for (const iso3 of ["PRK", "SWZ"]) {
      const mails = await mailsTo(demoMissionEmail(iso3));
      expect(mails, iso3).toHaveLength(2);
    }
  });
});

describe("a State no letter can reach", () => {
  it("is recorded as unreached, with the reason, in counts, the route and the quarter's snapshot", {
    timeout: 120_000,
  }, async () => {
    const contacts = contactDependencies(setup.doc, setup.tableNames, clock);
    const mission = (await deps.contacts.contactsOf({ kind: "state", iso3: "PRK" })).find(
      (contact) => contact.value.role === "permanent-mission",
    );
    if (!mission) throw new Error("no Mission of PRK seeded");
    await changeContact(contacts)(mission.value.id, mission.version, { emailStatus: "bounced" }, audit);
    clock.set("2026-03-24T13:00:00.000Z");
    const input = scheduleOf("first-report-request");
    const fired = await fire({ programmeWave: { ...input.programmeWave, key: "first-report-reminder" } });
    expect(fired.summary.unreached).toBe(1);
    expect((await get(`/waves/${fired.waveId}`)).body.counts).toMatchObject({ unreached: 1 });
    expect((await get(`/waves/${fired.waveId}/unreached`)).body).toMatchObject({
      items: [
        {
          waveId: fired.waveId,
          owner: "STATE:PRK",
          iso3: "PRK",
          reason: "no-usable-address",
          detail: "points of contact: none; permanent mission: bounced",
        },
      ],
    });
    expect(await mailsTo(demoMissionEmail("PRK"))).toHaveLength(2);

    clock.set("2026-04-02T12:00:00.000Z");
    const { snapshot } = await takeSnapshot(snapshotDependencies(setup.doc, setup.tableNames, clock))(
      { period: "2026-Q1" },
      audit,
    );
    const waves = new Map(snapshot.correspondence.waveList.map((wave) => [wave.id, wave.unreached]));
    expect(waves.get(fired.waveId)).toEqual([{ owner: "STATE:PRK", reason: "no-usable-address" }]);
    expect(waves.get("first-report-request-2026")).toEqual([]);
  });
});
