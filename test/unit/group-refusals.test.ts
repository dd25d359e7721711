// A refusal by group in words (audit 31, item 10): a search of what only the secretariat reads, and a route's access
// for a token naming another group or none of the desk's (the router's own case is in api-router.test.ts).
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { routeRefusal, searchRefusal } from "#shared/auth/group-refusals.ts";
import { Forbidden } from "#shared/errors.ts";
import { search } from "#shared/search/search.ts";

describe("refusals by group", () => {
  it("says what only the secretariat may search in the plural", async () => {
    const nothingRead = { doc: {} as DynamoDBDocumentClient, tableNames: { desk: "desk", audit: "audit" } };
    const experts = { kind: "user" as const, id: "u1", groups: ["experts" as const] };
    const refused = search(nothingRead)({ q: "mali", kinds: ["state", "contact"] }, experts);
    await expect(refused).rejects.toBeInstanceOf(Forbidden);
    await expect(refused).rejects.toThrow(/^Only the secretariat may search contacts$/);
    expect(searchRefusal(["contact", "assistance-request"])).toBe(
      "Only the secretariat may search contacts and assistance requests",
    );
  });

  it("names the groups a route is for and the token's, or that the token names none of the desk's", () => {
    expect(routeRefusal("GET /audit", ["secretariat"], ["members"])).toBe(
      "GET /audit is for the group secretariat; the token names the group members",
    );
    expect(routeRefusal("POST /snapshots", ["secretariat", "experts"], ["members"])).toBe(
      "POST /snapshots is for the groups secretariat and experts; the token names the group members",
    );
    expect(routeRefusal("GET /audit", ["secretariat"], [])).toBe(
      "The token names no group of the desk: GET /audit needs the group secretariat",
    );
  });
});
