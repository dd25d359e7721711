// The console's point-of-contact standing (home's coverage, the organizations list) against the API's own rule
// (shared/contacts/poc-coverage.ts): for every set of up to two active contacts, working or not, stale or not, the
// console reads from the listed contacts what GET /states/{iso3}/point-of-contact derives.
import { describe, expect, it } from "vitest";
import { POC_LABELS, pocViewOf } from "../../console/src/pages/poc-view.ts";
import { fixedClock } from "../../shared/clock.ts";
import { pocCoverage } from "../../shared/contacts/poc-coverage.ts";
import type { Contact } from "../../shared/contacts/schemas.ts";

const clock = fixedClock("2026-12-06T12:00:00Z");

interface Shape {
  emailStatus: Contact["emailStatus"];
  stale: boolean;
}

/** A contact as the API stores it, verified within 12 months unless stale. */
const stored = (shape: Shape, index: number): Contact =>
  ({
    id: `c${index}`,
    owner: "STATE:MLI",
    role: "capital-poc",
    name: "Ada Testperson",
    email: `ada${index}@example.org`,
    language: "fr",
    designatedOn: "2020-01-01",
    lastVerifiedOn: shape.stale ? "2025-01-01" : "2026-06-01",
    emailStatus: shape.emailStatus,
    active: true,
    createdAt: "2020-01-01T00:00:00.000Z",
    updatedAt: "2026-06-01T00:00:00.000Z",
  }) as Contact;

const shapes: Shape[] = (["ok", "bounced", "complained", "suppressed"] as const).flatMap((emailStatus) => [
  { emailStatus, stale: false },
  { emailStatus, stale: true },
]);
const sets: Shape[][] = [
  [],
  ...shapes.map((one) => [one]),
  ...shapes.flatMap((one) => shapes.map((two) => [one, two])),
];

describe("a point of contact's standing in the console", () => {
  it("is the API's view for every set of up to two active contacts", () => {
    for (const set of sets) {
      const api = pocCoverage(set.map(stored), clock).view;
      expect(pocViewOf(set), JSON.stringify(set)).toBe(api);
    }
    // Every view is met, so none of the comparisons above is vacuous.
    expect(new Set(sets.map((set) => pocViewOf(set)))).toEqual(new Set(Object.keys(POC_LABELS)));
  });
});
