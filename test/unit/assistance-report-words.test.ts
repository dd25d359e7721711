// The pending-assistance report in words (audit 36, items 11, 12 and 20): statuses, areas, providers, follow-ups and
// last actions as a person reads them in the mail and the CSV, ages on the snapshots' scale, the requests that need the
// secretariat's attention with their reasons, and a report stored before all this read in words too. In memory.
import { parse } from "csv-parse/sync";
import { beforeEach, describe, expect, it } from "vitest";
import { ageCountsInWords } from "#shared/assistance/age-buckets.ts";
import { addYears } from "#shared/assistance/dates.ts";
import { proposeMatch } from "#shared/assistance/matches.ts";
import { createOffer } from "#shared/assistance/offers.ts";
import { buildReport, periodOf, reportInWords, runAssistanceReport } from "#shared/assistance/report.ts";
import { reportCsv } from "#shared/assistance/report-csv.ts";
import { reportSummaryMail } from "#shared/assistance/report-mail.ts";
import type {
  AssistanceMatch,
  AssistanceReport,
  AssistanceRequest,
  MatchStatus,
  Provider,
  ReportRow,
  RequestStatus,
} from "#shared/assistance/schemas.ts";
import { systemActor } from "#shared/auth/actor.ts";
import { anOrganization } from "../contracts/organizations.contract.ts";
import { circulatedRequest } from "../support/circulated-request.ts";
import { aMemberState } from "../support/fixtures.ts";
import { inMemoryAssistanceDesk } from "../support/in-memory/assistance-desk.ts";

const asOf = "2026-04-20";
const at = `${asOf}T10:00:00.000Z`;
const by = { kind: "system" as const, id: "test" };
const audit = { actor: systemActor("test") };
const GERMANY: Provider = { kind: "state", iso3: "DEU" };
const IAEA: Provider = { kind: "organization", id: "iaea" };
const READY = "mark it fulfilled, or ask the State for feedback";

/**
 * `iso3`'s request, received on `receivedOn` and moved on the days given; its status is the last move's, its follow-up
 * due a year after its circulation.
 */
function requestOf(
  iso3: string,
  receivedOn: string,
  moves: [RequestStatus, string][] = [],
  areas: AssistanceRequest["areas"] = ["legislation"],
): AssistanceRequest {
  let from: RequestStatus = "received";
  const history = moves.map(([to, on]) => {
    const move = { from, to, on, at: `${on}T12:00:00.000Z`, by };
    from = to;
    return move;
  });
  const circulatedOn = moves.find(([to]) => to === "circulated")?.[1];
  return {
    id: `R-${iso3}`,
    iso3,
    areas,
    description: "x",
    receivedOn,
    symbol: `S/AC.44/T/${iso3}`,
    consentedToCirculation: false,
    status: from,
    ...(circulatedOn ? { circulatedOn, followUpDueOn: addYears(circulatedOn, 1) } : {}),
    history,
    createdAt: `${receivedOn}T12:00:00.000Z`,
    createdBy: "test",
    updatedAt: at,
  };
}

/** A match of `provider`'s offer for `request`, proposed on `proposedOn` and moved on the days given. */
function matchOf(
  request: AssistanceRequest,
  provider: Provider,
  proposedOn: string,
  moves: [MatchStatus, string][],
): AssistanceMatch {
  let from: MatchStatus = "proposed";
  const history = moves.map(([to, on]) => {
    const move = { from, to, on, at: `${on}T12:00:00.000Z`, by };
    from = to;
    return move;
  });
  const whose = provider.kind === "state" ? provider.iso3 : provider.id;
  return {
    id: `M-${request.iso3}-${whose}`,
    requestId: request.id,
    offerId: `O-${whose}`,
    iso3: request.iso3,
    provider,
    areas: request.areas,
    status: from,
    proposedOn,
    history,
    createdAt: `${proposedOn}T12:00:00.000Z`,
    createdBy: "test",
    updatedAt: at,
  };
}

const toMatched: [RequestStatus, string][] = [
  ["acknowledged", "2025-03-03"],
  ["consent-window", "2025-03-03"],
  ["circulated", "2025-03-12"],
  ["matched", "2025-07-01"],
];

// Mali's request never acknowledged in 371 days; the Niger's in 323, under a year; the Gambia's in progress with
// Germany's match delivered and the IAEA's declined; Jamaica's matched with its one match delivered; Togo's matched
// with its match accepted, not yet delivered; Kenya's in the consent window.
const gambia = requestOf(
  "GMB",
  "2025-03-02",
  [...toMatched, ["in-progress", "2025-09-01"]],
  ["physical-protection", "accounting-of-materials"],
);
const jamaica = requestOf("JAM", "2025-03-02", toMatched);
const togo = requestOf("TGO", "2025-03-02", toMatched);
const report = buildReport({
  period: periodOf(asOf),
  asOf,
  generatedAt: at,
  generatedBy: "test",
  requests: [
    { request: requestOf("MLI", "2025-04-14"), matches: [] },
    { request: requestOf("NER", "2025-06-01"), matches: [] },
    {
      request: gambia,
      matches: [
        matchOf(gambia, GERMANY, "2025-06-01", [
          ["accepted", "2025-07-01"],
          ["delivered", "2026-02-01"],
        ]),
        matchOf(gambia, IAEA, "2025-06-02", [["declined", "2025-06-10"]]),
      ],
    },
    {
      request: jamaica,
      matches: [
        matchOf(jamaica, GERMANY, "2025-06-01", [
          ["accepted", "2025-07-01"],
          ["delivered", "2026-01-15"],
        ]),
      ],
    },
    { request: togo, matches: [matchOf(togo, IAEA, "2025-06-01", [["accepted", "2025-07-01"]])] },
    {
      request: requestOf("KEN", "2026-04-01", [
        ["acknowledged", "2026-04-06"],
        ["consent-window", "2026-04-06"],
      ]),
      matches: [],
    },
  ],
  stateNames: new Map([
    ["MLI", "Mali"],
    ["NER", "Niger"],
    ["GMB", "Gambia"],
    ["JAM", "Jamaica"],
    ["TGO", "Togo"],
    ["KEN", "Kenya"],
    ["DEU", "Germany"],
  ]),
  organizationNames: new Map([["iaea", "International Atomic Energy Agency"]]),
  letters: new Map(),
});

const rowOf = (built: AssistanceReport, iso3: string) => built.requests.find((row) => row.iso3 === iso3);

describe("the requests a report flags for the secretariat's attention", () => {
  it("flags one received over a year ago and never acknowledged, and one whose every match is delivered", () => {
    expect(Object.fromEntries(report.requests.map((row) => [row.iso3, row.attention]))).toEqual({
      MLI: ["received over a year ago and never acknowledged"],
      NER: [],
      GMB: [`every match delivered or declined: ${READY}`],
      JAM: [`every match delivered: ${READY}`],
      TGO: [],
      KEN: [],
    });
    expect(report.totals.needingAttention).toBe(3);
  });

  it("lists them with their reasons in the mail, text and HTML, and in the CSV", () => {
    const mail = reportSummaryMail(report);
    expect(mail.text).toContain("Requests needing attention: 3.");
    // Oldest first, as the rows.
    expect(mail.text).toContain(
      `Needing attention:\n- Gambia (GMB), S/AC.44/T/GMB: every match delivered or declined: ${READY}\n` +
        `- Jamaica (JAM), S/AC.44/T/JAM: every match delivered: ${READY}\n` +
        "- Mali (MLI), S/AC.44/T/MLI: received over a year ago and never acknowledged\n",
    );
    expect(mail.html).toContain("<h2>Needing attention</h2>");
    expect(mail.html).toContain(
      `<li>Jamaica (JAM), S/AC.44/T/JAM: every match delivered: mark it fulfilled, or ask the State for feedback</li>`,
    );
    const [header = [], ...rows]: string[][] = parse(reportCsv(report), { bom: true });
    const attention = rows.map((row) => [row[header.indexOf("iso3")], row[header.indexOf("attention")]]);
    expect(attention).toContainEqual(["MLI", "received over a year ago and never acknowledged"]);
    expect(attention).toContainEqual(["NER", ""]);
  });
});

describe("the report in words", () => {
  it("counts ages on the snapshots' scale", () => {
    // 371, 323, 414 (three of them) and 19 days.
    expect(report.totals.byAge).toEqual({
      "under-6-months": 1,
      "6-to-12-months": 1,
      "12-to-24-months": 4,
      "over-24-months": 0,
    });
  });

  it("says statuses, areas, providers, follow-ups, ages and last actions in words in the mail, no code", () => {
    const mail = reportSummaryMail(report);
    expect(mail.text).toContain(
      "6 pending requests: 2 received, 1 in the consent window, 2 matched, 1 in progress.\n" +
        "By age since receipt: under 6 months: 1, 6 to 12 months: 1, 12 to 24 months: 4, over 24 months: 0.",
    );
    expect(mail.text).toContain(
      "- Gambia (GMB), S/AC.44/T/GMB: in progress, 414 days old; areas: physical protection, accounting for " +
        "materials; follow-up: overdue since 2026-03-12; matches: Germany's offer delivered, the International " +
        "Atomic Energy Agency's offer declined; last action: match with Germany delivered on 2026-02-01",
    );
    expect(mail.text).toContain("Kenya (KEN), S/AC.44/T/KEN: in the consent window, 19 days old");
    expect(mail.text).toContain("last action: put in the consent window on 2026-04-06");
    for (const part of [mail.text, mail.html]) {
      expect(part).not.toMatch(/state:|organization:|consent-window|in-progress|physical-protection|-months/);
    }
    expect(mail.html).toContain("<td>in progress</td>");
    expect(mail.html).toContain("<td>physical protection, accounting for materials</td>");
  });

  it("writes the CSV's cells in words beside its identifiers and dates, under the same column names", () => {
    const [header = [], ...rows]: string[][] = parse(reportCsv(report), { bom: true });
    const gambiaRow = Object.fromEntries(header.map((column, index) => [column, rows[0]?.[index]]));
    expect(gambiaRow).toMatchObject({
      requestId: "R-GMB",
      iso3: "GMB",
      state: "Gambia",
      symbol: "S/AC.44/T/GMB",
      status: "in progress",
      areas: "physical protection; accounting for materials",
      followUpDueOn: "2026-03-12",
      followUp: "overdue",
      matches: "Germany's offer delivered; the International Atomic Energy Agency's offer declined",
      lastAction: "match with Germany delivered",
      lastActionOn: "2026-02-01",
    });
    const kenya = Object.fromEntries(header.map((column, index) => [column, rows[5]?.[index]]));
    expect(kenya).toMatchObject({ status: "in the consent window", followUp: "not circulated yet", matches: "" });
  });

  it("says a report's ages in words and in order, on either scale, a key neither knows last", () => {
    expect(
      ageCountsInWords({ "over-24-months": 4, "6-to-12-months": 3, "under-6-months": 7, "12-to-24-months": 5 }),
    ).toBe("under 6 months: 7, 6 to 12 months: 3, 12 to 24 months: 5, over 24 months: 4");
    // A report stored before the reports took the snapshots' scale (audit 36: "over-2-years 4, 3-to-12-months 3, …").
    expect(
      ageCountsInWords({ "over-2-years": 4, "3-to-12-months": 3, "under-3-months": 7, "1-to-2-years": 5, odd: 1 }),
    ).toBe("under 3 months: 7, 3 to 12 months: 3, 1 to 2 years: 5, over 2 years: 4, odd: 1");
  });
});

describe("a report run names its providers as their records have them that day", () => {
  let desk: ReturnType<typeof inMemoryAssistanceDesk>;
  beforeEach(async () => {
    desk = inMemoryAssistanceDesk("2027-03-01T15:00:00Z");
    await desk.registry.addMissingStates(
      [
        { ...aMemberState("KEN", "african", "en"), name: "Kenya" },
        { ...aMemberState("BGR", "eastern-european", "en"), name: "Bulgaria" },
      ],
      () => [],
      audit,
    );
  });

  it("stores the State's name with its match and says it in the last action", async () => {
    const request = await circulatedRequest(desk, audit);
    const offer = await createOffer(desk)(
      {
        provider: { kind: "state", iso3: "BGR" },
        areas: ["legislation"],
        description: "Legislative drafting workshop",
        validFrom: "2027-01-01",
      },
      audit,
    );
    // The day after its circulation: the proposal is the request's last action.
    desk.clock.set("2027-03-02T15:00:00Z");
    await proposeMatch(desk)({ requestId: request.value.id, offerId: offer.value.id }, audit);
    const unread = () => Promise.reject(new Error("no follow-up is due"));
    const { report: taken } = await runAssistanceReport({
      ...desk,
      letters: { ledger: { lettersOf: unread }, waves: { get: unread }, templates: { get: unread } },
      mailer: { sendMail: async () => ({ messageId: "m1" }) },
      secretariatEmail: "secretariat@desk.example",
    })({}, audit);
    expect(rowOf(taken, "KEN")?.matches.map((match) => match.providerName)).toEqual(["Bulgaria"]);
    expect(rowOf(taken, "KEN")?.lastAction.action).toBe("match with Bulgaria proposed");
  });
});

describe("a report stored before its rows were in words", () => {
  /** A row of `report` as an older report held it: without a list of reasons. */
  function olderRow(iso3: string): Omit<ReportRow, "matches" | "lastAction"> {
    const row = rowOf(report, iso3);
    if (!row) throw new Error(`no row of ${iso3}`);
    const { requestId, stateName, status, areas, receivedOn, symbol, ageDays, followUp } = row;
    return { requestId, iso3, stateName, status, areas, receivedOn, symbol, ageDays, followUp };
  }

  /** As the desk stored it until audit 36: codes in its last actions, no providers' names, the earlier age scale. */
  const older: AssistanceReport = {
    ...report,
    totals: {
      pending: 2,
      byStatus: { "in-progress": 1, matched: 1 },
      byAge: { "under-3-months": 0, "3-to-12-months": 0, "1-to-2-years": 2, "over-2-years": 0 },
      followUpsOverdue: 2,
      followUpsDue: 0,
      withoutMatch: 0,
    },
    requests: [
      {
        ...olderRow("GMB"),
        matches: [
          { id: "M1", offerId: "O1", provider: GERMANY, status: "accepted" },
          { id: "M2", offerId: "O2", provider: { kind: "organization", id: "gone" }, status: "declined" },
        ],
        lastAction: { action: "match accepted (state:DEU)", on: "2025-07-01" },
      },
      { ...olderRow("JAM"), matches: [], lastAction: { action: "in-progress", on: "2025-09-01" } },
    ],
  };

  it("reads its providers' names now, puts its last actions in words, a provider not on record by code", async () => {
    const desk = inMemoryAssistanceDesk(at);
    await desk.registry.addMissingStates([{ ...aMemberState("DEU", "weog", "en"), name: "Germany" }], () => [], audit);
    await desk.organizations.createOrganization(
      { ...anOrganization("iaea"), name: "International Atomic Energy Agency" },
      audit,
    );
    const inWords = await reportInWords(desk)(older);
    expect(inWords.requests.map((row) => row.lastAction.action)).toEqual([
      "match with Germany accepted",
      "marked in progress",
    ]);
    expect(inWords.requests[0]?.matches.map((match) => match.providerName)).toEqual(["Germany", undefined]);
    const [header = [], first = []]: string[][] = parse(reportCsv(inWords), { bom: true });
    expect(first[header.indexOf("matches")]).toBe("Germany's offer accepted; gone's offer declined");
    expect(reportSummaryMail(inWords).text).not.toMatch(/state:|organization:|in-progress/);
  });

  it("leaves a newer report as it is, reading nothing", async () => {
    const unread = () => Promise.reject(new Error("a newer report reads no names"));
    const readers = { registry: { getStates: unread }, organizations: { getOrganizations: unread } };
    expect(await reportInWords(readers)(report)).toBe(report);
  });
});
