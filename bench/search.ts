// Search latency at one connection (issue 15): GET /search through the assistance group's router, in process, against
// DynamoDB Local holding the snapshot scale fixture at 1x and 10x with its search index; every DynamoDB command
// counted, so a Scan would show.
import { randomUUID } from "node:crypto";
import { Logger } from "@aws-lambda-powertools/logger";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { assistanceModules } from "../functions/api/assistance.ts";
import { fixedClock } from "../shared/clock.ts";
import { createDocumentClient, createDynamoClient } from "../shared/dynamo/client.ts";
import { ensureTables } from "../shared/dynamo/ensure-tables.ts";
import { lazyRoutes } from "../shared/http/route.ts";
import { createRouter } from "../shared/http/router.ts";
import { rebuildSearchIndex } from "../shared/search/rebuild.ts";
import type { TableNames } from "../shared/tables.ts";
import { apiEvent } from "../test/support/api-event.ts";
import { loadSnapshotScale, SCALE_NOW, type ScaleBase } from "../test/support/snapshot-scale.ts";
import { countCalls, difference, scansOf, totalCalls } from "./dynamo-calls.ts";
import { type BenchResult, figure } from "./results.ts";
import { percentile, round } from "./stats.ts";
import { JUDGED_CONNECTIONS, READ_P99_LIMIT_MS } from "./targets.ts";

const REGION = "us-east-1";

export interface SearchSettings {
  factors: readonly number[];
  /** Unmeasured searches first (JIT, connections), then the measured ones, one after the other. */
  warmup: number;
  searches: number;
}

export interface SearchScale {
  factor: number;
  records: number;
  tokens: number;
  indexMs: number;
  p50: number;
  p99: number;
  max: number;
  commands: Record<string, number>;
  /** Items DynamoDB examined over the measured searches (ScannedCount). */
  itemsRead: number;
  searches: number;
}

/**
 * What staff type: short and long prefixes, codes, names in other scripts, and the start of contacts' names and
 * addresses as stored at this scale (so contact searches find something).
 */
function queriesFor(contactNames: readonly string[]): string[] {
  const fixed = [
    "ma",
    "mali",
    "rep",
    "repub centr",
    "马里",
    "россия",
    "الجزائر",
    "cote d",
    "iaea",
    "opcw",
    "first-rep",
  ];
  const fromData = contactNames.slice(0, 20).flatMap((name) => name.split(/\s+/).map((word) => word.slice(0, 3)));
  return [...fixed, ...fromData.filter((word) => word.length >= 2)];
}

async function contactNames(doc: ReturnType<typeof createDocumentClient>, tableNames: TableNames) {
  const page = await doc.send(
    new QueryCommand({
      TableName: tableNames.desk,
      IndexName: "gsi1",
      KeyConditionExpression: "gsi1pk = :role",
      ExpressionAttributeValues: { ":role": "CONTACT#ROLE#capital-poc" },
      Limit: 20,
    }),
  );
  return (page.Items ?? []).map((item) => String(item.name));
}

export async function measureSearch(
  settings: SearchSettings,
  dynamoEndpoint: string,
  onProgress: (line: string) => void,
): Promise<SearchScale[]> {
  const loaderClient = createDynamoClient({ region: REGION, endpoint: dynamoEndpoint });
  const loader = createDocumentClient(loaderClient);
  const measuredClient = createDynamoClient({ region: REGION, endpoint: dynamoEndpoint });
  const counter = countCalls(measuredClient);
  const doc = createDocumentClient(measuredClient);
  const logger = new Logger({ serviceName: "bench-search", logLevel: "SILENT" });
  const scales: SearchScale[] = [];
  let base: ScaleBase | undefined;
  try {
    for (const factor of settings.factors) {
      const tableNames: TableNames = {
        desk: `search-${randomUUID().slice(0, 8)}-${factor}x-desk`,
        audit: `search-${randomUUID().slice(0, 8)}-${factor}x-audit`,
      };
      // No stream: the index is built below, and DynamoDB Local slows every command on a table by the stream records it
      // keeps (measured at 10x: GetItem 8.3 ms with the stream, 2.3 ms without; ADR 0022). AWS reads do not.
      await ensureTables(loaderClient, tableNames, { streams: false });
      const load = await loadSnapshotScale(loader, tableNames, factor, base);
      base = load.base;
      // The index as the stream indexer leaves it, built in one pass here (the same token derivation).
      const indexStarted = performance.now();
      const index = await rebuildSearchIndex({ doc: loader, tableNames });
      const indexMs = performance.now() - indexStarted;
      onProgress(`search: ${factor}x indexed: ${index.records} records, ${index.tokensWritten} tokens`);

      // The assistance group serves the search (ADR 0014's amendment of 2026-12-05).
      const router = createRouter(
        lazyRoutes(assistanceModules, { doc, tableNames, clock: fixedClock(SCALE_NOW) }),
        logger,
      );
      const queries = queriesFor(await contactNames(loader, tableNames));
      const search = async (position: number) => {
        const q = queries[position % queries.length] ?? "ma";
        const started = performance.now();
        const answer = await router.dispatch(
          apiEvent({ path: "/search", query: `q=${encodeURIComponent(q)}`, group: "secretariat" }),
          "bench",
        );
        const ms = performance.now() - started;
        if (answer.statusCode !== 200) throw new Error(`search ${q}: ${answer.statusCode} ${answer.body}`);
        return ms;
      };
      for (let i = 0; i < settings.warmup; i++) await search(i);
      const before = counter.snapshot();
      const times: number[] = [];
      for (let i = 0; i < settings.searches; i++) times.push(await search(i));
      const { commands, itemsRead } = difference(before, counter.snapshot());
      const scale = {
        factor,
        records: index.records,
        tokens: index.tokensWritten,
        indexMs,
        p50: percentile(times, 50),
        p99: percentile(times, 99),
        max: Math.max(...times),
        commands,
        itemsRead,
        searches: settings.searches,
      };
      onProgress(
        `search: ${factor}x p50 ${scale.p50.toFixed(1)} ms, p99 ${scale.p99.toFixed(1)} ms over ${settings.searches} ` +
          `searches; ${Object.entries(commands)
            .map(([name, count]) => `${name} ${count}`)
            .join(", ")}; ${(itemsRead / settings.searches).toFixed(1)} items read a search`,
      );
      scales.push(scale);
    }
    return scales;
  } finally {
    loaderClient.destroy();
    measuredClient.destroy();
  }
}

/** p50 and p99 per factor (the largest judged against the read target at one connection), and the Scans: none. */
export function searchFigures(scales: readonly SearchScale[]): BenchResult[] {
  const largest = Math.max(...scales.map((scale) => scale.factor));
  return scales.flatMap((scale) => {
    const judged = scale.factor === largest;
    const scans = scansOf(scale.commands);
    return [
      figure(`search.${scale.factor}x.p50`, round(scale.p50), "ms"),
      figure(
        `search.${scale.factor}x.p99`,
        round(scale.p99),
        "ms",
        judged
          ? {
              text: `< ${READ_P99_LIMIT_MS} ms at ${JUDGED_CONNECTIONS} connection, ${scale.factor}x`,
              met: scale.p99 < READ_P99_LIMIT_MS,
            }
          : undefined,
      ),
      figure(`search.${scale.factor}x.scans`, scans, "calls", { text: "0 (Query only)", met: scans === 0 }),
      figure(`search.${scale.factor}x.commands`, round(totalCalls(scale.commands) / scale.searches, 1), "calls"),
      figure(`search.${scale.factor}x.itemsRead`, round(scale.itemsRead / scale.searches, 1), "items"),
      figure(`search.${scale.factor}x.tokens`, scale.tokens, "items"),
      figure(`search.${scale.factor}x.index`, round(scale.indexMs / 1000, 1), "s"),
    ];
  });
}
