// Bundles every Lambda entry the way CDK does (infra/desk-function.ts) and reads sizes and inputs from the metafile.
import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import type { BuildOptions, Metafile } from "esbuild";
import { routeGroupNames, routeGroups } from "../functions/api/groups.ts";
import { apiFunctionBuild } from "../infra/api-function-build.ts";
import { deskBuildOptions, singlePurposeBuild } from "../infra/desk-function.ts";
import { buildFunction, type FunctionBuild } from "../infra/function-build.mjs";
import { projectRoot } from "./paths.ts";

export const FLOOR_NAME = "floor (one SDK client)";
const FLOOR_ENTRY = "bench/floor-entry.ts";

export interface BundleInput {
  /** A package name for node_modules paths, otherwise the file relative to the project root. */
  name: string;
  bytes: number;
}

export interface Bundle {
  /** The function's folder under functions/, or FLOOR_NAME. */
  name: string;
  entry: string;
  file: string;
  /** Every file of code shipped: the one bundle, or every chunk of a split one (maps left out). */
  bytes: number;
  /** Every input of every file of code shipped, as esbuild's metafile names it (relative to the project root). */
  shippedInputs: string[];
  /** What a cold start reads: the entry and the chunks it imports statically (all of it when not split). */
  loadedBytes: number;
  /** Those files, each with the inputs it holds: every one costs the module loader a file of its own (ADR 0040). */
  loadedFiles: { file: string; inputs: string[] }[];
  /** Every input, grouped by package, largest first. */
  inputs: BundleInput[];
  /** The largest package's own breakdown by folder, to see what inside it is heavy. */
  largestPackageParts: BundleInput[];
}

/** Every functions/<name>/handler.ts present now, so a new function is measured without touching the bench. */
export function discoverEntries(): { name: string; entry: string }[] {
  const functionsDir = join(projectRoot, "functions");
  return readdirSync(functionsDir, { withFileTypes: true })
    .filter((dir) => dir.isDirectory() && existsSync(join(functionsDir, dir.name, "handler.ts")))
    .map((dir) => ({ name: dir.name, entry: `functions/${dir.name}/handler.ts` }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The last node_modules segment decides the package, so nested copies count under their own name. */
export function inputGroup(path: string): { group: string; inside: string; isPackage: boolean } {
  const marker = "node_modules/";
  const at = path.lastIndexOf(marker);
  if (at < 0) return { group: path, inside: "", isPackage: false };
  const rest = path.slice(at + marker.length).split("/");
  const scoped = rest[0]?.startsWith("@") ?? false;
  const nameParts = rest.slice(0, scoped ? 2 : 1);
  return { group: nameParts.join("/"), inside: rest.slice(nameParts.length).join("/"), isPackage: true };
}

/** The inputs of what a cold start reads (one bundle, or the entry's chunks), grouped by package. */
function groupInputs(outputs: Metafile["outputs"][string][]): { inputs: BundleInput[]; parts: BundleInput[] } {
  const everyInput = outputs.flatMap((output) => Object.entries(output.inputs));
  const byGroup = new Map<string, number>();
  const packages = new Set<string>();
  for (const [path, input] of everyInput) {
    const { group, isPackage } = inputGroup(path);
    byGroup.set(group, (byGroup.get(group) ?? 0) + input.bytesInOutput);
    if (isPackage) packages.add(group);
  }
  const inputs = [...byGroup].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);

  const largestPackage = inputs.find((input) => packages.has(input.name));
  const byPart = new Map<string, number>();
  for (const [path, input] of everyInput) {
    const { group, inside } = inputGroup(path);
    if (group !== largestPackage?.name || !inside) continue;
    // Two folder levels (zod's v4/locales, v4/core) say enough without listing every file.
    const segments = inside.split("/");
    const part = segments.length > 2 ? segments.slice(0, 2).join("/") : inside;
    byPart.set(part, (byPart.get(part) ?? 0) + input.bytesInOutput);
  }
  const parts = [...byPart].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
  return { inputs, parts };
}

/** What an option of the bench's trials changes: a function from the deployed options to the tried ones. */
export type OptionChange = (options: BuildOptions) => BuildOptions;

/** Each api group's entry as infra/http-api.ts builds it (ADR 0038, ADR 0050). */
const apiBuilds: ReadonlyMap<string, FunctionBuild> = new Map(
  routeGroupNames.map((group) => [routeGroups[group].entry, apiFunctionBuild(group)]),
);

/** How `entry` is built when deployed: as its api group says, or as every other DeskFunction is by default. */
export const deployedBuild = (entry: string): FunctionBuild => apiBuilds.get(entry) ?? singlePurposeBuild;

/**
 * Bundles `entry` exactly as deployed, or with `change` applied for a trial; the bundle's size leaves out its map.
 * `build` follows the deployment; `false` keeps it but in one file, for a measurement that reads one module's text.
 */
export async function bundle(
  name: string,
  entry: string,
  outDir: string,
  change?: OptionChange,
  build: FunctionBuild | false = deployedBuild(entry),
): Promise<Bundle> {
  const built = build === false ? { ...deployedBuild(entry), chunks: false } : build;
  return bundleFrom(name, entry, { entryPoints: [join(projectRoot, entry)] }, outDir, built, change);
}

/**
 * A one-off entry given as source text (the probes of the investigation), resolved from the project root, built as a
 * single-purpose function is unless a measurement says otherwise: the probes stand for one.
 */
export async function bundleSource(
  name: string,
  contents: string,
  outDir: string,
  functionBuild: FunctionBuild = singlePurposeBuild,
): Promise<Bundle> {
  const stdin = { contents, resolveDir: projectRoot, sourcefile: `${name}.ts`, loader: "ts" as const };
  return bundleFrom(name, "(probe)", { stdin }, outDir, functionBuild);
}

async function bundleFrom(
  name: string,
  entry: string,
  source: Pick<BuildOptions, "entryPoints" | "stdin">,
  outDir: string,
  functionBuild: FunctionBuild,
  change: OptionChange = (options) => options,
): Promise<Bundle> {
  const dir = join(outDir, name.replace(/[^\w.-]+/g, "-"));
  const file = join(dir, "index.mjs");
  const options = {
    ...change(deskBuildOptions()),
    ...source,
    absWorkingDir: projectRoot,
    outdir: dir,
    metafile: true,
    logLevel: "warning",
  } satisfies BuildOptions;
  // Through the deployment's own build (infra/function-build.mjs), with its plugin.
  const result = await buildFunction(options, functionBuild);
  const outputs = result.metafile.outputs;
  const key = relative(projectRoot, file);
  if (!outputs[key]) throw new Error(`esbuild wrote no ${key} for ${entry}`);
  const code = Object.keys(outputs).filter((path) => !path.endsWith(".map"));
  const loaded = staticallyImported(outputs, key);
  const { inputs, parts } = groupInputs(loaded.map((path) => outputs[path]).filter((output) => output !== undefined));
  const bytesOf = (paths: string[]) => paths.reduce((sum, path) => sum + (outputs[path]?.bytes ?? 0), 0);
  const loadedFiles = loaded.map((path) => ({ file: path, inputs: Object.keys(outputs[path]?.inputs ?? {}) }));
  return {
    name,
    entry,
    file,
    bytes: bytesOf(code),
    shippedInputs: [...new Set(code.flatMap((path) => Object.keys(outputs[path]?.inputs ?? {})))],
    loadedBytes: bytesOf(loaded),
    loadedFiles,
    inputs,
    largestPackageParts: parts,
  };
}

/** The entry's output and every chunk it reaches by static imports: what Node reads before the handler exists. */
function staticallyImported(outputs: Metafile["outputs"], entry: string): string[] {
  const reached = new Set<string>();
  const pending = [entry];
  for (let path = pending.pop(); path !== undefined; path = pending.pop()) {
    if (reached.has(path)) continue;
    reached.add(path);
    for (const imported of outputs[path]?.imports ?? []) {
      if (imported.kind === "import-statement" && !imported.external) pending.push(imported.path);
    }
  }
  return [...reached];
}

/** Each discovered function, then the floor. */
export async function bundleAll(outDir: string): Promise<Bundle[]> {
  const bundles: Bundle[] = [];
  for (const { name, entry } of discoverEntries()) bundles.push(await bundle(name, entry, outDir));
  bundles.push(await bundle(FLOOR_NAME, FLOOR_ENTRY, outDir));
  return bundles;
}
