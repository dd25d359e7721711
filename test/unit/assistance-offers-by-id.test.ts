// The DynamoDB adapter's batch read of offers by id (the offers a request's matches name): 100 keys a BatchGetItem,
// consistent, the keys DynamoDB leaves unprocessed asked again. Against a mocked client: DynamoDB Local processes every
// key, so the contract suite (test/contracts/assistance.contract.ts) cannot show the second asking.
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { BatchGetCommand, type BatchGetCommandInput, DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { assistanceRepository } from "#shared/assistance/repository.ts";
import { fixedClock } from "#shared/clock.ts";

const table = "desk-test";
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: "us-east-1" }));
const dynamo = mockClient(DynamoDBDocumentClient);
afterAll(() => dynamo.restore());
beforeEach(() => dynamo.reset());

const store = assistanceRepository(doc, { desk: table, audit: "audit-test" }, fixedClock("2027-03-01T09:00:00Z"));

/** The offer item a key names, as the adapter stores it. */
const offerItem = (key: Record<string, unknown>) => {
  const id = String(key.pk).replace("ASSISTANCE-OFFER#", "");
  return {
    ...key,
    version: 1,
    id,
    provider: { kind: "organization", id: "iaea" },
    areas: ["legislation"],
    description: `Offer ${id}`,
    validFrom: "2026-01-01",
    lastUpdatedOn: "2026-01-01",
    createdAt: "2027-03-01T09:00:00.000Z",
    updatedAt: "2027-03-01T09:00:00.000Z",
  };
};

const keysOf = (input: BatchGetCommandInput) => input.RequestItems?.[table]?.Keys ?? [];

describe("offersById on DynamoDB", () => {
  it("reads 100 keys a batch, consistently, each id once, and asks again for the keys left unprocessed", async () => {
    let first = true;
    dynamo.on(BatchGetCommand).callsFake((input: BatchGetCommandInput) => {
      const keys = keysOf(input);
      // The first batch comes back with its last 10 keys unprocessed, as under throttling.
      const [processed, unprocessed] = first ? [keys.slice(0, 90), keys.slice(90)] : [keys, []];
      first = false;
      return {
        Responses: { [table]: processed.map(offerItem) },
        ...(unprocessed.length ? { UnprocessedKeys: { [table]: { Keys: unprocessed } } } : {}),
      };
    });
    const ids = Array.from({ length: 150 }, (_, index) => `o${String(index).padStart(3, "0")}`);
    const offers = await store.offersById([...ids, "o000"]);

    expect([...offers.keys()].sort()).toEqual(ids);
    expect(offers.get("o149")).toMatchObject({ id: "o149", description: "Offer o149" });
    const calls = dynamo.commandCalls(BatchGetCommand).map((call) => call.args[0].input);
    expect(calls.map((input) => keysOf(input).length)).toEqual([100, 10, 50]);
    expect(calls.every((input) => input.RequestItems?.[table]?.ConsistentRead === true)).toBe(true);
  });

  it("sends nothing for no ids", async () => {
    expect(await store.offersById([])).toEqual(new Map());
    expect(dynamo.calls()).toHaveLength(0);
  });
});
