// The snapshot of the public-status seed (the registry and the demo submissions, as the local stack seeds them)
// reports the Committee's published figures: 185 of 193 reported, the 8 non-reporting States by name,
// 124 States with additional information, 48 action plans from 39 States.
import { Logger } from "@aws-lambda-powertools/logger";
import { beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { publicStatus } from "#shared/reporting/public-status.ts";
import { seedDemoSubmissions } from "#shared/reporting/seed-demo.ts";
import { snapshotDependencies, takeSnapshot } from "#shared/snapshots/snapshots.ts";
import { createSnapshotHandler } from "../../functions/snapshot/app.ts";
import { freshTables } from "./fresh-tables.ts";

// The quarterly schedule fires at 00:30 on 1 January in New York: the quarter just ended is 2025-Q4.
const clock = fixedClock("2026-01-01T05:30:00.000Z");
let deps: ReturnType<typeof snapshotDependencies>;

beforeAll(async () => {
  const setup = await freshTables();
  await seedRegistry(setup.doc, setup.tableNames, clock);
  await seedDemoSubmissions(setup.doc, setup.tableNames, clock);
  deps = snapshotDependencies(setup.doc, setup.tableNames, clock);
}, 180_000);

describe("the snapshot of the public-status seed", () => {
  it("reports the published reporting status, additional information and action plans", async () => {
    const handler = createSnapshotHandler({ ...deps, logger: new Logger({ logLevel: "SILENT" }) });
    expect(await handler({})).toEqual({ period: "2025-Q4", created: true, reported: 185, nonReporting: 8 });

    const snapshot = await deps.snapshots.get("2025-Q4");
    expect(snapshot?.reporting).toMatchObject({ memberStates: 193, reported: 185, nonReporting: 8 });
    expect(snapshot?.reporting.reportedStates).toHaveLength(185);
    expect(snapshot?.reporting.nonReportingStates).toEqual([...publicStatus.nonReportingStates].sort());
    const names = new Map(snapshot?.states.map((state) => [state.iso3, state.name]));
    expect(snapshot?.reporting.nonReportingStates.map((iso3) => names.get(iso3))).toEqual([
      "Guinea",
      "Gambia",
      "Mali",
      "Mauritania",
      "Democratic People's Republic of Korea",
      "Somalia",
      "Eswatini",
      "Chad",
    ]);
    // Seven in the African Group, the DPRK in Asia-Pacific.
    const african = snapshot?.reporting.byRegion.find((row) => row.region === "african");
    expect(african?.nonReportingStates).toEqual(["GIN", "GMB", "MLI", "MRT", "SOM", "SWZ", "TCD"]);
    expect(snapshot?.additionalInformation).toMatchObject({ states: 124, documents: 124 });
    expect(snapshot?.additionalInformation.stateList).toHaveLength(124);
    expect(snapshot?.actionPlans).toMatchObject({ plans: 48, states: 39 });
    expect(snapshot?.actionPlans.stateList).toHaveLength(39);
  });

  it("counts only what had arrived by the end of an earlier quarter", async () => {
    const { snapshot } = await takeSnapshot(deps)({ period: "2018-Q4" }, { actor: systemActor("test") });
    // Every demo first report is dated 2004-2012; additional information runs to 2023, revised plans from 2019.
    expect(snapshot.reporting.reported).toBe(185);
    expect(snapshot.additionalInformation.states).toBeLessThan(124);
    expect(snapshot.actionPlans).toMatchObject({ plans: 39, states: 39 });
  });
});
