// The wave routes as declared: who may call each, and that they document themselves in the OpenAPI document
// (so registering them in functions/api/app.ts cannot break GET /openapi.json).
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { fixedClock } from "#shared/clock.ts";
import { contactDependencies } from "#shared/contacts/dependencies.ts";
import { ledgerRepository } from "#shared/correspondence/ledger.ts";
import { openApiDocument } from "#shared/http/openapi.ts";
import { templateRepository } from "#shared/templates/repository.ts";
import { waveRepository } from "#shared/waves/repository.ts";
import { waveRoutes } from "../../functions/api/routes/waves.ts";

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: "us-east-1" }));
const tableNames = { desk: "desk", audit: "audit" };
const clock = fixedClock("2027-01-01T00:00:00Z");
const routes = waveRoutes({
  ...contactDependencies(doc, tableNames, clock),
  templates: templateRepository(doc, tableNames, clock),
  ledger: ledgerRepository(doc, tableNames, clock),
  waves: waveRepository(doc, tableNames, clock),
});

describe("wave routes", () => {
  it("let the secretariat write and every group read; moves require If-Match", () => {
    const table = routes.map(({ spec }) => [
      `${spec.method} ${spec.path}`,
      spec.access === "open" ? "open" : spec.access.join(","),
      Boolean(spec.requiresIfMatch),
    ]);
    expect(table).toEqual([
      ["POST /waves", "secretariat", false],
      ["GET /waves", "secretariat,experts,members", false],
      ["GET /waves/{id}", "secretariat,experts,members", false],
      ["GET /waves/{id}/audience", "secretariat,experts,members", false],
      ["POST /waves/{id}/schedule", "secretariat", true],
      ["POST /waves/{id}/cancel", "secretariat", true],
      ["GET /waves/{id}/messages", "secretariat,experts,members", false],
    ]);
  });

  it("document themselves in OpenAPI", () => {
    const document = openApiDocument(routes, { title: "t", version: "1", description: "d" });
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(["/waves", "/waves/{id}", "/waves/{id}/messages", "/waves/{id}/schedule"]),
    );
  });
});
