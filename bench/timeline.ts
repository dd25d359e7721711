// Timeline latency: GET /states/{iso3}/timeline through the dossier group's handler at one connection (one request
// after another), over the demo data set at 1x and 10x (the snapshot scale fixture: submissions, contacts,
// assistance, waves and their letters; each State's audit trail copied as many times), with every DynamoDB call
// counted: the page must come from Queries, never a Scan.
import { randomUUID } from "node:crypto";
import { Logger } from "@aws-lambda-powertools/logger";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { createDossierHandler } from "../functions/api/dossier.ts";
import { startDynamoDbLocal } from "../infra/local/dynamodb-local.ts";
import { auditKeys } from "../shared/audit/audit-entry.ts";
import { fixedClock } from "../shared/clock.ts";
import { toAuditEntry } from "../shared/dossier/audit-trail.ts";
import { createDocumentClient, createDynamoClient } from "../shared/dynamo/client.ts";
import { ensureTables } from "../shared/dynamo/ensure-tables.ts";
import { queryEveryPage } from "../shared/dynamo/pagination.ts";
import { newId } from "../shared/ids.ts";
import { loadMemberStates } from "../shared/registry/member-states.ts";
import type { TableNames } from "../shared/tables.ts";
import { apiEvent, lambdaContext } from "../test/support/api-event.ts";
import { loadSnapshotScale, SCALE_NOW, type ScaleBase } from "../test/support/snapshot-scale.ts";
import { batchWrite } from "../test/support/table-items.ts";
import { countCalls, scansOf, totalCalls } from "./dynamo-calls.ts";
import { type BenchResult, figure } from "./results.ts";
import { percentile, round } from "./stats.ts";

const REGION = "us-east-1";
const FACTORS = [1, 10] as const;
/** The first factor also warms the engine's and the handler's JIT: a single second left 1x slower than 10x. */
const WARMUP_MS = 3_000;
const MEASURE_MS = 5_000;
/** The issue's bar: p99 under 25 ms at 10x. */
const P99_LIMIT_MS = 25;
const DAY_MS = 86_400_000;

/** Every State's audit entries of the 1x load, read State by State through the byState index. */
async function stateTrails(doc: ReturnType<typeof createDocumentClient>, tableNames: TableNames) {
  const codes = loadMemberStates().map((state) => state.iso3);
  const trails = await Promise.all(
    codes.map((iso3) =>
      queryEveryPage(doc, {
        TableName: tableNames.audit,
        IndexName: "byState",
        KeyConditionExpression: "iso3 = :iso3",
        ExpressionAttributeValues: { ":iso3": iso3 },
      }),
    ),
  );
  return trails.flat();
}

/**
 * Copy k of an audit item: a day earlier per copy, a new id, so the trail grows as the years add to it; its keys
 * (the timeline's too) written as for an entry of that time.
 */
function auditCopy(item: Record<string, unknown>, k: number, clock: ReturnType<typeof fixedClock>) {
  const at = new Date(Date.parse(String(item.at)) - k * DAY_MS).toISOString();
  const copy = { ...item, id: newId(clock), at };
  return { ...copy, ...auditKeys(toAuditEntry(copy)) };
}

export async function measureTimeline(onProgress: (line: string) => void): Promise<BenchResult[]> {
  const dynamo = await startDynamoDbLocal({ inMemory: true });
  const client = createDynamoClient({ region: REGION, endpoint: dynamo.endpoint });
  const doc = createDocumentClient(client);
  const clock = fixedClock(SCALE_NOW);
  const results: BenchResult[] = [];
  try {
    let base: ScaleBase | undefined;
    let trail: Record<string, unknown>[] = [];
    const codes = loadMemberStates().map((state) => state.iso3);
    for (const factor of FACTORS) {
      const prefix = `timeline-${randomUUID().slice(0, 8)}-${factor}x`;
      const tableNames: TableNames = { desk: `${prefix}-desk`, audit: `${prefix}-audit` };
      // No stream: nothing here reads it, and DynamoDB Local slows every command on a table by the stream records it
      // keeps (ADR 0022).
      await ensureTables(client, tableNames, { streams: false });
      const load = await loadSnapshotScale(doc, tableNames, factor, base);
      base = load.base;
      if (factor === 1) trail = await stateTrails(doc, tableNames);
      else {
        const copies = Array.from({ length: factor - 1 }, (_, k) => trail.map((item) => auditCopy(item, k + 1, clock)));
        await batchWrite(doc, tableNames.audit, copies.flat());
      }
      onProgress(`timeline: ${factor}x loaded (${trail.length * factor} audit entries, ${load.items.message} letters)`);

      const measured = createDynamoClient({ region: REGION, endpoint: dynamo.endpoint });
      const counter = countCalls(measured);
      const handler = createDossierHandler({
        doc: createDocumentClient(measured),
        tableNames,
        clock,
        logger: new Logger({ logLevel: "SILENT" }),
      });
      const latencies: number[] = [];
      let entries = 0;
      let index = 0;
      const started = performance.now();
      while (performance.now() - started < WARMUP_MS + MEASURE_MS) {
        const iso3 = codes[index++ % codes.length] as string;
        const event = apiEvent({ path: `/states/${iso3}/timeline`, group: "secretariat" });
        const sent = performance.now();
        const response = (await handler(event, lambdaContext)) as APIGatewayProxyStructuredResultV2;
        const ms = performance.now() - sent;
        if (response.statusCode !== 200) throw new Error(`timeline of ${iso3}: ${response.statusCode}`);
        if (sent - started >= WARMUP_MS) {
          latencies.push(ms);
          entries += (JSON.parse(response.body ?? "{}") as { items?: unknown[] }).items?.length ?? 0;
        }
      }
      // Every command of the run, the warm-up's too: a Scan anywhere fails the section's target.
      const { commands: calls, itemsRead } = counter.snapshot();
      const scans = scansOf(calls);
      const requests = index;
      measured.destroy();
      const p99 = percentile(latencies, 99);
      onProgress(
        `timeline: ${factor}x ${latencies.length} requests, p50 ${percentile(latencies, 50).toFixed(1)} ms, ` +
          `p99 ${p99.toFixed(1)} ms, ${(entries / latencies.length).toFixed(1)} entries a page, ` +
          `${Object.entries(calls)
            .map(([name, count]) => `${name} ${count}`)
            .join(", ")} over ${requests} requests with the warm-up; ${(itemsRead / requests).toFixed(1)} items read ` +
          "a request",
      );
      const target = factor === 10 ? { text: `< ${P99_LIMIT_MS} ms`, met: p99 < P99_LIMIT_MS } : undefined;
      results.push(
        figure(`timeline.${factor}x.p50`, round(percentile(latencies, 50)), "ms"),
        figure(`timeline.${factor}x.p99`, round(p99), "ms", target),
        figure(`timeline.${factor}x.entriesPerPage`, round(entries / latencies.length, 1), "entries"),
        figure(`timeline.${factor}x.scans`, scans, "calls", { text: "0", met: scans === 0 }),
        figure(`timeline.${factor}x.commands`, round(totalCalls(calls) / requests, 1), "calls"),
        figure(`timeline.${factor}x.itemsRead`, round(itemsRead / requests, 1), "items"),
      );
    }
    return results;
  } finally {
    client.destroy();
    await dynamo.stop();
  }
}
