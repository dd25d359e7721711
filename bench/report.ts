// BENCHMARKS.md from one run's figures: the machine, the method, the tables, and what was found when a target is missed.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { LATENESS_CREDIT, PACER_HEADROOM } from "../shared/correspondence/pacing.ts";
import { THROTTLE_RETRY_WAITS_MS } from "../shared/correspondence/send.ts";
import { MAX_ITEM_BYTES } from "../shared/dynamo/item-size.ts";
import type { ApiFigures, ApiSettings } from "./api.ts";
import { type Bundle, FLOOR_NAME } from "./bundles.ts";
import { type ColdStart, type ProfileShare, SOURCE_MAPS_OFF } from "./cold-start.ts";
import { scansOf } from "./dynamo-calls.ts";
import { FIRST_START_LIMIT_S, type FirstStart } from "./first-start.ts";
import type { InitTimes } from "./init-time.ts";
import { CLIENTS_PROBE_NAME, schemasProbeName } from "./lower-bound-probes.ts";
import type { Machine } from "./machine.ts";
import { projectRoot } from "./paths.ts";
import type { BenchResult } from "./results.ts";
import type { SnapshotScale, SnapshotSettings } from "./snapshot.ts";
import {
  BENCH_DURATION_LIMIT_S,
  BUNDLE_LIMIT_KB,
  COLD_START_RATIO_LIMIT,
  JUDGED_CONNECTIONS,
  READ_P50_LIMIT_MS,
  READ_P99_LIMIT_MS,
  SNAPSHOT_SCALING_LIMIT,
  WAVE_RATE_RATIO_LIMIT,
} from "./targets.ts";
import type { TrialResult } from "./trials.ts";
import { VISIBILITY_TIMEOUT_MS, type WaveRun } from "./wave.ts";
import { ZOD_PROBE_SCHEMAS, type ZodProbe } from "./zod-probe.ts";

export interface Investigation {
  /** Bundle name to where its import spends time, under the profiler. */
  profiles: Map<string, ProfileShare[]>;
  /** Bundle name to its modules' top-level times, without the profiler. */
  initTimes: Map<string, InitTimes>;
  /** zod's own cost, classic and mini, apart from the desk's code. */
  zod: ZodProbe[];
}

/** How long a section took, its investigation included. */
export interface SectionTime {
  section: string;
  seconds: number;
}

export interface ReportData {
  date: Date;
  machine: Machine;
  /** One-minute load average when the run started and when it ended: other work on a shared machine. */
  load: { start: number; end: number };
  totalSeconds: number;
  sectionTimes: SectionTime[];
  results: BenchResult[];
  bundles: Bundle[];
  cold: ColdStart[];
  compile: Map<string, number>;
  investigation: Investigation | undefined;
  api: ApiFigures;
  apiSettings: ApiSettings;
  coldStartRuns: number;
  compileRuns: number;
  profileRuns: number;
  initTimeRuns: number;
  zodProbeRuns: number;
  trials: TrialResult[];
  /**
   * Cold-start rows for comparison, not judged: the floor with the SDK's whole credential chain, and the largest
   * handler without source maps at load.
   */
  referenceNames: string[];
  waves: WaveRun[];
  snapshots: SnapshotScale[];
  snapshotSettings: SnapshotSettings;
  /** The first `npm start` on a fresh .local/ (absent when the section did not run). */
  firstStart?: FirstStart;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number, digits = 1) => `${value.toFixed(digits)} ms`;
const pct = (part: number, whole: number) => `${((part / whole) * 100).toFixed(0)}%`;
const code = (text: string) => `\`${text}\``;

/** Columns padded to their widest cell, as Biome's Markdown formatter writes them, so the lint passes. */
function table(headers: string[], rows: string[][]): string {
  const escaped = [headers, ...rows].map((cells) => cells.map((cell) => cell.replaceAll("|", "\\|")));
  const widths = headers.map((_, column) => Math.max(3, ...escaped.map((cells) => [...(cells[column] ?? "")].length)));
  const line = (cells: string[]) =>
    `| ${widths.map((width, column) => (cells[column] ?? "").padEnd(width)).join(" | ")} |`;
  const [head = [], ...body] = escaped;
  return [line(head), line(widths.map((width) => "-".repeat(width))), ...body.map(line)].join("\n");
}

function metText(met: boolean | null): string {
  if (met === null) return "–";
  return met ? "yes" : "**no**";
}

function formatValue(result: BenchResult): string {
  if (result.value === null) return "not measured";
  return `${result.value} ${result.unit}`;
}

function duration(seconds: number): string {
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  return minutes > 0 ? `${minutes} min ${whole - minutes * 60} s` : `${whole} s`;
}

/** Source files under shared/ and functions/ that import zod otherwise than as `import * as z from "zod"`. */
function filesImportingZodOtherwise(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts")) {
        const imports = readFileSync(path, "utf8").match(/^import\s[^;]*?from\s*"zod(?:\/[\w/-]+)?";/gm) ?? [];
        if (imports.some((line) => !/^import (type )?\* as z from "zod";$/.test(line)))
          found.push(relative(projectRoot, path));
      }
    }
  };
  for (const dir of ["shared", "functions"]) walk(join(projectRoot, dir));
  return found;
}

function header(data: ReportData): string {
  const { machine } = data;
  const stamp = `${data.date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  return `# Benchmarks

Written by ${code("npm run bench")} (${code("bench/run.ts")}); do not edit by hand. Every figure below and in
[${code("bench/results.json")}](bench/results.json) comes from one run, started ${stamp}, which took
${duration(data.totalSeconds)}. Why medians and side-by-side ratios, and what counts as a failure:
[ADR 0004](docs/adr/0004-benchmarks.md).

${table(
  ["Machine", ""],
  [
    ["Cores (`nproc`)", String(machine.nproc)],
    ["Memory", `${machine.totalMemoryGiB} GiB`],
    ["CPU (/proc/cpuinfo)", machine.cpuModel],
    ["Node.js", `${machine.node} (${machine.platform}); Lambda runs Node 24 on ARM, so absolute times differ there`],
    ["Load average (1 min)", `${data.load.start.toFixed(2)} at the start, ${data.load.end.toFixed(2)} at the end`],
    ["Reproduce", "`npm install && npm run bench` (Java 17+ for DynamoDB Local)"],
  ],
)}

The machines are shared and noisy: absolute times move from run to run, ratios measured side by side in
the same run move much less.

Where the run's ${duration(data.totalSeconds)} went (the issue asks for under ${BENCH_DURATION_LIMIT_S / 60} minutes on 2 cores), by section
as numbered below, each with its own set-up (builds, local stacks, data loads) and any investigation of a missed
target: ${data.sectionTimes.map((time) => `${time.section} ${duration(time.seconds)}`).join(", ")}. For development,
${code("npm run bench -- --only <section>")} (${code("bundles")}, ${code("cold-start")}, ${code("api")}, ${code("wave")},
${code("snapshot")}, or several with commas) prints that section's figures and writes neither file.`;
}

function summary(data: ReportData): string {
  const targeted = data.results.filter((result) => result.target !== null);
  const missed = targeted.filter((result) => result.met === false).length;
  return `## Summary

${targeted.length - missed} of ${targeted.length} targets met. Every figure, with or without a target, is in
${code("bench/results.json")}; the sections below have them all in context.

${table(
  ["Figure", "Value", "Target", "Met"],
  targeted.map((result) => [code(result.name), formatValue(result), result.target ?? "", metText(result.met)]),
)}`;
}

function bundleSection(data: ReportData, limitKb: number): string {
  const floor = data.bundles.find((b) => b.name === FLOOR_NAME);
  const rows = data.bundles.map((b) => [
    b.name === FLOOR_NAME ? `${b.name}: ${code("bench/floor-entry.ts")}` : code(b.entry),
    b.loadedBytes < b.bytes ? `${kb(b.bytes)} (a cold start reads ${kb(b.loadedBytes)})` : kb(b.bytes),
    floor ? `${(b.bytes / floor.bytes).toFixed(2)}x` : "",
    b.name === FLOOR_NAME ? "–" : `<= ${limitKb} KB: ${b.bytes / 1024 <= limitKb ? "yes" : "**no**"}`,
    b.inputs
      .slice(0, 3)
      .map((input) => `${input.name} ${kb(input.bytes)}`)
      .join(", "),
  ]);
  const over = data.bundles.filter((b) => b.name !== FLOOR_NAME && b.bytes / 1024 > limitKb);
  const otherZod = filesImportingZodOtherwise();
  return `## 1. Bundle size

Each ${code("functions/*/handler.ts")} found when the bench runs, bundled with esbuild's JS API and the options
${code("cdk deploy")} uses: ${code("deskBuildOptions()")}, imported from ${code("infra/desk-function.ts")}, where
${code("DeskFunction")} builds with them too, through the same ${code("infra/function-build.mjs")}. That is: platform node, format esm, target node24, everything bundled (the AWS SDK too), minified, mainFields module,main,
the ${code("createRequire")} banner, the source map in its own linked file, and the ${code("--alias")} that gives the
SDK clients the environment-variable link of the credential chain alone (${code("infra/lambda-env-credentials.ts")}).
The bench's bundle of ${code("functions/seed/handler.ts")} and its map were checked byte for byte against what
${code("cdk synth")} staged (ADR 0004). The size is the ${code("index.mjs")} Lambda loads; its map is a separate file.
The api functions are split into chunks (ADR 0038): their size is every chunk shipped, and the bytes their cold start
reads (the entry and the chunks it imports statically) follow in brackets.
The floor bundles one ${code("DynamoDBClient")}, created, and nothing of ours, with the same options. KB = 1024 bytes.
Inputs are the metafile's ${code("bytesInOutput")}, node_modules grouped by package.

${table(["Bundle", "Minified", "vs floor", "Target", "Three largest inputs"], rows)}

${trialsSection(data)}
${over.length > 0 ? `\n${bundleFindings(over)}\n` : ""}
${
  otherZod.length === 0
    ? `Every source file under shared/ and functions/ imports zod as ${code('import * as z from "zod"')}.`
    : `**${otherZod.length} source files import zod otherwise than ${code('import * as z from "zod"')}:** ${otherZod.map(code).join(", ")}.`
}`;
}

/** Each trial's size for each bundle, beside the deployed one, from this run. */
function trialsSection(data: ReportData): string {
  const delta = (bytes: number | undefined, deployed: number) => {
    if (bytes === undefined) return "";
    const change = (bytes - deployed) / 1024;
    return `${kb(bytes)} (${change >= 0 ? "+" : ""}${change.toFixed(1)})`;
  };
  const tried = data.bundles.filter((b) => data.trials.some((result) => result.bytes.has(b.name)));
  const rows = tried.map((b) => [
    b.name,
    kb(b.bytes),
    ...data.trials.map((result) => delta(result.bytes.get(b.name), b.bytes)),
  ]);
  const notes = data.trials.map((result, index) => `${index + 1}. ${result.trial.title}: ${result.trial.verdict}.`);
  return `### What was tried

The largest handler and the floor built again in this run, each time with one option changed from the deployed
ones (the options act on the SDK and the packages, so the other bundles move alike); the change in KB is against the
deployed size. Columns are numbered as the list below.

${table(["Bundle", "Deployed", ...data.trials.map((_, index) => `${index + 1}.`)], rows)}

${notes.join("\n")}`;
}

function bundleFindings(over: Bundle[]): string {
  const lines = ["### What keeps them over the limit", ""];
  for (const b of over) {
    // Project files by folder (shared/contacts), packages by name: the units a change would move.
    const parts = new Map<string, number>();
    for (const input of b.inputs) {
      const name = /^(shared|functions)\//.test(input.name) ? input.name.split("/").slice(0, 2).join("/") : input.name;
      parts.set(name, (parts.get(name) ?? 0) + input.bytes);
    }
    const heavy = [...parts]
      .filter(([, bytes]) => bytes >= 10 * 1024)
      .sort((x, y) => y[1] - x[1])
      .map(([name, bytes]) => ({ name, bytes }));
    const projectBytes = [...parts]
      .filter(([name]) => /^(shared|functions)\//.test(name))
      .reduce((sum, [, bytes]) => sum + bytes, 0);
    lines.push(
      `- ${code(b.name)}: ${kb(b.bytes - BUNDLE_LIMIT_KB * 1024)} over. Inputs of 10 KB or more: ` +
        `${heavy.map((input) => `${input.name} ${kb(input.bytes)}`).join(", ")}. The project's own code ` +
        `(shared/, functions/) is ${kb(projectBytes)}, ${pct(projectBytes, b.bytes)} of it.`,
    );
  }
  return lines.join("\n");
}

function coldSection(data: ReportData, ratioLimit: number): string {
  const floor = data.cold.find((c) => c.name === FLOOR_NAME);
  const floorMs = floor?.medianMs ?? Number.NaN;
  const isReference = (name: string) => name === FLOOR_NAME || data.referenceNames.includes(name);
  const rows = data.cold.map((c) => [
    c.name,
    ms(c.medianMs),
    ms(Math.min(...c.importMs)),
    ms(Math.max(...c.importMs)),
    `${(c.medianMs / floorMs).toFixed(2)}x`,
    isReference(c.name) ? "–" : `<= ${ratioLimit}x: ${c.medianMs / floorMs <= ratioLimit ? "yes" : "**no**"}`,
    `${c.medianRssMiB.toFixed(0)} MiB`,
    data.compile.has(c.name) ? ms(data.compile.get(c.name) ?? Number.NaN) : "",
  ]);
  const slow = data.cold.filter((c) => !isReference(c.name) && c.medianMs / floorMs > ratioLimit);
  return `## 2. Cold start

Each bundle (with its map beside it, as deployed) is imported in a fresh ${code("node")} process: no loader, a clean
environment with what the modules read at import (table names, region, dummy credentials, endpoints at
${code("http://127.0.0.1:9")}, so nothing touches the network) and ${code("NODE_OPTIONS")} as ${code("DeskFunction")}
sets it on Lambda (${code("deskNodeOptions")}: ${code("--enable-source-maps")}, so the map is read at load, as there).
The child times ${code("await import(bundle)")} with ${code("performance.now()")}: reading, compiling and linking the
module and running its top level, which builds the SDK clients, the schemas, the router and the logger.
${data.coldStartRuns} rounds after one unmeasured import of each; every round imports every bundle once, in an order
rotated by one each round, so noise falls on all of them alike. The figure is median(handler) / median(floor) from
this run. The rows without a target are there for comparison: ${data.referenceNames.map((name) => `"${name}"`).join(", ")}.
The first is the floor bundled with the SDK's whole default credential chain (no ${code("--alias")}), for what the
alias changes in the SDK's own start; the second the largest handler imported without ${code("--enable-source-maps")},
for what reading its map at load costs. The last three are ADR 0042's lower bound, bundled as deployed: the floor with
the Powertools logger and the DynamoDB document client that every function builds, and that with one object schema
built at import in ${code("zod/mini")} and in zod's classic API, which the desk's schemas use. They say what a function
pays before any code of ours. "Compile alone" is V8 compiling the module text (${code("new vm.SourceTextModule")}) in
its own process, median of ${data.compileRuns} per bundle.

${table(["Bundle", "Median import", "Min", "Max", "Ratio to floor", "Target", "RSS after", "Compile alone"], rows)}
${slow.length > 0 ? `\n${coldFindings(data, slow, floorMs)}` : ""}`;
}

/** The cold-start target is missed: what was done about it, with the figures from the runs that measured it. */
const WHAT_WAS_TRIED_FOR_COLD_START = `### What was tried

- **The api in four functions** (ADR 0014): the single api bundle imported in 247.7 ms, 3.38x the floor (run of
  2026-11-28 03:20); each route group now builds only its own routes.
- **Work built on first use only where a run may not need it**: the time-zone formatters (a process's first
  \`Intl.DateTimeFormat\` costs about 25 ms), the programme files' validation, the report's number formatter. Work
  every run needs stays in the init: moving it to the first event moves its cost, and is not done (ADRs 0029, 0042).
- **Route modules read on their first request, the api functions bundled in chunks** (ADRs 0024, 0038): a cold start
  reads the entry and the chunks it imports statically, not every route's schemas.
- **Schemas marked pure** (ADR 0039): a bundle builds only the schemas its function reaches.
- **Measured and not taken** (ADR 0042): descriptions registered without a clone (1 to 2 %), the assistance audiences
  loaded on first need (a loss in a one-file bundle: esbuild wraps the SDK the lazy module reaches).
- **The credential chain's environment link alone** (section 1): the floor with the whole chain is a row above.
- **Source maps off**: a row above; not deployed, since stack traces would then name minified code.`;

function coldFindings(data: ReportData, slow: ColdStart[], floorMs: number): string {
  const floorCompile = data.compile.get(FLOOR_NAME) ?? Number.NaN;
  const floorBytes = data.bundles.find((b) => b.name === FLOOR_NAME)?.bytes ?? Number.NaN;
  const lines = [WHAT_WAS_TRIED_FOR_COLD_START, "", "### What dominates the cold start", ""];
  const ratioOf = (name: string) => {
    const row = data.cold.find((c) => c.name === name);
    return row ? `${(row.medianMs / floorMs).toFixed(2)}x` : "not measured";
  };
  lines.push(
    `- **The lower bound** (ADR 0042; rows above): the clients every function builds cost ` +
      `${ratioOf(CLIENTS_PROBE_NAME)} the floor; with zod classic and one schema ${ratioOf(schemasProbeName("zod", 1))}, ` +
      `with ${code("zod/mini")} and one schema ${ratioOf(schemasProbeName("zod/mini", 1))}. A function whose modules ` +
      "build zod classic schemas at import starts above 1.3x before any code of ours; zod/mini across shared/ is the " +
      "one lever left: the room it leaves for a function's own schemas and code is its row's distance below 1.3x.",
  );
  for (const c of slow) {
    const compile = data.compile.get(c.name) ?? Number.NaN;
    const extra = c.medianMs - floorMs;
    const bundle = data.bundles.find((b) => b.name === c.name);
    // A split bundle's compile figure is its entry file's alone: the chunks it imports are compiled apart.
    if (bundle && bundle.loadedBytes < bundle.bytes) {
      lines.push(
        `- ${code(c.name)} takes ${ms(extra)} more than the floor; it is split in chunks and reads ` +
          `${kb(bundle.loadedBytes)} at cold start (the floor ${kb(floorBytes)}), so its compile time is not ` +
          "compared here: the entry file alone compiles in " +
          `${ms(compile)} against the floor's ${ms(floorCompile)}.`,
      );
      continue;
    }
    lines.push(
      `- ${code(c.name)} takes ${ms(extra)} more than the floor; compiling its larger text accounts for about ` +
        `${ms(compile - floorCompile)} of that (${ms(compile)} against ${ms(floorCompile)}), the rest is running its ` +
        "top level and loading the built-ins it asks for.",
    );
  }
  for (const reference of data.cold.filter((c) => c.name.endsWith(SOURCE_MAPS_OFF))) {
    const withMaps = data.cold.find((c) => c.name === reference.name.slice(0, -SOURCE_MAPS_OFF.length));
    if (!withMaps) continue;
    const cost = withMaps.medianMs - reference.medianMs;
    lines.push(
      `- Reading the source map at load (${code("--enable-source-maps")}, as deployed): ${code(withMaps.name)} imports ` +
        `in ${ms(reference.medianMs)} without it against ${ms(withMaps.medianMs)} with it, ${ms(cost)} ` +
        `(${pct(cost, withMaps.medianMs)}) of its cold start.`,
    );
  }
  const initTimes = data.investigation?.initTimes;
  const investigated = [...(initTimes?.keys() ?? [])];
  const first = initTimes?.get(investigated[0] ?? "");
  if (initTimes && first) {
    const at = (bundle: string, name: string) =>
      (initTimes.get(bundle)?.modules.find((module) => module.name === name)?.ms ?? 0).toFixed(2);
    const isProject = (name: string) => /^(shared|functions)\//.test(name);
    const projectMs = first.modules.filter((module) => isProject(module.name)).reduce((sum, m) => sum + m.ms, 0);
    const schemaMs = first.modules
      .filter((module) => isProject(module.name) && /schemas?\.ts$/.test(module.name))
      .reduce((sum, m) => sum + m.ms, 0);
    lines.push(
      "",
      `**Top level, module by module** (no profiler): each investigated bundle built again unminified, a clock read ` +
        "added where each module's code starts, imported in fresh processes as above; the time between two reads " +
        `is the module's own top level. Medians of ${data.initTimeRuns} imports, in ms; the rows are the ` +
        `${code(investigated[0] ?? "")} bundle's heaviest. Its whole top level takes ${ms(first.totalMs)}; ` +
        `${ms(projectMs)} of it in the project's own files, ${ms(schemaMs)} of that in ${code("schemas.ts")} ` +
        "files (zod schemas built at import).",
      "",
      table(
        ["Module (top level, ms)", ...investigated],
        [
          ...first.modules.slice(0, 15).map((module) => [module.name, ...investigated.map((b) => at(b, module.name))]),
          ["(whole top level)", ...investigated.map((b) => (initTimes.get(b)?.totalMs ?? 0).toFixed(2))],
        ],
      ),
    );
  }
  const zod = data.investigation?.zod ?? [];
  if (zod.length > 0) {
    lines.push(
      "",
      `**What zod costs, apart from our code**: the same nine-field object schema (strings with checks, an enum, an ` +
        `e-mail, a date, an array), built once and ${ZOD_PROBE_SCHEMAS} times at import, with zod's classic API and ` +
        `with ${code("zod/mini")}, bundled as deployed and imported as above (${data.zodProbeRuns} rounds, rotated).`,
      "",
      table(
        [
          "Flavour",
          "Bundle with one schema",
          "Import, one schema",
          `Import, ${ZOD_PROBE_SCHEMAS} schemas`,
          "Per schema",
        ],
        zod.map((probe) => [
          code(probe.flavour),
          kb(probe.bytes),
          ms(probe.oneMs),
          ms(probe.manyMs),
          ms(probe.perSchemaMs, 2),
        ]),
      ),
    );
  }
  const profiles = data.investigation?.profiles;
  const columns = [...(profiles?.keys() ?? [])];
  const firstProfile = profiles?.get(columns[0] ?? "") ?? [];
  if (profiles && firstProfile.length > 0) {
    const names = firstProfile.slice(0, 10).map((share) => share.name);
    const at = (bundle: string, name: string) =>
      (profiles.get(bundle)?.find((share) => share.name === name)?.ms ?? 0).toFixed(1);
    lines.push(
      "",
      "**Under V8's sampling profiler** (100 µs), started just before the import and stopped just after through " +
        `${code("node:inspector")}, averaged over ${data.profileRuns} processes per bundle: this one sees the loader ` +
        "and garbage collection too. Each sample goes to the innermost frame in the bundle, mapped through the " +
        "source map to its package, so built-ins count for the code that called them; the module bodies run as " +
        "one hoisted top level, which is why the table above times them instead. The profiler slows everything " +
        "(compiling most), so compare the columns with each other, not with the medians.",
      "",
      table(
        ["Where (ms under the profiler)", ...columns],
        names.map((name) => [name, ...columns.map((bundle) => at(bundle, name))]),
      ),
    );
  }
  return lines.join("\n");
}

function apiSection(data: ReportData, p50Limit: number, p99Limit: number): string {
  const { api, apiSettings } = data;
  const runRows = api.scenarios.flatMap(({ scenario, runs }) =>
    runs.map((run) => [
      scenario.title,
      run.server,
      String(run.connections),
      run.p50Ms.toFixed(2),
      run.p99Ms.toFixed(2),
      run.maxMs.toFixed(1),
      run.requestsPerSecond.toFixed(0),
      String(run.responses),
      `${run.non2xx + run.errors}${run.non2xx > 0 ? ` (${statusList(run.statusCounts)})` : ""}`,
    ]),
  );
  const callRows = api.scenarios.map(({ scenario, calls }) => {
    const total = Object.values(calls.commands).reduce((sum, count) => sum + count, 0);
    const per = (count: number) => (count / Math.max(calls.requests, 1)).toFixed(2);
    const scans = Object.entries(calls.commands).filter(([name]) => name.includes("Scan"));
    return [
      scenario.title,
      String(calls.requests),
      per(total),
      Object.entries(calls.commands)
        .map(([name, count]) => `${name} ${per(count)}`)
        .join(", "),
      per(calls.attempts),
      scans.length === 0 ? "none" : `**${scans.map(([name, count]) => `${name} ${count}`).join(", ")}: failure**`,
    ];
  });
  const engineRows = api.engine.map((run) => [
    String(run.connections),
    run.p50Ms.toFixed(2),
    run.p99Ms.toFixed(2),
    run.requestsPerSecond.toFixed(0),
  ]);
  const read = api.scenarios.find(({ scenario }) => scenario.singleItemRead);
  const control = read ? controlSentence(read.runs) : "";
  const engineOne = api.engine.find((run) => run.connections === 1);
  const readOne = read?.runs.find((run) => run.server === "instrumented" && run.connections === 1);
  const engineTen = api.engine.find((run) => run.connections === 10);
  const readTen = read?.runs.find((run) => run.server === "instrumented" && run.connections === 10);
  const ceiling =
    engineTen && readTen
      ? ` At ten connections the engine alone answers ${engineTen.requestsPerSecond.toFixed(0)} GetItem/s and the ` +
        `read through the API ${readTen.requestsPerSecond.toFixed(0)} req/s ` +
        `(${pct(readTen.requestsPerSecond, engineTen.requestsPerSecond)} of it). The two were measured minutes ` +
        "apart, not side by side, so this comparison is rough."
      : "";
  const queueing = readTen
    ? ` In this run, the single-item read at ten connections: 10 / ${readTen.requestsPerSecond.toFixed(0)} req/s = ` +
      `${ms(10_000 / readTen.requestsPerSecond, 1)} of queue and work per request, against a measured p50 of ` +
      `${ms(readTen.p50Ms, 2)}${readOne ? ` (${ms(readOne.p50Ms, 2)} alone, at one connection)` : ""}.`
    : "";
  const engineShare =
    engineOne && readOne
      ? ` At one connection the engine's GetItem alone has a median of ${ms(engineOne.p50Ms, 2)}, against ` +
        `${ms(readOne.p50Ms, 2)} for the whole request (gateway with JWT check, handler, GetItem).`
      : "";
  return `## 3. API latency

The local stack, booted in memory (${code("startLocalStack")}: DynamoDB Local 1.25.1 in a JVM, seeded with the
193 States and the demonstration submissions; the start took ${(api.stackStartMs / 1000).toFixed(1)} s). Every
request goes over loopback HTTP through the local gateway, which checks a real JWT as the Cognito authorizer
does: a ${code("members")} token for the reads, a ${code("secretariat")} token for the write. The load comes from
autocannon in a forked process, so its work is not on the server's event loop; each run lasts
${apiSettings.seconds} s after an unmeasured ${apiSettings.warmupSeconds} s warm-up at 10 connections (the JVM and
V8 compile their hot paths first). p50 and p99 are over every response of the run, with the fractions of a
millisecond kept. The write rotates over the 193 States in order, reads every ETag first and sends it in
${code("If-Match")}, and keeps each answer's new ETag, so conflicts stay rare; they are counted under non-2xx.

**Which handler, and how DynamoDB calls are counted.** The measured handler is built here with
${code("createApiHandler")} (functions/api/app.ts: every route group's routes in one handler), from the same client
factories and logger as the api Lambdas' handlers (${code("functions/api-*/handler.ts")}), around a ${code("DynamoDBClient")} with two middlewares: one at the
${code("initialize")} step counts each command by name (once per call), one at ${code("deserialize")} counts
HTTP attempts (retries included). ${code("startApiServer")} serves it with the stack's JWT keys, on the same
DynamoDB Local. A counting proxy in front of DynamoDB Local was the alternative; it was not chosen because the
stack builds its handlers on its own client, pointed at the engine
itself, so a proxy would need a change to the stack, and it would add a loopback hop inside every measured
latency. The single-item read also runs against the stack's own, unmodified handlers (server ${code("stock")}: each route
group's, behind the local gateway's routing, as deployed), as a control that the counting changes nothing visible: there each level's ${apiSettings.seconds} s per server are
cut into ${apiSettings.controlSegments} segments that alternate between the two servers, and which goes first, so
warming and noise fall on both.${control}

**Connections, and where the targets are judged.** One connection is the Lambda model: an instance serves one
request at a time, and concurrency comes from more instances, so it gives the latency of a request. Ten connections
show how far one Node process and the engine go on this machine (${data.machine.nproc} cores shared by the JVM, the
server and the load generator); there the latency is mostly queueing (Little's law: with every connection busy, the
mean time in the system is connections divided by throughput), not work done per request.${queueing} The targets
(single-item read p50 < ${p50Limit} ms, p99 < ${p99Limit} ms) are the latency of a request, so they are judged at
${JUDGED_CONNECTIONS} connection; the ten-connection rows stay, here and in ${code("bench/results.json")} with
${code("target: null")}, as context, not judged.

${table(["Request", "Server", "Connections", "p50 (ms)", "p99 (ms)", "max (ms)", "req/s", "Responses", "non-2xx"], runRows)}

DynamoDB calls per request, over all runs against the instrumented handler (requests counted in the
handler, so requests still in flight when a run stops are counted on both sides). Any Scan on a request path
is a failure.

${table(["Request", "Requests", "Calls per request", "By command", "HTTP attempts per request", "Scan"], callRows)}

The engine alone: GetItem of the same State straight through the SDK from the bench process, ${apiSettings.seconds} s
per level.${engineShare}${ceiling}

${table(["Connections", "p50 (ms)", "p99 (ms)", "req/s"], engineRows)}`;
}

function statusList(counts: Record<string, number>): string {
  return Object.entries(counts)
    .filter(([status]) => !status.startsWith("2"))
    .map(([status, count]) => `${count}x ${status}`)
    .join(", ");
}

function controlSentence(runs: ApiFigures["scenarios"][number]["runs"]): string {
  const pairs = runs
    .filter((run) => run.server === "instrumented")
    .flatMap((run) => {
      const stock = runs.find((other) => other.server === "stock" && other.connections === run.connections);
      return stock ? [`${(run.p50Ms / stock.p50Ms).toFixed(2)}x at ${run.connections} connection(s)`] : [];
    });
  return pairs.length > 0 ? ` In this run, instrumented p50 / stock p50: ${pairs.join(", ")}.` : "";
}

function waveSection(data: ReportData, ratioLimit: number): string {
  const rows = data.waves.map((wave) => {
    const { maxSendRate, recipients, instances } = wave.settings;
    const ratio = wave.achievedPerSecond / maxSendRate;
    const notOne = wave.letters.none + wave.letters.moreThanOne + wave.letters.strangers;
    return [
      `${maxSendRate}/s`,
      String(recipients),
      String(instances),
      `${(wave.dispatchMs / 1000).toFixed(1)} s`,
      `${(wave.sendMs / 1000).toFixed(1)} s`,
      wave.achievedPerSecond.toFixed(2),
      `${ratio.toFixed(3)}x: ${ratio >= ratioLimit ? "yes" : "**no**"}`,
      `${wave.busiestSecond}: ${wave.busiestSecond <= maxSendRate ? "yes" : "**no**"}`,
      `${wave.throttled}: ${wave.throttled === 0 ? "yes" : "**no**"}`,
      `${wave.letters.exactlyOne} / ${notOne}: ${notOne === 0 && wave.accepted === recipients ? "yes" : "**no**"}`,
      Object.entries(wave.ledger)
        .map(([status, count]) => `${status} ${count}`)
        .join(", "),
    ];
  });
  const findings = data.waves.map((wave) => {
    const { maxSendRate, instances } = wave.settings;
    const perInstance = wave.achievedPerSecond / instances;
    return (
      `- ${maxSendRate}/s: ${wave.accepted} letters at ${wave.achievedPerSecond.toFixed(2)}/s ` +
      `(${(wave.achievedPerSecond / (maxSendRate * PACER_HEADROOM)).toFixed(3)}x of the ${(maxSendRate * PACER_HEADROOM).toFixed(1)}/s ` +
      `the pacers aim at; ${perInstance.toFixed(1)}/s per sender, one letter every ${(1000 / perInstance).toFixed(0)} ms ` +
      `against the ${(1000 / ((maxSendRate * PACER_HEADROOM) / instances)).toFixed(0)} ms its pacer allows); busiest second ` +
      `${wave.busiestSecond} of ${maxSendRate}; ${wave.quotaReads} GetSendQuota calls; ${wave.deadLetters} dead letters; ` +
      `dispatch took ${(wave.dispatchMs / wave.settings.recipients).toFixed(1)} ms a letter; seeding took ` +
      `${(wave.seedMs / 1000).toFixed(1)} s; the wave ended ${wave.waveStatus}.` +
      (wave.throttled > 0
        ? ` **${wave.throttled} SendEmail calls were throttled**, each tried again by its sender within its claim ` +
          `(after ${THROTTLE_RETRY_WAITS_MS[0]} ms, ${code("THROTTLE_RETRY_WAITS_MS")}), so every recipient still ` +
          "holds exactly one letter. The pacers bound when each sender takes a letter; the front counts when a call " +
          "arrives, after what the sender does between the two (the deadline check, the SDK's request, the HTTP hop, " +
          "here with every sender and the front on one event loop), which varies from call to call. With " +
          `${instances} senders each at ${PACER_HEADROOM} of its share, the busiest window held ${wave.busiestSecond} ` +
          `of ${maxSendRate}: a call delayed into a full window is one too many. The longest pause between two ` +
          `acceptances was ${(wave.longestPause.ms / 1000).toFixed(1)} s, with ${wave.longestPause.lettersAfter} ` +
          "letters after it (a letter still throttled after its retries would go back to the queue for its " +
          `visibility timeout, ${VISIBILITY_TIMEOUT_MS / 1000} s here, ${code("WAVE_VISIBILITY_TIMEOUT")} when ` +
          "deployed), and the rate is measured to the last letter."
        : "")
    );
  });
  const sizes = data.waves
    .map(
      (w) =>
        `${w.settings.recipients.toLocaleString("en")} letters at ${w.settings.maxSendRate}/s (about ` +
        `${Math.round(w.settings.recipients / (w.settings.maxSendRate * PACER_HEADROOM))} s at the paced rate)`,
    )
    .join(", ");
  const bounds = data.waves
    .map(({ settings: { maxSendRate, instances } }) => {
      const share = maxSendRate / instances;
      const refill = share * PACER_HEADROOM;
      return (
        `At ${maxSendRate}/s with ${instances} senders: a share of ${share}/s and ${refill.toFixed(2)} letters of ` +
        `refill a second leave ${(Math.floor(share) + 1 - refill).toFixed(2)} letters of room under ` +
        `${Math.floor(share) + 1} for the capacity: one letter and the credit fit, so a sender takes at most ` +
        `${Math.floor(share)} in any second.`
      );
    })
    .join(" ");
  return `## 4. Wave throughput

A wave through the Lambdas' own apps, on one machine: fresh tables on DynamoDB Local (in memory), the 193 States
of the registry (${code("seedRegistry")}), and the recipients as points of contact spread over the States, written
with BatchWriteItem as the contact repository stores them (the import's audited transactions would take minutes and
are not what is measured). The wave (audience ${code("all-states")}, a template with three languages and the English
fallback), written as the api leaves it once scheduled, goes through the wave-dispatch app
(${code("createWaveDispatchHandler")}, given its schedule's event: audience queries, rendering, one conditional put per
letter) onto the in-process queue (${code("memoryQueue")}: SQS's batches of 10, partial batch failures, visibility
timeout), drained by as many instances of the wave-send app (${code("createWaveSendHandler")}, fed SQS events as
${code("infra/local/wave-runner.ts")} feeds it) as the run has senders, each with its own SES client (one attempt per
call) and its own ${code("quotaPacer")}: it reads the account's MaxSendRate with GetSendQuota and paces its share,
min(SEND_RATE_PER_SECOND, MaxSendRate) / SEND_CONCURRENCY, both set to the run's figures, aiming at ${PACER_HEADROOM} of it
(below).

SES is the emulator behind ${code("bench/ses-rate-limit.ts")}: an endpoint that answers GetSendQuota with the run's
MaxSendRate and accepts a SendEmail only if no more than MaxSendRate recipients were accepted in the last second (a
sliding window: stricter than SES's own accounting), else answers as SES's Query API does (HTTP 400, code
${code("Throttling")}, "Maximum sending rate exceeded."), which the send code hands back to the queue. The rate is
(letters - 1) / (last acceptance - first acceptance), as the front saw them arrive; the busiest second is the most
accepted in any one-second window. Afterwards every recipient's address is looked up in the emulator's store: each
must hold exactly one letter of the wave, and no letter may go to anyone else. The waves are sized so that each
sends for about a minute or two and the whole bench stays under ten minutes: ${sizes}. 10,000 letters at 14/s would take
12 minutes alone. Each run's senders stand for the send
function's maximum concurrency, deployed with
${data.waves.map((w) => code(`-c sendRate=${w.settings.maxSendRate} -c sendConcurrency=${w.settings.instances}`)).join(" and ")}
(2 is the default, SQS's lowest maximum concurrency).

${table(
  [
    "MaxSendRate",
    "Letters",
    "Senders",
    "Dispatch",
    "Send",
    "Letters/s",
    `>= ${ratioLimit}x rate`,
    "Busiest second",
    "Throttled",
    "Exactly one letter / not",
    "Ledger",
  ],
  rows,
)}

${findings.join("\n")}

**The completion check asks for one unsettled message.** The send app ends each batch of 10 with
${code("completeWaveIfSettled")}, which calls ${code("ledger.hasUnsettled")}: two Queries with ${code("Limit: 1")} on the
wave's queued and sending status partitions. On the finished waves one check took
${data.waves.map((w) => `${ms(w.completionCheckMs)} (${w.settings.recipients.toLocaleString("en")} letters)`).join(" and ")}.
It used to count every status (a COUNT reads its whole partition, so a wave of n letters read about n²/10 index
items in checks): 10,000 letters at 100/s with 10 senders then went out at 11 to 23 a second and took over 9
minutes, and one count took 853 ms on the finished 10,000-letter wave.

**Pacing.** Each sender's pacer (${code("tokenBucket")} in ${code("shared/correspondence/pacing.ts")}) refills at
${code("PACER_HEADROOM")}, ${PACER_HEADROOM} of its share of the rate, and holds one letter plus a credit of ${LATENESS_CREDIT} letter,
so that a timer that wakes it late does not cost it the time it overslept (up to ${LATENESS_CREDIT} letter of it is kept). The
bound: in any one-second window a sender takes at most its capacity plus one second of refill, and the capacity is
chosen so that this stays under the next whole letter above its share; so no sender takes more than its share in
any second, and the senders together no more than MaxSendRate. ${bounds} With ${PACER_HEADROOM} the ratio to
MaxSendRate can reach ${ratioLimit}; the ratio to the paced rate, in the list above, is how well the pipeline keeps
up with its pacers. A throttled call is tried again within its claim after ${THROTTLE_RETRY_WAITS_MS.map((ms) => `${ms} ms`).join(" and then ")}
(${code("THROTTLE_RETRY_WAITS_MS")} in ${code("shared/correspondence/send.ts")}); only a letter throttled every time goes back
to the queue, and with it the rest of its batch, for the queue's visibility timeout.

**What was tried** (ADR 0007), each in full runs on this machine: pacers at 0.9 of the rate never throttled but
reached only 0.885x to 0.895x of MaxSendRate; at 0.97 they reached 0.969x but 2 to 6 calls a run were throttled at
100/s, and before throttled letters were tried again within their claim, each throttle held a batch for the
visibility timeout (the rate then fell to 0.77x and 0.91x); at 0.96 with the retry, 0 to 4 throttled calls in
10,000 (each sent 250 ms later) and 0.954x to 0.958x. At 0.95 the ratio could not reach the 0.95x target (the pipeline keeps up at about
0.996 of its pacers), so 0.96 is the trade between the two targets on one shared event loop.`;
}

/** Thousands with a comma, as the tables read. */
const count = (value: number) => Math.round(value).toLocaleString("en");

function snapshotSection(data: ReportData, limit: number): string {
  const { snapshots, snapshotSettings } = data;
  const [reference] = snapshots;
  const rows = snapshots.map((scale) => {
    const times = scale.runs.map((run) => run.ms);
    const last = scale.runs.at(-1);
    const scans = scale.runs.reduce((sum, run) => sum + scansOf(run.calls.commands), 0);
    return [
      `${scale.factor}x`,
      `${count(scale.items.submission ?? 0)} / ${count(scale.items.contact ?? 0)} / ` +
        `${count((scale.items["assistance-request"] ?? 0) + (scale.items["assistance-offer"] ?? 0))} / ` +
        `${count(scale.items.message ?? 0)} / ${count(scale.items.wave ?? 0)}`,
      `${(scale.loadMs / 1000).toFixed(1)} s`,
      `${ms(scale.medianMs, 0)} (${ms(Math.min(...times), 0)} to ${ms(Math.max(...times), 0)})`,
      reference ? `${(scale.medianMs / reference.medianMs).toFixed(2)}x` : "",
      scale.readUnits.toFixed(1),
      last
        ? Object.entries(last.calls.commands)
            .map(([name, calls]) => `${name} ${calls} (${(last.calls.units[name] ?? 0).toFixed(1)})`)
            .join(", ")
        : "",
      scans === 0 ? "none" : `**${scans}: failure**`,
      `${scale.found.waves} / ${count(scale.found.messages)}`,
      kb(scale.found.storedBytes),
    ];
  });
  const ratios = snapshots
    .filter((scale) => reference && scale !== reference)
    .map((scale) => {
      const ratio = reference ? scale.medianMs / reference.medianMs : Number.NaN;
      const units = reference ? scale.readUnits / reference.readUnits : Number.NaN;
      const verdict =
        scale.factor === 10 ? ` (target <= ${limit}x: ${ratio <= limit ? "met" : "**missed**"})` : " (no target)";
      return (
        `- ${scale.factor}x the data: ${ratio.toFixed(2)}x the time${verdict}, ${units.toFixed(1)}x the read ` +
        `units, loaded in ${(scale.loadMs / 1000).toFixed(1)} s.`
      );
    });
  const slowest = snapshots.at(-1);
  return `## 5. Snapshot scaling

The quarterly snapshot of the scale fixture's quarter, ${code("SCALE_PERIOD")}, taken by the production use case
(${code("takeSnapshot")} with ${code("snapshotDependencies")}, as ${code("functions/snapshot")} builds them) with a clock
at ${code("SCALE_NOW")} (the schedule's moment, 1 January in New York), at ${snapshots.map((scale) => `${scale.factor}x`).join(", ")}
the demo data set. The data: ${code("loadSnapshotScale")} (${code("test/support/snapshot-scale.ts")}) into fresh
tables on the bench's in-memory DynamoDB Local, one table set per factor. 1x is what ${code("npm start")} seeds (the
193 States, the demonstration submissions, contacts and assistance), an approved matrix for every third State, and
a quarter of correspondence (three waves to the points of contact, with their ledgers) after nine earlier waves; Nx
adds N-1 copies of every submission, contact, assistance record and wave with its letters, under new ids. The 193
States stay 193. The 1x data set goes through the use cases once, into the 1x tables; every larger factor writes the
same items again as they were stored (read back from the 1x tables), then its copies, with BatchWriteItem (25 items a
request, 8 requests in flight, unprocessed items sent again); waves go through their repository.

**What is timed.** A stored quarter is never computed again (a conditional put), so before every run the bench
deletes the stored item, on its own client and outside the timing: each run then does all the schedule does (the
GetItem that finds no stored snapshot, the Query for the previous one, every read, the figures, and the conditional
put with its audit entry, one TransactWriteItems). One unmeasured snapshot at ${reference ? `${reference.factor}x` : "1x"}
first (V8 compiles the code on the way); then ${snapshotSettings.runs} rounds of one snapshot per factor, the order
rotated each round, so noise falls on every factor alike. The figure is the median of the ${snapshotSettings.runs}.

**Capacity and calls.** The measured runs use a DynamoDB client of their own whose middleware counts each command
and sends every data-plane call with ${code("ReturnConsumedCapacity: TOTAL")}, summing the units DynamoDB answers.
GetItem and Query answer one ${code("ConsumedCapacity")} (a Query one per page: the page's items as read before any
filter, their sizes summed and rounded up to 4 KB, halved for an eventually consistent read; a
${code("ProjectionExpression")} does not lower it); BatchGetItem and TransactWriteItems answer a list, one entry per
table. Read units are those of GetItem, BatchGetItem and Query; the put's write units are in the by-command column
only. Any Scan would be a failure: the snapshot runs from a schedule and from ${code("POST /snapshots")}.

${table(
  [
    "Data",
    "Submissions / contacts / assistance / letters / waves",
    "Load",
    `Snapshot, median (min to max of ${snapshotSettings.runs})`,
    "vs 1x",
    "Read units",
    "Calls by command (units), one run",
    "Scan",
    "Found in the quarter: waves / letters",
    "Stored item",
  ],
  rows,
)}

${ratios.join("\n")}
${
  slowest
    ? `\nAt ${slowest.factor}x one snapshot takes ${ms(slowest.medianMs, 0)} here, against the snapshot function's Lambda ` +
      "timeout of 5 minutes (`infra/scheduled-functions.ts`; issue 7 asks for one invocation at 10x). The stored item " +
      `is ${kb(slowest.found.storedBytes)} at ${slowest.factor}x (the size estimate of ${code("shared/dynamo/item-size.ts")}, ` +
      `which the snapshot repository checks against its ${kb(MAX_ITEM_BYTES)} bound under DynamoDB's 400 KB): the ` +
      `snapshot lists the quarter's waves one by one (${code("correspondence.waveList")}), so it grows with them.`
    : ""
}
`;
}

function consoleSection(data: ReportData): string {
  const figures = data.results.filter((result) => result.name.startsWith("console."));
  if (figures.length === 0) return "";
  return `## The staff console

The JavaScript the console's first page loads (its entry module and preloads, gzip level 9; the deployment's build,
without the local sign-in), and the time from opening ${code("/console/")} on the local stack to the home page showing
"N of 193", the sign-in click included (Debian's Chromium through playwright-core, headless; the first run warms up
and is left out; bench/console.ts).

${table(
  ["Figure", "Value", "Target", "Met"],
  figures.map((result) => [code(result.name), formatValue(result), result.target ?? "", metText(result.met)]),
)}`;
}

function firstStartSection(run: FirstStart): string {
  const steps = Object.entries(run.steps).map(([step, value]) => `${step} ${ms(value, 0)}`);
  return `## First start

The first ${code("npm start")} on a fresh clone, as a newcomer runs it after ${code("npm ci")} (ADRs 0041 and 0044): ${code("npm start")}
itself spawned, npm included, from the local stack's code as the install built it, with an empty ${code("LOCAL_DATA_DIR")}
for ${code(".local/")} and an empty ${code("TMPDIR")}, until ${code("GET /health")}, polled from outside every 50 ms, answers with the seed complete:
**${run.readySeconds.toFixed(1)} s** (target < ${FIRST_START_LIMIT_S} s; load average ${run.load.start.toFixed(1)} at the
start, ${run.load.end.toFixed(1)} at the end, on a shared machine). Its steps: ${steps.join(", ")}. The seeded records'
search index was built ${run.searchReadySeconds.toFixed(1)} s after the spawn, while the API already answered (ADR 0027);
Ctrl-C stopped everything in ${run.stopSeconds.toFixed(1)} s. CPU its processes had used at ready: ${Object.entries(
    run.cpuAtReady,
  )
    .map(([command, seconds]) => `${command} ${seconds.toFixed(1)} s`)
    .join(", ")}. What the start printed while seeding:

${run.progress.map((line) => `    ${line.trim()}`).join("\n")}
`;
}

export function renderReport(data: ReportData): string {
  return [
    header(data),
    summary(data),
    bundleSection(data, BUNDLE_LIMIT_KB),
    coldSection(data, COLD_START_RATIO_LIMIT),
    apiSection(data, READ_P50_LIMIT_MS, READ_P99_LIMIT_MS),
    waveSection(data, WAVE_RATE_RATIO_LIMIT),
    snapshotSection(data, SNAPSHOT_SCALING_LIMIT),
    consoleSection(data),
    ...(data.firstStart ? [firstStartSection(data.firstStart)] : []),
  ].join("\n\n");
}
