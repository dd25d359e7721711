// A State's and an organization's whole audit trail on the console's audit-trail page
// (console/src/pages/audit-trail-query.ts): the filters as the URL keeps them, the route that reads them, the
// combinations the API cannot answer refused at their fields, the API's refusal of an owner put at the owner's field,
// and whose trail it is in words.
import { describe, expect, it } from "vitest";
import type { components } from "../../console/src/api/schema";
import {
  AUDIT_PAGE_SIZE,
  auditFiltersOf,
  auditRead,
  auditTrailHref,
  conflictOf,
  coverageWords,
  refusalAtFields,
  trailTitle,
} from "../../console/src/pages/audit-trail-query.ts";
import { routeOf } from "../../console/src/routes.ts";

type Problem = components["schemas"]["Problem"];

const names = new Map([
  ["STATE:MLI", "Mali"],
  ["ORG:iaea", "International Atomic Energy Agency"],
]);

const filtersAt = (link: string) => {
  const route = routeOf(link);
  return route.page === "audit" ? auditFiltersOf(route.query) : undefined;
};

describe("an owner's whole trail in the URL", () => {
  it("opens Mali's whole trail from #/audit?state=MLI, the code in capitals however typed", () => {
    expect(auditTrailHref({ state: "MLI" })).toBe("#/audit?state=MLI");
    expect(filtersAt("#/audit?state=MLI")).toEqual({ state: "MLI" });
    expect(filtersAt("#/audit?state=%20mli%20")).toEqual({ state: "MLI" });
    expect(auditTrailHref({ state: "mli", from: "2026-01-01" })).toBe("#/audit?state=MLI&from=2026-01-01");
    // What is no code is kept as typed, for the API's own words at the field.
    expect(filtersAt("#/audit?state=ML1")).toEqual({ state: "ML1" });
  });

  it("opens an organization's whole trail from #/audit?organization=<id>, the id in lower case as the API reads it", () => {
    expect(auditTrailHref({ organization: "iaea" })).toBe("#/audit?organization=iaea");
    expect(filtersAt("#/audit?organization=IAEA&to=2026-11-30")).toEqual({ organization: "iaea", to: "2026-11-30" });
  });

  it("keeps the owner first, in the form's order, the other filters after it", () => {
    const query = new URLSearchParams({ to: "2026-11-30", entity: "state:mli", state: "mli", organization: "" });
    expect(auditTrailHref(auditFiltersOf(query))).toBe("#/audit?state=MLI&entity=state%3AMLI&to=2026-11-30");
  });
});

describe("reading an owner's whole trail", () => {
  it("reads a State's from GET /states/{iso3}/audit by days and pages only", () => {
    expect(auditRead({ state: "MLI" })).toEqual({ route: "state", iso3: "MLI", query: { limit: AUDIT_PAGE_SIZE } });
    expect(auditRead({ state: "MLI", from: "2026-01-01", to: "2026-11-30" }, "CURSOR")).toEqual({
      route: "state",
      iso3: "MLI",
      query: { from: "2026-01-01", to: "2026-11-30", limit: AUDIT_PAGE_SIZE, cursor: "CURSOR" },
    });
  });

  it("reads an organization's from GET /organizations/{id}/audit by days and pages only", () => {
    expect(auditRead({ organization: "iaea", to: "2026-11-30" }, "NEXT")).toEqual({
      route: "organization",
      id: "iaea",
      query: { to: "2026-11-30", limit: AUDIT_PAGE_SIZE, cursor: "NEXT" },
    });
  });
});

describe("filters the API cannot answer together", () => {
  it("goes along with a span of days, and with no owner at all", () => {
    expect(conflictOf({ state: "MLI", from: "2026-01-01", to: "2026-11-30" })).toBeUndefined();
    expect(conflictOf({ organization: "iaea" })).toBeUndefined();
    expect(conflictOf({ entity: "state:MLI", actor: "8c501a84" })).toBeUndefined();
  });

  it("refuses a record or an actor within a whole trail, at that field, rather than drop it", () => {
    expect(conflictOf({ state: "MLI", entity: "contact:01C", actor: "8c501a84" })?.errors).toEqual([
      {
        path: "query.entity",
        message: "the State's whole trail is read by days only: clear the record or the State",
      },
      {
        path: "query.actor",
        message: "the State's whole trail is read by days only: clear the actor or the State",
      },
    ]);
    expect(conflictOf({ organization: "iaea", actor: "seed" })?.errors).toEqual([
      {
        path: "query.actor",
        message: "the organization's whole trail is read by days only: clear the actor or the organization",
      },
    ]);
  });

  it("refuses a State and an organization at once: a trail is one owner's", () => {
    expect(conflictOf({ state: "MLI", organization: "iaea" })).toMatchObject({
      title: "These filters do not go together",
      errors: [
        { path: "query.organization", message: "name a State or an organization, not both: a trail is one owner's" },
      ],
    });
  });
});

describe("the API's refusal of an owner's trail", () => {
  const notFound: Problem = {
    type: "/problems/not-found",
    title: "Not found",
    status: 404,
    detail: "State XYZ was not found",
  };

  it("puts an unknown State at the State's field, in the API's words", () => {
    expect(refusalAtFields(notFound, { state: "XYZ" }).errors).toEqual([
      { path: "query.state", message: "State XYZ was not found" },
    ]);
    const unknown = { ...notFound, detail: "Organization nobody was not found" };
    expect(refusalAtFields(unknown, { organization: "nobody" }).errors).toEqual([
      { path: "query.organization", message: "Organization nobody was not found" },
    ]);
  });

  it("puts a refused code at the owner's field and a refused day where the API put it", () => {
    const malformed: Problem = {
      type: "/problems/malformed",
      title: "Malformed request",
      status: 400,
      errors: [{ path: "params.iso3", message: "must be an ISO 3166-1 alpha-3 code (three letters)" }],
    };
    expect(refusalAtFields(malformed, { state: "ML1" }).errors).toEqual([
      { path: "query.state", message: "must be an ISO 3166-1 alpha-3 code (three letters)" },
    ]);
    const badDay: Problem = { ...malformed, errors: [{ path: "query.from", message: "is after to (2026-01-01)" }] };
    expect(refusalAtFields(badDay, { organization: "iaea", from: "2026-12-31", to: "2026-01-01" })).toEqual(badDay);
  });

  it("leaves GET /audit's refusals as they are", () => {
    expect(refusalAtFields(notFound, { entity: "state:XYZ" })).toEqual(notFound);
  });
});

describe("whose trail it is, in words", () => {
  it("names the owner in the heading, by its code until the names are read", () => {
    expect(trailTitle({ state: "MLI" }, names)).toBe("Audit trail of Mali");
    expect(trailTitle({ organization: "iaea" }, names)).toBe("Audit trail of International Atomic Energy Agency");
    expect(trailTitle({ state: "MLI" })).toBe("Audit trail of MLI");
    expect(trailTitle({ entity: "state:MLI" }, names)).toBe("Audit trail");
  });

  it("says what the whole trail holds, read from the first entry unless a first day is given", () => {
    expect(coverageWords({ state: "MLI" }, undefined, names)).toBe(
      "Every entry about Mali: its record and submissions, its contacts, matrix and assistance, newest first " +
        "(times in UTC).",
    );
    expect(coverageWords({ organization: "iaea", from: "2026-11-01" }, undefined, names)).toBe(
      "Every entry about International Atomic Energy Agency: its record, its contacts, its assistance offers and the " +
        "matches on them, from 2026-11-01 to today, newest first (times in UTC).",
    );
    expect(coverageWords({ state: "MLI", to: "2026-11-30" }, undefined, names)).toBe(
      "Every entry about Mali: its record and submissions, its contacts, matrix and assistance, up to 2026-11-30, " +
        "newest first (times in UTC).",
    );
  });
});
