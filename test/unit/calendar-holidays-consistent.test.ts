// The DynamoDB adapter reads the years' lists consistently: the consent windows' recount reads them right after the
// PUT that wrote one (ADR 0067), and DynamoDB's default read may not see that write yet. Against a mocked client:
// DynamoDB Local reads consistently whatever is asked, so the contract suite cannot show it.
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { BatchGetCommand, DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeEach, expect, it } from "vitest";
import { dynamoHolidayStore } from "#shared/calendar/store.ts";
import { fixedClock } from "#shared/clock.ts";

const table = "desk-test";
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: "us-east-1" }));
const dynamo = mockClient(DynamoDBDocumentClient);
afterAll(() => dynamo.restore());
beforeEach(() => dynamo.reset());

const store = dynamoHolidayStore(doc, { desk: table, audit: "audit-test" }, fixedClock("2026-12-07T15:00:00Z"));

it("reads the years' lists with a consistent BatchGetItem, each year once", async () => {
  dynamo.on(BatchGetCommand).resolves({
    Responses: {
      [table]: [
        {
          pk: "HOLIDAYS#2025",
          sk: "YEAR",
          version: 1,
          year: 2025,
          source: "ST/IC/2024/30",
          days: [{ date: "2025-11-27", name: "Thanksgiving Day" }],
          updatedAt: "2026-12-07T15:00:00.000Z",
          updatedBy: "officer",
        },
      ],
    },
  });
  const lists = await store.getYears([2025, 2026, 2025]);

  expect([...lists.keys()]).toEqual([2025]);
  const [call] = dynamo.commandCalls(BatchGetCommand).map(({ args }) => args[0].input.RequestItems?.[table]);
  expect(call?.ConsistentRead).toBe(true);
  expect(call?.Keys).toHaveLength(2);
});
