// Bundles every Lambda entry the way CDK does (infra/desk-function.ts) and reads sizes and inputs from the metafile.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { type BuildOptions, build, type Metafile } from "esbuild";
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
  bytes: number;
  /** Every input, grouped by package, largest first. */
  inputs: BundleInput[];
  /** The largest package's own breakdown by folder, to see what inside it is heavy. */
  largestPackageParts: BundleInput[];
}

/**
 * The banner is read from infra/desk-function.ts rather than copied, so the bench cannot drift from
 * what is deployed; if the constant is renamed the bench stops with a clear message.
 */
export function deployedBanner(): string {
  const source = readFileSync(join(projectRoot, "infra/desk-function.ts"), "utf8");
  const match = /const esmRequireBanner =\s*"((?:[^"\\]|\\.)*)"/.exec(source);
  const banner = match?.[1];
  if (!banner) throw new Error("esmRequireBanner not found in infra/desk-function.ts: update bench/bundles.ts");
  return JSON.parse(`"${banner}"`) as string;
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

function groupInputs(output: Metafile["outputs"][string]): { inputs: BundleInput[]; parts: BundleInput[] } {
  const byGroup = new Map<string, number>();
  const packages = new Set<string>();
  for (const [path, input] of Object.entries(output.inputs)) {
    const { group, isPackage } = inputGroup(path);
    byGroup.set(group, (byGroup.get(group) ?? 0) + input.bytesInOutput);
    if (isPackage) packages.add(group);
  }
  const inputs = [...byGroup].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);

  const largestPackage = inputs.find((input) => packages.has(input.name));
  const byPart = new Map<string, number>();
  for (const [path, input] of Object.entries(output.inputs)) {
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

/**
 * The options of DeskFunction's `bundling`, as CDK hands them to esbuild: node platform, ESM, target node24
 * (CDK's target for Runtime.NODEJS_24_X), bundle everything (externalModules: []), minify, mainFields
 * module,main, the require banner. The source map is left out: CDK writes it to a separate file, so it does
 * not change the size of the code Lambda loads.
 */
export async function bundle(name: string, entry: string, outDir: string, sourcemap = false): Promise<Bundle> {
  return bundleFrom(name, entry, { entryPoints: [join(projectRoot, entry)] }, outDir, sourcemap);
}

/** A one-off entry given as source text (the probes of the investigation), resolved from the project root. */
export async function bundleSource(name: string, contents: string, outDir: string): Promise<Bundle> {
  const stdin = { contents, resolveDir: projectRoot, sourcefile: `${name}.ts`, loader: "ts" as const };
  return bundleFrom(name, "(probe)", { stdin }, outDir, false);
}

async function bundleFrom(
  name: string,
  entry: string,
  source: Pick<BuildOptions, "entryPoints" | "stdin">,
  outDir: string,
  sourcemap: boolean,
): Promise<Bundle> {
  const file = join(outDir, name.replace(/[^\w.-]+/g, "-"), "index.mjs");
  const result = await build({
    ...source,
    absWorkingDir: projectRoot,
    outfile: file,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node24",
    minify: true,
    sourcemap: sourcemap ? "external" : false,
    sourcesContent: false,
    mainFields: ["module", "main"],
    banner: { js: deployedBanner() },
    metafile: true,
    logLevel: "warning",
  });
  const key = relative(projectRoot, file);
  const output = result.metafile.outputs[key];
  if (!output) throw new Error(`esbuild wrote no ${key} for ${entry}`);
  const { inputs, parts } = groupInputs(output);
  return { name, entry, file, bytes: output.bytes, inputs, largestPackageParts: parts };
}

/** Each discovered function, then the floor. */
export async function bundleAll(outDir: string): Promise<Bundle[]> {
  const bundles: Bundle[] = [];
  for (const { name, entry } of discoverEntries()) bundles.push(await bundle(name, entry, outDir));
  bundles.push(await bundle(FLOOR_NAME, FLOOR_ENTRY, outDir));
  return bundles;
}
