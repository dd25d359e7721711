// The consent window through the use cases, in memory: an acknowledgement reads the holiday lists on record once, and
// recountConsentWindows counts open windows again after a year's list is recorded, audited, retrying a write that found
// the request moved on; circulated requests and windows the year does not touch are left alone.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { recountConsentWindows } from "#shared/assistance/consent-window.ts";
import { createRequest, transitionRequest } from "#shared/assistance/requests.ts";
import type { RequestStatus } from "#shared/assistance/schemas.ts";
import { systemActor } from "#shared/auth/actor.ts";
import type { HeadquartersHolidays } from "#shared/calendar/schemas.ts";
import { PreconditionFailed } from "#shared/errors.ts";
import { aMemberState, refusal } from "../support/fixtures.ts";
import { inMemoryAssistanceDesk } from "../support/in-memory/assistance-desk.ts";

const audit = { actor: systemActor("test") };
const secretariat = { actor: systemActor("holidays") };

/** The lists on record, by year, as the store returns them. */
let onRecord: Map<number, HeadquartersHolidays>;
let desk: ReturnType<typeof inMemoryAssistanceDesk>;
const getYears = vi.fn(async (years: readonly number[]) => {
  const found = years.flatMap((year) => {
    const list = onRecord.get(year);
    return list ? [[year, list] as const] : [];
  });
  return new Map(found);
});
const deps = () => ({ ...desk, holidays: { getYears } });

const record = (year: number, source: string, ...dates: string[]) =>
  onRecord.set(year, {
    year,
    source,
    days: dates.map((date) => ({ date, name: `Holiday on ${date}` })),
    updatedAt: "2026-12-07T15:00:00.000Z",
    updatedBy: "u-1",
  });

beforeEach(async () => {
  desk = inMemoryAssistanceDesk("2026-12-07T15:00:00Z");
  onRecord = new Map();
  getYears.mockClear();
  await desk.registry.addMissingStates([{ ...aMemberState("GMB", "african", "en"), name: "Gambia" }], () => [], audit);
});

let serial = 0;
/** A request received on `receivedOn` and moved through `moves` (each [status, day]); its id. */
async function requestMoved(
  receivedOn: string,
  moves: readonly (readonly [RequestStatus, string])[],
  consented = false,
) {
  serial++;
  const created = await createRequest(deps())(
    {
      iso3: "GMB",
      areas: ["legislation"],
      description: `Export control law ${serial}`,
      receivedOn,
      symbol: `S/AC.44/2025/${serial}`,
      consentedToCirculation: consented,
    },
    audit,
  );
  for (const [index, [to, on]] of moves.entries()) {
    await transitionRequest(deps())(created.value.id, index + 1, { to, on }, audit);
  }
  return created.value.id;
}

const stored = async (id: string) => (await desk.assistance.getRequest(id))?.value;

describe("transitionRequest", () => {
  it("counts the acknowledgement's window with the lists on record for its year and the next, read once", async () => {
    record(2025, "ST/IC/2024/30", "2025-11-27");
    const id = await requestMoved("2025-11-20", [["acknowledged", "2025-11-25"]]);
    expect(await stored(id)).toMatchObject({
      consentWindowClosesOn: "2025-12-03",
      consentWindowCounted: { holidaysFrom: ["ST/IC/2024/30"], yearsNotOnRecord: [] },
    });
    expect(getYears.mock.calls).toEqual([[[2025, 2026]]]);
  });

  it("reads no holidays for any other move", async () => {
    await requestMoved("2025-11-20", [["withdrawn", "2025-11-21"]]);
    expect(getYears).not.toHaveBeenCalled();
  });
});

describe("recountConsentWindows", () => {
  it("moves an open window Thanksgiving now lengthens, audited with its new last day", async () => {
    const open = await requestMoved("2025-11-20", [
      ["acknowledged", "2025-11-25"],
      ["consent-window", "2025-11-25"],
    ]);
    expect((await stored(open))?.consentWindowClosesOn).toBe("2025-12-02");
    record(2025, "ST/IC/2024/30", "2025-11-27");

    expect(await recountConsentWindows(deps())(2025, secretariat)).toBe(1);
    expect(await desk.assistance.getRequest(open)).toMatchObject({
      version: 4,
      value: {
        status: "consent-window",
        consentWindowClosesOn: "2025-12-03",
        consentWindowCounted: { holidaysFrom: ["ST/IC/2024/30"], yearsNotOnRecord: [] },
      },
    });
    const entry = desk.trail.entries.at(-1);
    expect(entry).toMatchObject({
      action: "assistance.request.recount",
      actor: secretariat.actor,
      entity: { type: "assistance-request", id: open },
      before: { iso3: "GMB", consentWindowClosesOn: "2025-12-02" },
      after: { iso3: "GMB", consentWindowClosesOn: "2025-12-03" },
    });
    expect(entry?.reason).toContain("its last day is 2025-12-03");
    // Counted again with nothing new: nothing written.
    expect(await recountConsentWindows(deps())(2025, secretariat)).toBe(0);
  });

  it("rewrites a window whose count changed though its last day did not", async () => {
    // Acknowledged Monday 29 December 2025: the window runs into 2026, whose list is not on record.
    const crossing = await requestMoved("2025-12-22", [["acknowledged", "2025-12-29"]]);
    record(2025, "ST/IC/2024/30", "2025-12-25");
    expect(await recountConsentWindows(deps())(2025, secretariat)).toBe(1);
    expect(await stored(crossing)).toMatchObject({
      status: "acknowledged",
      consentWindowClosesOn: "2026-01-05",
      consentWindowCounted: { holidaysFrom: ["ST/IC/2024/30"], yearsNotOnRecord: [2026] },
    });
  });

  it("leaves a circulated request, and a window the year does not touch, alone", async () => {
    const circulated = await requestMoved(
      "2025-11-20",
      [
        ["acknowledged", "2025-11-25"],
        ["consent-window", "2025-11-25"],
        ["circulated", "2025-11-26"],
      ],
      true,
    );
    const earlier = await requestMoved("2024-11-20", [
      ["acknowledged", "2024-11-25"],
      ["consent-window", "2024-11-25"],
    ]);
    const before = [await desk.assistance.getRequest(circulated), await desk.assistance.getRequest(earlier)];
    record(2025, "ST/IC/2024/30", "2025-11-27");
    // 2025's list: the request acknowledged in 2024 is counted again, but its window lies in 2024 only.
    expect(await recountConsentWindows(deps())(2025, secretariat)).toBe(0);
    expect([await desk.assistance.getRequest(circulated), await desk.assistance.getRequest(earlier)]).toEqual(before);
    // 2026's list: acknowledged two years before, not even counted.
    getYears.mockClear();
    expect(await recountConsentWindows(deps())(2026, secretariat)).toBe(0);
    expect(getYears).not.toHaveBeenCalled();
  });

  it("reads a request again when its write finds it moved on, and counts it again", async () => {
    const open = await requestMoved("2025-11-20", [["acknowledged", "2025-11-25"]]);
    record(2025, "ST/IC/2024/30", "2025-11-27");
    const write = vi.fn(desk.assistance.write);
    write.mockImplementationOnce(async () => {
      throw new PreconditionFailed("Assistance request", 2, 1);
    });
    const getRequest = vi.fn(desk.assistance.getRequest);
    const racing = { ...deps(), assistance: { ...desk.assistance, write, getRequest } };

    expect(await recountConsentWindows(racing)(2025, secretariat)).toBe(1);
    expect(getRequest).toHaveBeenCalledWith(open);
    expect(write).toHaveBeenCalledTimes(2);
    expect((await stored(open))?.consentWindowClosesOn).toBe("2025-12-03");
  });

  it("gives up after three retries", async () => {
    await requestMoved("2025-11-20", [["acknowledged", "2025-11-25"]]);
    record(2025, "ST/IC/2024/30", "2025-11-27");
    const write = vi.fn(async () => {
      throw new PreconditionFailed("Assistance request", 2, 1);
    });
    const racing = { ...deps(), assistance: { ...desk.assistance, write } };
    expect(await refusal(recountConsentWindows(racing)(2025, secretariat))).toBeInstanceOf(PreconditionFailed);
    expect(write).toHaveBeenCalledTimes(4);
  });
});
