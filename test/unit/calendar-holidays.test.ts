// UN Headquarters holidays recorded a year at a time (shared/calendar/holidays.ts), on the in-memory store: a year
// not on record is said in words, each day the year cannot hold is refused at its path with nothing stored, the list
// is kept in date order, the list as stored sent again writes nothing, and a change is audited with what it changed.
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "#shared/auth/actor.ts";
import { headquartersHolidays } from "#shared/calendar/holidays.ts";
import { fixedClock } from "#shared/clock.ts";
import { Invalid, NotFound, PreconditionFailed } from "#shared/errors.ts";
import { inMemoryHolidayStore } from "../support/in-memory/holidays.ts";

const officer: Actor = { kind: "user", id: "sub-officer", username: "officer@desk.example", groups: ["secretariat"] };
const audit = { actor: officer, route: "PUT /calendar/holidays/{year}" };

const THANKSGIVING = { date: "2026-11-26", name: "Thanksgiving Day" };
const NEW_YEAR = { date: "2026-01-01", name: "New Year's Day" };
const CHRISTMAS = { date: "2026-12-25", name: "Christmas Day" };
const circular2026 = { source: "ST/IC/2025/30", days: [THANKSGIVING, NEW_YEAR, CHRISTMAS] };

let clock: ReturnType<typeof fixedClock>;
let store: ReturnType<typeof inMemoryHolidayStore>;
let holidays: ReturnType<typeof headquartersHolidays>;
/** The years whose open consent windows each put had counted again, in order. */
let recounted: number[];

beforeEach(() => {
  clock = fixedClock("2026-12-07T15:00:00Z");
  store = inMemoryHolidayStore(clock);
  recounted = [];
  holidays = headquartersHolidays({
    store,
    clock,
    recountWindows: async (year) => {
      recounted.push(year);
      return 0;
    },
  });
});

const refusal = (promise: Promise<unknown>) => promise.catch((error: unknown) => error);

describe("a year's UN Headquarters holidays", () => {
  it("says in words that a year not on record is to be recorded from its circular", async () => {
    const error = await refusal(holidays.get(2027));
    expect(error).toBeInstanceOf(NotFound);
    expect((error as Error).message).toBe(
      "The 2027 UN Headquarters holidays are not on record: record them from the year's information circular",
    );
  });

  it("records a new year at If-Match 0, its days in date order, by whom and when", async () => {
    const put = await holidays.put(2026, circular2026, 0, audit);
    expect(put).toMatchObject({ version: 1, changed: true });
    const expected = {
      year: 2026,
      source: "ST/IC/2025/30",
      days: [NEW_YEAR, THANKSGIVING, CHRISTMAS],
      updatedAt: "2026-12-07T15:00:00.000Z",
      updatedBy: "officer@desk.example",
    };
    expect(put.holidays).toEqual(expected);
    expect(await holidays.get(2026)).toEqual({ holidays: expected, version: 1 });
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
    ["the same date twice", { ...NEW_YEAR, name: "New Year" }, "is already given for New Year's Day"],
  ])("refuses %s with 422 at its path and stores nothing", async (_, day, message) => {
    const error = await refusal(holidays.put(2026, { ...circular2026, days: [NEW_YEAR, THANKSGIVING, day] }, 0, audit));
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Invalid).issues).toEqual([{ path: "body.days.2.date", message }]);
    expect(await store.get(2026)).toBeUndefined();
    expect(store.audit.entries).toEqual([]);
  });

  it("refuses a source that is no circular's symbol at body.source, and tells each bad day at once", async () => {
    const noSymbol = await refusal(holidays.put(2026, { ...circular2026, source: "the 2026 list" }, 0, audit));
    expect((noSymbol as Invalid).issues.map((issue) => issue.path)).toEqual(["body.source"]);
    const twoBad = await refusal(
      holidays.put(
        2026,
        {
          ...circular2026,
          days: [{ ...NEW_YEAR, date: "2025-12-31" }, THANKSGIVING, { ...CHRISTMAS, date: "2026-12-26" }],
        },
        0,
        audit,
      ),
    );
    expect((twoBad as Invalid).issues).toEqual([
      { path: "body.days.0.date", message: "is in 2025, not 2026" },
      { path: "body.days.2.date", message: "is a Saturday: give the day observed at Headquarters" },
    ]);
    expect(await store.get(2026)).toBeUndefined();
    expect(recounted).toEqual([]);
  });

  it("writes nothing for the list as stored, sent again in another order at its version", async () => {
    const first = await holidays.put(2026, circular2026, 0, audit);
    clock.advance(60_000);
    const again = await holidays.put(2026, { ...circular2026, days: [CHRISTMAS, NEW_YEAR, THANKSGIVING] }, 1, audit);
    expect(again).toEqual({ holidays: first.holidays, version: 1, changed: false });
    expect(store.audit.entries).toHaveLength(1);
    // Counted again both times: a resend after a recount that failed half-way puts the windows right.
    expect(recounted).toEqual([2026, 2026]);
  });

  it("refuses a stale or unknown If-Match with 412 naming the current ETag, and changes nothing", async () => {
    const early = await refusal(holidays.put(2026, circular2026, 1, audit));
    expect((early as PreconditionFailed).currentEtag).toBe('"0"');
    await holidays.put(2026, circular2026, 0, audit);
    await holidays.put(2026, { ...circular2026, days: [NEW_YEAR] }, 1, audit);
    const stale = await refusal(holidays.put(2026, circular2026, 1, audit));
    expect(stale).toBeInstanceOf(PreconditionFailed);
    expect((stale as PreconditionFailed).currentEtag).toBe('"2"');
    expect((await holidays.get(2026)).holidays.days).toEqual([NEW_YEAR]);
    expect(recounted).toEqual([2026, 2026]);
  });

  it("audits a change with the circular and the days it added and removed", async () => {
    await holidays.put(2026, circular2026, 0, audit);
    const amended = {
      source: "ST/IC/2025/30/Amend.1",
      days: [NEW_YEAR, { date: "2026-11-26", name: "Thanksgiving" }, { date: "2026-05-27", name: "Id al-Adha" }],
    };
    expect((await holidays.put(2026, amended, 1, audit)).changed).toBe(true);
    const [created, changed] = store.audit.entries;
    expect(created).toMatchObject({
      action: "holidays.put",
      entity: { type: "holidays", id: "2026" },
      after: { source: "ST/IC/2025/30", days: [NEW_YEAR, THANKSGIVING, CHRISTMAS] },
    });
    expect(created?.before).toBeUndefined();
    expect(changed).toMatchObject({
      actor: officer,
      route: "PUT /calendar/holidays/{year}",
      before: { source: "ST/IC/2025/30", days: [THANKSGIVING, CHRISTMAS] },
      after: {
        source: "ST/IC/2025/30/Amend.1",
        days: [
          { date: "2026-05-27", name: "Id al-Adha" },
          { date: "2026-11-26", name: "Thanksgiving" },
        ],
      },
    });
  });

  it("lists the years on record in ascending order", async () => {
    await holidays.put(2026, circular2026, 0, audit);
    await holidays.put(
      2025,
      { source: "ST/IC/2024/31", days: [{ date: "2025-11-27", name: "Thanksgiving Day" }] },
      0,
      audit,
    );
    expect((await holidays.list()).map(({ year, source }) => [year, source])).toEqual([
      [2025, "ST/IC/2024/31"],
      [2026, "ST/IC/2025/30"],
    ]);
  });
});
