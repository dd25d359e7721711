// Paired cold imports for the investigations (ADR 0042): fresh processes import each bundle, alternately in rotated
// rounds, and report the wall clock and the CPU time (user + system) of the import, which other processes on a shared
// machine inflate far less; a separate pass counts the zod instances the import builds.
import { execFile } from "node:child_process";
import { loadavg } from "node:os";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { coldEnvironment } from "./cold-start.ts";
import { median } from "./stats.ts";

const run = promisify(execFile);

const timedChild = `
const cpu = process.cpuUsage();
const started = performance.now();
await import(process.argv[1]);
const ms = performance.now() - started;
const used = process.cpuUsage(cpu);
process.stdout.write(JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000 }) + "\\n");
`;

/** Every zod schema or check defines its hidden _zod property once, in zod's $constructor. */
const countingChild = `
let count = 0;
const define = Object.defineProperty;
Object.defineProperty = function (target, key, descriptor) {
  if (key === "_zod") count++;
  return define(target, key, descriptor);
};
await import(process.argv[1]);
process.stdout.write(JSON.stringify({ count }) + "\\n");
`;

async function child(script: string, file: string): Promise<Record<string, number>> {
  const { stdout } = await run(process.execPath, ["--input-type=module", "--eval", script, pathToFileURL(file).href], {
    env: coldEnvironment,
    timeout: 60_000,
  });
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as Record<string, number>;
}

export interface PairedResult {
  name: string;
  wallMs: number;
  cpuMs: number;
  zodInstances: number;
}

export interface PairedRun {
  results: PairedResult[];
  loadBefore: number[];
  loadAfter: number[];
}

export async function pairedImports(
  targets: readonly { name: string; file: string }[],
  rounds: number,
  onRound: (round: number) => void = () => undefined,
): Promise<PairedRun> {
  const loadBefore = loadavg();
  const wall = new Map(targets.map((t) => [t.name, [] as number[]]));
  const cpu = new Map(targets.map((t) => [t.name, [] as number[]]));
  // One unmeasured import each: the first process after a build pays for a cold file cache.
  for (const { file } of targets) await child(timedChild, file);
  for (let round = 0; round < rounds; round++) {
    for (let index = 0; index < targets.length; index++) {
      const target = targets[(index + round) % targets.length];
      if (!target) continue;
      const { ms, cpuMs } = await child(timedChild, target.file);
      wall.get(target.name)?.push(ms ?? Number.NaN);
      cpu.get(target.name)?.push(cpuMs ?? Number.NaN);
    }
    onRound(round + 1);
  }
  const results: PairedResult[] = [];
  for (const { name, file } of targets) {
    const { count } = await child(countingChild, file);
    results.push({
      name,
      wallMs: median(wall.get(name) ?? []),
      cpuMs: median(cpu.get(name) ?? []),
      zodInstances: count ?? Number.NaN,
    });
  }
  return { results, loadBefore, loadAfter: loadavg() };
}

/** A table of the results as ratios to the first target (the floor). */
export function formatPaired({ results, loadBefore, loadAfter }: PairedRun): string {
  const floor = results[0];
  const lines = [
    `load average before ${loadBefore.map((l) => l.toFixed(2)).join(" ")}, after ${loadAfter.map((l) => l.toFixed(2)).join(" ")}`,
    "name | zod instances | wall ms | x floor | CPU ms | x floor",
  ];
  for (const r of results) {
    const wallX = floor ? r.wallMs / floor.wallMs : Number.NaN;
    const cpuX = floor ? r.cpuMs / floor.cpuMs : Number.NaN;
    lines.push(
      `${r.name} | ${r.zodInstances} | ${r.wallMs.toFixed(1)} | ${wallX.toFixed(2)} | ${r.cpuMs.toFixed(1)} | ${cpuX.toFixed(2)}`,
    );
  }
  return lines.join("\n");
}
