// DynamoDB calls counted at the SDK, by middleware on a client: commands by name, HTTP attempts, capacity consumed.
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";

export interface CallCounts {
  /** SDK commands by name (GetItem, Query, TransactWriteItems...), one per command whatever its retries. */
  commands: Record<string, number>;
  /** HTTP requests the SDK sent, retries included. */
  attempts: number;
  /** Capacity units DynamoDB reported by command, when asked for (none otherwise). */
  units: Record<string, number>;
  /** Items the read commands examined: a Query's or Scan's ScannedCount (filtered out or not), a GetItem's one. */
  itemsRead: number;
}

/** The data-plane commands that take `ReturnConsumedCapacity`; the reads among them. */
const WITH_CAPACITY = new Set([
  "GetItem",
  "BatchGetItem",
  "Query",
  "Scan",
  "TransactGetItems",
  "PutItem",
  "UpdateItem",
  "DeleteItem",
  "BatchWriteItem",
  "TransactWriteItems",
]);
const READS = new Set(["GetItem", "BatchGetItem", "Query", "Scan", "TransactGetItems"]);

/** What a read examined: DynamoDB's ScannedCount where it answers one, else the items it returned. */
function itemsReadOf(output: unknown): number {
  if (typeof output !== "object" || output === null) return 0;
  const answer = output as { ScannedCount?: number; Items?: unknown[]; Item?: unknown; Responses?: unknown };
  if (typeof answer.ScannedCount === "number") return answer.ScannedCount;
  if (Array.isArray(answer.Items)) return answer.Items.length;
  if (answer.Item) return 1;
  if (answer.Responses && typeof answer.Responses === "object") {
    return Object.values(answer.Responses).reduce<number>(
      (sum, items) => sum + (Array.isArray(items) ? items.length : items ? 1 : 0),
      0,
    );
  }
  return 0;
}

interface Capacity {
  CapacityUnits?: number;
}

/** GetItem, Query and Scan answer one ConsumedCapacity; the batch and transaction commands one per table. */
function unitsOf(output: unknown): number {
  if (typeof output !== "object" || output === null || !("ConsumedCapacity" in output)) return 0;
  const consumed = output.ConsumedCapacity as Capacity | Capacity[] | undefined;
  const entries = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
  return entries.reduce((sum, entry) => sum + (entry.CapacityUnits ?? 0), 0);
}

/**
 * Counts every command sent through `client` (and the document clients built on it): at the `initialize` step once
 * per call, at `deserialize` once per HTTP attempt. With `consumedCapacity`, each data-plane command is also sent with
 * `ReturnConsumedCapacity: TOTAL` and the units DynamoDB answers are summed.
 */
export function countCalls(client: DynamoDBClient, options: { consumedCapacity?: boolean } = {}) {
  const commands = new Map<string, number>();
  let attempts = 0;
  let itemsRead = 0;
  const units = new Map<string, number>();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = (context.commandName ?? "unknown").replace(/Command$/, "");
      commands.set(name, (commands.get(name) ?? 0) + 1);
      if (!options.consumedCapacity || !WITH_CAPACITY.has(name)) {
        const result = await next(args);
        if (READS.has(name)) itemsRead += itemsReadOf(result.output);
        return result;
      }
      const input = { ...(args.input as Record<string, unknown>), ReturnConsumedCapacity: "TOTAL" };
      const result = await next({ ...args, input });
      units.set(name, (units.get(name) ?? 0) + unitsOf(result.output));
      if (READS.has(name)) itemsRead += itemsReadOf(result.output);
      return result;
    },
    { step: "initialize", name: "benchCountCommands" },
  );
  client.middlewareStack.add(
    (next) => async (args) => {
      attempts += 1;
      return next(args);
    },
    { step: "deserialize", name: "benchCountAttempts" },
  );
  return {
    snapshot: (): CallCounts => ({
      commands: Object.fromEntries(commands),
      attempts,
      units: Object.fromEntries(units),
      itemsRead,
    }),
  };
}

function subtract(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  const delta: Record<string, number> = {};
  for (const [name, value] of Object.entries(after)) {
    const change = value - (before[name] ?? 0);
    if (change > 0) delta[name] = change;
  }
  return delta;
}

/** What was counted between two snapshots. */
export function difference(before: CallCounts, after: CallCounts): CallCounts {
  return {
    commands: subtract(after.commands, before.commands),
    attempts: after.attempts - before.attempts,
    units: subtract(after.units, before.units),
    itemsRead: after.itemsRead - before.itemsRead,
  };
}

/** Read capacity units: those of the read commands. */
export const readUnitsOf = (units: Record<string, number>): number =>
  Object.entries(units)
    .filter(([name]) => READS.has(name))
    .reduce((sum, [, value]) => sum + value, 0);

/** The Scans among the commands: any on a request path is a failure. */
export const scansOf = (commands: Record<string, number>): number =>
  Object.entries(commands)
    .filter(([name]) => name.includes("Scan"))
    .reduce((sum, [, count]) => sum + count, 0);

export const totalCalls = (commands: Record<string, number>): number =>
  Object.values(commands).reduce((sum, count) => sum + count, 0);
