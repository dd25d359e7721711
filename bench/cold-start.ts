// Cold start: fresh Node processes import each bundle; runs alternate between bundles so noise hits them alike.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { SourceMap, type SourceMapPayload } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { deskNodeOptions } from "../infra/desk-function.ts";
import { inputGroup } from "./bundles.ts";
import { median } from "./stats.ts";

const run = promisify(execFile);

/**
 * What a Lambda's module reads at import, pointed at a closed loopback port: nothing touches the network, and dummy
 * credentials in the variables Lambda uses. A fresh environment, so nothing of the parent (a tsx loader) changes what
 * is measured, but NODE_OPTIONS as DeskFunction sets it on Lambda (source maps on: the map is read at load).
 */
export const coldEnvironment: Record<string, string> = {
  PATH: process.env.PATH ?? "/usr/bin:/bin",
  NODE_OPTIONS: deskNodeOptions,
  DESK_TABLE: "desk-bench",
  AUDIT_TABLE: "audit-bench",
  AWS_REGION: "us-east-1",
  AWS_ACCESS_KEY_ID: "bench",
  AWS_SECRET_ACCESS_KEY: "bench",
  AWS_SESSION_TOKEN: "bench",
  DYNAMODB_ENDPOINT: "http://127.0.0.1:9",
  SES_ENDPOINT: "http://127.0.0.1:9",
  MAIL_FROM: "desk-1540@desk.local",
  SECRETARIAT_EMAIL: "secretariat@desk.local",
  WAVE_QUEUE_URL: "http://127.0.0.1:9/000000000000/desk-bench-waves",
  SEND_RATE_PER_SECOND: "14",
  SEND_CONCURRENCY: "2",
  WAVE_DISPATCH_ARN: "arn:aws:lambda:us-east-1:000000000000:function:desk-bench-wave-dispatch",
  WAVE_SCHEDULER_ROLE_ARN: "arn:aws:iam::000000000000:role/desk-bench-scheduler",
  WAVE_SCHEDULE_GROUP: "desk-bench-waves",
  WAVE_SCHEDULE_DLQ_ARN: "arn:aws:sqs:us-east-1:000000000000:desk-bench-schedules-dlq",
  POWERTOOLS_SERVICE_NAME: "desk-1540",
  POWERTOOLS_METRICS_NAMESPACE: "Desk1540",
  POWERTOOLS_LOG_LEVEL: "INFO",
};

/** Plain JavaScript run by plain `node`: the clock starts at the import and stops when its top level is done. */
const childScript = `
const started = performance.now();
await import(process.argv[1]);
const ms = performance.now() - started;
process.stdout.write(JSON.stringify({ ms, rssBytes: process.memoryUsage().rss }) + "\\n");
`;

/**
 * Compilation alone, the first step of an import: V8 parses the whole module text before running any
 * of it, so this part grows with the bundle's size whatever the code does.
 */
const compileChildScript = `
import { readFileSync } from "node:fs";
import vm from "node:vm";
const source = readFileSync(new URL(process.argv[1]), "utf8");
const started = performance.now();
new vm.SourceTextModule(source, { identifier: process.argv[1] });
const ms = performance.now() - started;
process.stdout.write(JSON.stringify({ ms, rssBytes: process.memoryUsage().rss }) + "\\n");
`;

interface ChildResult {
  ms: number;
  rssBytes: number;
}

function parseChild(stdout: string, file: string): ChildResult {
  const line = stdout.trim().split("\n").at(-1) ?? "";
  const parsed: unknown = JSON.parse(line);
  if (
    typeof parsed === "object" &&
    parsed !== null &&
    "ms" in parsed &&
    typeof parsed.ms === "number" &&
    "rssBytes" in parsed &&
    typeof parsed.rssBytes === "number"
  ) {
    return { ms: parsed.ms, rssBytes: parsed.rssBytes };
  }
  throw new Error(`The cold-start child for ${file} printed no result: ${line}`);
}

interface ChildOptions {
  script?: string;
  nodeArgs?: string[];
  scriptArgs?: string[];
  environment?: Record<string, string>;
}

async function importOnce(
  file: string,
  { script = childScript, nodeArgs = [], scriptArgs = [], environment = coldEnvironment }: ChildOptions = {},
) {
  // stderr is dropped: on Node 20 the SDK warns that later versions need Node 22, in every bundle alike.
  const { stdout } = await run(
    process.execPath,
    [...nodeArgs, "--input-type=module", "--eval", script, pathToFileURL(file).href, ...scriptArgs],
    { env: environment, timeout: 60_000, maxBuffer: 1024 * 1024 },
  );
  return parseChild(stdout, file);
}

/** The name suffix of a comparison row: a bundle imported without NODE_OPTIONS' --enable-source-maps. */
export const SOURCE_MAPS_OFF = ", source maps off";

/** What is imported: a bundle, under its own name, in the Lambda environment unless told otherwise. */
export interface ColdTarget {
  name: string;
  file: string;
  environment?: Record<string, string>;
}

export interface ColdStart {
  name: string;
  importMs: number[];
  rssBytes: number[];
  medianMs: number;
  medianRssMiB: number;
}

/** `runs` rounds; each round imports every bundle once, in an order rotated by one per round. */
export async function measureColdStarts(
  bundles: readonly ColdTarget[],
  runs: number,
  onProgress: (line: string) => void,
): Promise<ColdStart[]> {
  const samples = new Map(bundles.map((b) => [b.name, { importMs: [] as number[], rssBytes: [] as number[] }]));
  // One unmeasured import each first: the first process after a build pays for a cold file cache.
  for (const { file, environment } of bundles) await importOnce(file, { environment });
  for (let round = 0; round < runs; round++) {
    const order = bundles.map((_, index) => bundles[(index + round) % bundles.length]);
    for (const target of order) {
      if (!target) continue;
      const result = await importOnce(target.file, { environment: target.environment });
      const into = samples.get(target.name);
      into?.importMs.push(result.ms);
      into?.rssBytes.push(result.rssBytes);
    }
    if ((round + 1) % 5 === 0) onProgress(`cold start: ${round + 1}/${runs} rounds`);
  }
  return bundles.map(({ name }) => {
    const { importMs, rssBytes } = samples.get(name) ?? { importMs: [], rssBytes: [] };
    return {
      name,
      importMs,
      rssBytes,
      medianMs: median(importMs),
      medianRssMiB: median(rssBytes) / 1024 ** 2,
    };
  });
}

/** Median compile time per bundle, over `runs` fresh processes each, alternating like the imports. */
export async function measureCompile(
  bundles: readonly { name: string; file: string }[],
  runs: number,
): Promise<Map<string, number>> {
  const samples = new Map(bundles.map((b) => [b.name, [] as number[]]));
  for (let round = 0; round < runs; round++) {
    for (const target of bundles) {
      const result = await importOnce(target.file, {
        script: compileChildScript,
        nodeArgs: ["--experimental-vm-modules"],
      });
      samples.get(target.name)?.push(result.ms);
    }
  }
  return new Map([...samples].map(([name, values]) => [name, median(values)]));
}

interface ProfileNode {
  id: number;
  callFrame: { url: string; lineNumber: number; columnNumber: number; functionName: string };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function isCpuProfile(value: unknown): value is CpuProfile {
  return (
    typeof value === "object" &&
    value !== null &&
    "nodes" in value &&
    Array.isArray(value.nodes) &&
    "samples" in value &&
    Array.isArray(value.samples) &&
    "timeDeltas" in value &&
    Array.isArray(value.timeDeltas)
  );
}

export interface ProfileShare {
  name: string;
  ms: number;
}

/**
 * The same child with V8's sampling profiler (100 µs) started just before the import and stopped just
 * after, through the inspector, so Node's own start-up is not in the profile (`--cpu-prof` would include it).
 */
const profiledChildScript = `
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
const session = new Session();
session.connect();
await session.post("Profiler.enable");
await session.post("Profiler.setSamplingInterval", { interval: 100 });
await session.post("Profiler.start");
const started = performance.now();
await import(process.argv[1]);
const ms = performance.now() - started;
const { profile } = await session.post("Profiler.stop");
writeFileSync(process.argv[2], JSON.stringify(profile));
process.stdout.write(JSON.stringify({ ms, rssBytes: process.memoryUsage().rss }) + "\\n");
`;

/**
 * Where a cold import spends its time, averaged over `runs` processes. Each sample goes to the innermost
 * frame that lies in the bundle, mapped through the source map to its package (or project folder), so
 * time in Node's built-ins counts for the code that called them. Samples with no bundle frame are the
 * module loader reading, parsing and compiling the bundle, native V8 work, or garbage collection.
 */
export async function profileColdStart(file: string, runs: number): Promise<ProfileShare[]> {
  const map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, "utf8")) as SourceMapPayload);
  const bundleUrl = pathToFileURL(file).href;
  const totals = new Map<string, number>();
  const dir = mkdtempSync(join(tmpdir(), "desk-bench-prof-"));
  try {
    for (let index = 0; index < runs; index++) {
      await importOnce(file, { script: profiledChildScript, scriptArgs: [join(dir, `${index}.cpuprofile`)] });
    }
    for (const name of readdirSync(dir).filter((entry) => entry.endsWith(".cpuprofile"))) {
      const profile: unknown = JSON.parse(readFileSync(join(dir, name), "utf8"));
      if (!isCpuProfile(profile)) throw new Error(`${name} is not a V8 CPU profile`);
      attributeSamples(profile, bundleUrl, map, totals);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return [...totals].map(([name, micros]) => ({ name, ms: micros / 1000 / runs })).sort((a, b) => b.ms - a.ms);
}

function attributeSamples(profile: CpuProfile, bundleUrl: string, map: SourceMap, totals: Map<string, number>): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

  const labelCache = new Map<number, string>();
  const labelFor = (id: number): string => {
    const cached = labelCache.get(id);
    if (cached) return cached;
    let label: string | undefined;
    let inBundle = false;
    let nearestUrl = "";
    for (let at: number | undefined = id; at !== undefined && !label; at = parentOf.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (frame?.url === "node:inspector") label = PROFILER;
      if (!nearestUrl && frame?.url) nearestUrl = frame.url;
      if (frame?.url !== bundleUrl) continue;
      inBundle = true;
      // esbuild's own helpers (__commonJS, __export) map to no source: the caller above them decides.
      const entry = map.findEntry(frame.lineNumber, frame.columnNumber);
      if ("originalSource" in entry && entry.originalSource) label = sourceLabel(entry.originalSource);
    }
    const leaf = byId.get(id)?.callFrame;
    label ??= inBundle ? TOP_LEVEL : outsideLabel(leaf?.functionName ?? "", nearestUrl);
    labelCache.set(id, label);
    return label;
  };

  profile.samples.forEach((id, index) => {
    const label = labelFor(id);
    if (label === IDLE || label === PROFILER) return;
    totals.set(label, (totals.get(label) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
}

const IDLE = "(idle)";
const PROFILER = "(the profiler itself)";
export const TOP_LEVEL = "top-level statements of the bundle (ES modules hoisted together, not attributable)";
export const LOADER = "Node.js module loader (read, parse and compile the bundle; load the built-ins it imports)";

function sourceLabel(source: string): string {
  const path = source.replace(/^file:\/\//, "");
  const { group, isPackage } = inputGroup(path);
  if (isPackage) return group;
  // Project files by their folder: one route file alone is rarely the story.
  const at = path.search(/(functions|shared|bench)\//);
  const inProject = at >= 0 ? path.slice(at) : path;
  return inProject.split("/").slice(0, 2).join("/");
}

function outsideLabel(functionName: string, url: string): string {
  if (functionName === "(garbage collector)") return "garbage collection";
  if (functionName === "(idle)") return IDLE;
  if (functionName === "(program)") return "V8 outside JS (parse, compile, native)";
  if (url.startsWith("node:")) return LOADER;
  return "native code outside the bundle";
}
