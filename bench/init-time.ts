// Where a cold import's top level spends its time, module by module: the bundle built unminified, where esbuild
// starts each module's code with a `// path` line, and a clock read added at each such line.
import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { bundle, inputGroup } from "./bundles.ts";
import { coldEnvironment } from "./cold-start.ts";
import { median } from "./stats.ts";

const run = promisify(execFile);

export interface ModuleTime {
  /** A project file (shared/contacts/schemas.ts) or a package (zod). */
  name: string;
  ms: number;
}

export interface InitTimes {
  /** Median over the runs of the whole top level (all modules, after compiling and linking). */
  totalMs: number;
  /** Project files and packages, each the median of its own time, largest first. */
  modules: ModuleTime[];
}

/** esbuild's unminified ESM output names the source of each module's code on a line of its own. */
const MODULE_LINE = /^\/\/ (\S+\.(?:[cm]?js|ts|json))$/;

/**
 * ES modules bundled into one file run their top levels in order, one after the other, so the time between two marks
 * is the first module's own top level: its schemas built, its constants computed, what it calls while loading.
 * Modules esbuild wraps (CommonJS, lazily required) count where they are first required.
 */
function withMarks(source: string): string {
  const lines = [`globalThis.__deskMarks = [["(bundle start)", performance.now()]];`];
  for (const line of source.split("\n")) {
    const module = MODULE_LINE.exec(line)?.[1];
    if (module) lines.push(`globalThis.__deskMarks.push([${JSON.stringify(module)}, performance.now()]);`);
    lines.push(line);
  }
  lines.push(`globalThis.__deskMarks.push(["(end)", performance.now()]);`);
  return lines.join("\n");
}

const childScript = `
await import(process.argv[1]);
const marks = globalThis.__deskMarks;
const spans = [];
for (let i = 0; i + 1 < marks.length; i++) spans.push([marks[i][0], marks[i + 1][1] - marks[i][1]]);
process.stdout.write(JSON.stringify(spans) + "\\n");
`;

/** A package by name; a project file by its path. */
function moduleLabel(path: string): string {
  const { group, isPackage } = inputGroup(path);
  return isPackage ? group : path;
}

export async function measureInitTimes(
  name: string,
  entry: string,
  outDir: string,
  runs: number,
  environment: Record<string, string> = coldEnvironment,
): Promise<InitTimes> {
  // One file even where the deployment splits (ADR 0038): the marks are read from one module's text, and the same
  // modules run at import either way, since what is loaded on first use stays out of the top level in both.
  const built = await bundle(
    name,
    entry,
    join(outDir, "init-time"),
    (options) => ({ ...options, minify: false, sourcemap: false }),
    false,
  );
  writeFileSync(built.file, withMarks(readFileSync(built.file, "utf8")));
  const samples = new Map<string, number[]>();
  const totals: number[] = [];
  // One unmeasured import first, as for the cold starts: the file cache is warm for every measured one.
  for (let index = 0; index <= runs; index++) {
    const { stdout } = await run(
      process.execPath,
      ["--input-type=module", "--eval", childScript, pathToFileURL(built.file).href],
      { env: environment, timeout: 60_000, maxBuffer: 4 * 1024 * 1024 },
    );
    if (index === 0) continue;
    const spans = JSON.parse(stdout.trim().split("\n").at(-1) ?? "[]") as [string, number][];
    const byModule = new Map<string, number>();
    for (const [path, ms] of spans) byModule.set(moduleLabel(path), (byModule.get(moduleLabel(path)) ?? 0) + ms);
    for (const [module, ms] of byModule) samples.set(module, [...(samples.get(module) ?? []), ms]);
    totals.push(spans.reduce((sum, [, ms]) => sum + ms, 0));
  }
  const modules = [...samples]
    .map(([module, values]) => ({ name: module, ms: median(values) }))
    .sort((a, b) => b.ms - a.ms);
  return { totalMs: median(totals), modules };
}
