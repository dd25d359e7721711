// Quarterly snapshots against DynamoDB Local with a small known data set: every figure, the change between two
// quarters, response tracking across waves, immutability under repeated and concurrent runs, and the routes.
import { Logger } from "@aws-lambda-powertools/logger";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { assistanceRepository } from "#shared/assistance/repository.ts";
import type { AssistanceOffer, AssistanceRequest, RequestStatus } from "#shared/assistance/schemas.ts";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { createContact } from "#shared/contacts/contacts.ts";
import { contactDependencies } from "#shared/contacts/dependencies.ts";
import { ledgerRepository } from "#shared/correspondence/ledger.ts";
import type { Message, MessageStatus } from "#shared/correspondence/schemas.ts";
import { Invalid } from "#shared/errors.ts";
import { createRouter } from "#shared/http/router.ts";
import { newId } from "#shared/ids.ts";
import { matrixFields } from "#shared/matrix/field-catalogue.ts";
import { editMatrix, transitionMatrix } from "#shared/matrix/matrix.ts";
import { matrixRepository } from "#shared/matrix/repository.ts";
import { organizationRepository } from "#shared/organizations/repository.ts";
import { registryRepository } from "#shared/registry/repository.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { reportingRepository } from "#shared/reporting/repository.ts";
import { recordSubmission } from "#shared/reporting/submissions.ts";
import type { Snapshot } from "#shared/snapshots/schemas.ts";
import { snapshotDependencies, takeSnapshot } from "#shared/snapshots/snapshots.ts";
import { templateRepository } from "#shared/templates/repository.ts";
import { waveRepository } from "#shared/waves/repository.ts";
import type { Wave } from "#shared/waves/schemas.ts";
import { snapshotRoutes } from "../../functions/api/routes/snapshots.ts";
import { createSnapshotHandler } from "../../functions/snapshot/app.ts";
import { type RouterCall, routerCaller } from "../support/api-event.ts";
import { freshTables } from "./fresh-tables.ts";

// Every write of the data set happens "today"; dates in the past are given explicitly.
const TODAY = "2024-06-15T12:00:00.000Z";
const clock = fixedClock(TODAY);
const audit = { actor: systemActor("test") };
let setup: Awaited<ReturnType<typeof freshTables>>;
let deps: ReturnType<typeof snapshotDependencies>;
let call: (options: RouterCall) => ReturnType<ReturnType<typeof routerCaller>>;

const take = (period: string) => takeSnapshot(deps)({ period }, audit);

async function seedSubmissions() {
  const reporting = {
    registry: registryRepository(setup.doc, setup.tableNames, clock),
    reporting: reportingRepository(setup.doc, setup.tableNames, clock),
    clock,
  };
  let symbol = 0;
  const record = (iso3: string, kind: Parameters<ReturnType<typeof recordSubmission>>[1]["kind"], receivedOn: string) =>
    recordSubmission(reporting)(iso3, { kind, receivedOn, symbol: `S/AC.44/TEST/${++symbol}`, language: "en" }, audit);
  // First reports: two long ago, KEN inside 2024-Q1 (after its letter), BRA after the quarter (after its letter).
  await record("FRA", "first-report", "2005-01-10");
  await record("DEU", "first-report", "2005-02-01");
  await record("KEN", "first-report", "2024-02-10");
  await record("BRA", "first-report", "2024-04-20");
  // Additional information: FRA's second document comes after 2024-Q1, so only its first counts then.
  await record("FRA", "additional-information", "2010-05-05");
  await record("FRA", "additional-information", "2024-05-01");
  await record("KEN", "additional-information", "2024-03-15");
  // Action plans: DEU's third and FRA's first come after 2024-Q1.
  await record("DEU", "action-plan", "2015-01-01");
  await record("DEU", "action-plan", "2024-01-20");
  await record("DEU", "action-plan", "2024-04-02");
  await record("FRA", "action-plan", "2024-05-10");
  // KEN answers the effective-practices invitation of 1 March.
  await record("KEN", "effective-practices", "2024-03-20");
}

async function seedContacts() {
  const contacts = contactDependencies(setup.doc, setup.tableNames, clock);
  const contact = (
    owner: string,
    role: "capital-poc" | "mission-poc",
    email: string,
    verified: string,
    status = "ok",
  ) =>
    createContact(contacts)(
      {
        owner,
        role,
        name: `Officer ${email}`,
        email,
        designatedOn: verified,
        lastVerifiedOn: verified,
        emailStatus: status as "ok" | "bounced",
      },
      audit,
    );
  await contact("STATE:FRA", "capital-poc", "fra@example.org", "2024-01-10");
  await contact("STATE:BRA", "mission-poc", "bra@example.org", "2024-06-01");
  await contact("STATE:DEU", "mission-poc", "deu@example.org", "2022-01-01");
  await contact("STATE:KEN", "capital-poc", "ken@example.org", "2024-02-01", "bounced");
}

async function seedMatrices() {
  const matrix = {
    matrix: matrixRepository(setup.doc, setup.tableNames, clock),
    registry: registryRepository(setup.doc, setup.tableNames, clock),
    clock,
  };
  const source = { document: "S/AC.44/2004/(02)/5" };
  const cell = (fieldId: string) => ({ fieldId, value: "X" as const, source });
  /** Shared the day before `approvedAt` and approved then, or, with `approvedOn`, both moves dated that day. */
  async function version(iso3: string, revision: number, cells: string[], approvedAt?: string, approvedOn?: string) {
    clock.set(approvedAt ? new Date(Date.parse(approvedAt) - 86_400_000) : TODAY);
    let result = await editMatrix(matrix)(iso3, revision, { cells: cells.map(cell) }, audit);
    if (!approvedAt) return result.revision;
    const on = approvedOn ? { on: approvedOn } : {};
    result = await transitionMatrix(matrix)(iso3, result.revision, { to: "shared-with-state", ...on }, audit);
    clock.set(approvedAt);
    result = await transitionMatrix(matrix)(iso3, result.revision, { to: "approved", ...on }, audit);
    return result.revision;
  }
  // FRA: version 1 approved in 2024-Q1 (recorded only in April, dated with the Committee's approval), version 2 (one
  // more X) approved after it.
  const fra = await version("FRA", 0, ["op1.npt", "op1.cwc"], "2024-04-20T15:00:00.000Z", "2024-02-15");
  await version("FRA", fra, ["op1.ctbt"], "2024-05-01T15:00:00.000Z");
  // DEU: approved after 2024-Q1 only; KEN: a draft, never approved.
  await version("DEU", 0, ["op1.npt"], "2024-04-10T15:00:00.000Z");
  await version("KEN", 0, ["op1.npt"]);
  clock.set(TODAY);
}

async function seedAssistance() {
  const assistance = assistanceRepository(setup.doc, setup.tableNames, clock);
  let symbol = 0;
  function request(iso3: string, receivedOn: string, moves: [RequestStatus, string][]): AssistanceRequest {
    let status: RequestStatus = "received";
    const history = moves.map(([to, on]) => {
      const move = { from: status, to, on, at: TODAY, by: audit.actor };
      status = to;
      return move;
    });
    return {
      id: newId(clock),
      iso3,
      areas: ["legislation"],
      description: "Test request",
      receivedOn,
      symbol: `S/AC.44/TEST/AR/${++symbol}`,
      consentedToCirculation: true,
      status,
      history,
      createdAt: TODAY,
      createdBy: "test",
      updatedAt: TODAY,
    };
  }
  const requests = [
    request("KEN", "2023-01-10", [
      ["acknowledged", "2023-01-12"],
      ["consent-window", "2023-01-12"],
      ["circulated", "2023-02-01"],
      ["matched", "2023-06-01"],
    ]),
    request("MLI", "2024-02-01", []),
    request("TCD", "2021-01-05", [
      ["acknowledged", "2021-01-10"],
      ["withdrawn", "2024-05-01"],
    ]),
    request("BRA", "2023-08-01", [["withdrawn", "2024-03-01"]]),
    request("GIN", "2024-04-05", []),
  ];
  const offer = (provider: AssistanceOffer["provider"], lastUpdatedOn: string): AssistanceOffer => ({
    id: newId(clock),
    provider,
    areas: ["legislation"],
    description: "Test offer",
    validFrom: "2020-01-01",
    lastUpdatedOn,
    createdAt: TODAY,
    updatedAt: TODAY,
  });
  // The organization provider exists, as every use case checks: an offer's write touches its item.
  await organizationRepository(setup.doc, setup.tableNames, clock).addMissingOrganizations(
    [{ id: "iaea", kind: "international", name: "International Atomic Energy Agency", acronym: "IAEA" }],
    audit,
  );
  await assistance.write([
    ...requests.flatMap((r) => assistance.newRequest(r)),
    assistance.newOffer(offer({ kind: "state", iso3: "FRA" }, "2024-01-01")),
    assistance.newOffer(offer({ kind: "organization", id: "iaea" }, "2022-01-01")),
  ]);
}

async function seedCorrespondence() {
  const templates = templateRepository(setup.doc, setup.tableNames, clock);
  const waves = waveRepository(setup.doc, setup.tableNames, clock);
  const ledger = ledgerRepository(setup.doc, setup.tableNames, clock);
  const variant = { subject: "Letter", text: "Text", html: "<p>Text</p>" };
  for (const [id, kind] of [
    ["frr", "first-report-request"],
    ["epi", "effective-practices-invitation"],
    ["poc", "point-of-contact-update"],
  ] as const) {
    await templates.create(
      { id, kind, fallbackLanguage: "en", variants: { en: variant }, createdAt: TODAY, updatedAt: TODAY },
      audit,
    );
  }
  const wave = (id: string, templateId: string, sendInstant: string, status: Wave["status"] = "completed"): Wave => ({
    id,
    templateId,
    audience: "all-states",
    sendAt: sendInstant.slice(0, 16),
    timeZone: "UTC",
    sendInstant,
    notAfter: new Date(Date.parse(sendInstant) + 7 * 86_400_000).toISOString(),
    status,
    createdAt: TODAY,
    updatedAt: TODAY,
  });
  const message = (waveId: string, owner: string, status: MessageStatus, sentAt?: string): Message => ({
    waveId,
    recipient: `contact-${owner}`,
    owner,
    status,
    notAfter: "2025-01-01T00:00:00.000Z",
    claims: status === "skipped" ? 0 : 1,
    ...(sentAt ? { sentAt } : {}),
    createdAt: TODAY,
    updatedAt: TODAY,
  });
  const sent = (instant: string) => new Date(Date.parse(instant) + 5 * 60_000).toISOString();
  const letters: [Wave, [string, MessageStatus][]][] = [
    [
      wave("w1-first-reports", "frr", "2024-02-01T14:00:00.000Z"),
      [
        ["STATE:KEN", "delivered"],
        ["STATE:BRA", "delivered"],
        ["STATE:TCD", "bounced"],
        ["STATE:MLI", "sent"],
        ["ORG:iaea", "delivered"],
        ["STATE:GIN", "skipped"],
      ],
    ],
    [
      wave("w2-practices", "epi", "2024-03-01T15:00:00.000Z"),
      [
        ["STATE:KEN", "delivered"],
        ["STATE:FRA", "complained"],
      ],
    ],
    [wave("w3-contacts", "poc", "2024-03-10T15:00:00.000Z"), [["STATE:DEU", "delivered"]]],
    // 22:00 on 31 March in New York: still 2024-Q1 there, though 1 April in UTC.
    [wave("w4-late", "poc", "2024-04-01T02:00:00.000Z"), [["STATE:ITA", "delivered"]]],
    [wave("w5-december", "frr", "2023-12-15T15:00:00.000Z"), [["STATE:SOM", "delivered"]]],
    [wave("w6-cancelled", "frr", "2024-03-20T15:00:00.000Z", "cancelled"), []],
  ];
  for (const [stored, messages] of letters) {
    await waves.create(stored, audit);
    for (const [owner, status] of messages) {
      await ledger.putNew(
        message(stored.id, owner, status, status === "skipped" ? undefined : sent(stored.sendInstant)),
      );
    }
  }
}

let q4: Snapshot;
let q1: Snapshot;

beforeAll(async () => {
  setup = await freshTables();
  await seedRegistry(setup.doc, setup.tableNames, clock);
  await seedSubmissions();
  await seedContacts();
  await seedMatrices();
  await seedAssistance();
  await seedCorrespondence();
  deps = snapshotDependencies(setup.doc, setup.tableNames, clock);
  call = routerCaller(createRouter(snapshotRoutes(deps), new Logger({ logLevel: "SILENT" })), "secretariat");
  q4 = (await take("2023-Q4")).snapshot;
  q1 = (await take("2024-Q1")).snapshot;
}, 120_000);

const region = (snapshot: Snapshot["reporting"], slug: string) => snapshot.byRegion.find((row) => row.region === slug);

describe("a quarter's snapshot", () => {
  it("names its quarter in New York time and the groups that describe the data at computation", () => {
    expect(q1).toMatchObject({
      period: "2024-Q1",
      periodStart: "2024-01-01",
      periodEnd: "2024-03-31",
      timeZone: "America/New_York",
      asOf: "2024-03-31",
      computedAt: TODAY,
      computedBy: "test",
      previousPeriod: "2023-Q4",
    });
    expect(q1.asOfComputation).toContain("pointOfContact");
    expect(q1.states).toHaveLength(193);
    expect(q1.states.find((state) => state.iso3 === "KEN")).toEqual({ iso3: "KEN", name: "Kenya", region: "african" });
  });

  it("counts a State reported once its first report was received by the quarter's last day", () => {
    expect(q1.reporting).toMatchObject({ memberStates: 193, reported: 3, nonReporting: 190 });
    expect(q1.reporting.reportedStates).toEqual(["DEU", "FRA", "KEN"]);
    expect(q1.reporting.nonReportingStates).toContain("BRA");
    expect(q1.reporting.nonReportingStates).toHaveLength(190);
    const african = region(q1.reporting, "african");
    expect(african).toMatchObject({ regionName: "African", reported: 1 });
    expect(african?.nonReporting).toBe((african?.memberStates ?? 0) - 1);
    expect(region(q1.reporting, "weog")?.reported).toBe(2);
    expect(q1.reporting.byRegion.reduce((sum, row) => sum + row.memberStates, 0)).toBe(193);
    expect(q4.reporting).toMatchObject({ reported: 2, reportedStates: ["DEU", "FRA"] });
  });

  it("counts additional information and action plans received by the quarter's last day", () => {
    expect(q1.additionalInformation).toMatchObject({ states: 2, documents: 2, stateList: ["FRA", "KEN"] });
    expect(q1.additionalInformation.byRegion.find((row) => row.region === "african")?.states).toBe(1);
    expect(q1.actionPlans).toMatchObject({ plans: 2, states: 1, stateList: ["DEU"] });
    expect(q1.actionPlans.byRegion.find((row) => row.region === "weog")).toMatchObject({ plans: 2, states: 1 });
    expect(q4.additionalInformation).toMatchObject({ states: 1, documents: 1, stateList: ["FRA"] });
    expect(q4.actionPlans).toMatchObject({ plans: 1, states: 1 });
  });

  it("derives point-of-contact coverage from the contacts as they stood on the quarter's last day", () => {
    // BRA's contact was designated on 1 June, after the quarter: BRA had none then. KEN's was recorded bounced in
    // June: when it bounced is not dated, so its status now stands, and the snapshot says so.
    expect(q1.pointOfContact).toMatchObject({
      evaluatedOn: "2024-03-31",
      staleBefore: "2023-03-31",
      current: 1,
      stale: 1,
      unreachable: 1,
      missing: 190,
      currentStates: ["FRA"],
      staleStates: ["DEU"],
      unreachableStates: ["KEN"],
    });
    expect(q1.pointOfContact.missingStates).toContain("BRA");
    expect(q1.pointOfContact.byRegion.find((row) => row.region === "weog")).toMatchObject({ current: 1, stale: 1 });
    expect(q1.pointOfContact.byRegion.find((row) => row.region === "african")).toMatchObject({ unreachable: 1 });
    expect(q4.pointOfContact).toMatchObject({ evaluatedOn: "2023-12-31", current: 0, stale: 1, staleStates: ["DEU"] });
  });

  it("adds up the cells of the matrices approved by the quarter's last day, never a score", () => {
    expect(q1.matrix.states).toBe(1);
    expect(q1.matrix.stateList).toEqual(["FRA"]);
    // FRA's version 1 (npt, cwc), not its version 2 approved in May.
    expect(q1.matrix.coverage.total).toEqual({ X: 2, "?": 0, NA: 0, blank: matrixFields.length - 2, fields: 272 });
    expect(q1.matrix.coverage.byParagraph.find((row) => row.paragraph === "op1")?.counts.X).toBe(2);
    const byCategory = Object.fromEntries(q1.matrix.coverage.byCategory.map((row) => [row.category, row.counts.X]));
    expect(byCategory).toMatchObject({ nuclear: 1, chemical: 1, biological: 0 });
    expect(q4.matrix).toMatchObject({ states: 0, stateList: [] });
    expect(q4.matrix.coverage.total).toEqual({ X: 0, "?": 0, NA: 0, blank: 0, fields: 0 });
    expect(JSON.stringify(q1.matrix)).not.toMatch(/score|percent|grade/i);
  });

  it("counts assistance requests as they stood at the quarter's end, by age", () => {
    expect(q1.assistance).toEqual({
      received: 1,
      pending: 3,
      byAge: { "under-6-months": 1, "6-to-12-months": 0, "12-to-24-months": 1, "over-24-months": 1 },
      matched: 1,
      matchedShare: 0.3333,
      providers: 2,
      staleProviders: 1,
      staleProviderList: ["organization:iaea"],
    });
    expect(q4.assistance).toMatchObject({
      received: 0,
      pending: 3,
      byAge: { "under-6-months": 1, "6-to-12-months": 1, "12-to-24-months": 0, "over-24-months": 1 },
    });
  });

  it("counts the quarter's waves and messages by status, and the bounce rate", () => {
    const { correspondence } = q1;
    expect(correspondence).toMatchObject({ waves: 4, messages: 10, attempted: 9, bounced: 1, bounceRate: 0.1111 });
    expect(correspondence.byStatus).toMatchObject({ delivered: 6, bounced: 1, sent: 1, skipped: 1, complained: 1 });
    expect(correspondence.waveList.map((wave) => [wave.id, wave.letterKind, wave.messages])).toEqual([
      ["w1-first-reports", "first-report-request", 6],
      ["w2-practices", "effective-practices-invitation", 2],
      ["w3-contacts", "point-of-contact-update", 1],
      ["w4-late", "point-of-contact-update", 1],
    ]);
    expect(q4.correspondence).toMatchObject({ waves: 1, messages: 1, attempted: 1, bounceRate: 0 });
  });

  it("tracks which States a letter reached and whether they then sent the submission it asked for", () => {
    const { responses } = q1;
    expect(responses).toMatchObject({
      letters: 7,
      tracked: 5,
      notTracked: 2,
      responded: 3,
      notResponded: 2,
      medianDays: 19,
      respondedStates: ["BRA", "KEN"],
      notRespondedStates: ["FRA", "MLI"],
    });
    expect(responses.rows).toEqual([
      {
        iso3: "BRA",
        letterKind: "first-report-request",
        waveId: "w1-first-reports",
        sentOn: "2024-02-01",
        asks: ["first-report"],
        // After the quarter, before the snapshot: a response is counted whenever it came.
        respondedOn: "2024-04-20",
        submissionKind: "first-report",
        days: 79,
      },
      {
        iso3: "FRA",
        letterKind: "effective-practices-invitation",
        waveId: "w2-practices",
        sentOn: "2024-03-01",
        asks: ["effective-practices"],
      },
      {
        iso3: "KEN",
        letterKind: "effective-practices-invitation",
        waveId: "w2-practices",
        sentOn: "2024-03-01",
        asks: ["effective-practices"],
        respondedOn: "2024-03-20",
        submissionKind: "effective-practices",
        days: 19,
      },
      {
        iso3: "KEN",
        letterKind: "first-report-request",
        waveId: "w1-first-reports",
        sentOn: "2024-02-01",
        asks: ["first-report"],
        respondedOn: "2024-02-10",
        submissionKind: "first-report",
        days: 9,
      },
      {
        iso3: "MLI",
        letterKind: "first-report-request",
        waveId: "w1-first-reports",
        sentOn: "2024-02-01",
        asks: ["first-report"],
      },
    ]);
    const byKind = Object.fromEntries(
      responses.byLetterKind.map((row) => [row.letterKind, [row.letters, row.responded]]),
    );
    expect(byKind).toMatchObject({
      "first-report-request": [3, 2],
      "effective-practices-invitation": [2, 1],
      "point-of-contact-update": [2, 0],
      other: [0, 0],
    });
    expect(q4.responses).toMatchObject({ letters: 1, tracked: 1, responded: 0, medianDays: null });
    expect(q4.responses.notRespondedStates).toEqual(["SOM"]);
  });
});

describe("the change between snapshots", () => {
  it("is stored with the later snapshot: every figure from the previous one, and the lists' entries and exits", () => {
    expect(q4.change).toBeNull();
    expect(q4.previousPeriod).toBeNull();
    const change = q1.change;
    expect(change).toMatchObject({ from: "2023-Q4", to: "2024-Q1" });
    const figure = (name: string, group = "all") =>
      change?.figures.find((row) => row.figure === name && row.group === group);
    expect(figure("reporting.reported")).toEqual({
      figure: "reporting.reported",
      group: "all",
      from: 2,
      to: 3,
      change: 1,
    });
    expect(figure("reporting.reported", "african")).toMatchObject({ from: 0, to: 1, change: 1 });
    expect(figure("actionPlans.plans")).toMatchObject({ from: 1, to: 2, change: 1 });
    expect(figure("matrix.X", "op1")).toMatchObject({ from: 0, to: 2, change: 2 });
    expect(figure("assistance.pending", "6-to-12-months")).toMatchObject({ from: 1, to: 0, change: -1 });
    expect(figure("correspondence.bounceRate")).toMatchObject({ from: 0, to: 0.1111, change: 0.1111 });
    expect(figure("responses.medianDays")).toMatchObject({ from: null, to: 19, change: null });
    const list = (name: string) => change?.lists.find((row) => row.list === name);
    expect(list("reporting.reportedStates")).toMatchObject({ added: ["KEN"], removed: [] });
    expect(list("reporting.nonReportingStates")).toMatchObject({ added: [], removed: ["KEN"] });
    expect(list("responses.notRespondedStates")).toMatchObject({ added: ["FRA", "MLI"], removed: ["SOM"] });
    expect(change?.figures.every((row) => row.from === null || row.to === null || row.change !== null)).toBe(true);
  });
});

describe("immutability", () => {
  async function auditEntries(period: string) {
    const result = await setup.doc.send(
      new QueryCommand({
        TableName: setup.tableNames.audit,
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": `snapshot#${period}` },
      }),
    );
    return result.Items ?? [];
  }

  it("answers a repeated run with the stored snapshot, unchanged, even after the data moved on", async () => {
    clock.set("2024-08-01T12:00:00.000Z");
    await recordSubmission({
      registry: registryRepository(setup.doc, setup.tableNames, clock),
      reporting: reportingRepository(setup.doc, setup.tableNames, clock),
      clock,
    })("GIN", { kind: "first-report", receivedOn: "2024-03-30", symbol: "S/AC.44/TEST/LATE", language: "fr" }, audit);
    const again = await take("2024-Q1");
    expect(again.created).toBe(false);
    expect(again.snapshot).toEqual(q1);
    expect(await auditEntries("2024-Q1")).toHaveLength(1);
    clock.set(TODAY);
  });

  it("stores one snapshot when several runs race for the same quarter; every run answers that one", async () => {
    clock.set("2024-07-02T12:00:00.000Z");
    const runs = await Promise.all([take("2024-Q2"), take("2024-Q2"), take("2024-Q2")]);
    expect(runs.filter((run) => run.created)).toHaveLength(1);
    const stored = runs.find((run) => run.created)?.snapshot;
    for (const run of runs) expect(run.snapshot).toEqual(stored);
    const entries = await auditEntries("2024-Q2");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: "snapshot.create",
      after: { period: "2024-Q2", previousPeriod: "2024-Q1" },
    });
    expect(stored?.reporting.reportedStates).toEqual(["BRA", "DEU", "FRA", "GIN", "KEN"]);
    clock.set(TODAY);
  });

  it("refuses a quarter that has not ended in New York, and writes nothing", async () => {
    clock.set("2024-10-01T03:00:00.000Z"); // 23:00 on 30 September in New York
    await expect(take("2024-Q3")).rejects.toBeInstanceOf(Invalid);
    expect(await deps.snapshots.get("2024-Q3")).toBeUndefined();
    clock.set(TODAY);
  });
});

describe("the snapshot function", () => {
  it("takes the quarter that just ended in New York when the schedule passes nothing", async () => {
    clock.set("2024-07-01T04:30:00.000Z"); // 00:30 on 1 July in New York
    const handler = createSnapshotHandler({ ...deps, logger: new Logger({ logLevel: "SILENT" }) });
    await expect(handler({})).resolves.toEqual({ period: "2024-Q2", created: false, reported: 5, nonReporting: 188 });
    await expect(handler({ period: "2024-13" })).rejects.toBeInstanceOf(Invalid);
    clock.set(TODAY);
  });
});

describe("the snapshot routes", () => {
  it("take a quarter for the secretariat only: 200 with the stored one, 422 before the quarter ends", async () => {
    const stored = await call({ method: "POST", path: "/snapshots", body: { period: "2024-Q1" } });
    expect(stored.status).toBe(200);
    expect(stored.body).toEqual(q1);
    expect(stored.headers.location).toBe("/snapshots/2024-Q1");
    expect(
      (await call({ method: "POST", path: "/snapshots", group: "experts", body: { period: "2024-Q1" } })).status,
    ).toBe(403);
    const early = await call({ method: "POST", path: "/snapshots", body: { period: "2024-Q3" } });
    expect(early.status).toBe(422);
    expect(early.body.errors).toEqual([expect.objectContaining({ path: "body.period" })]);
    expect((await call({ method: "POST", path: "/snapshots", body: { period: "2024-Q5" } })).status).toBe(422);
  });

  it("create a new quarter's snapshot with 201", async () => {
    clock.set("2023-10-05T12:00:00.000Z");
    const created = await call({ method: "POST", path: "/snapshots", body: { period: "2023-Q3" } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ period: "2023-Q3", previousPeriod: null, change: null });
    // Its taker by id and by the username the timeline shows, which a member who lists it reads too.
    expect(created.body).toMatchObject({ computedBy: "user-1", computedByName: "secretariat-user" });
    const listed = await call({ path: "/snapshots", query: "limit=1", group: "members" });
    expect(listed.body.items[0]).toMatchObject({ period: "2023-Q3", computedByName: "secretariat-user" });
    // The schedule's has none: it is named by the console in words.
    expect(q1).not.toHaveProperty("computedByName");
    clock.set(TODAY);
  });

  it("list the snapshots oldest first, a page at a time, without their figures", async () => {
    const first = await call({ path: "/snapshots", query: "limit=2", group: "members" });
    expect(first.status).toBe(200);
    expect(first.body.items.map((item: { period: string }) => item.period)).toEqual(["2023-Q3", "2023-Q4"]);
    expect(first.body.items[0]).not.toHaveProperty("reporting");
    const rest = await call({ path: "/snapshots", query: `limit=10&cursor=${first.body.cursor}`, group: "members" });
    expect(rest.body.items.map((item: { period: string }) => item.period)).toEqual(["2024-Q1", "2024-Q2"]);
  });

  it("read one snapshot, or 404 for a quarter never taken", async () => {
    expect((await call({ path: "/snapshots/2024-Q1", group: "members" })).body).toEqual(q1);
    expect((await call({ path: "/snapshots/2022-Q1", group: "members" })).status).toBe(404);
    expect((await call({ path: "/snapshots/last-year", group: "members" })).status).toBe(400);
  });

  it("export one row per figure as CSV, with the change since the previous snapshot", async () => {
    const csv = await call({ path: "/snapshots/2024-Q1/export", query: "format=csv", group: "experts" });
    expect(csv.status).toBe(200);
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers["content-disposition"]).toContain("snapshot-2024-Q1.csv");
    const lines = String(csv.body)
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("figure,name,group,groupName,value,change,changeNote");
    expect(lines).toContain("reporting.reported,States that have submitted a first national report,all,All,3,1,");
    expect(lines).toContain("assistance.pending,Pending assistance requests,6-to-12-months,6 to 12 months,0,-1,");
    expect(lines).toContain("responses.medianDays,Median days from letter to submission,all,All,19,,");
    const json = await call({ path: "/snapshots/2024-Q1/export", query: "format=json", group: "experts" });
    expect(json.body.figures).toContainEqual({
      figure: "reporting.reported",
      name: "States that have submitted a first national report",
      group: "all",
      groupName: "All",
      value: 3,
      change: 1,
    });
    expect(json.body.lists).toContainEqual({ list: "actionPlans.stateList", group: "all", members: ["DEU"] });
    expect(json.body.figures).toHaveLength(lines.length - 1);
  });

  it("compare a stored quarter with an earlier one, and refuse a later one with the question the other way round", async () => {
    const diff = await call({ path: "/snapshots/2024-Q2/diff", query: "against=2023-Q4", group: "members" });
    expect(diff.status).toBe(200);
    expect(diff.body).toMatchObject({ from: "2023-Q4", to: "2024-Q2" });
    const reported = diff.body.figures.find(
      (row: { figure: string; group: string }) => row.figure === "reporting.reported" && row.group === "all",
    );
    expect(reported).toMatchObject({ from: 2, to: 5, change: 3 });
    const backwards = await call({ path: "/snapshots/2023-Q4/diff", query: "against=2024-Q2", group: "members" });
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.body)).toContain("ask /snapshots/2024-Q2/diff?against=2023-Q4");
    expect((await call({ path: "/snapshots/2024-Q2/diff", query: "against=2020-Q1", group: "members" })).status).toBe(
      404,
    );
  });

  it("render the HTML report", async () => {
    const page = await call({ path: "/snapshots/2024-Q1/report", group: "members" });
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(String(page.body)).toContain("<svg");
  });
});
