import { describe, expect, it } from "vitest";
import { fixedClock } from "#shared/clock.ts";
import { isStale, obligationStatusFor, pocCoverage, staleBefore } from "#shared/contacts/poc-coverage.ts";
import type { Contact } from "#shared/contacts/schemas.ts";
import { demoContacts, demoFigures } from "#shared/contacts/seed-demo.ts";
import { loadOrganizations } from "#shared/organizations/catalogue.ts";
import { loadMemberStates } from "#shared/registry/member-states.ts";

const clock = fixedClock("2026-11-27T09:00:00Z");

function contact(overrides: Partial<Contact> = {}): Contact {
  return {
    id: "01JA0000000000000000000000",
    owner: "STATE:FRA",
    role: "capital-poc",
    name: "Robin Placeholder",
    email: "poc.fra@example.org",
    language: "fr",
    designatedOn: "2020-01-01",
    lastVerifiedOn: "2026-06-01",
    emailStatus: "ok",
    active: true,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    ...overrides,
  };
}

describe("the point-of-contact view", () => {
  it("is missing without an active capital or mission contact", () => {
    expect(pocCoverage([], clock).view).toBe("missing");
    expect(pocCoverage([contact({ active: false, deactivatedOn: "2026-02-01" })], clock).view).toBe("missing");
    // A provider-poc speaks for assistance, not for the State's 1540 point of contact.
    expect(pocCoverage([contact({ role: "provider-poc" })], clock).view).toBe("missing");
  });

  it("is unreachable when no active contact has a working address", () => {
    const coverage = pocCoverage(
      [contact({ emailStatus: "bounced" }), contact({ role: "mission-poc", emailStatus: "suppressed" })],
      clock,
    );
    expect(coverage).toMatchObject({
      view: "unreachable",
      activeContacts: 2,
      reachableContacts: 0,
      currentContacts: 0,
    });
    expect(coverage.lastVerifiedOn).toBeUndefined();
  });

  it("is stale when the reachable contacts were all verified more than 12 months ago", () => {
    const coverage = pocCoverage(
      [contact({ lastVerifiedOn: "2025-11-26" }), contact({ emailStatus: "complained", lastVerifiedOn: "2026-11-01" })],
      clock,
    );
    expect(coverage).toMatchObject({ view: "stale", reachableContacts: 1, lastVerifiedOn: "2025-11-26" });
  });

  it("is current when one reachable contact was verified within 12 months, the anniversary day included", () => {
    expect(pocCoverage([contact({ lastVerifiedOn: "2025-11-27" })], clock)).toMatchObject({
      view: "current",
      evaluatedOn: "2026-11-27",
      staleBefore: "2025-11-27",
      currentContacts: 1,
    });
    const mixed = pocCoverage(
      [contact({ lastVerifiedOn: "2020-01-01" }), contact({ role: "mission-poc", lastVerifiedOn: "2026-11-27" })],
      clock,
    );
    expect(mixed).toMatchObject({
      view: "current",
      currentContacts: 1,
      reachableContacts: 2,
      lastVerifiedOn: "2026-11-27",
    });
  });

  it("is judged on the desk's day in New York, not UTC's", () => {
    // 21:00 on Sunday 31 May 2027 in New York, already 1 June in UTC: a verification of 31 May 2026 still counts.
    const evening = fixedClock("2027-06-01T01:00:00Z");
    const coverage = pocCoverage([contact({ lastVerifiedOn: "2026-05-31" })], evening);
    expect(coverage).toMatchObject({ view: "current", evaluatedOn: "2027-05-31", staleBefore: "2026-05-31" });
  });

  it("moves with the clock alone", () => {
    const moving = fixedClock("2027-05-31T12:00:00Z");
    const verified = [contact({ lastVerifiedOn: "2026-05-31" })];
    expect(pocCoverage(verified, moving).view).toBe("current");
    moving.advance(24 * 3600 * 1000);
    expect(pocCoverage(verified, moving).view).toBe("stale");
  });

  it("counts 12 calendar months back, 29 February falling back to the 28th", () => {
    expect(staleBefore("2026-11-27")).toBe("2025-11-27");
    expect(staleBefore("2028-02-29")).toBe("2027-02-28");
    expect(staleBefore("2026-01-01")).toBe("2025-01-01");
    expect(isStale(contact({ lastVerifiedOn: "2027-02-27" }), staleBefore("2028-02-29"))).toBe(true);
    expect(isStale(contact({ lastVerifiedOn: "2020-01-01", active: false }), "2025-01-01")).toBe(false);
  });

  it("fulfils the obligation exactly while current", () => {
    expect(obligationStatusFor("current")).toBe("fulfilled");
    for (const view of ["stale", "unreachable", "missing"] as const)
      expect(obligationStatusFor(view)).toBe("outstanding");
  });
});

describe("the demo contacts", () => {
  const states = loadMemberStates();
  const organizations = loadOrganizations();
  const contacts = demoContacts(states, organizations, "2026-11-27", "2026-11-27T09:00:00.000Z");

  it("match the public figure of 123 States with a point of contact, with stale and unreachable ones", () => {
    const views = { current: 0, stale: 0, unreachable: 0, missing: 0 };
    for (const state of states) {
      views[
        pocCoverage(
          contacts.filter((c) => c.owner === `STATE:${state.iso3}`),
          clock,
        ).view
      ]++;
    }
    expect(views).toEqual({
      current: demoFigures.current,
      stale: demoFigures.stale,
      unreachable: demoFigures.unreachable,
      missing: 193 - demoFigures.statesWithContact,
    });
    expect(demoFigures.current + demoFigures.stale + demoFigures.unreachable).toBe(123);
  });

  it("are fictional, at reserved example domains, unique by address and id, and marked demo", () => {
    expect(new Set(contacts.map((c) => c.email)).size).toBe(contacts.length);
    expect(new Set(contacts.map((c) => c.id)).size).toBe(contacts.length);
    for (const c of contacts) {
      expect(c).toMatchObject({ demo: true });
      expect(c.email).toMatch(
        c.role === "permanent-mission" ? /^mission@[a-z]{3}-mission\.example$/ : /^[a-z0-9.-]+@example\.org$/,
      );
      expect(c.phone).toMatch(/^\+1 212 555 01\d\d$/);
      expect(c.id).toMatch(/^[0-9A-Z]{26}$/);
      expect(c.lastVerifiedOn >= c.designatedOn).toBe(true);
    }
    for (const organization of organizations) {
      expect(
        contacts.filter((c) => c.owner === `ORG:${organization.id}` && c.role === "organization-poc"),
      ).toHaveLength(1);
    }
  });

  it("give every State one reachable Permanent Mission in its language, which no coverage counts", () => {
    for (const state of states) {
      const missions = contacts.filter((c) => c.owner === `STATE:${state.iso3}` && c.role === "permanent-mission");
      expect(missions, state.iso3).toMatchObject([
        {
          active: true,
          emailStatus: "ok",
          language: state.language,
          email: `mission@${state.iso3.toLowerCase()}-mission.example`,
        },
      ]);
      expect(pocCoverage(missions, clock)).toMatchObject({ view: "missing", activeContacts: 0 });
    }
  });

  it("name each Mission as a sentence names its State (audit 36: not 'of Russian Federation')", () => {
    const missionOf = (iso3: string) =>
      contacts.find((c) => c.owner === `STATE:${iso3}` && c.role === "permanent-mission")?.name;
    expect(missionOf("RUS")).toBe("Permanent Mission of the Russian Federation to the United Nations");
    expect(missionOf("IRN")).toBe("Permanent Mission of the Islamic Republic of Iran to the United Nations");
    expect(missionOf("TCD")).toBe("Permanent Mission of Chad to the United Nations");
  });
});
