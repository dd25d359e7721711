// The local stack of one e2e file: its own data folder, API, scheduler and SES emulator, and tables of its own on the
// layer's DynamoDB engine (test/e2e/global-setup.ts), filled with a copy of the layer's seeded tables. Its `stop()`
// also removes the data folder.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { deskToday, systemClock } from "#shared/clock.ts";
import { type LocalStack, type LocalStackOptions, startLocalStack } from "../../infra/local/stack.ts";
import "./provided-context.ts";
import { batchWrite, everyItem } from "./table-items.ts";

export interface E2eStack extends LocalStack {
  /** What the stack has logged: its start's lines, then a line per API request (`POST /contacts 201 12ms`). */
  readonly logged: readonly string[];
}

/**
 * Each of the layer's seeded tables written, item for item, into the stack's own, and what the seed said, said again;
 * seeded afresh when the desk's day has turned since the layer seeded (its dates are relative to that day).
 */
const copyOfLayerSeed: NonNullable<LocalStackOptions["seed"]> = async ({ doc, tableNames }) => {
  const layer = inject("seededTables");
  if (deskToday(systemClock) !== layer.seededOn) {
    const { seedLocalDesk } = await import("../../functions/seed/local.ts");
    return seedLocalDesk({ doc, tableNames, clock: systemClock });
  }
  await Promise.all(
    (["desk", "audit"] as const).map(async (table) =>
      batchWrite(doc, tableNames[table], await everyItem(doc, layer.tableNames[table])),
    ),
  );
  return layer.seed;
};

/** `search`: build the index and follow the stream (off by default: few files search, and each index is a rebuild). */
export async function startE2eStack({ search = false }: { search?: boolean } = {}): Promise<E2eStack> {
  const dataDir = mkdtempSync(join(tmpdir(), "desk-e2e-"));
  const logged: string[] = [];
  const stack = await startLocalStack({
    dataDir,
    inMemory: true,
    dynamoEndpoint: inject("dynamoEndpoint"),
    tablePrefix: `${randomUUID().slice(0, 8)}-`,
    apiPort: 0,
    sesPort: 0,
    search,
    seed: copyOfLayerSeed,
    log: (line) => logged.push(line),
  }).catch((error: unknown) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  return {
    ...stack,
    logged,
    stop: async () => {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
