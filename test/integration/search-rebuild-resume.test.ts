// The local stack's search rebuild after the stream is enabled: a stop interrupts it, and the next start does it again
// until one has ended (a Ctrl-C just after a first start must not leave the seeded records unsearchable).
import { GetCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, inject, it } from "vitest";
import { fixedClock } from "#shared/clock.ts";
import { seedOrganizations } from "#shared/organizations/seed.ts";
import { SEARCH_ENTITY } from "#shared/search/keys.ts";
import { REBUILT_MARK, startSearchIndexing } from "../../infra/local/search-stream.ts";
import { freshTables } from "./fresh-tables.ts";

const clock = fixedClock("2027-03-01T09:00:00Z");
type Setup = Awaited<ReturnType<typeof freshTables>>;

const mark = async ({ doc, tableNames }: Setup) =>
  (await doc.send(new GetCommand({ TableName: tableNames.desk, Key: REBUILT_MARK, ConsistentRead: true }))).Item;

async function tokens({ doc, tableNames }: Setup): Promise<number> {
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new ScanCommand({
        TableName: tableNames.desk,
        FilterExpression: "entity = :token",
        ExpressionAttributeValues: { ":token": SEARCH_ENTITY },
        Select: "COUNT",
        ExclusiveStartKey: startKey,
      }),
    );
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return count;
}

describe("the local search rebuild after the stream is enabled", () => {
  it("is done again by the next start when a stop interrupted it, and not once one has ended", async () => {
    const setup = await freshTables();
    await seedOrganizations(setup.doc, setup.tableNames, clock);
    const lines: string[] = [];
    const start = (signal?: AbortSignal) =>
      startSearchIndexing({
        ...setup,
        endpoint: inject("dynamoEndpoint"),
        log: (line) => lines.push(line),
        intervalMs: 60_000,
        signal,
      });
    const rebuilt = () => lines.filter((line) => /index rebuilt for \d+ records/.test(line)).length;

    // Stopped as it began: the stream is on, the index is not built, and nothing says it was.
    const stopped = new AbortController();
    stopped.abort();
    await expect(start(stopped.signal)).rejects.toThrow(/abort/i);
    expect(await mark(setup)).toBeUndefined();
    expect(await tokens(setup)).toBe(0);
    expect(rebuilt()).toBe(0);

    const first = await start();
    await first.stop();
    expect(rebuilt()).toBe(1);
    expect(await mark(setup)).toBeDefined();
    const indexed = await tokens(setup);
    expect(indexed).toBeGreaterThan(0);

    const second = await start();
    await second.stop();
    expect(rebuilt()).toBe(1);
    expect(await tokens(setup)).toBe(indexed);
  });
});
