// The demo assistance set against DynamoDB Local: its figures, and that a second run adds nothing.
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { listProviders } from "#shared/assistance/offers.ts";
import { runAssistanceReport } from "#shared/assistance/report.ts";
import { assistanceRepository } from "#shared/assistance/repository.ts";
import { seedDemoAssistance } from "#shared/assistance/seed-demo.ts";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { ledgerRepository } from "#shared/correspondence/ledger.ts";
import { organizationRepository } from "#shared/organizations/repository.ts";
import { registryRepository } from "#shared/registry/repository.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { reportingRepository } from "#shared/reporting/repository.ts";
import { templateRepository } from "#shared/templates/repository.ts";
import { waveRepository } from "#shared/waves/repository.ts";
import { freshTables } from "./fresh-tables.ts";

const clock = fixedClock("2026-04-20T10:00:00Z");
let setup: Awaited<ReturnType<typeof freshTables>>;
let first: Awaited<ReturnType<typeof seedDemoAssistance>>;

beforeAll(async () => {
  setup = await freshTables();
  await seedRegistry(setup.doc, setup.tableNames, clock);
  first = await seedDemoAssistance(setup.doc, setup.tableNames, clock);
}, 120_000);

describe("demo assistance seed", () => {
  it("adds the offers of 46 States and 19 organizations, 24 requests, their matches and feedback", async () => {
    expect(first).toEqual({ offers: 72, requests: 24, matches: 15, feedback: 2 });
    const registry = registryRepository(setup.doc, setup.tableNames, clock);
    const assistance = assistanceRepository(setup.doc, setup.tableNames, clock);
    const providers = await listProviders({ assistance, registry, clock })();
    expect(providers.filter((provider) => provider.provider.kind === "state")).toHaveLength(46);
    expect(providers.filter((provider) => provider.provider.kind === "organization")).toHaveLength(19);
    const stale = providers.filter((provider) => provider.stale).length;
    expect(stale).toBeGreaterThan(10);
    expect(stale).toBeLessThan(40);
    const offers = await assistance.allOffers();
    expect(offers.every((offer) => offer.demo === true)).toBe(true);
  });

  it("spreads the requests over the whole lifecycle and marks every one as demo", async () => {
    const assistance = assistanceRepository(setup.doc, setup.tableNames, clock);
    const page = await assistance.listRequests({ limit: 100 });
    const statuses = new Set(page.items.map((item) => item.value.status));
    expect(statuses.size).toBe(9);
    expect(page.items.every((item) => item.value.demo === true)).toBe(true);
    const obligations = await reportingRepository(setup.doc, setup.tableNames, clock).obligations("TTO");
    expect(obligations.find((o) => o.kind === "assistance-feedback")).toMatchObject({
      status: "fulfilled",
      submissions: 1,
    });
  });

  it("adds nothing on a second run, on the same day or a later one", async () => {
    expect(await seedDemoAssistance(setup.doc, setup.tableNames, clock)).toEqual({
      offers: 0,
      requests: 0,
      matches: 0,
      feedback: 0,
    });
    const later = fixedClock("2026-09-01T10:00:00Z");
    expect(await seedDemoAssistance(setup.doc, setup.tableNames, later)).toEqual({
      offers: 0,
      requests: 0,
      matches: 0,
      feedback: 0,
    });
    const obligations = await reportingRepository(setup.doc, setup.tableNames, clock).obligations("TTO");
    expect(obligations.find((o) => o.kind === "assistance-feedback")?.submissions).toBe(1);
    const symbols = await setup.doc.send(
      new QueryCommand({
        TableName: setup.tableNames.desk,
        IndexName: "gsi3",
        KeyConditionExpression: "gsi3pk = :all",
        ExpressionAttributeValues: { ":all": "ASSISTANCE-REQUESTS" },
        Select: "COUNT",
      }),
    );
    expect(symbols.Count).toBe(24);
  });

  it("gives a report of the 17 pending demo requests", async () => {
    const assistance = assistanceRepository(setup.doc, setup.tableNames, clock);
    const sent: string[] = [];
    const run = await runAssistanceReport({
      assistance,
      registry: registryRepository(setup.doc, setup.tableNames, clock),
      organizations: organizationRepository(setup.doc, setup.tableNames, clock),
      letters: {
        ledger: ledgerRepository(setup.doc, setup.tableNames, clock),
        waves: waveRepository(setup.doc, setup.tableNames, clock),
        templates: templateRepository(setup.doc, setup.tableNames, clock),
      },
      clock,
      mailer: {
        sendMail: async (message) => {
          sent.push(message.subject);
          return { messageId: "local-1" };
        },
      },
      secretariatEmail: "secretariat@desk.example",
    })({}, { actor: systemActor("test") });
    expect(run.report.totals.pending).toBe(17);
    // Kenya's, its one match delivered and the request still matched, is the one that needs the secretariat.
    expect(run.report.totals.needingAttention).toBe(1);
    expect(run.report.requests.filter((row) => row.attention?.length)).toMatchObject([
      { iso3: "KEN", attention: ["every match delivered: mark it fulfilled, or ask the State for feedback"] },
    ]);
    expect(run.report.totals.followUpsOverdue).toBeGreaterThan(0);
    expect(run.report.requests.every((row) => row.demo === true)).toBe(true);
    expect(sent).toEqual(["Pending-assistance report 2026-1 (January to April 2026): 17 pending requests"]);
  });
});
