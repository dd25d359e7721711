// BENCHMARKS.md from one run's figures: the machine, the method, the tables, and what was found when a target is missed.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { ApiFigures, ApiSettings } from "./api.ts";
import { type Bundle, FLOOR_NAME } from "./bundles.ts";
import type { ColdStart, ProfileShare } from "./cold-start.ts";
import type { Machine } from "./machine.ts";
import { projectRoot } from "./paths.ts";
import type { BenchResult } from "./results.ts";
import { BUNDLE_LIMIT_KB, COLD_START_RATIO_LIMIT, READ_P50_LIMIT_MS, READ_P99_LIMIT_MS } from "./targets.ts";

export interface Investigation {
  /** Bundle name to where its import spends time, under the profiler. */
  profiles: Map<string, ProfileShare[]>;
  probes: Bundle[];
  probeCold: ColdStart[];
}

export interface ReportData {
  date: Date;
  machine: Machine;
  /** One-minute load average when the run started and when it ended: other work on a shared machine. */
  load: { start: number; end: number };
  totalSeconds: number;
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
  probeRuns: number;
  /** Of dispatch, send and snapshot: the ones with no handler yet. */
  missingFunctions: string[];
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
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}

/** Source files under shared/ and functions/ that import zod's namespace object. */
function filesImportingZodNamespace(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts") && /import\s*\{\s*z\s*\}\s*from\s*"zod"/.test(readFileSync(path, "utf8"))) {
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
the same run move much less.`;
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
    kb(b.bytes),
    floor ? `${(b.bytes / floor.bytes).toFixed(2)}x` : "",
    b.name === FLOOR_NAME ? "–" : `<= ${limitKb} KB: ${b.bytes / 1024 <= limitKb ? "yes" : "**no**"}`,
    b.inputs
      .slice(0, 3)
      .map((input) => `${input.name} ${kb(input.bytes)}`)
      .join(", "),
  ]);
  const over = data.bundles.filter((b) => b.name !== FLOOR_NAME && b.bytes / 1024 > limitKb);
  return `## 1. Bundle size

Each ${code("functions/*/handler.ts")} found when the bench runs, bundled with esbuild's JS API and the options
of ${code("DeskFunction")} (infra/desk-function.ts): platform node, format esm, target node24 (CDK's target for
Node 24), everything bundled (the AWS SDK too), minified, mainFields module,main, and the ${code("createRequire")}
banner, read from infra/desk-function.ts so it cannot drift. No source map: CDK writes it to a separate file,
so it does not change the code Lambda loads. The floor bundles one ${code("DynamoDBClient")}, created, and
nothing of ours. KB = 1024 bytes. Inputs are the metafile's ${code("bytesInOutput")}, node_modules grouped by
package.

${table(["Bundle", "Minified", "vs floor", "Target", "Three largest inputs"], rows)}
${over.length > 0 ? `\n${bundleFindings(data, over)}` : ""}`;
}

function bundleFindings(data: ReportData, over: Bundle[]): string {
  const lines = ["### What makes them large", ""];
  for (const b of over) {
    const [largest] = b.inputs;
    if (!largest) continue;
    const parts = b.largestPackageParts
      .slice(0, 3)
      .map((part) => `${part.name} ${kb(part.bytes)}`)
      .join(", ");
    lines.push(
      `- ${code(b.name)}: ${largest.name} is ${kb(largest.bytes)}, ${pct(largest.bytes, b.bytes)} of the bundle` +
        (parts ? ` (inside it: ${parts}).` : "."),
    );
  }
  const probes = data.investigation?.probes ?? [];
  if (probes.length === 2) {
    const [namespace, named] = probes;
    const locales = (b: Bundle) =>
      b.largestPackageParts.filter((part) => part.name.includes("locales")).reduce((sum, part) => sum + part.bytes, 0);
    const files = filesImportingZodNamespace();
    if (namespace && named) {
      lines.push(
        "",
        `Probe, same options, the same one-field schema: ${code('import { z } from "zod"')} bundles to ` +
          `${kb(namespace.bytes)} (locales ${kb(locales(namespace))}), named imports ` +
          `(${code('import { object, string } from "zod"')}) to ${kb(named.bytes)} (locales ${kb(locales(named))}). ` +
          `The namespace object ${code("z")} keeps every export reachable, ${code("z.locales")} with every ` +
          "language's error messages included, so esbuild cannot drop any of it; named imports let it. " +
          `${files.length} source files under shared/ and functions/ import ${code("{ z }")} now. ` +
          `Importing from ${code("zod/mini")}, or named imports everywhere, is the fix to weigh; it is not made here.`,
      );
    }
  }
  return lines.join("\n");
}

function coldSection(data: ReportData, ratioLimit: number): string {
  const floor = data.cold.find((c) => c.name === FLOOR_NAME);
  const floorMs = floor?.medianMs ?? Number.NaN;
  const rows = data.cold.map((c) => [
    c.name,
    ms(c.medianMs),
    ms(Math.min(...c.importMs)),
    ms(Math.max(...c.importMs)),
    c.name === FLOOR_NAME ? "1.00x" : `${(c.medianMs / floorMs).toFixed(2)}x`,
    c.name === FLOOR_NAME ? "–" : `<= ${ratioLimit}x: ${c.medianMs / floorMs <= ratioLimit ? "yes" : "**no**"}`,
    `${c.medianRssMiB.toFixed(0)} MiB`,
    ms(data.compile.get(c.name) ?? Number.NaN),
  ]);
  const slow = data.cold.filter((c) => c.name !== FLOOR_NAME && c.medianMs / floorMs > ratioLimit);
  return `## 2. Cold start

Each bundle is imported in a fresh ${code("node")} process: no loader, a clean environment with what the
modules read at import (table names, region, dummy credentials, ${code("DYNAMODB_ENDPOINT=http://127.0.0.1:9")},
so nothing touches the network). The child times ${code("await import(bundle)")} with ${code("performance.now()")}:
reading, compiling and linking the module and running its top level, which builds the SDK client, the router
and the logger. ${data.coldStartRuns} rounds after one unmeasured import of each; every round imports every
bundle once, in an order rotated by one each round, so noise falls on all of them alike. The figure is
median(handler) / median(floor) from this run. "Compile alone" is V8 compiling the module text
(${code("new vm.SourceTextModule")}) in its own process, median of ${data.compileRuns} per bundle.

${table(["Bundle", "Median import", "Min", "Max", "Ratio to floor", "Target", "RSS after", "Compile alone"], rows)}
${slow.length > 0 ? `\n${coldFindings(data, slow, floorMs)}` : ""}`;
}

function coldFindings(data: ReportData, slow: ColdStart[], floorMs: number): string {
  const floorCompile = data.compile.get(FLOOR_NAME) ?? Number.NaN;
  const lines = ["### What dominates the cold start", ""];
  for (const c of slow) {
    const compile = data.compile.get(c.name) ?? Number.NaN;
    const extra = c.medianMs - floorMs;
    const extraCompile = compile - floorCompile;
    lines.push(
      `- ${code(c.name)} takes ${ms(extra)} more than the floor. Compiling its larger text accounts for about ` +
        `${ms(extraCompile)} of that (${ms(compile)} against ${ms(floorCompile)}), so roughly ${ms(extra - extraCompile)} ` +
        "is the rest: running the top level of the extra code and loading the built-ins it asks for.",
    );
  }
  const profiles = data.investigation?.profiles;
  const columns = [...slow.map((c) => c.name), FLOOR_NAME].filter((name) => profiles?.has(name));
  const first = profiles?.get(slow[0]?.name ?? "") ?? [];
  if (profiles && first.length > 0) {
    // The rows are the first slow bundle's ten heaviest places; the other columns show the same places.
    const names = first.slice(0, 10).map((share) => share.name);
    const at = (bundle: string, name: string) =>
      (profiles.get(bundle)?.find((share) => share.name === name)?.ms ?? 0).toFixed(1);
    lines.push(
      "",
      "Where the import spends its time, side by side: V8's sampling profiler (100 µs), started just before the " +
        `import and stopped just after through ${code("node:inspector")}, averaged over ${data.profileRuns} ` +
        "processes per bundle. Each sample goes to the innermost frame in the bundle, mapped through the source " +
        "map to its package, so built-ins count for the code that called them. The profiler slows everything " +
        "(compiling most), so compare the columns with each other, not with the medians above.",
      "",
      table(
        ["Where (ms under the profiler)", ...columns],
        names.map((name) => [name, ...columns.map((bundle) => at(bundle, name))]),
      ),
    );
  }
  const probeCold = data.investigation?.probeCold ?? [];
  if (probeCold.length > 0) {
    lines.push(
      "",
      `The two zod probes of section 1 imported the same way (${data.probeRuns} rounds, alternating), without ` +
        `the SDK: ${probeCold.map((p) => `${p.name}: median ${ms(p.medianMs)}`).join("; ")}.`,
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
${code("createApiHandler")} (functions/api/app.ts), from the same client factories and logger as
${code("functions/api/handler.ts")}, around a ${code("DynamoDBClient")} with two middlewares: one at the
${code("initialize")} step counts each command by name (once per call), one at ${code("deserialize")} counts
HTTP attempts (retries included). ${code("startApiServer")} serves it with the stack's JWT keys, on the same
DynamoDB Local. A counting proxy in front of DynamoDB Local was the alternative; it was not chosen because the
stack's handler takes its endpoint from the environment at import and the stack points it at the engine
itself, so a proxy would need a change to the stack, and it would add a loopback hop inside every measured
latency. The single-item read also runs against the stack's own, unmodified handler (server ${code("stock")}),
as a control that the counting changes nothing visible: there each level's ${apiSettings.seconds} s per server are
cut into ${apiSettings.controlSegments} segments that alternate between the two servers, and which goes first, so
warming and noise fall on both.${control}

**Connections.** One connection is the Lambda model: an instance serves one request at a time, and
concurrency comes from more instances, so it gives the latency of a request. Ten connections show how far one
Node process and the engine go on this machine (${data.machine.nproc} cores shared by the JVM, the server and
the load generator); there the latency is mostly queueing (Little's law: p50 is about connections divided by
throughput), not work done per request. The targets (single-item read p50 < ${p50Limit} ms, p99 < ${p99Limit} ms)
are checked at both levels and both verdicts are in ${code("bench/results.json")}.

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

function notMeasuredSection(data: ReportData): string {
  const state = (names: string[]) => {
    const missing = names.filter((name) => data.missingFunctions.includes(name));
    const files = names.map((name) => code(`functions/${name}/handler.ts`)).join(" and ");
    if (missing.length === names.length) return `${files} ${names.length > 1 ? "do" : "does"} not exist yet`;
    return `${files}: ${missing.length === 0 ? "present now, but" : "only partly present, and"} the bench has no scenario for them yet`;
  };
  return `## Not measured yet

- **4. Wave throughput**: messages per second from a dispatched wave through SQS and the send function to the
  SES emulator, against the account's SES rate. ${state(["dispatch", "send"])}. In ${code("bench/results.json")}:
  ${code("wave.throughput")}, value null.
- **5. Snapshot scaling**: the quarterly snapshot's time as the data grows. ${state(["snapshot"])}. In
  ${code("bench/results.json")}: ${code("snapshot.duration")}, value null.

The bundle and cold-start sections pick up any new ${code("functions/*/handler.ts")} by themselves.
`;
}

export function renderReport(data: ReportData): string {
  return [
    header(data),
    summary(data),
    bundleSection(data, BUNDLE_LIMIT_KB),
    coldSection(data, COLD_START_RATIO_LIMIT),
    apiSection(data, READ_P50_LIMIT_MS, READ_P99_LIMIT_MS),
    notMeasuredSection(data),
  ].join("\n\n");
}
