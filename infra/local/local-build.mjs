// The local stack's own code as one esbuild build, for `npm start` (ADR 0044). Loading it file by file through tsx
// took about 2.7 s of CPU on a cold cache and 2 s on a warm one, on the same two cores DynamoDB Local boots and seeds
// on; the build loads in about 1 s. Plain JavaScript: it runs before anything can load TypeScript.
//
// Only the repository's files are bundled; packages stay imports that Node resolves from node_modules, as under tsx,
// so a package finds its own files as before. `import.meta.url` is each source file's own URL, so paths read beside
// a module (CSV files, the repository's root) are the same as under tsx. A build is kept by the hash of its output;
// the entry's index names it with the size and time of every file it read: a start whose files are unchanged loads it
// without building.
import { createHash, randomUUID } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** What `npm start` runs, from its build. */
export const LOCAL_START_ENTRY = "infra/local/start.ts";
export const LOCAL_BUILD_DIR = join(REPO_ROOT, "node_modules", ".cache", "desk-1540-local");
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
  for (const [path, stamp] of Object.entries(index.inputs)) {
    if (fileStamp(join(REPO_ROOT, path)) !== stamp) return undefined;
  }
  const dir = join(cacheDir, index.dir);
  const file = join(dir, index.output);
  // Removed meanwhile (another checkout's start sharing the cache): built anew.
  if (!existsSync(file)) return undefined;
  return { dir, file };
}

/**
 * Stamps each of the repository's files as esbuild loads it, before it is read: a file saved during the build then
 * differs from its stamp, and the next start builds again. Rewrites `import.meta.url` in the TypeScript to the file's
 * own URL: the build lives elsewhere.
 */
function repositoryFiles(stamps) {
  return {
    name: "repository-files",
    setup(build) {
      build.onLoad({ filter: /.*/ }, async (args) => {
        // The packages stay imports (`packages: "external"`); what esbuild loads from them is its own bookkeeping.
        if (args.path.includes("/node_modules/")) return undefined;
        stamps[relative(REPO_ROOT, args.path)] = fileStamp(args.path);
        if (!args.path.endsWith(".ts")) return undefined;
        const source = await readFile(args.path, "utf8");
        const contents = source.replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href));
        return { contents, loader: "ts" };
      });
    },
  };
}

async function buildAnew(cacheDir, entry, esbuild) {
  const outdir = join(cacheDir, "build");
  // The packages' code is not in the build, nor stamped: a changed install changes what its imports load.
  const stamps = {};
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
    plugins: [repositoryFiles(stamps)],
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
  // The stamps are the index's, not the build folder's: a build of the same output may already be there, made from
  // files stamped otherwise (a file saved again unchanged).
  const index = { builder: builderStamp(esbuild.version), dir: dirName, output, inputs: stamps };
  writeFileSync(`${indexPath}.${unique}`, JSON.stringify(index));
  renameSync(`${indexPath}.${unique}`, indexPath);
  removeUnused(cacheDir, dirName);
  return join(dir, output);
}

function removeUnused(cacheDir, current) {
  for (const name of readdirSync(cacheDir)) {
    const path = join(cacheDir, name);
    // Another start may be removing the same folders.
    const stat = statSync(path, { throwIfNoEntry: false });
    if (name === current || !stat?.isDirectory()) continue;
    if (Date.now() - stat.mtimeMs > UNUSED_FOR_MS) rmSync(path, { recursive: true, force: true });
  }
}

/**
 * The built file to import for `entry` (a path from the repository's root): the kept build when its inputs are
 * unchanged, else a new one. `built` says which, and `ms` how long it took, as the console's build tells.
 */
export async function ensureLocalBuild(entryPath, { cacheDir = LOCAL_BUILD_DIR } = {}) {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  const entry = resolve(REPO_ROOT, entryPath);
  const esbuild = await import("esbuild");
  mkdirSync(cacheDir, { recursive: true });
  const kept = keptBuild(cacheDir, entry, esbuild.version);
  if (kept) {
    const now = new Date();
    // Marks it used, so that another checkout's build does not remove it as unused.
    try {
      utimesSync(kept.dir, now, now);
    } catch {
      // A file system that refuses the times: the build is still there to load.
    }
    return { file: kept.file, built: false, ms: ms() };
  }
  const file = await buildAnew(cacheDir, entry, esbuild);
  return { file, built: true, ms: ms() };
}
