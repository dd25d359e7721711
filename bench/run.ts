// `npm run bench`: every figure from one run, written to BENCHMARKS.md and bench/results.json.
// `npm run bench -- --only <section>[,<section>]`: those sections alone, figures printed, nothing written.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startDynamoDbLocal } from "../infra/local/dynamodb-local.ts";
import { type ApiFigures, type ApiSettings, measureApi } from "./api.ts";
import { type Bundle, bundle, bundleAll, bundleSource, FLOOR_NAME } from "./bundles.ts";
import {
  type ColdStart,
  type ColdTarget,
  coldEnvironment,
  measureColdStarts,
  measureCompile,
  profileColdStart,
  SOURCE_MAPS_OFF,
} from "./cold-start.ts";
import { measureConsole } from "./console.ts";
import {
  apiFigures,
  bundleFigures,
  coldStartFigures,
  consoleFigures,
  snapshotFigures,
  waveFigures,
} from "./figures.ts";
import { type FirstStart, firstStartFigures, measureFirstStart } from "./first-start.ts";
import { type InitTimes, measureInitTimes } from "./init-time.ts";
import { CLIENTS_PROBE_NAME, clientsProbe, schemasProbe, schemasProbeName } from "./lower-bound-probes.ts";
import { describeMachine } from "./machine.ts";
import { reportFile, resultsFile } from "./paths.ts";
import { type Investigation, renderReport, type SectionTime } from "./report.ts";
import { type BenchResult, figure } from "./results.ts";
import { measureSearch, searchFigures } from "./search.ts";
import { measureSnapshotScaling, type SnapshotScale, type SnapshotSettings } from "./snapshot.ts";
import { round } from "./stats.ts";
import { BENCH_DURATION_LIMIT_S, COLD_START_RATIO_LIMIT } from "./targets.ts";
import { measureTimeline } from "./timeline.ts";
import { measureTrials, type TrialResult, withoutCredentialsAlias } from "./trials.ts";
import { measureWaves, type WaveRun, type WaveRunSettings } from "./wave.ts";
import { measureZodProbes } from "./zod-probe.ts";

const SECTIONS = [
  "bundles",
  "cold-start",
  "api",
  "timeline",
  "search",
  "wave",
  "snapshot",
  "console",
  "first-start",
] as const;
type Section = (typeof SECTIONS)[number];

const COLD_START_RUNS = 20;
const COMPILE_RUNS = 7;
const PROFILE_RUNS = 3;
const INIT_TIME_RUNS = 7;
const ZOD_PROBE_RUNS = 10;
/** The investigation of a missed cold-start target covers the slowest few handlers, beside the floor. */
const INVESTIGATED_HANDLERS = 3;
/**
 * 5 s per level and server: over a thousand responses at one connection, a p99 from the top ten or more. The control's
 * two segments (instrumented then stock, then stock then instrumented) balance warming and noise between the two.
 */
const apiSettings: ApiSettings = { warmupSeconds: 2, seconds: 5, controlSegments: 2, connectionLevels: [1, 10] };
/**
 * Each run sends for about a minute or two: 700 letters at 14/s (about 52 s; 10,000 would take 12 minutes alone) and
 * the 10,000 at 100/s (about 104 s). 700, not 1,000: the whole bench must stay under ten minutes. 2 senders
 * is the deployed default (SQS's lowest maximum concurrency); the 100/s run stands for
 * `-c sendRate=100 -c sendConcurrency=10`.
 */
const waveRuns: WaveRunSettings[] = [
  { maxSendRate: 14, recipients: 700, instances: 2 },
  { maxSendRate: 100, recipients: 10_000, instances: 10 },
];
/** The three scales, three measured snapshots each. */
const snapshotSettings: SnapshotSettings = { factors: [1, 10, 100], runs: 3 };
/** A cold-start row beside the floor: the same one-client bundle with the SDK's whole credential chain. */
const FLOOR_CHAIN_NAME = "floor, whole credential chain";

function selectedSections(): readonly Section[] {
  const { values } = parseArgs({ options: { only: { type: "string" } } });
  if (values.only === undefined) return SECTIONS;
  const names = values.only.split(",").map((name) => name.trim());
  const unknown = names.filter((name) => !SECTIONS.some((section) => section === name));
  if (unknown.length > 0 || names.length === 0) {
    throw new Error(`--only takes one or more of ${SECTIONS.join(", ")} (comma-separated), not ${values.only}`);
  }
  return SECTIONS.filter((section) => names.includes(section));
}

const sections = selectedSections();
const fullRun = sections.length === SECTIONS.length;
const started = performance.now();
const date = new Date();
const [loadAtStart = 0] = loadavg();
const log = (line: string) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0)}s] ${line}`);
const kb = (bytes: number) => bytes / 1024;
const times: SectionTime[] = [];

/** Runs one section, timed for the report's account of where the run's time went. */
async function timed<T>(section: Section, measure: () => Promise<T>): Promise<T> {
  const sectionStarted = performance.now();
  const result = await measure();
  times.push({ section, seconds: (performance.now() - sectionStarted) / 1000 });
  log(`${section}: ${times.at(-1)?.seconds.toFixed(0)} s`);
  return result;
}

interface ColdSection {
  cold: ColdStart[];
  compile: Map<string, number>;
  investigation: Investigation | undefined;
  referenceNames: string[];
}

async function coldStartSection(bundles: Bundle[], largest: Bundle | undefined, outDir: string): Promise<ColdSection> {
  const handlers = bundles.filter((b) => b.name !== FLOOR_NAME);
  const floor = bundles.find((b) => b.name === FLOOR_NAME);
  if (!floor) throw new Error("The floor bundle is missing");
  const floorChain = await bundle(FLOOR_CHAIN_NAME, floor.entry, outDir, withoutCredentialsAlias);
  const { NODE_OPTIONS, ...withoutNodeOptions } = coldEnvironment;
  const references: ColdTarget[] = [floorChain];
  if (largest) {
    references.push({ name: `${largest.name}${SOURCE_MAPS_OFF}`, file: largest.file, environment: withoutNodeOptions });
  }
  // ADR 0042's lower bound, in every run: what a function pays for its clients and for zod before any code of ours.
  references.push(await bundleSource(CLIENTS_PROBE_NAME, clientsProbe, outDir));
  for (const flavour of ["zod/mini", "zod"] as const) {
    references.push(await bundleSource(schemasProbeName(flavour, 1), schemasProbe(flavour, 1), outDir));
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
  return { cold, compile, investigation, referenceNames: references.map((reference) => reference.name) };
}

function largestHandler(bundles: readonly Bundle[]): Bundle | undefined {
  return bundles
    .filter((b) => b.name !== FLOOR_NAME)
    .reduce<Bundle | undefined>((max, b) => (max && max.bytes >= b.bytes ? max : b), undefined);
}

/** The figures of a partial run, on the console only: BENCHMARKS.md and results.json hold one whole run. */
function printFigures(results: readonly BenchResult[]) {
  for (const result of results) {
    const verdict = result.met === null ? "" : ` (${result.target}: ${result.met ? "met" : "MISSED"})`;
    console.log(`${result.name} = ${result.value ?? "not measured"} ${result.unit}${verdict}`);
  }
}

const outDir = mkdtempSync(join(tmpdir(), "desk-bench-"));
try {
  const machine = describeMachine();
  log(`${machine.nproc} cores, ${machine.totalMemoryGiB} GiB, ${machine.cpuModel}, Node ${machine.node}`);
  log(fullRun ? "every section" : `only ${sections.join(", ")}: nothing is written`);
  const results: BenchResult[] = [];

  // The cold starts import the bundles, so they are built for either section.
  let bundles: Bundle[] = [];
  let trials: TrialResult[] = [];
  if (sections.includes("bundles") || sections.includes("cold-start")) {
    bundles = await timed("bundles", async () => {
      const built = await bundleAll(outDir);
      for (const b of built) log(`bundle ${b.name}: ${kb(b.bytes).toFixed(1)} KB`);
      const floorBundle = built.find((b) => b.name === FLOOR_NAME);
      if (sections.includes("bundles") && floorBundle) {
        // The trials change SDK-level options: the largest handler and the floor show what each does.
        const biggest = largestHandler(built);
        trials = await measureTrials(biggest ? [biggest, floorBundle] : [floorBundle], outDir);
        log(`bundle trials: ${trials.map((t) => t.trial.key).join(", ")}`);
      }
      return built;
    });
  }
  const handlers = bundles.filter((b) => b.name !== FLOOR_NAME);
  const floor = bundles.find((b) => b.name === FLOOR_NAME);
  const largest = largestHandler(bundles);
  if (sections.includes("bundles") && floor) results.push(...bundleFigures(handlers, floor));

  let cold: ColdSection | undefined;
  if (sections.includes("cold-start")) {
    cold = await timed("cold-start", () => coldStartSection(bundles, largest, outDir));
    results.push(
      ...coldStartFigures(
        cold.cold,
        handlers.map((b) => b.name),
        FLOOR_NAME,
      ),
    );
  }

  let api: ApiFigures | undefined;
  if (sections.includes("api")) {
    api = await timed("api", () => measureApi(apiSettings, log));
    results.push(...apiFigures(api));
  }

  // The read paths' p99s run before the waves: after the 10,000-letter wave the timeline's p99 was half as much again
  // (28.7 ms against 19.5 ms run alone, 2026-12-04), on its own DynamoDB Local all the same.
  if (sections.includes("timeline")) results.push(...(await timed("timeline", () => measureTimeline(log))));
  if (sections.includes("search")) {
    const dynamo = await startDynamoDbLocal({ inMemory: true });
    try {
      const settings = { factors: [1, 10], warmup: 300, searches: 1_000 };
      results.push(...searchFigures(await timed("search", () => measureSearch(settings, dynamo.endpoint, log))));
    } finally {
      await dynamo.stop();
    }
  }

  // The waves and the snapshots share one in-memory DynamoDB Local, whose JIT the waves have warmed.
  let waves: WaveRun[] = [];
  let snapshots: SnapshotScale[] = [];
  if (sections.includes("wave") || sections.includes("snapshot")) {
    const dynamo = await startDynamoDbLocal({ inMemory: true });
    try {
      if (sections.includes("wave")) {
        waves = await timed("wave", () => measureWaves(waveRuns, dynamo.endpoint, log));
        results.push(...waveFigures(waves));
      }
      if (sections.includes("snapshot")) {
        snapshots = await timed("snapshot", () => measureSnapshotScaling(snapshotSettings, dynamo.endpoint, log));
        results.push(...snapshotFigures(snapshots));
      }
    } finally {
      await dynamo.stop();
    }
  }

  if (sections.includes("console")) results.push(...consoleFigures(await timed("console", () => measureConsole(log))));
  let firstStart: FirstStart | undefined;
  if (sections.includes("first-start")) {
    firstStart = await timed("first-start", () => measureFirstStart(log));
    for (const line of firstStart.progress) log(`first start: ${line.trim()}`);
    results.push(...firstStartFigures(firstStart));
  }

  const totalSeconds = (performance.now() - started) / 1000;
  const missed = results.filter((result) => result.met === false).map((result) => result.name);
  if (!fullRun || !floor || !cold || !api) {
    printFigures(results);
    log(
      `${sections.join(", ")} in ${totalSeconds.toFixed(0)} s; BENCHMARKS.md and bench/results.json left as they were`,
    );
  } else {
    results.push(
      figure("bench.duration", round(totalSeconds, 0), "s", {
        text: `< ${BENCH_DURATION_LIMIT_S} s (the whole run)`,
        met: totalSeconds < BENCH_DURATION_LIMIT_S,
      }),
      ...times.map((time) => figure(`bench.section.${time.section}`, round(time.seconds, 0), "s")),
    );
    writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(
      reportFile,
      renderReport({
        date,
        machine,
        load: { start: loadAtStart, end: loadavg()[0] ?? 0 },
        totalSeconds,
        sectionTimes: times,
        results,
        bundles,
        cold: cold.cold,
        compile: cold.compile,
        investigation: cold.investigation,
        api,
        apiSettings,
        coldStartRuns: COLD_START_RUNS,
        compileRuns: COMPILE_RUNS,
        profileRuns: PROFILE_RUNS,
        initTimeRuns: INIT_TIME_RUNS,
        zodProbeRuns: ZOD_PROBE_RUNS,
        trials,
        referenceNames: cold.referenceNames,
        waves,
        snapshots,
        snapshotSettings,
        firstStart,
      }),
    );
    log(`wrote BENCHMARKS.md and bench/results.json in ${totalSeconds.toFixed(0)} s`);
  }
  log(missed.length === 0 ? "every target met" : `targets missed: ${missed.join(", ")}`);
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
