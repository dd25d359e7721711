// The consent window on DynamoDB Local: an acknowledgement through transitionRequest counts the UN Headquarters
// holidays stored for its year, and recountConsentWindows, after a year's list is recorded, moves an open window in
// one transaction with its audit entry and leaves a circulated request as it was.
import { Logger } from "@aws-lambda-powertools/logger";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { recountConsentWindows } from "#shared/assistance/consent-window.ts";
import { assistanceRepository } from "#shared/assistance/repository.ts";
import { createRequest, transitionRequest } from "#shared/assistance/requests.ts";
import type { RequestStatus } from "#shared/assistance/schemas.ts";
import { auditEntityKey } from "#shared/audit/audit-entry.ts";
import { systemActor } from "#shared/auth/actor.ts";
import type { HeadquartersHolidays } from "#shared/calendar/schemas.ts";
import { dynamoHolidayStore, type HolidayStore } from "#shared/calendar/store.ts";
import { fixedClock } from "#shared/clock.ts";
import { lazyRoutes } from "#shared/http/route.ts";
import { createRouter } from "#shared/http/router.ts";
import { registryRepository } from "#shared/registry/repository.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { reportingRepository } from "#shared/reporting/repository.ts";
import { assistanceModules } from "../../functions/api/assistance.ts";
import { routerCaller } from "../support/api-event.ts";
import { freshTables } from "./fresh-tables.ts";

const clock = fixedClock("2026-12-07T15:00:00Z");
const audit = { actor: systemActor("test") };
let setup: Awaited<ReturnType<typeof freshTables>>;
let holidays: HolidayStore;
let deps: Parameters<typeof transitionRequest>[0] &
  Parameters<typeof recountConsentWindows>[0] &
  Parameters<typeof createRequest>[0];

/** A year's list saved through the store, as the secretariat's PUT does. */
async function recorded(year: number, source: string, days: HeadquartersHolidays["days"]) {
  const current = await holidays.get(year);
  const list = { year, source, days, updatedAt: clock.now().toISOString(), updatedBy: "test" };
  await holidays.save(list, current?.version ?? 0, {
    actor: audit.actor,
    action: "holidays.put",
    entity: { type: "holidays", id: String(year) },
  });
}

let serial = 0;
async function requestMoved(iso3: string, moves: readonly (readonly [RequestStatus, string])[], consented = false) {
  serial++;
  const created = await createRequest(deps)(
    {
      iso3,
      areas: ["legislation"],
      description: `Export control law ${serial}`,
      receivedOn: "2025-11-20",
      symbol: `S/AC.44/2025/${serial}`,
      consentedToCirculation: consented,
    },
    audit,
  );
  for (const [index, [to, on]] of moves.entries()) {
    await transitionRequest(deps)(created.value.id, index + 1, { to, on }, audit);
  }
  return created.value.id;
}

const entriesOf = async (id: string) =>
  (
    await setup.doc.send(
      new QueryCommand({
        TableName: setup.tableNames.audit,
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": auditEntityKey({ type: "assistance-request", id }) },
        ConsistentRead: true,
      }),
    )
  ).Items ?? [];

beforeAll(async () => {
  setup = await freshTables();
  await seedRegistry(setup.doc, setup.tableNames, clock);
  holidays = dynamoHolidayStore(setup.doc, setup.tableNames, clock);
  deps = {
    assistance: assistanceRepository(setup.doc, setup.tableNames, clock),
    registry: registryRepository(setup.doc, setup.tableNames, clock),
    reporting: reportingRepository(setup.doc, setup.tableNames, clock),
    holidays,
    clock,
  };
});

describe("the consent window on the stored holidays", () => {
  it("counts an acknowledgement's window with the year's list on record", async () => {
    await recorded(2024, "ST/IC/2023/25", [{ date: "2024-11-28", name: "Thanksgiving Day" }]);
    const created = await createRequest(deps)(
      {
        iso3: "GMB",
        areas: ["legislation"],
        description: "Border controls",
        receivedOn: "2024-11-20",
        symbol: "S/AC.44/2024/9",
        consentedToCirculation: false,
      },
      audit,
    );
    const acknowledged = await transitionRequest(deps)(
      created.value.id,
      1,
      { to: "acknowledged", on: "2024-11-26" },
      audit,
    );
    // Tuesday 26 November 2024: 27, (28 Thanksgiving), 29 November, 2, 3, 4 December.
    expect(acknowledged.value).toMatchObject({
      consentWindowClosesOn: "2024-12-04",
      consentWindowCounted: { holidaysFrom: ["ST/IC/2023/25"], yearsNotOnRecord: [] },
    });
    expect((await deps.assistance.getRequest(created.value.id))?.value).toEqual(acknowledged.value);
  });

  it("recounts an open window once 2025's list is recorded, audited; a circulated request stays as it was", async () => {
    const open = await requestMoved("KEN", [
      ["acknowledged", "2025-11-25"],
      ["consent-window", "2025-11-25"],
    ]);
    const circulated = await requestMoved(
      "NGA",
      [
        ["acknowledged", "2025-11-25"],
        ["consent-window", "2025-11-25"],
        ["circulated", "2025-11-26"],
      ],
      true,
    );
    expect((await deps.assistance.getRequest(open))?.value).toMatchObject({
      consentWindowClosesOn: "2025-12-02",
      consentWindowCounted: { holidaysFrom: [], yearsNotOnRecord: [2025] },
    });
    const circulatedBefore = await deps.assistance.getRequest(circulated);

    await recorded(2025, "ST/IC/2024/30", [{ date: "2025-11-27", name: "Thanksgiving Day" }]);
    expect(await recountConsentWindows(deps)(2025, { actor: systemActor("holidays") })).toBe(1);

    expect(await deps.assistance.getRequest(open)).toMatchObject({
      version: 4,
      value: {
        consentWindowClosesOn: "2025-12-03",
        consentWindowCounted: { holidaysFrom: ["ST/IC/2024/30"], yearsNotOnRecord: [] },
      },
    });
    const recount = (await entriesOf(open)).find((entry) => entry.action === "assistance.request.recount");
    expect(recount).toMatchObject({
      before: { iso3: "KEN", consentWindowClosesOn: "2025-12-02" },
      after: { iso3: "KEN", consentWindowClosesOn: "2025-12-03" },
    });
    expect(recount?.reason).toContain("its last day is 2025-12-03");
    expect(await deps.assistance.getRequest(circulated)).toEqual(circulatedBefore);
    expect((await entriesOf(circulated)).map((entry) => entry.action)).not.toContain("assistance.request.recount");
  });

  it("recounts through the API: the secretariat's PUT of a year's list moves the open window it touches", async () => {
    const open = await requestMoved("GHA", [
      ["acknowledged", "2026-11-24"],
      ["consent-window", "2026-11-24"],
    ]);
    expect((await deps.assistance.getRequest(open))?.value.consentWindowClosesOn).toBe("2026-12-01");
    const call = routerCaller(
      createRouter(lazyRoutes(assistanceModules, { ...setup, clock }), new Logger({ logLevel: "SILENT" })),
      "secretariat",
    );
    const thanksgiving = { date: "2026-11-26", name: "Thanksgiving Day" };
    const put = await call({
      method: "PUT",
      path: "/calendar/holidays/2026",
      ifMatch: '"0"',
      body: { source: "ST/IC/2025/30", days: [thanksgiving] },
    });
    expect(put.status).toBe(200);
    // Tuesday 24 November 2026: 25, (26 Thanksgiving), 27, 30 November, 1, 2 December.
    expect((await deps.assistance.getRequest(open))?.value).toMatchObject({
      consentWindowClosesOn: "2026-12-02",
      consentWindowCounted: { holidaysFrom: ["ST/IC/2025/30"], yearsNotOnRecord: [] },
    });
    const recount = (await entriesOf(open)).filter((entry) => entry.action === "assistance.request.recount");
    expect(recount.map((entry) => [entry.actor?.kind, entry.actor?.groups, entry.route])).toEqual([
      ["user", ["secretariat"], "PUT /calendar/holidays/{year}"],
    ]);
  });
});
