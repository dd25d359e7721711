// A class-data-sharing archive (AppCDS) for DynamoDB Local's JVM, made at install (`npm ci` runs `postinstall`) and
// used by every start: the JVM maps the engine's classes, already parsed and verified, instead of loading them from
// the jars, a third of its CPU until it listens (ADR 0041).
//
// The JVM reads the Class-Path of every jar on the class path, and archives only what it can check again at each
// start: no non-empty directory before the last jar a class came from, and none of the files the manifest names but
// it could not open as jars (it disables the archive if one of those exists then). The engine's jar names ".", its
// own folder, first, then the sqlite4java native libraries beside its jars. So the archived start runs the main class
// from a class path of the engine's jars, in its manifest's order, then an unchanged copy of the engine's jar, kept
// beside the archive: the copy's "." comes after every class, and the files its manifest names are not there.
import { constants, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";

export interface JvmArchive {
  /** The archive, for `-XX:SharedArchiveFile`. */
  archive: string;
  /** The JVM's arguments that start the engine, instead of `-jar`: the class path the archive was made for. */
  launch: string[];
}

const STAMP = "source.json";
const MANIFEST = "META-INF/MANIFEST.MF";

/** Where the archive lives: beside the installed packages, so a new `npm ci` starts without one. */
export function jvmArchiveDir(emulatorDir: string): string {
  // emulator/ is in node_modules/amplify-dynamodb-simulator/.
  return join(dirname(dirname(emulatorDir)), ".cache", "desk-1540-dynamodb-local");
}

const sourceOf = (jar: string) => {
  const { size, mtimeMs } = statSync(jar);
  return { jar, size, mtimeMs };
};

/** The archive and its launch when made from the installed jar; otherwise undefined (the JVM starts without). */
export function usableJvmArchive(emulatorDir: string, dir = jvmArchiveDir(emulatorDir)): JvmArchive | undefined {
  try {
    const stamp = JSON.parse(readFileSync(join(dir, STAMP), "utf8"));
    const source = sourceOf(join(emulatorDir, "DynamoDBLocal.jar"));
    if (JSON.stringify(stamp.source) !== JSON.stringify(source)) return undefined;
    const archive = join(dir, "DynamoDBLocal.jsa");
    statSync(archive);
    statSync(join(dir, "DynamoDBLocal.jar"));
    return { archive, launch: stamp.launch };
  } catch {
    return undefined;
  }
}

/**
 * The arguments that start the jar whose manifest is `manifest` from its class path: the jars its Class-Path names
 * (relative to `jarDir`), in its order, then `jar`, last, and its Main-Class.
 */
export function classPathLaunch(manifest: string, jarDir: string, jar: string): string[] {
  const attributes = new Map(
    manifest
      .replace(/\r?\n /g, "")
      .split(/\r?\n/)
      .map((line) => /^([^:]+): (.*)$/.exec(line))
      .filter((match) => match !== null)
      .map(([, name, value]) => [name, value]),
  );
  const main = attributes.get("Main-Class");
  if (!main) throw new Error(`no Main-Class in the manifest of ${jar}`);
  const jars = (attributes.get("Class-Path") ?? "")
    .split(" ")
    .filter((entry) => entry.endsWith(".jar"))
    .map((entry) => join(jarDir, entry));
  return ["-cp", [...jars, jar].join(delimiter), main];
}

/**
 * Begins an archive in `dir`: the jar copied, the archive's path for `-XX:ArchiveClassesAtExit` and the launch it
 * is made for. The JVM writes the archive when it exits; `commit` then marks it usable (a half-made one never is).
 */
export async function beginJvmArchive(
  emulatorDir: string,
  dir = jvmArchiveDir(emulatorDir),
): Promise<JvmArchive & { commit(): void }> {
  // Loaded here: only the install makes an archive, and a start loads as little as it can (ADR 0030).
  const { strFromU8, unzipSync } = await import("fflate");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const original = join(emulatorDir, "DynamoDBLocal.jar");
  const jar = join(dir, "DynamoDBLocal.jar");
  const archive = join(dir, "DynamoDBLocal.jsa");
  copyFileSync(original, jar, constants.COPYFILE_FICLONE);
  // Only the manifest is inflated.
  const entries = unzipSync(readFileSync(jar), { filter: (file) => file.name === MANIFEST });
  const manifest = entries[MANIFEST];
  if (!manifest) throw new Error(`no ${MANIFEST} in ${original}`);
  const launch = classPathLaunch(strFromU8(manifest), emulatorDir, jar);
  return {
    archive,
    launch,
    commit: () => {
      if (existsSync(archive)) writeFileSync(join(dir, STAMP), JSON.stringify({ source: sourceOf(original), launch }));
    },
  };
}
