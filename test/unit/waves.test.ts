// The wave's rules without storage: its transition table, and local send times in IANA zones across DST changes.
import { describe, expect, it } from "vitest";
import { Conflict, IllegalTransition, Invalid } from "#shared/errors.ts";
import {
  assertSendTimeReached,
  assertWaveTransition,
  DISPATCH_CLOCK_TOLERANCE_MS,
  DispatchTooEarly,
  localToInstant,
  waveTransitions,
} from "#shared/waves/rules.ts";
import { newWaveSchema, type WaveStatus } from "#shared/waves/schemas.ts";
import { assertStaffAddress, LOCAL_STAFF_MAIL_DOMAINS, staffMailDomainsOf } from "#shared/waves/staff-domains.ts";

describe("wave transitions", () => {
  it("allows exactly draft -> scheduled -> dispatching -> completed, cancel before dispatch, halt while dispatching", () => {
    expect(waveTransitions).toEqual({
      draft: ["scheduled", "cancelled"],
      scheduled: ["dispatching", "cancelled"],
      dispatching: ["completed", "halted"],
      completed: [],
      cancelled: [],
      halted: [],
    });
  });

  it("refuses an illegal move naming the legal ones", () => {
    const refusal = (from: WaveStatus, to: WaveStatus) => {
      try {
        assertWaveTransition({ id: "W1" }, from, to);
      } catch (error) {
        return error;
      }
      return undefined;
    };
    const error = refusal("dispatching", "cancelled");
    expect(error).toBeInstanceOf(IllegalTransition);
    expect(error).toMatchObject({ from: "dispatching", to: "cancelled", allowed: ["completed", "halted"] });
    expect((error as Error).message).toBe(
      "Wave W1 cannot be cancelled: it is sending, so it can no longer be cancelled: it ends completed, or halted if " +
        "too many letters bounce",
    );
    expect(refusal("cancelled", "scheduled")).toMatchObject({ allowed: [] });
    expect(refusal("draft", "dispatching")).toBeInstanceOf(IllegalTransition);
    expect(refusal("scheduled", "cancelled")).toBeUndefined();
  });

  it("names a halted wave by its description and says why it is neither cancelled nor sent again (audit 31)", () => {
    const halted = {
      id: "01M9640KR6YRSTQCRB7PMPYQ76",
      description: "Outreach (all States)",
      haltReason: "hard bounces reached 5% of the letters out: 3 of 58 (5.2%)",
    };
    expect(() => assertWaveTransition(halted, "halted", "cancelled")).toThrow(
      'The wave "Outreach (all States)" cannot be cancelled: it halted (hard bounces reached 5% of the letters out: ' +
        "3 of 58 (5.2%)), and a halted wave sends nothing more: it is neither cancelled nor sent again. To write to " +
        'those it did not reach, write the rest of it from its page ("Write to the rest")',
    );
    expect(() => assertWaveTransition({ id: "W2" }, "completed", "scheduled")).toThrow(
      "Wave W2 cannot be scheduled: it has completed, which is final: to write again, create a new wave",
    );
  });
});

describe("sendAt in a time zone", () => {
  const instant = (local: string, zone: string) => localToInstant(local, zone).toISOString();

  it("converts with the offset in force at that local time, on both sides of a DST change", () => {
    expect(instant("2027-03-14T01:30", "America/New_York")).toBe("2027-03-14T06:30:00.000Z");
    expect(instant("2027-03-14T03:30", "America/New_York")).toBe("2027-03-14T07:30:00.000Z");
    expect(instant("2027-01-15T09:00", "Europe/Zurich")).toBe("2027-01-15T08:00:00.000Z");
    expect(instant("2027-07-15T09:00", "Europe/Zurich")).toBe("2027-07-15T07:00:00.000Z");
    expect(instant("2027-07-15T09:00", "Asia/Kolkata")).toBe("2027-07-15T03:30:00.000Z");
    expect(instant("2027-07-15T09:00", "UTC")).toBe("2027-07-15T09:00:00.000Z");
  });

  it("refuses a time the clocks skip with 422 naming the field", () => {
    let error: unknown;
    try {
      localToInstant("2027-03-14T02:30", "America/New_York");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Invalid).issues).toEqual([
      { path: "body.sendAt", message: expect.stringContaining("does not exist in America/New_York") },
    ]);
    expect(() => localToInstant("2027-03-28T02:30", "Europe/Paris")).toThrow(Invalid);
  });

  it("takes the earlier instant of a time that happens twice", () => {
    expect(instant("2027-11-07T01:30", "America/New_York")).toBe("2027-11-07T05:30:00.000Z");
  });

  it("refuses dates that are not on the calendar", () => {
    expect(() => localToInstant("2027-02-30T09:00", "UTC")).toThrow(/not a calendar date|not valid/);
    expect(() => localToInstant("2027-02-10T24:00", "UTC")).toThrow(Invalid);
  });

  it("validates the zone and the local form in the request schema", () => {
    const base = {
      templateId: "t",
      audience: "non-reporting-states",
      sendAt: "2027-03-15T09:00",
      timeZone: "America/New_York",
      notAfter: "2027-03-20T00:00:00Z",
    };
    expect(newWaveSchema.safeParse(base).success).toBe(true);
    expect(newWaveSchema.safeParse({ ...base, timeZone: "Mars/Olympus" }).success).toBe(false);
    expect(newWaveSchema.safeParse({ ...base, sendAt: "2027-03-15T09:00Z" }).success).toBe(false);
    expect(newWaveSchema.safeParse({ ...base, audience: "everyone" }).success).toBe(false);
  });
});

describe("the dispatch time guard", () => {
  const wave = { id: "W1", sendInstant: "2027-03-15T13:00:00.000Z" };
  const at = (offsetMs: number) => new Date(Date.parse(wave.sendInstant) + offsetMs);

  it("lets a dispatch run at its send time, after it, or within the clock tolerance before it", () => {
    expect(() => assertSendTimeReached(wave, at(0))).not.toThrow();
    expect(() => assertSendTimeReached(wave, at(59_000))).not.toThrow();
    expect(() => assertSendTimeReached(wave, at(-DISPATCH_CLOCK_TOLERANCE_MS))).not.toThrow();
  });

  it("refuses an earlier dispatch with a 409 naming the send time", () => {
    for (const early of [-DISPATCH_CLOCK_TOLERANCE_MS - 1, -60_000, -3_600_000]) {
      let error: unknown;
      try {
        assertSendTimeReached(wave, at(early));
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(DispatchTooEarly);
      expect(error).toBeInstanceOf(Conflict);
      expect((error as Error).message).toContain("sends at 2027-03-15T13:00:00.000Z");
    }
  });
});

describe("the staff mail domains of test copies", () => {
  it("come from STAFF_MAIL_DOMAINS, trimmed and in lower case, or the local default when it is unset", () => {
    expect(staffMailDomainsOf({ STAFF_MAIL_DOMAINS: " UN.org, desk.un.org " })).toEqual(["un.org", "desk.un.org"]);
    expect(staffMailDomainsOf({})).toEqual(LOCAL_STAFF_MAIL_DOMAINS);
    expect(() => staffMailDomainsOf({ STAFF_MAIL_DOMAINS: "un.org,*@evil.example" })).toThrow("*@evil.example");
    expect(() => staffMailDomainsOf({ STAFF_MAIL_DOMAINS: "un.org,," })).toThrow("STAFF_MAIL_DOMAINS");
  });

  it("admit an address whose domain is listed exactly, and refuse any other with 422 at body.to", () => {
    expect(() => assertStaffAddress("officer@un.org", ["un.org"])).not.toThrow();
    for (const address of ["officer@un.org.evil.example", "officer@mail.un.org", "officer@gmail.com"]) {
      let refusal: unknown;
      try {
        assertStaffAddress(address, ["un.org"]);
      } catch (error) {
        refusal = error;
      }
      expect(refusal, address).toBeInstanceOf(Invalid);
      expect(refusal).toMatchObject({ issues: [{ path: "body.to", message: expect.stringContaining("(un.org)") }] });
    }
  });
});
