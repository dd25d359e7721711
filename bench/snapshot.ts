// Snapshot scaling: the quarterly snapshot of the scale fixture's quarter at several multiples of the demo data set,
// taken with the production use case and dependencies, timed, with the capacity it consumed and its DynamoDB calls.
import { randomUUID } from "node:crypto";
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DeleteCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { systemActor } from "../shared/auth/actor.ts";
import { fixedClock } from "../shared/clock.ts";
import { createDocumentClient, createDynamoClient } from "../shared/dynamo/client.ts";
import { ensureTables } from "../shared/dynamo/ensure-tables.ts";
import { itemBytes } from "../shared/dynamo/item-size.ts";
import { snapshotKey } from "../shared/snapshots/keys.ts";
import { snapshotDependencies, takeSnapshot } from "../shared/snapshots/snapshots.ts";
import type { TableNames } from "../shared/tables.ts";
import { loadSnapshotScale, SCALE_NOW, SCALE_PERIOD, type ScaleBase } from "../test/support/snapshot-scale.ts";
import { type CallCounts, countCalls, difference, readUnitsOf } from "./dynamo-calls.ts";
import { median } from "./stats.ts";

const REGION = "us-east-1";
const audit = { actor: systemActor("bench") };

export interface SnapshotSettings {
  /** Multiples of the demo data set, the first being the reference (1). */
  factors: readonly number[];
  /** Measured snapshots per factor, after one unmeasured on the first. */
  runs: number;
}

export interface SnapshotRun {
  ms: number;
  calls: CallCounts;
}

export interface SnapshotScale {
  factor: number;
  /** Items written per entity. */
  items: Record<string, number>;
  loadMs: number;
  runs: SnapshotRun[];
  medianMs: number;
  /** Median over the runs (every run reads the same data, so they agree). */
  readUnits: number;
  /** What the snapshot found in the quarter (proof that it read the data set of its scale), and its stored size. */
  found: { waves: number; messages: number; storedBytes: number };
}

/** Every data-plane call of the measured runs goes through this client, so the counts are the snapshot's alone. */
function measuredClient(endpoint: string) {
  const client = createDynamoClient({ region: REGION, endpoint });
  return { client, doc: createDocumentClient(client), counter: countCalls(client, { consumedCapacity: true }) };
}

/**
 * One snapshot as the quarterly schedule takes it (`takeSnapshot` with `snapshotDependencies`: the stored-item check,
 * the previous snapshot, the figures, the conditional put with its audit entry), timed. The stored item is deleted
 * first, outside the timing and on the loader's client: a stored quarter is never computed again, by design.
 */
async function snapshotOnce(
  loader: DynamoDBDocumentClient,
  measured: ReturnType<typeof measuredClient>,
  tableNames: TableNames,
) {
  await loader.send(new DeleteCommand({ TableName: tableNames.desk, Key: snapshotKey(SCALE_PERIOD) }));
  const before = measured.counter.snapshot();
  const started = performance.now();
  const run = await takeSnapshot(snapshotDependencies(measured.doc, tableNames, fixedClock(SCALE_NOW)))(
    { period: SCALE_PERIOD },
    audit,
  );
  const ms = performance.now() - started;
  if (!run.created) throw new Error(`The snapshot of ${SCALE_PERIOD} was not computed again`);
  return { ms, calls: difference(before, measured.counter.snapshot()), snapshot: run.snapshot };
}

async function createTables(client: DynamoDBClient, label: string): Promise<TableNames> {
  const prefix = `scale-${randomUUID().slice(0, 8)}-${label}`;
  const tableNames: TableNames = { desk: `${prefix}-desk`, audit: `${prefix}-audit` };
  // No stream: nothing here reads one, and DynamoDB Local slows every command on a streamed table (ADR 0022).
  await ensureTables(client, tableNames, { streams: false });
  return tableNames;
}

/**
 * Loads each factor into fresh tables of the DynamoDB Local at `dynamoEndpoint` (the 1x data set through the use cases
 * once, then written again as stored, with the copies, for the larger factors), then takes the snapshots: one
 * unmeasured on the first factor, then `runs` rounds of one snapshot per factor, the order rotated each round.
 */
export async function measureSnapshotScaling(
  settings: SnapshotSettings,
  dynamoEndpoint: string,
  onProgress: (line: string) => void,
): Promise<SnapshotScale[]> {
  const loaderClient = createDynamoClient({ region: REGION, endpoint: dynamoEndpoint });
  const loader = createDocumentClient(loaderClient);
  const measured = measuredClient(dynamoEndpoint);
  try {
    const loaded: { factor: number; tableNames: TableNames; items: Record<string, number>; loadMs: number }[] = [];
    let base: ScaleBase | undefined;
    for (const factor of settings.factors) {
      const tableNames = await createTables(loaderClient, `${factor}x`);
      const started = performance.now();
      const load = await loadSnapshotScale(loader, tableNames, factor, base);
      const loadMs = performance.now() - started;
      base = load.base;
      const total = Object.values(load.items).reduce((sum, count) => sum + count, 0);
      onProgress(`snapshot: ${factor}x loaded (${total} items) in ${(loadMs / 1000).toFixed(1)} s`);
      loaded.push({ factor, tableNames, items: load.items, loadMs });
    }

    const [first] = loaded;
    if (!first) return [];
    await snapshotOnce(loader, measured, first.tableNames);
    const runs = new Map(loaded.map(({ factor }) => [factor, [] as SnapshotRun[]]));
    const found = new Map<number, SnapshotScale["found"]>();
    for (let round = 0; round < settings.runs; round++) {
      const order = [...loaded.slice(round % loaded.length), ...loaded.slice(0, round % loaded.length)];
      for (const { factor, tableNames } of order) {
        const { ms, calls, snapshot } = await snapshotOnce(loader, measured, tableNames);
        runs.get(factor)?.push({ ms, calls });
        found.set(factor, {
          waves: snapshot.correspondence.waves,
          messages: snapshot.correspondence.messages,
          storedBytes: itemBytes(snapshot),
        });
        onProgress(
          `snapshot: ${factor}x in ${ms.toFixed(0)} ms, ${readUnitsOf(calls.units).toFixed(1)} read units, ` +
            `${Object.entries(calls.commands)
              .map(([name, count]) => `${name} ${count}`)
              .join(", ")}`,
        );
      }
    }
    return loaded.map(({ factor, items, loadMs }) => {
      const measuredRuns = runs.get(factor) ?? [];
      return {
        factor,
        items,
        loadMs,
        runs: measuredRuns,
        medianMs: median(measuredRuns.map((run) => run.ms)),
        readUnits: median(measuredRuns.map((run) => readUnitsOf(run.calls.units))),
        found: found.get(factor) ?? { waves: 0, messages: 0, storedBytes: 0 },
      };
    });
  } finally {
    loaderClient.destroy();
    measured.client.destroy();
  }
}
