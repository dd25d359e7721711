// `npm run bench`: every figure from one run, written to BENCHMARKS.md and bench/results.json.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { type ApiSettings, measureApi } from "./api.ts";
import { type Bundle, bundle, bundleAll, bundleSource, FLOOR_NAME } from "./bundles.ts";
import { measureColdStarts, measureCompile, profileColdStart } from "./cold-start.ts";
import { describeMachine } from "./machine.ts";
import { projectRoot, reportFile, resultsFile } from "./paths.ts";
import { type Investigation, renderReport } from "./report.ts";
import { type BenchResult, figure, notMeasured } from "./results.ts";
import { round } from "./stats.ts";
import { BUNDLE_LIMIT_KB, COLD_START_RATIO_LIMIT, READ_P50_LIMIT_MS, READ_P99_LIMIT_MS } from "./targets.ts";

const COLD_START_RUNS = 20;
const COMPILE_RUNS = 7;
const PROFILE_RUNS = 3;
const PROBE_RUNS = 10;
const apiSettings: ApiSettings = { warmupSeconds: 3, seconds: 8, controlSegments: 4, connectionLevels: [1, 10] };

/** The same schema both ways: the namespace object `z`, and named imports that let esbuild drop the rest. */
const zodProbes = {
  "zod, `import { z }`": `import * as z from "zod"; export const schema = z.object({ iso3: z.string() });`,
  "zod, named imports": `import { object, string } from "zod"; export const schema = object({ iso3: string() });`,
};

const started = performance.now();
const date = new Date();
const [loadAtStart = 0] = loadavg();
const log = (line: string) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0)}s] ${line}`);
const kb = (bytes: number) => bytes / 1024;

const outDir = mkdtempSync(join(tmpdir(), "desk-bench-"));
try {
  const machine = describeMachine();
  log(`${machine.nproc} cores, ${machine.totalMemoryGiB} GiB, ${machine.cpuModel}, Node ${machine.node}`);

  const bundles = await bundleAll(outDir);
  for (const b of bundles) log(`bundle ${b.name}: ${kb(b.bytes).toFixed(1)} KB`);
  const handlers = bundles.filter((b) => b.name !== FLOOR_NAME);
  const floor = bundles.find((b) => b.name === FLOOR_NAME);
  if (!floor) throw new Error("The floor bundle is missing");

  const cold = await measureColdStarts(bundles, COLD_START_RUNS, log);
  const compile = await measureCompile(bundles, COMPILE_RUNS);
  const floorMs = cold.find((c) => c.name === FLOOR_NAME)?.medianMs ?? Number.NaN;
  for (const c of cold) log(`cold start ${c.name}: median ${c.medianMs.toFixed(1)} ms`);

  const overSize = handlers.filter((b) => kb(b.bytes) > BUNDLE_LIMIT_KB);
  const tooSlow = cold.filter((c) => c.name !== FLOOR_NAME && c.medianMs / floorMs > COLD_START_RATIO_LIMIT);
  let investigation: Investigation | undefined;
  if (overSize.length > 0 || tooSlow.length > 0) {
    log("a bundle or cold-start target is missed: profiling the imports and probing the largest input");
    const profiled = [...new Set([...tooSlow.map((c) => c.name), FLOOR_NAME])];
    const profiles = new Map<string, Awaited<ReturnType<typeof profileColdStart>>>();
    for (const name of profiled) {
      const source = bundles.find((b) => b.name === name);
      if (!source) continue;
      const withMap = await bundle(name, source.entry, join(outDir, "profiled"), true);
      profiles.set(name, await profileColdStart(withMap.file, PROFILE_RUNS));
    }
    const usesZod = handlers.some((b) => b.inputs.some((input) => input.name === "zod"));
    const probes: Bundle[] = [];
    if (usesZod) {
      for (const [name, contents] of Object.entries(zodProbes)) {
        probes.push(await bundleSource(name, contents, join(outDir, "probes")));
      }
    }
    const probeCold = probes.length > 0 ? await measureColdStarts(probes, PROBE_RUNS, () => undefined) : [];
    investigation = { profiles, probes, probeCold };
  }

  const api = await measureApi(apiSettings, log);

  const results: BenchResult[] = [];
  for (const b of handlers) {
    const size = round(kb(b.bytes), 1);
    results.push(
      figure(`bundle.${b.name}.size`, size, "KB", {
        text: `<= ${BUNDLE_LIMIT_KB} KB`,
        met: size <= BUNDLE_LIMIT_KB,
      }),
    );
  }
  results.push(figure("bundle.floor.size", round(kb(floor.bytes), 1), "KB"));
  for (const c of cold) {
    if (c.name === FLOOR_NAME) continue;
    const ratio = round(c.medianMs / floorMs, 2);
    results.push(figure(`cold_start.${c.name}.median`, round(c.medianMs, 1), "ms"));
    results.push(
      figure(`cold_start.${c.name}.ratio_to_floor`, ratio, "x", {
        text: `<= ${COLD_START_RATIO_LIMIT}x`,
        met: ratio <= COLD_START_RATIO_LIMIT,
      }),
    );
  }
  results.push(figure("cold_start.floor.median", round(floorMs, 1), "ms"));

  for (const { scenario, runs, calls } of api.scenarios) {
    for (const run of runs) {
      const prefix =
        run.server === "stock"
          ? `api.${scenario.key}.stock.c${run.connections}`
          : `api.${scenario.key}.c${run.connections}`;
      const targeted = scenario.singleItemRead && run.server === "instrumented";
      const p50 = round(run.p50Ms, 2);
      const p99 = round(run.p99Ms, 2);
      results.push(
        figure(
          `${prefix}.p50`,
          p50,
          "ms",
          targeted ? { text: `< ${READ_P50_LIMIT_MS} ms`, met: p50 < READ_P50_LIMIT_MS } : undefined,
        ),
        figure(
          `${prefix}.p99`,
          p99,
          "ms",
          targeted ? { text: `< ${READ_P99_LIMIT_MS} ms`, met: p99 < READ_P99_LIMIT_MS } : undefined,
        ),
        figure(`${prefix}.requests_per_second`, round(run.requestsPerSecond, 1), "req/s"),
        // A read that does not answer 2xx measured nothing; a write may meet a rare 412 by design.
        figure(
          `${prefix}.non_2xx`,
          run.non2xx + run.errors,
          "responses",
          scenario.method === "GET" && run.server === "instrumented"
            ? { text: "0", met: run.non2xx + run.errors === 0 }
            : undefined,
        ),
      );
    }
    const total = Object.values(calls.commands).reduce((sum, count) => sum + count, 0);
    const scans = Object.entries(calls.commands)
      .filter(([name]) => name.includes("Scan"))
      .reduce((sum, [, count]) => sum + count, 0);
    results.push(
      figure(`api.${scenario.key}.dynamodb_calls_per_request`, round(total / Math.max(calls.requests, 1), 3), "calls"),
      figure(`api.${scenario.key}.dynamodb_scans`, scans, "calls", {
        text: "0 (no Scan on a request path)",
        met: scans === 0,
      }),
    );
  }
  for (const run of api.engine) {
    results.push(
      figure(`api.engine_getitem.c${run.connections}.p50`, round(run.p50Ms, 2), "ms"),
      figure(`api.engine_getitem.c${run.connections}.p99`, round(run.p99Ms, 2), "ms"),
      figure(`api.engine_getitem.c${run.connections}.requests_per_second`, round(run.requestsPerSecond, 1), "req/s"),
    );
  }
  results.push(notMeasured("wave.throughput", "messages/s", null), notMeasured("snapshot.duration", "ms", null));

  const totalSeconds = (performance.now() - started) / 1000;
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(
    reportFile,
    renderReport({
      date,
      machine,
      load: { start: loadAtStart, end: loadavg()[0] ?? 0 },
      totalSeconds,
      results,
      bundles,
      cold,
      compile,
      investigation,
      api,
      apiSettings,
      coldStartRuns: COLD_START_RUNS,
      compileRuns: COMPILE_RUNS,
      profileRuns: PROFILE_RUNS,
      probeRuns: PROBE_RUNS,
      missingFunctions: ["dispatch", "send", "snapshot"].filter(
        (name) => !existsSync(join(projectRoot, "functions", name, "handler.ts")),
      ),
    }),
  );
  const missed = results.filter((result) => result.met === false).map((result) => result.name);
  log(`wrote BENCHMARKS.md and bench/results.json in ${totalSeconds.toFixed(0)} s`);
  log(missed.length === 0 ? "every target met" : `targets missed: ${missed.join(", ")}`);
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
