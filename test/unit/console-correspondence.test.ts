// The correspondence pages' pure parts, in Node: their hash routes, the send time a zone's wall clock names (checked
// against the API's own conversion, and refused once passed as the API refuses it), a State typed by name or code, and
// what the pages say about waves (order, counts, progress, why a letter was skipped or an owner not reached).

import { describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import type { Invalid } from "#shared/errors.ts";
import { localToInstant as apiLocalToInstant } from "#shared/waves/rules.ts";
import { createWave } from "#shared/waves/waves.ts";
import { type NamedState, noSuchState, stateOfEntry } from "../../console/src/pages/correspondence/state-entry.ts";
import {
  instantLineWords,
  isTimeZone,
  localToInstant,
  sendTimePassed,
  timeZoneChoices,
  utcText,
} from "../../console/src/pages/correspondence/time.ts";
import {
  AUDIENCE_CODES,
  countsOf,
  countsText,
  inFlightFirst,
  inFlightWords,
  isAudience,
  isFinal,
  isInFlight,
  progressOf,
  progressText,
  SKIP_REASONS,
  UNREACHED_REASONS,
  type Wave,
} from "../../console/src/pages/correspondence/wave-facts.ts";
import { inNameOrder } from "../../console/src/pages/states-order.ts";
import { href, routeOf } from "../../console/src/routes.ts";
import { audienceSchema, skipReasonSchema } from "../../shared/correspondence/schemas.ts";
import { unreachedReasonSchema } from "../../shared/correspondence/unreached.ts";
import { inMemoryAudit } from "../support/in-memory/audit.ts";
import { inMemoryTemplates } from "../support/in-memory/templates.ts";
import { inMemoryWaves } from "../support/in-memory/waves.ts";

describe("the correspondence pages' hash routes", () => {
  it("reads each page from the hash, and back", () => {
    expect(routeOf(href.templates())).toEqual({ page: "templates" });
    expect(routeOf(href.template("first-report-request-2027"))).toEqual({
      page: "template",
      id: "first-report-request-2027",
    });
    expect(routeOf(href.waves())).toEqual({ page: "waves" });
    expect(routeOf(href.wave("01JABCDEF"))).toEqual({ page: "wave", id: "01JABCDEF" });
    expect(routeOf(href.waveNew())).toEqual({ page: "wave-new", templateId: undefined });
    expect(routeOf(href.waveNew("programme-open-briefing"))).toEqual({
      page: "wave-new",
      templateId: "programme-open-briefing",
    });
  });

  it("names what it does not know", () => {
    expect(routeOf("#/waves/a/b")).toEqual({ page: "not-found", path: "/waves/a/b" });
    expect(routeOf("#/templates/a/preview")).toEqual({ page: "not-found", path: "/templates/a/preview" });
  });
});

describe("a send time in a chosen zone", () => {
  it("names the instant the API computes, across zones and both sides of a clock change", () => {
    for (const [local, zone] of [
      ["2027-03-15T09:00", "America/New_York"],
      ["2027-03-13T09:00", "America/New_York"],
      ["2027-11-07T01:30", "America/New_York"],
      ["2027-07-01T00:15", "Asia/Kathmandu"],
      ["2027-01-01T00:00", "UTC"],
      ["2027-10-31T02:30", "Europe/Zurich"],
      ["2027-06-30T23:59", "Pacific/Kiritimati"],
    ] as const) {
      expect(localToInstant(local, zone)?.toISOString(), `${local} ${zone}`).toBe(
        apiLocalToInstant(local, zone).toISOString(),
      );
    }
    expect(localToInstant("2027-03-15T09:00", "America/New_York")?.toISOString()).toBe("2027-03-15T13:00:00.000Z");
  });

  it("names no instant for a time the clocks skip, an impossible date, a bad zone or an empty field", () => {
    expect(localToInstant("2027-03-14T02:30", "America/New_York")).toBeUndefined();
    expect(() => apiLocalToInstant("2027-03-14T02:30", "America/New_York")).toThrow("does not exist");
    expect(localToInstant("2027-02-30T09:00", "UTC")).toBeUndefined();
    expect(localToInstant("2027-03-15T09:00", "Mars/Olympus")).toBeUndefined();
    expect(localToInstant("", "UTC")).toBeUndefined();
    expect(isTimeZone("Europe/Vienna")).toBe(true);
  });

  it("reads an instant in UTC", () => {
    const instant = new Date("2027-03-15T13:00:00Z");
    expect(utcText(instant)).toBe("2027-03-15 13:00 UTC");
    expect(utcText("2027-03-15T13:00:00.000Z")).toBe("2027-03-15 13:00 UTC");
  });

  it("offers New York first, and each zone once", () => {
    const choices = timeZoneChoices(["Africa/Abidjan", "America/New_York", "Europe/Vienna"]);
    expect(choices).toEqual(["America/New_York", "UTC", "Europe/Zurich", "Europe/Vienna", "Africa/Abidjan"]);
  });

  it("offers a zone by its current IANA name where the browser lists its old one, once, in order", () => {
    const browsers = ["Asia/Calcutta", "Asia/Kolkata", "Europe/Kiev", "Europe/Istanbul", "Asia/Bangkok"];
    expect(timeZoneChoices(browsers).slice(4)).toEqual([
      "Asia/Bangkok",
      "Asia/Kolkata",
      "Europe/Istanbul",
      "Europe/Kyiv",
    ]);
  });

  it("says a send time has passed exactly when POST /waves refuses it, in its zone", async () => {
    const clock = fixedClock("2026-12-06T09:30:00Z");
    const audit = { actor: systemActor("test") };
    const trail = inMemoryAudit(clock);
    const templates = inMemoryTemplates(clock, trail);
    const variant = { subject: "A letter", text: "Dear {{contact.name}}", html: "<p>Dear {{contact.name}}</p>" };
    const at = "2026-12-01T00:00:00Z";
    await templates.create(
      { id: "plain", kind: "other", variants: { en: variant }, createdAt: at, updatedAt: at },
      audit,
    );
    const create = createWave({ clock, templates, waves: inMemoryWaves(clock, trail) });
    /** The paths POST /waves's use case refuses the wave at. */
    const refusedAt = (sendAt: string, timeZone: string) =>
      create({ templateId: "plain", audience: "all-states", sendAt, timeZone, notAfter: "2026-12-31T00:00:00Z" }, audit)
        .then((): string[] => [])
        .catch((error: Invalid) => error.issues.map((issue) => issue.path));
    for (const [sendAt, timeZone] of [
      ["2026-12-06T03:00", "America/New_York"],
      ["2026-12-06T04:30", "America/New_York"],
      ["2026-12-06T04:31", "America/New_York"],
      ["2026-12-06T10:30", "Europe/Zurich"],
      ["2026-12-06T10:31", "Europe/Zurich"],
    ] as const) {
      const apiRefuses = (await refusedAt(sendAt, timeZone)).includes("body.sendAt");
      expect(sendTimePassed(sendAt, timeZone, clock.now()) !== undefined, `${sendAt} ${timeZone}`).toBe(apiRefuses);
    }
    expect(sendTimePassed("2026-12-06T03:00", "America/New_York", clock.now())).toBe(
      "2026-12-06 03:00 in America/New_York (2026-12-06 08:00 UTC) has passed: choose a later send time.",
    );
    expect(sendTimePassed("2027-03-14T02:30", "America/New_York", clock.now())).toBeUndefined();
    // In UTC the typed time is the instant: said once (audit 31, item 11).
    expect(sendTimePassed("2026-12-06T03:00", "UTC", clock.now())).toBe(
      "2026-12-06 03:00 UTC has passed: choose a later send time.",
    );
  });

  it("says below a time field the instant it names, once: nothing again in UTC, nothing a refusal says", () => {
    expect(instantLineWords("2027-03-15T09:00", "America/New_York", false, false)).toBe(
      "That is 2027-03-15 13:00 UTC.",
    );
    expect(instantLineWords("2026-12-06T03:00", "America/New_York", true, false)).toBe(
      "That is 2026-12-06 08:00 UTC, which has passed.",
    );
    expect(instantLineWords("2026-12-06T03:00", "America/New_York", true, true)).toBe("That is 2026-12-06 08:00 UTC.");
    expect(instantLineWords("2026-12-06T03:00", "UTC", true, false)).toBe("That time has passed.");
    expect(instantLineWords("2026-12-06T03:00", "UTC", true, true)).toBe("");
    expect(instantLineWords("2027-03-15T09:00", "UTC", false, false)).toBe("");
    expect(instantLineWords("2027-03-14T02:30", "America/New_York", false, false)).toMatch(/names no instant/);
  });
});

describe("a State typed where a letter is previewed", () => {
  const states: NamedState[] = [
    { iso3: "TCD", name: "Chad" },
    { iso3: "MRT", name: "Mauritania" },
    { iso3: "CIV", name: "Côte d'Ivoire" },
    { iso3: "BOL", name: "Bolivia (Plurinational State of)" },
  ];

  it("is found by its name, case, accents and punctuation aside, or by its code in any case", () => {
    expect(stateOfEntry("Mauritania", states)?.iso3).toBe("MRT");
    expect(stateOfEntry("  mauritania ", states)?.iso3).toBe("MRT");
    expect(stateOfEntry("cote d’ivoire", states)?.iso3).toBe("CIV");
    expect(stateOfEntry("Bolivia (Plurinational State of)", states)?.iso3).toBe("BOL");
    expect(stateOfEntry("mrt", states)?.iso3).toBe("MRT");
  });

  it("names none for an unknown name or code, a part of a name, or nothing, and says so plainly", () => {
    for (const entry of ["XXX", "Maur", "Atlantis", "", "  "]) expect(stateOfEntry(entry, states)).toBeUndefined();
    expect(noSuchState(" XXX ")).toBe("No Member State is named or coded “XXX”.");
  });

  it("lists the States by name", () => {
    expect(inNameOrder(states).map((state) => state.iso3)).toEqual(["BOL", "TCD", "CIV", "MRT"]);
  });
});

const wave = (id: string, status: Wave["status"], sendInstant: string): Wave => ({
  id,
  templateId: "t",
  audience: "non-reporting-states",
  sendAt: sendInstant.slice(0, 16),
  timeZone: "UTC",
  sendInstant,
  notAfter: "2030-01-01T00:00:00.000Z",
  status,
  createdAt: sendInstant,
  updatedAt: sendInstant,
});

describe("what the pages say about waves", () => {
  it("names every audience the API knows, and no other", () => {
    expect([...AUDIENCE_CODES].sort()).toEqual([...audienceSchema.options].sort());
    expect(isAudience("organizations")).toBe(true);
    expect(isAudience("everyone")).toBe(false);
  });

  it("lists the waves in flight first: sending, then scheduled soonest first, drafts, then the finished", () => {
    const waves = [
      wave("done-old", "completed", "2027-01-01T00:00:00.000Z"),
      wave("later", "scheduled", "2027-05-01T00:00:00.000Z"),
      wave("draft", "draft", "2027-06-01T00:00:00.000Z"),
      wave("sending", "dispatching", "2027-03-01T00:00:00.000Z"),
      wave("sooner", "scheduled", "2027-04-01T00:00:00.000Z"),
      wave("done-new", "completed", "2027-02-01T00:00:00.000Z"),
      wave("cancelled", "cancelled", "2027-02-01T00:00:00.000Z"),
    ];
    expect(inFlightFirst(waves).map((w) => w.id)).toEqual([
      "sending",
      "sooner",
      "later",
      "draft",
      "done-new",
      "done-old",
      "cancelled",
    ]);
    expect(waves[0]?.id).toBe("done-old");
  });

  it("tells the final statuses from those in flight", () => {
    expect(["completed", "cancelled", "halted"].every((s) => isFinal(s as Wave["status"]))).toBe(true);
    expect(isFinal("dispatching")).toBe(false);
    expect(isInFlight("scheduled") && isInFlight("dispatching")).toBe(true);
    expect(isInFlight("draft") || isInFlight("completed")).toBe(false);
  });

  it("says the counts in the ledger's order, and how many letters are settled, a skipped row being no letter", () => {
    const counts = { skipped: 2, sent: 5, queued: 3, sending: 1, delivered: 0, unreached: 1 };
    expect(countsOf(counts)).toEqual([
      ["queued", 3],
      ["sending", 1],
      ["sent", 5],
      ["skipped", 2],
      ["unreached", 1],
    ]);
    expect(countsText(counts)).toBe("3 queued, 1 sending, 5 sent");
    expect(countsText({})).toBe("no letters yet");
    expect(countsText({ skipped: 2 })).toBe("no letters yet");
    expect(progressOf(counts)).toEqual({ settled: 5, unknown: 0, written: 9 });
    expect(progressText(counts, "dispatching", true)).toBe("5 of the 9 letters written so far settled.");
    expect(progressText(counts, "halted", true)).toBe("5 of 9 letters settled so far.");
    expect(progressText({ sent: 3, skipped: 1 }, "completed", true)).toBe("3 of 3 letters settled.");
  });

  it("counts a letter whose fate is unknown as not settled, and says it may be sent again", () => {
    const allUnknown = { unknown: 2 };
    expect(progressOf(allUnknown)).toEqual({ settled: 0, unknown: 2, written: 2 });
    expect(progressText(allUnknown, "completed", true)).toBe(
      "0 of 2 letters settled; 2 are unknown (SES may or may not have taken them): an SES event may settle each " +
        "until its event window closes; then each can be sent again from its row under Letters.",
    );
    expect(progressText({ delivered: 4, unknown: 1 }, "dispatching", false)).toBe(
      "4 of the 5 letters written so far settled; 1 is unknown (SES may or may not have taken it): an SES event may " +
        "settle it until its event window closes; then the secretariat can send it again.",
    );
  });

  it("says no letter is written before a wave is dispatched", () => {
    expect(progressText({}, "scheduled", true)).toBe("No letter is written before the wave is dispatched.");
    expect(progressText({}, "cancelled", true)).toBe("No letters.");
  });

  it("names in words every reason the API gives for a skipped contact or an owner not reached", () => {
    expect(Object.keys(SKIP_REASONS).sort()).toEqual([...skipReasonSchema.options].sort());
    expect(Object.keys(UNREACHED_REASONS).sort()).toEqual([...unreachedReasonSchema.options].sort());
  });
});

describe("a wave in flight on Home (audit 35, item 12)", () => {
  const wave = {
    status: "scheduled" as const,
    sendAt: "2026-12-07T04:36",
    timeZone: "UTC",
    sendInstant: "2026-12-07T04:36:00.000Z",
  };
  it("says its status and send time until the sweep's quarter of an hour has passed", () => {
    expect(inFlightWords(wave, new Date("2026-12-07T04:50:59Z"))).toBe("scheduled, sends 2026-12-07 04:36 UTC");
    expect(inFlightWords({ ...wave, status: "dispatching" }, new Date("2026-12-07T05:30:00Z"))).toBe(
      "dispatching, sends 2026-12-07 04:36 UTC",
    );
  });

  it("says a scheduled wave its schedule missed is missed, and what its page offers", () => {
    expect(inFlightWords(wave, new Date("2026-12-07T04:51:00Z"))).toBe(
      "missed: due 2026-12-07 04:36 UTC, not dispatched (its page says what to do)",
    );
  });
});
