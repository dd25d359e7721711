// The one-year follow-up letter against DynamoDB Local and the SES emulator: the audience states-with-follow-up-due,
// the letters' list of requests, and the pending-assistance report, before and after a follow-up wave is sent. A
// request counts as followed up once a follow-up letter to its State left on or after its due day.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { runAssistanceReport } from "#shared/assistance/report.ts";
import type { AssistanceReport, RequestStatus } from "#shared/assistance/schemas.ts";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { createContact } from "#shared/contacts/contacts.ts";
import { followUpsOwed, resolveAudience } from "#shared/correspondence/audiences.ts";
import { correspondenceMailer } from "#shared/correspondence/ses-sender.ts";
import { formatDate } from "#shared/locale/dates.ts";
import { seedStaffTemplates } from "#shared/templates/staff-templates.ts";
import { createWave, scheduleWave } from "#shared/waves/waves.ts";
import { circulatedOn, movedRequest } from "../support/moved-request.ts";
import { pipelineLambdas, type SeededStores, seededStores } from "../support/pipeline.ts";

const clock = fixedClock("2025-12-01T15:00:00Z");
const audit = { actor: systemActor("test") };
let deps: SeededStores;
let seeded: Awaited<ReturnType<typeof seededStores>>["setup"];
const contactOf: Record<string, string> = {};

const scheduler = {
  schedule: async () => "wave-schedule",
  scheduleResend: async () => "unused",
  unschedule: async () => undefined,
};

/** A request received on `receivedOn`, moved on the given days (the clock is moved to each day first). */
const request = (key: string, iso3: string, receivedOn: string, moves: [RequestStatus, string][]) =>
  movedRequest(deps, seeded, clock, { series: "FU", key, iso3, receivedOn, moves });

/**
 * The report of `period`, run on the clock's day: a past period's (a report is taken on its period's day or later), one
 * each test, as a period's report is taken once.
 */
async function report(period: string): Promise<AssistanceReport> {
  const run = await runAssistanceReport({
    assistance: deps.assistance,
    registry: deps.registry,
    organizations: deps.organizations,
    letters: deps,
    clock,
    mailer: { sendMail: async () => ({ messageId: "unused" }) },
    secretariatEmail: "secretariat@desk.example",
  })({ period }, audit);
  return run.report;
}

const followUpOf = (built: AssistanceReport, symbol: string) =>
  built.requests.find((row) => row.symbol === `S/AC.44/FU/${symbol}`)?.followUp;

const owners = async () => {
  const resolved = await resolveAudience(deps, "states-with-follow-up-due", clock.now());
  return [...new Set(resolved.recipients.map((recipient) => recipient.owner.owner))].sort();
};

beforeAll(async () => {
  const stores = await seededStores(clock);
  seeded = stores.setup;
  deps = stores.deps;
  await seedStaffTemplates(deps);
  for (const [iso3, language] of [
    ["KEN", "en"],
    ["NGA", "fr"],
    ["PHL", "en"],
  ] as const) {
    const created = await createContact(deps)(
      {
        owner: `STATE:${iso3}`,
        role: "capital-poc",
        name: `Poc ${iso3}`,
        email: `${iso3.toLowerCase()}@follow-ups.example`,
        language,
      },
      audit,
    );
    contactOf[iso3] = created.value.id;
  }
  // Kenya's request falls due on 10 February 2027; Nigeria's first on 1 February 2027, its second on 5 March 2027;
  // the Philippines' on 30 June 2027.
  await request("A", "KEN", "2025-12-01", circulatedOn("2026-02-10"));
  await request("B", "NGA", "2025-12-15", circulatedOn("2026-02-01"));
  await request("C", "NGA", "2026-01-05", circulatedOn("2026-03-05"));
  await request("D", "PHL", "2026-05-04", circulatedOn("2026-06-30"));
}, 180_000);

describe("the one-year follow-up letter", () => {
  it("is owed to the States with a request circulated a year ago or more, and the report says overdue", async () => {
    clock.set("2027-02-12T15:00:00Z");
    expect(await owners()).toEqual(["STATE:KEN", "STATE:NGA"]);
    const before = await report("2026-3");
    expect(followUpOf(before, "A")).toEqual({ dueOn: "2027-02-10", status: "overdue" });
    expect(followUpOf(before, "B")).toEqual({ dueOn: "2027-02-01", status: "overdue" });
    expect(followUpOf(before, "C")).toEqual({ dueOn: "2027-03-05", status: "due" });
  });

  it("has the report read the letters of the States with a follow-up due only", async () => {
    clock.set("2027-02-12T15:00:00Z");
    const read: string[] = [];
    const ledger = {
      ...deps.ledger,
      lettersOf: (owner: string) => {
        read.push(owner);
        return deps.ledger.lettersOf(owner);
      },
    };
    await runAssistanceReport({
      assistance: deps.assistance,
      registry: deps.registry,
      organizations: deps.organizations,
      letters: { ...deps, ledger },
      clock,
      mailer: { sendMail: async () => ({ messageId: "unused" }) },
      secretariatEmail: "secretariat@desk.example",
    })({ period: "2026-2" }, audit);
    // The Philippines' request falls due in June: no letter can have followed it up yet.
    expect(read.sort()).toEqual(["STATE:KEN", "STATE:NGA"]);
  });

  it("is sent by a wave that names each State's requests owed, their dates in the letter's language", async () => {
    clock.set("2027-02-12T15:00:00Z");
    const wave = await createWave(deps)(
      {
        templateId: "assistance-follow-up",
        audience: "states-with-follow-up-due",
        sendAt: "2027-02-15T10:00",
        timeZone: "America/New_York",
        notAfter: "2027-02-20T00:00:00Z",
      },
      audit,
    );
    await scheduleWave({ ...deps, scheduler })(wave.value.id, wave.version, audit);
    clock.set("2027-02-15T15:00:30Z");
    let pendingReads = 0;
    const counting = {
      ...deps,
      assistance: {
        ...deps.assistance,
        pendingRequests: () => {
          pendingReads += 1;
          return deps.assistance.pendingRequests();
        },
      },
    };
    const pipeline = pipelineLambdas(counting, {
      clock,
      mailer: correspondenceMailer({ region: "us-east-1", endpoint: inject("sesEndpoint"), from: "desk@desk.example" }),
      maxPerSecond: 200,
    });
    await pipeline.dispatch({ waveId: wave.value.id });
    // The follow-ups owed are worked out once: the audience's States and the letters' lists come from one reading.
    expect(pendingReads).toBe(1);
    await pipeline.drain();

    const messages = await deps.ledger.messagesOf(wave.value.id);
    expect(messages.map((message) => [message.owner, message.status]).sort()).toEqual([
      ["STATE:KEN", "sent"],
      ["STATE:NGA", "sent"],
    ]);
    const textTo = (iso3: string) => messages.find((message) => message.recipient === contactOf[iso3])?.letter?.text;
    expect(textTo("KEN")).toContain(`- S/AC.44/FU/A (${formatDate("2025-12-01", "en")})`);
    const nigeria = textTo("NGA") ?? "";
    expect(nigeria).toContain(`- S/AC.44/FU/B (${formatDate("2025-12-15", "fr")})`);
    // Its second request was not due on the letter's day.
    expect(nigeria).not.toContain("S/AC.44/FU/C");
  });

  it("once sent, leaves the request out of the audience, and the report says followed up, with the date", async () => {
    clock.set("2027-03-10T15:00:00Z");
    // Nigeria's letter went on 15 February, before its second request fell due: that one is still owed.
    expect(await owners()).toEqual(["STATE:NGA"]);
    const owed = await followUpsOwed(deps, clock.now());
    expect([...owed].map(([iso3, requests]) => [iso3, requests.map((owedRequest) => owedRequest.symbol)])).toEqual([
      ["NGA", ["S/AC.44/FU/C"]],
    ]);

    const after = await report("2026-1");
    expect(followUpOf(after, "A")).toEqual({ dueOn: "2027-02-10", status: "followed-up", followedUpOn: "2027-02-15" });
    expect(followUpOf(after, "B")).toEqual({ dueOn: "2027-02-01", status: "followed-up", followedUpOn: "2027-02-15" });
    expect(followUpOf(after, "C")).toEqual({ dueOn: "2027-03-05", status: "overdue" });
    expect(followUpOf(after, "D")).toEqual({ dueOn: "2027-06-30", status: "due" });
    expect(after.totals).toMatchObject({ followUpsOverdue: 1, followUpsDue: 1 });
  });
});
