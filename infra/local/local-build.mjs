// The local stack's own code as one esbuild build, for `npm start` (ADR 0044). Loading it file by file through tsx
// took about 2.7 s of CPU on a cold cache and 2 s on a warm one, on the same two cores DynamoDB Local boots and seeds
// on; the build loads in about 1 s. Plain JavaScript: it runs before anything can load TypeScript.
//
// Only the repository's files are bundled; packages stay imports that Node resolves from node_modules, as under tsx,
// so a package finds its own files as before. `import.meta.url` is each source file's own URL, so paths read beside
// a module (CSV files, the repository's root) are the same as under tsx. A build is kept by the hash of its output,
// with the inputs it read and their sizes and times: a start whose inputs are unchanged loads it without building.
import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** What `npm start` runs, from its build. */
export const LOCAL_START_ENTRY = "infra/local/start.ts";
export const LOCAL_BUILD_DIR = join(REPO_ROOT, "node_modules", ".cache", "desk-1540-local");
const INPUTS_FILE = "inputs.json";
/** A build no start has used for this long is removed when another is made: other checkouts may share the cache. */
const UNUSED_FOR_MS = 24 * 60 * 60 * 1000;

/** What makes two builds of the same sources differ: the builder itself and esbuild's version. */
function builderStamp(esbuildVersion) {
  return createHash("sha256")
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .update(esbuildVersion)
    .digest("hex")
    .slice(0, 16);
}

function fileStamp(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat ? `${stat.size}:${stat.mtimeMs}` : "absent";
}

/** Where the kept build of `entry` is named. */
function indexFile(cacheDir, entry) {
  const key = createHash("sha256").update(relative(REPO_ROOT, entry)).digest("hex").slice(0, 12);
  return join(cacheDir, `entry-${key}.json`);
}

/** The kept build of `entry` when every input it read is as it was then, else undefined. */
function keptBuild(cacheDir, entry, esbuildVersion) {
  let index;
  try {
    index = JSON.parse(readFileSync(indexFile(cacheDir, entry), "utf8"));
  } catch {
    return undefined;
  }
  if (index.builder !== builderStamp(esbuildVersion)) return undefined;
  const dir = join(cacheDir, index.dir);
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(join(dir, INPUTS_FILE), "utf8"));
  } catch {
    return undefined;
  }
  for (const [path, stamp] of Object.entries(inputs)) {
    if (fileStamp(join(REPO_ROOT, path)) !== stamp) return undefined;
  }
  return { dir, file: join(dir, index.output) };
}

/** Rewrites `import.meta.url` in the repository's own files to the file's URL: the bundle lives elsewhere. */
const ownUrlPlugin = {
  name: "own-import-meta-url",
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes("/node_modules/")) return undefined;
      const source = await readFile(args.path, "utf8");
      const contents = source.replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href));
      return { contents, loader: "ts" };
    });
  },
};

async function buildAnew(cacheDir, entry, esbuild) {
  const outdir = join(cacheDir, "build");
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    sourcemap: "linked",
    sourcesContent: false,
    absWorkingDir: REPO_ROOT,
    // At the depth of the folder it is kept in, so the source maps' relative paths hold there.
    outdir,
    write: false,
    metafile: true,
    logLevel: "silent",
    plugins: [ownUrlPlugin],
  });
  const hash = createHash("sha256");
  for (const file of result.outputFiles) hash.update(relative(outdir, file.path)).update(file.contents);
  const dirName = hash.digest("hex").slice(0, 16);
  const dir = join(cacheDir, dirName);
  // Written aside and renamed into place: a second start building the same sources at once finds a whole build.
  const unique = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const aside = join(cacheDir, `.${dirName}-${unique}`);
  for (const file of result.outputFiles) {
    const path = join(aside, relative(outdir, file.path));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.contents);
  }
  const inputs = Object.fromEntries(
    Object.keys(result.metafile.inputs)
      .filter((path) => !path.includes("node_modules/"))
      .map((path) => [path, fileStamp(join(REPO_ROOT, path))]),
  );
  // The packages' code is not in the build; a changed install changes what its imports load, not the build.
  writeFileSync(join(aside, INPUTS_FILE), JSON.stringify(inputs));
  try {
    renameSync(aside, dir);
  } catch {
    rmSync(aside, { recursive: true, force: true });
  }
  const entryOutput = Object.entries(result.metafile.outputs).find(
    ([, output]) => output.entryPoint && resolve(REPO_ROOT, output.entryPoint) === entry,
  );
  if (!entryOutput) throw new Error(`esbuild wrote no output for ${entry}`);
  const output = relative(outdir, resolve(REPO_ROOT, entryOutput[0]));
  const indexPath = indexFile(cacheDir, entry);
  writeFileSync(
    `${indexPath}.${process.pid}`,
    JSON.stringify({ builder: builderStamp(esbuild.version), dir: dirName, output }),
  );
  renameSync(`${indexPath}.${process.pid}`, indexPath);
  removeUnused(cacheDir, dirName);
  return join(dir, output);
}

function removeUnused(cacheDir, current) {
  for (const name of readdirSync(cacheDir)) {
    const path = join(cacheDir, name);
    if (name === current || !statSync(path).isDirectory()) continue;
    if (Date.now() - statSync(path).mtimeMs > UNUSED_FOR_MS) rmSync(path, { recursive: true, force: true });
  }
}

/**
 * The built file to import for `entry` (a path from the repository's root): the kept build when its inputs are
 * unchanged, else a new one. `built` says which.
 */
export async function ensureLocalBuild(entryPath, { cacheDir = LOCAL_BUILD_DIR } = {}) {
  const entry = resolve(REPO_ROOT, entryPath);
  const esbuild = await import("esbuild");
  mkdirSync(cacheDir, { recursive: true });
  const kept = keptBuild(cacheDir, entry, esbuild.version);
  if (kept) {
    const now = new Date();
    utimesSync(kept.dir, now, now);
    return { file: kept.file, built: false };
  }
  return { file: await buildAnew(cacheDir, entry, esbuild), built: true };
}
