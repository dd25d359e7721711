// An obligation's writes are conditioned on its revision (ADR 0020): the count cannot be the version, since a void
// lowers it and a date correction leaves it as it was. The reads its next value is derived from are consistent.
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "#shared/clock.ts";
import { obligationUpdate, unchangedSince } from "#shared/reporting/obligation-writes.ts";
import { reportingRepository } from "#shared/reporting/repository.ts";
import type { Obligation } from "#shared/reporting/schemas.ts";

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: "us-east-1" }));
const dynamo = mockClient(DynamoDBDocumentClient);
afterAll(() => dynamo.restore());

const plan: Obligation = {
  iso3: "MLI",
  kind: "action-plan",
  mandatory: false,
  status: "not-applicable",
  submissions: 2,
};
const after: Obligation = {
  ...plan,
  status: "fulfilled",
  submissions: 3,
  firstReceivedOn: "2026-05-01",
  lastReceivedOn: "2026-06-01",
};
const updateOf = (before: Obligation) => obligationUpdate("desk", before, after).item.Update;

describe("an obligation's write", () => {
  it("is conditioned on the revision read, and gives it the next one", () => {
    const update = updateOf({ ...plan, revision: 4 });
    expect(update?.ConditionExpression).toBe("revision = :seen");
    expect(update?.ExpressionAttributeValues).toMatchObject({ ":seen": 4, ":revision": 5, ":count": 3 });
    expect(update?.UpdateExpression).toContain("revision = :revision");
  });

  it("holds an obligation stored before revisions to its count, and gives it its first revision", () => {
    const update = updateOf(plan);
    expect(update?.ConditionExpression).toBe("attribute_not_exists(revision) AND submissions = :seen");
    expect(update?.ExpressionAttributeValues).toMatchObject({ ":seen": 2, ":revision": 1 });
  });

  it("is refused in memory as on DynamoDB: by the revision, else by the count of an obligation without one", () => {
    expect(unchangedSince({ ...plan, revision: 4 }, { ...plan, revision: 4 })).toBe(true);
    // The same count and dates, written in between: a different revision.
    expect(unchangedSince({ ...plan, revision: 4 }, { ...plan, revision: 5 })).toBe(false);
    expect(unchangedSince(plan, plan)).toBe(true);
    expect(unchangedSince(plan, { ...plan, revision: 1 })).toBe(false);
    expect(unchangedSince(plan, { ...plan, submissions: 1 })).toBe(false);
    expect(unchangedSince(plan, undefined)).toBe(false);
  });
});

describe("the reads an obligation is derived from", () => {
  const reporting = reportingRepository(doc, { desk: "desk", audit: "audit" }, fixedClock("2026-12-05T12:00:00Z"));
  beforeEach(() => {
    dynamo.reset();
    dynamo.on(QueryCommand).resolves({ Items: [] });
    dynamo.on(GetCommand).resolves({});
  });

  it("are strongly consistent: a stale list of submissions would pass the revision's condition", async () => {
    await reporting.obligations("MLI");
    await reporting.listSubmissions("MLI", { limit: 10 });
    await reporting.getSubmission("MLI", "01J00000000000000000000001");
    const reads = [...dynamo.commandCalls(QueryCommand), ...dynamo.commandCalls(GetCommand)];
    expect(reads).toHaveLength(3);
    for (const call of reads) expect(call.args[0].input.ConsistentRead).toBe(true);
  });
});
