// GET /snapshots/{period}/diff?against= runs forward in time: a later quarter (or the quarter itself) as `against` is
// refused with 400 before anything is read, naming both quarters and the question the other way round.
import { Logger } from "@aws-lambda-powertools/logger";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "#shared/clock.ts";
import { createRouter } from "#shared/http/router.ts";
import { snapshotDependencies } from "#shared/snapshots/snapshots.ts";
import { snapshotRoutes } from "../../functions/api/routes/snapshots.ts";
import { apiEvent } from "../support/api-event.ts";

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: "us-east-1" }));
const dynamo = mockClient(DynamoDBDocumentClient);
afterAll(() => dynamo.restore());
beforeEach(() => dynamo.reset());
const router = createRouter(
  snapshotRoutes(snapshotDependencies(doc, { desk: "desk", audit: "audit" }, fixedClock("2026-12-07T12:00:00Z"))),
  new Logger({ logLevel: "SILENT" }),
);

const diff = async (period: string, against: string) => {
  const result = await router.dispatch(
    apiEvent({ group: "members", path: `/snapshots/${period}/diff`, query: `against=${against}` }),
    "corr-unit",
  );
  return { status: result.statusCode, body: JSON.parse(result.body ?? "null") };
};

describe("comparing two quarters", () => {
  it("refuses a later quarter as `against` with 400, naming both and the question the other way round", async () => {
    const answer = await diff("2026-Q1", "2026-Q3");
    expect(answer.status).toBe(400);
    expect(answer.body.detail).toBe("Compare 2026-Q1 with an earlier quarter, not with 2026-Q3");
    expect(answer.body.errors).toEqual([
      {
        path: "query.against",
        message:
          "2026-Q3 is after 2026-Q1: the change runs from the earlier quarter to the later, so ask " +
          "/snapshots/2026-Q3/diff?against=2026-Q1",
      },
    ]);
    expect(dynamo.calls()).toHaveLength(0);
  });

  it("refuses the quarter itself as `against`", async () => {
    const answer = await diff("2026-Q1", "2026-Q1");
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      { path: "query.against", message: "2026-Q1 is the quarter itself: name an earlier quarter" },
    ]);
    expect(dynamo.calls()).toHaveLength(0);
  });

  it("reads both snapshots for an earlier quarter (here neither is stored: 404)", async () => {
    dynamo.onAnyCommand().resolves({});
    const answer = await diff("2026-Q3", "2026-Q1");
    expect(answer.status).toBe(404);
    expect(dynamo.calls().length).toBeGreaterThan(0);
  });
});
