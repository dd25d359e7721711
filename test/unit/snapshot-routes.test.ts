// The snapshot routes as declared: who may call each, and that they document themselves in the OpenAPI document
// (so registering them in functions/api/app.ts cannot break GET /openapi.json).
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { fixedClock } from "#shared/clock.ts";
import { openApiDocument } from "#shared/http/openapi.ts";
import { snapshotDependencies } from "#shared/snapshots/snapshots.ts";
import { snapshotRoutes } from "../../functions/api/routes/snapshots.ts";

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: "us-east-1" }));
const routes = snapshotRoutes(
  snapshotDependencies(doc, { desk: "desk", audit: "audit" }, fixedClock("2024-04-02T00:00:00Z")),
);

describe("snapshot routes", () => {
  it("let the secretariat take a snapshot and every group read them", () => {
    const table = routes.map(({ spec }) => [
      `${spec.method} ${spec.path}`,
      spec.access === "open" ? "open" : spec.access.join(","),
    ]);
    expect(table).toEqual([
      ["POST /snapshots", "secretariat"],
      ["GET /snapshots", "secretariat,experts,members"],
      ["GET /snapshots/{period}", "secretariat,experts,members"],
      ["GET /snapshots/{period}/export", "secretariat,experts,members"],
      ["GET /snapshots/{period}/diff", "secretariat,experts,members"],
      ["GET /snapshots/{period}/report", "secretariat,experts,members"],
    ]);
  });

  it("document themselves in OpenAPI, with the snapshot's schema as a component", () => {
    const document = openApiDocument(
      routes.map(({ spec }) => spec),
      { title: "t", version: "1", description: "d" },
    );
    expect(Object.keys(document.paths)).toEqual([
      "/snapshots",
      "/snapshots/{period}",
      "/snapshots/{period}/export",
      "/snapshots/{period}/diff",
      "/snapshots/{period}/report",
    ]);
    expect(JSON.stringify(document)).toContain("Snapshot");
  });
});
