// UN Headquarters holidays in DynamoDB Local through the assistance group's routes: a year not on record in words, a
// year recorded with If-Match "0", a stale ETag refused, each day the year cannot hold refused at its path with nothing
// stored, the list as stored sent again writing nothing, a change audited with what it changed, the PUT the
// secretariat's alone, and the years listed in order (not taken for a personal calendar feed's address).
import { Logger } from "@aws-lambda-powertools/logger";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "#shared/clock.ts";
import { lazyRoutes } from "#shared/http/route.ts";
import { createRouter } from "#shared/http/router.ts";
import { assistanceModules } from "../../functions/api/assistance.ts";
import { routerCaller } from "../support/api-event.ts";
import { freshTables } from "./fresh-tables.ts";

const clock = fixedClock("2026-12-07T15:00:00Z");
let setup: Awaited<ReturnType<typeof freshTables>>;
let call: ReturnType<typeof routerCaller>;

beforeEach(async () => {
  setup = await freshTables();
  call = routerCaller(
    createRouter(lazyRoutes(assistanceModules, { ...setup, clock }), new Logger({ logLevel: "SILENT" })),
    "secretariat",
  );
});

async function auditOf(year: number) {
  const trail = await setup.doc.send(
    new QueryCommand({
      TableName: setup.tableNames.audit,
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": `holidays#${year}` },
    }),
  );
  return trail.Items ?? [];
}

const NEW_YEAR = { date: "2026-01-01", name: "New Year's Day" };
const THANKSGIVING = { date: "2026-11-26", name: "Thanksgiving Day" };
const CHRISTMAS = { date: "2026-12-25", name: "Christmas Day" };
const circular2026 = { source: "ST/IC/2025/30", days: [CHRISTMAS, NEW_YEAR, THANKSGIVING] };
const PATH = "/calendar/holidays/2026";

describe("UN Headquarters holidays through the API", () => {
  it("says a year not on record in words (404), then records it with If-Match 0, in date order", async () => {
    const missing = await call({ path: PATH, group: "members" });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({
      detail: "The 2026 UN Headquarters holidays are not on record: record them from the year's information circular",
    });
    const put = await call({ method: "PUT", path: PATH, ifMatch: '"0"', body: circular2026 });
    expect(put.status).toBe(200);
    expect(put.etag).toBe('"1"');
    const read = await call({ path: PATH, group: "experts" });
    expect(read.etag).toBe('"1"');
    expect(read.body).toEqual({
      year: 2026,
      source: "ST/IC/2025/30",
      days: [NEW_YEAR, THANKSGIVING, CHRISTMAS],
      updatedAt: "2026-12-07T15:00:00.000Z",
      updatedBy: "secretariat-user",
    });
  });

  it("refuses a stale If-Match with 412 and the current ETag, and changes nothing", async () => {
    await call({ method: "PUT", path: PATH, ifMatch: '"0"', body: circular2026 });
    await call({ method: "PUT", path: PATH, ifMatch: '"1"', body: { ...circular2026, days: [NEW_YEAR] } });
    const stale = await call({ method: "PUT", path: PATH, ifMatch: '"1"', body: circular2026 });
    expect(stale.status).toBe(412);
    expect(stale.etag).toBe('"2"');
    expect((await call({ path: PATH })).body).toMatchObject({ days: [NEW_YEAR] });
    expect(await auditOf(2026)).toHaveLength(2);
  });

  it.each([
    ["a day of another year", { date: "2027-01-01", name: "New Year's Day" }, "is in 2027, not 2026"],
    [
      "a Sunday",
      { date: "2026-07-05", name: "Independence Day" },
      "is a Sunday: give the day observed at Headquarters",
    ],
    [
      "a Saturday",
      { date: "2026-07-04", name: "Independence Day" },
      "is a Saturday: give the day observed at Headquarters",
    ],
    ["the same date twice", NEW_YEAR, "is already given for New Year's Day"],
  ])("refuses %s with 422 at its path, storing and auditing nothing", async (_, day, message) => {
    const answer = await call({
      method: "PUT",
      path: PATH,
      ifMatch: '"0"',
      body: { ...circular2026, days: [NEW_YEAR, THANKSGIVING, day] },
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ errors: [{ path: "body.days.2.date", message }] });
    expect((await call({ path: PATH })).status).toBe(404);
    expect(await auditOf(2026)).toEqual([]);
  });

  it("writes nothing for the list as stored, sent again: same ETag, no audit entry", async () => {
    await call({ method: "PUT", path: PATH, ifMatch: '"0"', body: circular2026 });
    clock.advance(60_000);
    const again = await call({ method: "PUT", path: PATH, ifMatch: '"1"', body: circular2026 });
    expect(again.status).toBe(200);
    expect(again.etag).toBe('"1"');
    expect(again.body).toMatchObject({ updatedAt: "2026-12-07T15:00:00.000Z" });
    expect(await auditOf(2026)).toHaveLength(1);
  });

  it("audits a change in the same write, with the circular and the days added and removed", async () => {
    await call({ method: "PUT", path: PATH, ifMatch: '"0"', body: circular2026 });
    const amended = { source: "ST/IC/2025/30/Amend.1", days: [NEW_YEAR, THANKSGIVING] };
    expect((await call({ method: "PUT", path: PATH, ifMatch: '"1"', body: amended })).etag).toBe('"2"');
    const entries = await auditOf(2026);
    expect(entries).toHaveLength(2);
    expect(entries.at(-1)).toMatchObject({
      action: "holidays.put",
      entity: { type: "holidays", id: "2026" },
      route: "PUT /calendar/holidays/{year}",
      before: { source: "ST/IC/2025/30", days: [CHRISTMAS] },
      after: { source: "ST/IC/2025/30/Amend.1", days: [] },
    });
  });

  it("lets only the secretariat record a year (403 for members and experts)", async () => {
    for (const group of ["members", "experts"] as const) {
      const answer = await call({ method: "PUT", path: PATH, ifMatch: '"0"', body: circular2026, group });
      expect(answer.status, group).toBe(403);
    }
    expect(await auditOf(2026)).toEqual([]);
  });

  it("lists the years on record in ascending order, to every group", async () => {
    await call({ method: "PUT", path: PATH, ifMatch: '"0"', body: circular2026 });
    const thanksgiving2025 = { source: "ST/IC/2024/31", days: [{ date: "2025-11-27", name: "Thanksgiving Day" }] };
    await call({ method: "PUT", path: "/calendar/holidays/2025", ifMatch: '"0"', body: thanksgiving2025 });
    const list = await call({ path: "/calendar/holidays", group: "members" });
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({
      years: [
        { year: 2025, source: "ST/IC/2024/31", days: thanksgiving2025.days },
        { year: 2026, source: "ST/IC/2025/30", days: [NEW_YEAR, THANKSGIVING, CHRISTMAS] },
      ],
    });
  });
});
