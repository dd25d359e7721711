// The snapshot routes as declared: who may call each, and that they document themselves in the OpenAPI document
// (so registering them in functions/api/app.ts cannot break GET /openapi.json).
import { Logger } from "@aws-lambda-powertools/logger";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, describe, expect, it } from "vitest";
import { fixedClock } from "#shared/clock.ts";
import { openApiDocument } from "#shared/http/openapi.ts";
import { createRouter } from "#shared/http/router.ts";
import { snapshotDependencies } from "#shared/snapshots/snapshots.ts";
import { snapshotRoutes } from "../../functions/api/routes/snapshots.ts";
import { apiEvent, type EventOptions } from "../support/api-event.ts";

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: "us-east-1" }));
const dynamo = mockClient(DynamoDBDocumentClient);
afterAll(() => dynamo.restore());
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

  it("refuse a quarter that ended before resolution 1540 was adopted, before any read or write", async () => {
    const router = createRouter(routes, new Logger({ logLevel: "SILENT" }));
    const call = async (options: EventOptions) => {
      const result = await router.dispatch(apiEvent({ group: "secretariat", ...options }), "corr-unit");
      return { status: result.statusCode, body: JSON.parse(result.body ?? "null") };
    };
    dynamo.reset();
    for (const period of ["2004-Q1", "1999-Q1", "0001-Q1"]) {
      const taken = await call({
        method: "POST",
        path: "/snapshots",
        body: JSON.stringify({ period }),
        headers: { "content-type": "application/json" },
      });
      expect(taken.status).toBe(422);
      expect(JSON.stringify(taken.body)).toContain("body.period");
      expect(JSON.stringify(taken.body)).toContain("the first quarter is 2004-Q2");
      const reads: EventOptions[] = [
        { path: `/snapshots/${period}` },
        { path: `/snapshots/${period}/report` },
        { path: `/snapshots/${period}/export`, query: "format=csv" },
        { path: `/snapshots/${period}/diff`, query: "against=2024-Q1" },
        { path: "/snapshots/2024-Q1/diff", query: `against=${period}` },
      ];
      for (const read of reads) {
        const answer = await call(read);
        expect(answer.status).toBe(400);
        expect(JSON.stringify(answer.body)).toContain("the first quarter is 2004-Q2");
      }
    }
    expect(dynamo.calls()).toHaveLength(0);
  });
});
