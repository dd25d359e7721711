// The pending-assistance report against DynamoDB Local and the SES emulator: content, one report and one mail per period.
import { randomUUID } from "node:crypto";
import { Logger } from "@aws-lambda-powertools/logger";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { proposeMatch, transitionMatch } from "#shared/assistance/matches.ts";
import { createOffer } from "#shared/assistance/offers.ts";
import { assistanceRepository } from "#shared/assistance/repository.ts";
import { type AssistanceDependencies, createRequest, transitionRequest } from "#shared/assistance/requests.ts";
import type { AssistanceArea, AssistanceReport, RequestStatus } from "#shared/assistance/schemas.ts";
import { systemActor } from "#shared/auth/actor.ts";
import { dynamoHolidayStore } from "#shared/calendar/store.ts";
import { fixedClock } from "#shared/clock.ts";
import { ledgerRepository } from "#shared/correspondence/ledger.ts";
import { createRouter } from "#shared/http/router.ts";
import { type Mailer, sesMailer } from "#shared/mail/ses.ts";
import { organizationRepository } from "#shared/organizations/repository.ts";
import { seedOrganizations } from "#shared/organizations/seed.ts";
import { registryRepository } from "#shared/registry/repository.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { reportingRepository } from "#shared/reporting/repository.ts";
import { templateRepository } from "#shared/templates/repository.ts";
import { waveRepository } from "#shared/waves/repository.ts";
import { assistanceRoutes } from "../../functions/api/routes/assistance.ts";
import { createAssistanceReportHandler } from "../../functions/assistance-report/app.ts";
import { apiEvent } from "../support/api-event.ts";
import { freshTables } from "./fresh-tables.ts";

// Monday 20 April 2026, the day the April schedule fires.
const clock = fixedClock("2026-04-20T10:00:00Z");
const audit = { actor: systemActor("test") };
let setup: Awaited<ReturnType<typeof freshTables>>;
let deps: AssistanceDependencies;
let router: ReturnType<typeof createRouter>;
const ids: Record<string, string> = {};

interface StoredMail {
  subject: string;
  destination: { to: string[] };
  body: { text?: string; html?: string };
  from: string;
}

async function mailsTo(address: string): Promise<StoredMail[]> {
  const store = (await (await fetch(`${inject("sesEndpoint")}/store`)).json()) as { emails: StoredMail[] };
  return store.emails.filter((email) => email.destination.to.includes(address));
}

function reportHandler(secretariatEmail: string, mailer?: Mailer) {
  return createAssistanceReportHandler({
    assistance: deps.assistance,
    registry: deps.registry,
    organizations: deps.organizations,
    letters: {
      ledger: ledgerRepository(setup.doc, setup.tableNames, clock),
      waves: waveRepository(setup.doc, setup.tableNames, clock),
      templates: templateRepository(setup.doc, setup.tableNames, clock),
    },
    clock,
    mailer: mailer ?? sesMailer({ region: "us-east-1", endpoint: inject("sesEndpoint"), from: "desk@desk.example" }),
    secretariatEmail,
    logger: { info: () => undefined },
  });
}

/** A request received on `receivedOn`, moved on the given days (the clock is moved to each day first). */
async function requestWith(
  key: string,
  input: { iso3: string; receivedOn: string; consented?: boolean; areas?: AssistanceArea[] },
  moves: [RequestStatus, string][],
) {
  clock.set(`${input.receivedOn}T10:00:00Z`);
  const created = await createRequest(deps)(
    {
      iso3: input.iso3,
      areas: input.areas ?? ["legislation"],
      description: `Request ${key}`,
      receivedOn: input.receivedOn,
      symbol: `S/AC.44/TEST/${key}`,
      consentedToCirculation: input.consented ?? false,
    },
    audit,
  );
  let version = created.version;
  for (const [to, on] of moves) {
    clock.set(`${on}T10:00:00Z`);
    version = (await transitionRequest(deps)(created.value.id, version, { to }, audit)).version;
  }
  ids[key] = created.value.id;
  return created.value.id;
}

beforeAll(async () => {
  setup = await freshTables();
  await seedRegistry(setup.doc, setup.tableNames, clock);
  await seedOrganizations(setup.doc, setup.tableNames, clock);
  deps = {
    assistance: assistanceRepository(setup.doc, setup.tableNames, clock),
    registry: registryRepository(setup.doc, setup.tableNames, clock),
    organizations: organizationRepository(setup.doc, setup.tableNames, clock),
    reporting: reportingRepository(setup.doc, setup.tableNames, clock),
    holidays: dynamoHolidayStore(setup.doc, setup.tableNames, clock),
    clock,
  };
  router = createRouter(assistanceRoutes(deps), new Logger({ logLevel: "SILENT" }));

  // A known data set: an old matched request with an overdue follow-up, one whose follow-up falls due soon,
  // a fresh one, and a withdrawn one that the report leaves out.
  clock.set("2024-01-10T10:00:00Z");
  const iaea = await createOffer(deps)(
    {
      provider: { kind: "organization", id: "iaea" },
      areas: ["legislation", "nuclear-security"],
      description: "Legislative assistance",
      validFrom: "2024-01-01",
    },
    audit,
  );
  const old = await requestWith("OLD", { iso3: "NGA", receivedOn: "2024-11-04", areas: ["legislation"] }, [
    ["acknowledged", "2024-11-11"],
    ["consent-window", "2024-11-11"],
    ["circulated", "2024-11-20"],
  ]);
  clock.set("2025-01-10T10:00:00Z");
  const match = await proposeMatch(deps)({ requestId: old, offerId: iaea.value.id }, audit);
  clock.set("2025-02-03T10:00:00Z");
  await transitionMatch(deps)(match.value.id, 1, { to: "accepted" }, audit);
  await requestWith("SOON", { iso3: "PHL", receivedOn: "2025-06-02", consented: true }, [
    ["acknowledged", "2025-06-09"],
    ["consent-window", "2025-06-09"],
    ["circulated", "2025-06-30"],
  ]);
  await requestWith("FRESH", { iso3: "FJI", receivedOn: "2026-04-06" }, []);
  await requestWith("GONE", { iso3: "ALB", receivedOn: "2025-01-06" }, [["withdrawn", "2025-02-01"]]);
  clock.set("2026-04-20T10:00:00Z");
});

describe("pending-assistance report", () => {
  const secretariat = `secretariat+${randomUUID().slice(0, 8)}@desk.example`;

  it("reports every pending request with its age, status, matches, follow-up and last action", async () => {
    const result = await reportHandler(secretariat)({});
    expect(result).toEqual({ reportId: "2026-1", pending: 3, created: true, mailed: true });

    const report = await deps.assistance.getReport("2026-1");
    expect(report).toMatchObject({
      id: "2026-1",
      year: 2026,
      n: 1,
      periodFrom: "2026-01-01",
      periodTo: "2026-04-30",
      asOf: "2026-04-20",
      generatedBy: "assistance-report",
      mail: { status: "sent", messageId: expect.any(String) },
    });
    expect(report?.requests.map((row) => [row.requestId, row.iso3, row.status, row.ageDays])).toEqual([
      [ids.OLD, "NGA", "matched", 532],
      [ids.SOON, "PHL", "circulated", 322],
      [ids.FRESH, "FJI", "received", 14],
    ]);
    const [old, soon, fresh] = report?.requests ?? [];
    expect(old).toMatchObject({
      stateName: "Nigeria",
      circulatedOn: "2024-11-20",
      followUp: { dueOn: "2025-11-20", status: "overdue" },
      // The provider's name as its record had it on the report's day.
      matches: [
        {
          provider: { kind: "organization", id: "iaea" },
          providerName: "International Atomic Energy Agency",
          status: "accepted",
        },
      ],
      // The request's own move, in words, with the note that names whose offer moved it.
      lastAction: {
        action: "marked matched",
        on: "2025-02-03",
        note: "the International Atomic Energy Agency's offer “Legislative assistance” accepted",
      },
    });
    expect(soon).toMatchObject({ followUp: { dueOn: "2026-06-30", status: "due" }, matches: [] });
    expect(fresh).toMatchObject({ followUp: null, lastAction: { action: "received", on: "2026-04-06" } });
    expect(report?.totals).toEqual({
      pending: 3,
      byStatus: {
        received: 1,
        acknowledged: 0,
        "consent-window": 0,
        circulated: 1,
        matched: 1,
        "in-progress": 0,
      },
      byAge: { "under-6-months": 1, "6-to-12-months": 1, "12-to-24-months": 1, "over-24-months": 0 },
      followUpsOverdue: 1,
      followUpsDue: 1,
      withoutMatch: 1,
      needingAttention: 0,
    });
  });

  it("mails the secretariat a text and HTML summary through SES", async () => {
    const [mail, ...more] = await mailsTo(secretariat);
    expect(more).toEqual([]);
    expect(mail?.from).toBe("desk@desk.example");
    expect(mail?.subject).toBe("Pending-assistance report 2026-1 (January to April 2026): 3 pending requests");
    expect(mail?.body.text).toContain(
      "Follow-up letters (one year after circulation): 1 overdue, 1 due within 4 months",
    );
    expect(mail?.body.text).toContain(
      "Nigeria (NGA), S/AC.44/TEST/OLD: matched, 532 days old; areas: legislation; follow-up: overdue since " +
        "2025-11-20; matches: the International Atomic Energy Agency's offer accepted; last action: marked matched on " +
        "2025-02-03",
    );
    expect(mail?.body.text).toContain("3 pending requests: 1 received, 1 circulated, 1 matched.");
    expect(mail?.body.html).toContain("<td>Nigeria (NGA)</td>");
    expect(mail?.body.html).toContain("overdue since 2025-11-20");
  });

  it("stores one report and sends one mail when the trigger repeats", async () => {
    const again = await reportHandler(secretariat)({});
    expect(again).toEqual({ reportId: "2026-1", pending: 3, created: false, mailed: false });
    expect(await mailsTo(secretariat)).toHaveLength(1);
  });

  it("stores one report and sends one mail when two runs race for a period", async () => {
    const racing = `racing+${randomUUID().slice(0, 8)}@desk.example`;
    const handler = reportHandler(racing);
    const results = await Promise.all([handler({ period: "2025-3" }), handler({ period: "2025-3" })]);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(results.filter((result) => result.mailed)).toHaveLength(1);
    const mails = await mailsTo(racing);
    expect(mails.map((mail) => mail.subject)).toEqual([
      "Pending-assistance report 2025-3 (September to December 2025): 3 pending requests",
    ]);
    const reports = await deps.assistance.listReports({ limit: 10 });
    expect(reports.items.map((report) => report.id)).toEqual(["2025-3", "2026-1"]);
  });

  it("gives the mail back when SES fails, so the scheduler's retry sends it once", async () => {
    const address = `retry+${randomUUID().slice(0, 8)}@desk.example`;
    const failing: Mailer = {
      sendMail: async () => {
        throw new Error("Throttling");
      },
    };
    await expect(reportHandler(address, failing)({ period: "2025-2" })).rejects.toThrow("Throttling");
    expect((await deps.assistance.getReport("2025-2"))?.mail.status).toBe("pending");
    const retried = await reportHandler(address)({ period: "2025-2" });
    expect(retried).toMatchObject({ created: false, mailed: true });
    expect(await mailsTo(address)).toHaveLength(1);
  });

  it("serves the reports as JSON and CSV to every group", async () => {
    const call = async (path: string, query = "") => {
      const result = await router.dispatch(apiEvent({ path, query, group: "members" }), "corr-report");
      return {
        status: result.statusCode,
        headers: (result.headers ?? {}) as Record<string, string>,
        body: result.body ?? "",
      };
    };
    const list = await call("/assistance/reports");
    expect(JSON.parse(list.body).items.map((item: { id: string }) => item.id)).toEqual(["2025-2", "2025-3", "2026-1"]);
    expect(JSON.parse(list.body).items[0]).not.toHaveProperty("requests");
    const json = await call("/assistance/reports/2026-1");
    expect(JSON.parse(json.body).requests).toHaveLength(3);
    const csv = await call("/assistance/reports/2026-1", "format=csv");
    expect(csv.status).toBe(200);
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    const rows: string[][] = parse(csv.body);
    expect(rows).toHaveLength(4);
    expect(rows[1]?.slice(0, 5)).toEqual([ids.OLD, "NGA", "Nigeria", "S/AC.44/TEST/OLD", "matched"]);
    const header = rows[0] ?? [];
    const old = Object.fromEntries(header.map((column, index) => [column, rows[1]?.[index]]));
    expect(old).toMatchObject({
      followUp: "overdue",
      matches: "the International Atomic Energy Agency's offer accepted",
      lastAction: "marked matched",
      attention: "",
    });
    expect((await call("/assistance/reports/2024-1")).status).toBe(404);
  });

  it("puts a report stored before its rows were in words in words in its CSV, its providers' names read now", async () => {
    const stored = await deps.assistance.getReport("2026-1");
    if (!stored) throw new Error("no report 2026-1");
    const [row] = stored.requests;
    if (!row) throw new Error("no row in report 2026-1");
    // As the desk stored a report until audit 36: codes in its last action, no provider's name, no reasons.
    const older: AssistanceReport = {
      ...stored,
      id: "2024-3",
      totals: { ...stored.totals, needingAttention: undefined },
      requests: [
        {
          ...row,
          attention: undefined,
          matches: [{ id: "M1", offerId: "O1", provider: { kind: "organization", id: "iaea" }, status: "accepted" }],
          lastAction: { action: "match accepted (organization:iaea)", on: "2025-02-03" },
        },
      ],
    };
    await deps.assistance.write([
      deps.assistance.newReport(older),
      deps.assistance.audit({
        ...audit,
        action: "assistance.report.create",
        entity: { type: "assistance-report", id: "2024-3" },
      }),
    ]);
    const result = await router.dispatch(
      apiEvent({ path: "/assistance/reports/2024-3", query: "format=csv", group: "members" }),
      "corr-older",
    );
    const [header = [], first = []]: string[][] = parse(result.body ?? "", { bom: true });
    const cells = Object.fromEntries(header.map((column, index) => [column, first[index]]));
    expect(cells).toMatchObject({
      matches: "the International Atomic Energy Agency's offer accepted",
      lastAction: "match with the International Atomic Energy Agency accepted",
    });
    // The stored report is not changed: it stays what the Committee received.
    expect((await deps.assistance.getReport("2024-3"))?.requests[0]?.lastAction.action).toBe(
      "match accepted (organization:iaea)",
    );
  });
});
