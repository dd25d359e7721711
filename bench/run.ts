// `npm run bench`: every figure from one run, written to BENCHMARKS.md and bench/results.json.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { type ApiSettings, measureApi } from "./api.ts";
import { type Bundle, bundle, bundleAll, FLOOR_NAME } from "./bundles.ts";
import {
  type ColdTarget,
  coldEnvironment,
  measureColdStarts,
  measureCompile,
  profileColdStart,
  SOURCE_MAPS_OFF,
} from "./cold-start.ts";
import { type InitTimes, measureInitTimes } from "./init-time.ts";
import { describeMachine } from "./machine.ts";
import { projectRoot, reportFile, resultsFile } from "./paths.ts";
import { type Investigation, renderReport } from "./report.ts";
import { type BenchResult, figure, notMeasured } from "./results.ts";
import { round } from "./stats.ts";
import {
  BUNDLE_LIMIT_KB,
  COLD_START_RATIO_LIMIT,
  READ_P50_LIMIT_MS,
  READ_P99_LIMIT_MS,
  SNAPSHOT_SCALING_LIMIT,
  WAVE_RATE_RATIO_LIMIT,
} from "./targets.ts";
import { measureTrials, withoutCredentialsAlias } from "./trials.ts";
import { measureWaves, PACER_AIM, type WaveRunSettings } from "./wave.ts";
import { measureZodProbes } from "./zod-probe.ts";

const COLD_START_RUNS = 20;
const COMPILE_RUNS = 7;
const PROFILE_RUNS = 3;
const INIT_TIME_RUNS = 7;
const ZOD_PROBE_RUNS = 10;
/** The investigation of a missed cold-start target covers the slowest few handlers, beside the floor. */
const INVESTIGATED_HANDLERS = 3;
const apiSettings: ApiSettings = { warmupSeconds: 3, seconds: 8, controlSegments: 4, connectionLevels: [1, 10] };
/**
 * Sized so that each run sends for about a minute or two and the whole bench stays under ten minutes: 10,000 at 14/s
 * would take 12 minutes alone; 10,000 at 100/s is about 100 s of sending now that the completion check after each batch
 * asks for one unsettled message instead of counting the whole ledger (BENCHMARKS.md, section 4). 2 senders is the deployed
 * default (SQS's lowest maximum concurrency); the 100/s run stands for `-c sendRate=100 -c sendConcurrency=10`.
 */
const waveRuns: WaveRunSettings[] = [
  { maxSendRate: 14, recipients: 1_400, instances: 2 },
  { maxSendRate: 100, recipients: 10_000, instances: 10 },
];
/** A cold-start row beside the floor: the same one-client bundle with the SDK's whole credential chain. */
const FLOOR_CHAIN_NAME = "floor, whole credential chain";

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
  // The trials change SDK-level options: the largest handler and the floor show what each does.
  const largest = handlers.reduce<Bundle | undefined>((max, b) => (max && max.bytes >= b.bytes ? max : b), undefined);
  const trials = await measureTrials(largest ? [largest, floor] : [floor], outDir);
  log(`bundle trials: ${trials.map((t) => t.trial.key).join(", ")}`);
  const floorChain = await bundle(FLOOR_CHAIN_NAME, floor.entry, outDir, withoutCredentialsAlias);

  const { NODE_OPTIONS, ...withoutNodeOptions } = coldEnvironment;
  const references: ColdTarget[] = [floorChain];
  if (largest) {
    references.push({
      name: `${largest.name}${SOURCE_MAPS_OFF}`,
      file: largest.file,
      environment: withoutNodeOptions,
    });
  }
  const cold = await measureColdStarts([...bundles, ...references], COLD_START_RUNS, log);
  const compile = await measureCompile(bundles, COMPILE_RUNS);
  const floorMs = cold.find((c) => c.name === FLOOR_NAME)?.medianMs ?? Number.NaN;
  for (const c of cold) log(`cold start ${c.name}: median ${c.medianMs.toFixed(1)} ms`);

  const tooSlow = cold
    .filter((c) => handlers.some((b) => b.name === c.name) && c.medianMs / floorMs > COLD_START_RATIO_LIMIT)
    .sort((a, b) => b.medianMs - a.medianMs);
  let investigation: Investigation | undefined;
  if (tooSlow.length > 0) {
    log("a cold-start target is missed: profiling the slowest imports and timing their modules' top levels");
    const investigated = [...tooSlow.slice(0, INVESTIGATED_HANDLERS).map((c) => c.name), FLOOR_NAME];
    const profiles = new Map<string, Awaited<ReturnType<typeof profileColdStart>>>();
    const initTimes = new Map<string, InitTimes>();
    for (const name of investigated) {
      const source = bundles.find((b) => b.name === name);
      if (!source) continue;
      profiles.set(name, await profileColdStart(source.file, PROFILE_RUNS));
      initTimes.set(name, await measureInitTimes(name, source.entry, outDir, INIT_TIME_RUNS));
    }
    const usesZod = handlers.some((b) => b.inputs.some((input) => input.name === "zod"));
    investigation = { profiles, initTimes, zod: usesZod ? await measureZodProbes(outDir, ZOD_PROBE_RUNS) : [] };
  }

  const api = await measureApi(apiSettings, log);
  const waves = await measureWaves(waveRuns, log);

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
    if (!handlers.some((b) => b.name === c.name)) {
      // A comparison row (references above): its figure, with no target.
      const key = c.name.replace(/[^\w]+/g, "_");
      results.push(figure(`cold_start.${key}.median`, round(c.medianMs, 1), "ms"));
      continue;
    }
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
  for (const wave of waves) {
    const { maxSendRate } = wave.settings;
    const prefix = `wave.r${maxSendRate}`;
    const ratio = round(wave.achievedPerSecond / maxSendRate, 3);
    const notOne = wave.letters.none + wave.letters.moreThanOne + wave.letters.strangers;
    results.push(
      figure(`${prefix}.recipients`, wave.accepted, "letters"),
      figure(`${prefix}.achieved_per_second`, round(wave.achievedPerSecond, 2), "letters/s"),
      figure(`${prefix}.rate_ratio`, ratio, "x", {
        text: `>= ${WAVE_RATE_RATIO_LIMIT}x MaxSendRate (${maxSendRate}/s)`,
        met: ratio >= WAVE_RATE_RATIO_LIMIT,
      }),
      figure(`${prefix}.ratio_to_paced_rate`, round(wave.achievedPerSecond / (maxSendRate * PACER_AIM), 3), "x"),
      figure(`${prefix}.busiest_second`, wave.busiestSecond, "letters", {
        text: `<= ${maxSendRate} (the MaxSendRate)`,
        met: wave.busiestSecond <= maxSendRate,
      }),
      figure(`${prefix}.throttling_errors`, wave.throttled, "errors", { text: "0", met: wave.throttled === 0 }),
      figure(`${prefix}.recipients_without_exactly_one_letter`, notOne, "recipients", {
        text: "0",
        met: notOne === 0 && wave.accepted === wave.settings.recipients,
      }),
      figure(`${prefix}.dispatch_ms`, round(wave.dispatchMs, 0), "ms"),
      figure(`${prefix}.completion_check_ms`, round(wave.completionCheckMs, 1), "ms"),
      figure(`${prefix}.send_ms`, round(wave.sendMs, 0), "ms"),
    );
  }
  // Snapshot scaling comes with the snapshot function's scenario (bench/run.ts: see docs/adr/0004-benchmarks.md).
  results.push(
    notMeasured("snapshot.duration_1x", "ms", null),
    notMeasured("snapshot.scaling_10x", "x", `<= ${SNAPSHOT_SCALING_LIMIT}x time(1x)`),
  );

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
      initTimeRuns: INIT_TIME_RUNS,
      zodProbeRuns: ZOD_PROBE_RUNS,
      trials,
      referenceNames: references.map((reference) => reference.name),
      waves,
      snapshotFunctionExists: existsSync(join(projectRoot, "functions", "snapshot", "handler.ts")),
    }),
  );
  const missed = results.filter((result) => result.met === false).map((result) => result.name);
  log(`wrote BENCHMARKS.md and bench/results.json in ${totalSeconds.toFixed(0)} s`);
  log(missed.length === 0 ? "every target met" : `targets missed: ${missed.join(", ")}`);
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
