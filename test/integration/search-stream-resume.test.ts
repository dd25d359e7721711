// The local stream reader across restarts: it resumes where the last run stopped (the position kept in a file beside
// DynamoDB Local's data), hands on neither what it handed before nor the index's own writes, and, when the stream no
// longer holds the position kept, reads it from its start and rebuilds the index so that no record is missed.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DeleteCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, inject, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { organizationKey } from "#shared/organizations/keys.ts";
import { searchTokenKey } from "#shared/search/keys.ts";
import { search } from "#shared/search/search.ts";
import {
  ensureDeskStream,
  SEARCH_POSITION_FILE,
  type ShardPositions,
  startSearchIndexing,
  streamPositionFile,
  streamReader,
} from "../../infra/local/search-stream.ts";
import { freshTables } from "./fresh-tables.ts";

type Setup = Awaited<ReturnType<typeof freshTables>>;

const keysOf = (records: unknown[]) =>
  records.map((record) => (record as { dynamodb: { Keys: { pk: { S: string } } } }).dynamodb.Keys.pk.S);

const put = ({ doc, tableNames }: Setup, item: Record<string, unknown>) =>
  doc.send(new PutCommand({ TableName: tableNames.desk, Item: item }));

/** A searchable record: an organization found by the words of its name. */
const organization = (id: string, name: string) => ({
  ...organizationKey(id),
  entity: "organization",
  id,
  name,
  acronym: id,
});

/** The organizations the search finds by a word, as the API's search reads the index. */
async function organizationsFoundBy(setup: Setup, word: string): Promise<string[]> {
  const found = await search(setup)({ q: word, kinds: ["organization"] }, systemActor("test"));
  return found.groups.flatMap((group) => group.items.map((hit) => hit.id));
}

describe("the local stream reader after a restart", () => {
  it("hands on only what was written since the last reader stopped, never the index's own records", async () => {
    const setup = await freshTables({ streams: true });
    const { streamArn } = await ensureDeskStream(setup.client, setup.tableNames.desk);
    const file = streamPositionFile(join(mkdtempSync(join(tmpdir(), "search-stream-")), SEARCH_POSITION_FILE));
    const endpoint = inject("dynamoEndpoint");
    const save = (positions: ShardPositions) => file.save(streamArn, positions);
    const kept = async () => {
      const loaded = await file.load(streamArn);
      if (!("positions" in loaded)) throw new Error(`no position kept: ${loaded.none}`);
      return loaded.positions;
    };
    const readerHanding = (handed: unknown[][], resumeAfter?: ShardPositions) =>
      streamReader(endpoint, streamArn, async (records) => handed.push(records), { resumeAfter, onRead: save });

    await put(setup, { pk: "TEST#1", sk: "x" });
    await put(setup, { pk: "SEARCH#zz", sk: "organization#zz#X", entity: "search-token" });
    await put(setup, { pk: "TEST#2", sk: "x" });
    const firstHanded: unknown[][] = [];
    const first = readerHanding(firstHanded);
    expect(await first.drain()).toBe(3);
    expect(keysOf(firstHanded.flat())).toEqual(["TEST#1", "TEST#2"]);
    expect(first.totals()).toEqual({ read: 3, skipped: 1 });

    await put(setup, { pk: "TEST#3", sk: "x" });
    const secondHanded: unknown[][] = [];
    const second = readerHanding(secondHanded, await kept());
    await second.drain();
    expect(keysOf(secondHanded.flat())).toEqual(["TEST#3"]);

    // A consumer that fails (a crash half-way) leaves the position where it was: the next reader hands the page again.
    await put(setup, { pk: "TEST#4", sk: "x" });
    const failing = streamReader(
      endpoint,
      streamArn,
      async () => {
        throw new Error("indexer down");
      },
      { resumeAfter: await kept(), onRead: save },
    );
    await expect(failing.drain()).rejects.toThrow("indexer down");
    const thirdHanded: unknown[][] = [];
    await readerHanding(thirdHanded, await kept()).drain();
    expect(keysOf(thirdHanded.flat())).toEqual(["TEST#4"]);
  });

  it("resumes the local stack's indexing where it stopped, and rebuilds the index when the stream lost that place", async () => {
    const setup = await freshTables();
    const dataDir = mkdtempSync(join(tmpdir(), "search-stream-"));
    const positionFile = join(dataDir, SEARCH_POSITION_FILE);
    await put(setup, organization("ALPHA", "Alpha Zephyr Council"));
    const lines: string[] = [];
    const start = async () => {
      lines.length = 0;
      const reader = await startSearchIndexing({
        ...setup,
        endpoint: inject("dynamoEndpoint"),
        log: (line) => lines.push(line),
        intervalMs: 60_000,
        positionDir: dataDir,
      });
      await reader.stop();
      return reader.totals();
    };

    // First start: the stream is enabled, the index rebuilt, and its writes read back once (and skipped).
    const first = await start();
    expect(lines).toEqual([expect.stringMatching(/^search: stream enabled on .*; index rebuilt for 1 records$/)]);
    expect(first.read).toBeGreaterThan(0);
    expect(first.skipped).toBe(first.read);
    expect(await organizationsFoundBy(setup, "zephyr")).toEqual(["ALPHA"]);

    // Written while the stack is down: each next start reads that record and no record it read before (besides it,
    // only the index's writes for it, which that start made).
    await put(setup, organization("BRAVO", "Bravo Zephyr Office"));
    const second = await start();
    expect(lines).toEqual([]);
    expect(second.read - second.skipped).toBe(1);
    await put(setup, organization("ALPHA", "Alpha Council"));
    const third = await start();
    expect(lines).toEqual([]);
    expect(third.read - third.skipped).toBe(1);
    expect(await organizationsFoundBy(setup, "zephyr")).toEqual(["BRAVO"]);

    // The stream no longer holds the position kept (its shard trimmed away while the stack was down), and a record's
    // tokens went missing meanwhile: the start says so, reads the stream from its start and rebuilds the index.
    const kept = JSON.parse(readFileSync(positionFile, "utf8")) as { streamArn: string; shards: object };
    writeFileSync(
      positionFile,
      JSON.stringify({ ...kept, shards: { "shardId-00000001000000000000-00000000": "000000000000000000001" } }),
    );
    await setup.doc.send(
      new DeleteCommand({
        TableName: setup.tableNames.desk,
        Key: searchTokenKey("organization", "bravo", "BRAVO"),
      }),
    );
    expect(await organizationsFoundBy(setup, "bravo")).toEqual([]);
    await start();
    expect(lines).toEqual([
      expect.stringMatching(
        /^search: the stream has no shard shardId-00000001000000000000-00000000, so it is read from its start; index rebuilt for 2 records$/,
      ),
    ]);
    expect(await organizationsFoundBy(setup, "bravo")).toEqual(["BRAVO"]);
    expect(await organizationsFoundBy(setup, "zephyr")).toEqual(["BRAVO"]);

    // A position of another stream (a table made anew) is none: the index is rebuilt rather than trusted.
    writeFileSync(positionFile, JSON.stringify({ ...kept, streamArn: `${kept.streamArn}-gone` }));
    await start();
    expect(lines).toEqual([expect.stringMatching(/another stream's.*; index rebuilt for 2 records$/)]);
    // And the position is kept again: a start after reads nothing it read before.
    expect(await start()).toEqual({ read: 0, skipped: 0 });
    expect(lines).toEqual([]);
  });
});
