// The console's pure parts, in Node: its hash routes, what a group is offered (from the document's x-groups) and the
// session read from a token's claims.
import { describe, expect, it } from "vitest";
import { may } from "../../console/src/auth/access.ts";
import { sessionOf } from "../../console/src/auth/session.ts";
import { href, routeOf } from "../../console/src/routes.ts";
import { generateJwtKeys, issueToken } from "../../infra/local/jwt.ts";

describe("the console's hash routes", () => {
  it("reads each page from the hash, and back", () => {
    expect(routeOf("")).toEqual({ page: "home" });
    expect(routeOf(href.home())).toEqual({ page: "home" });
    expect(routeOf(href.state("mli"))).toEqual({ page: "state", iso3: "MLI" });
    expect(routeOf(href.assistanceRequest("7P1Q/B"))).toEqual({ page: "assistance-request", id: "7P1Q/B" });
    expect(routeOf(href.snapshots())).toEqual({ page: "snapshots" });
    expect(routeOf(href.programme())).toEqual({ page: "programme" });
    expect(routeOf(href.contactsImport())).toEqual({ page: "contacts-import" });
    expect(routeOf(href.organizations())).toEqual({ page: "organizations" });
    expect(routeOf(href.organization("bwc-isu"))).toEqual({ page: "organization", id: "bwc-isu" });
    const states = routeOf(href.states(new URLSearchParams({ status: "non-reporting", q: "mal" })));
    expect(states.page === "states" && Object.fromEntries(states.query)).toEqual({ status: "non-reporting", q: "mal" });
    const assistance = routeOf(href.assistance("consent-window"));
    expect(assistance.page === "assistance" && assistance.query.get("status")).toBe("consent-window");
  });

  it("reads the assistance, snapshot-diff and programme-item pages, and back", () => {
    const offers = routeOf(href.assistanceOffers("state:FRA"));
    expect(offers.page === "assistance-offers" && offers.query.get("provider")).toBe("state:FRA");
    expect(routeOf(href.assistanceOffers())).toMatchObject({ page: "assistance-offers" });
    expect(routeOf(href.assistanceReports())).toEqual({ page: "assistance-reports" });
    expect(routeOf(href.assistanceReport("2026-1"))).toEqual({ page: "assistance-report", id: "2026-1" });
    // A report's id is <year>-<n>; anything else under reports is no page, not a request id.
    expect(routeOf("#/assistance/reports/2026-4")).toEqual({ page: "not-found", path: "/assistance/reports/2026-4" });
    const diff = routeOf(href.snapshotsDiff("2024-Q1", "2024-Q2"));
    expect(diff.page === "snapshots-diff" && Object.fromEntries(diff.query)).toEqual({
      from: "2024-Q1",
      to: "2024-Q2",
    });
    expect(routeOf(href.snapshotsDiff())).toMatchObject({ page: "snapshots-diff" });
    expect(routeOf(href.programmeYear(2023))).toEqual({ page: "programme-year", year: 2023 });
    expect(routeOf(href.programmeItem(2024, "annual-review"))).toEqual({
      page: "programme-item",
      year: 2024,
      id: "annual-review",
    });
  });

  it("names what it does not know", () => {
    expect(routeOf("#/states/MALI")).toEqual({ page: "not-found", path: "/states/MALI" });
    expect(routeOf("#/nowhere")).toEqual({ page: "not-found", path: "/nowhere" });
  });
});

describe("what the console offers a group", () => {
  it("offers recording a submission to the secretariat and the experts, not to members", () => {
    expect(may("secretariat", "POST /states/{iso3}/submissions")).toBe(true);
    expect(may("experts", "POST /states/{iso3}/submissions")).toBe(true);
    expect(may("members", "POST /states/{iso3}/submissions")).toBe(false);
    expect(may("members", "POST /assistance/requests/{id}/transitions")).toBe(false);
    expect(may("experts", "PATCH /states/{iso3}")).toBe(false);
    expect(may("experts", "POST /contacts/import")).toBe(false);
    expect(may("secretariat", "POST /contacts/import")).toBe(true);
    expect(may("experts", "POST /assistance/offers")).toBe(true);
    expect(may("members", "POST /assistance/offers")).toBe(false);
    expect(may("members", "POST /assistance/matches")).toBe(false);
    expect(may("members", "POST /programme/feeds")).toBe(true);
    expect(may(undefined, "GET /states")).toBe(false);
    expect(may(undefined, "GET /health")).toBe(true);
  });
});

describe("the session a token gives", () => {
  it("takes the group and name from a local issuer's token", async () => {
    const token = await issueToken(await generateJwtKeys(), { group: "experts", username: "a.expert" });
    expect(sessionOf(token)).toMatchObject({ token, group: "experts", username: "a.expert" });
  });

  it("names the person by the e-mail a deployed access token carries, not Cognito's generated username", () => {
    const claims = {
      "cognito:groups": ["secretariat"],
      username: "5f1c2a4e-8b7d-4c3a-9e21-0d6f4b8a7c13",
      email: "ada@un.example",
    };
    const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
    expect(sessionOf(`e30.${payload}.sig`)).toMatchObject({ group: "secretariat", username: "ada@un.example" });
  });

  it("refuses what is not a token of a desk group", () => {
    expect(() => sessionOf("not-a-token")).toThrow("Not a JWT");
    const payload = Buffer.from(JSON.stringify({ "cognito:groups": ["admins"] })).toString("base64url");
    expect(() => sessionOf(`e30.${payload}.sig`)).toThrow("no desk group");
  });
});
