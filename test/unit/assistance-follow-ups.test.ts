// When a request's one-year follow-up counts as written (shared/assistance/follow-ups.ts): the one rule the follow-up
// audience, its letters and the pending-assistance report share.
import { describe, expect, it } from "vitest";
import {
  followedUpOn,
  followUpOwed,
  followUpsOwedBy,
  lettersOfStatesDue,
  type StateLetter,
} from "#shared/assistance/follow-ups.ts";
import type { AssistanceRequest } from "#shared/assistance/schemas.ts";

const DUE = { followUpDueOn: "2027-02-10" };
const letter = (changes: Partial<StateLetter> = {}): StateLetter => ({
  kind: "assistance-follow-up",
  status: "sent",
  on: "2027-02-15",
  ...changes,
});

describe("followedUpOn", () => {
  it("is the first day a follow-up letter sent or delivered to the State on or after the due day", () => {
    expect(followedUpOn(DUE, [letter({ on: "2027-03-01" }), letter({ status: "delivered", on: "2027-02-10" })])).toBe(
      "2027-02-10",
    );
  });

  it("counts a letter its recipient reported as spam: SES reports a complaint only for a letter delivered", () => {
    expect(followedUpOn(DUE, [letter({ status: "complained", on: "2027-02-12" })])).toBe("2027-02-12");
    expect(followUpOwed(DUE, "2027-03-01", [letter({ status: "complained" })])).toBe(false);
    expect(followUpOwed(DUE, "2027-03-01", [letter({ status: "bounced" })])).toBe(true);
  });

  it("leaves out letters that did not leave: unknown (it may never have gone), bounced, queued, failed", () => {
    for (const status of ["unknown", "bounced", "queued", "failed", "skipped", "expired"] as const) {
      expect(followedUpOn(DUE, [letter({ status })]), status).toBeUndefined();
    }
  });

  it("leaves out letters of another kind, of no known kind, and follow-up letters before the due day", () => {
    expect(followedUpOn(DUE, [letter({ kind: "provider-offer-update" }), letter({ kind: undefined })])).toBeUndefined();
    expect(followedUpOn(DUE, [letter({ on: "2027-02-09" })])).toBeUndefined();
  });

  it("is undefined for a request never circulated", () => {
    expect(followedUpOn({}, [letter()])).toBeUndefined();
  });
});

describe("followUpOwed and followUpsOwedBy", () => {
  it("is owed from the due day on, until a follow-up letter leaves", () => {
    expect(followUpOwed(DUE, "2027-02-09", [])).toBe(false);
    expect(followUpOwed(DUE, "2027-02-10", [])).toBe(true);
    expect(followUpOwed(DUE, "2027-03-10", [letter()])).toBe(false);
    expect(followUpOwed({}, "2027-03-10", [])).toBe(false);
  });

  it("reads the letters of the States with a request due only, and groups what is owed by State", async () => {
    const request = (id: string, iso3: string, followUpDueOn?: string) =>
      ({ id, iso3, receivedOn: "2025-12-01", ...(followUpDueOn ? { followUpDueOn } : {}) }) as AssistanceRequest;
    const read: string[] = [];
    const owed = await followUpsOwedBy(
      [
        request("KEN-2", "KEN", "2027-03-05"),
        request("KEN-1", "KEN", "2027-02-01"),
        request("NGA-1", "NGA", "2027-02-01"),
        request("PHL-1", "PHL", "2027-06-30"),
        request("FJI-1", "FJI"),
      ],
      "2027-03-10",
      async (iso3) => {
        read.push(iso3);
        return iso3 === "NGA" ? [letter()] : [];
      },
    );
    expect(read).toEqual(["KEN", "NGA"]);
    expect([...owed].map(([iso3, requests]) => [iso3, requests.map((request) => request.id)])).toEqual([
      ["KEN", ["KEN-1", "KEN-2"]],
    ]);
  });
});

describe("lettersOfStatesDue", () => {
  it("reads only the States with a follow-up due by the day, each from its earliest due day", async () => {
    const read: [string, string][] = [];
    const letters = await lettersOfStatesDue(
      [
        { iso3: "NGA", followUpDueOn: "2027-03-05" },
        { iso3: "NGA", followUpDueOn: "2027-02-01" },
        { iso3: "KEN", followUpDueOn: "2027-02-10" },
        { iso3: "KEN", followUpDueOn: "2027-06-30" },
        { iso3: "PHL", followUpDueOn: "2027-06-30" },
        { iso3: "FJI" },
      ],
      "2027-03-10",
      async (iso3, since) => {
        read.push([iso3, since]);
        return [letter()];
      },
    );
    expect(read).toEqual([
      ["KEN", "2027-02-10"],
      ["NGA", "2027-02-01"],
    ]);
    expect([...letters.keys()].sort()).toEqual(["KEN", "NGA"]);
  });
});
