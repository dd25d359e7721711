// A class-data-sharing archive (AppCDS) for DynamoDB Local's JVM, made at install (`npm ci` runs `postinstall`) and
// used by every start: the JVM maps the engine's classes, already parsed and verified, instead of loading them from
// the jars, a third of its CPU until it listens (ADR 0041).
//
// The JVM refuses to archive a class path holding a non-empty directory, and the engine's jar names "." (its own
// folder) in its manifest's Class-Path. So the archive is made for a copy of the jar whose manifest names only the
// jars, kept beside the archive; it is used only while the installed jar is the one it was copied from.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";

export interface JvmArchive {
  /** The copy of the engine's jar to run with `-jar`. */
  jar: string;
  /** The archive, for `-XX:SharedArchiveFile`. */
  archive: string;
}

const STAMP = "source.json";

/** Where the archive lives: beside the installed packages, so a new `npm ci` starts without one. */
export function jvmArchiveDir(emulatorDir: string): string {
  // emulator/ is in node_modules/amplify-dynamodb-simulator/.
  return join(dirname(dirname(emulatorDir)), ".cache", "desk-1540-dynamodb-local");
}

const sourceOf = (jar: string) => {
  const { size, mtimeMs } = statSync(jar);
  return JSON.stringify({ jar, size, mtimeMs });
};

/** The archive and its jar when both were made from the installed jar; otherwise undefined (the JVM starts without). */
export function usableJvmArchive(emulatorDir: string, dir = jvmArchiveDir(emulatorDir)): JvmArchive | undefined {
  try {
    const jar = join(dir, "DynamoDBLocal.jar");
    const archive = join(dir, "DynamoDBLocal.jsa");
    if (readFileSync(join(dir, STAMP), "utf8") !== sourceOf(join(emulatorDir, "DynamoDBLocal.jar"))) return undefined;
    statSync(jar);
    statSync(archive);
    return { jar, archive };
  } catch {
    return undefined;
  }
}

/**
 * The jar at `jarBytes` with its manifest's Class-Path reduced to the jars it names, each relative to `fromDir`
 * instead of the jar's own folder; every other entry is copied byte for byte.
 */
export function jarWithJarsOnlyClassPath(jarBytes: Buffer, jarDir: string, fromDir: string): Buffer {
  const entries = centralDirectory(jarBytes);
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  const endOf = new Map(
    byOffset.map((entry, i) => [entry, byOffset[i + 1]?.localOffset ?? entries.centralOffset] as const),
  );
  for (const entry of entries) {
    const header = Buffer.from(jarBytes.subarray(entry.centralStart, entry.centralEnd));
    if (entry.name === "META-INF/MANIFEST.MF") {
      const stored = jarBytes.subarray(entry.dataStart(jarBytes), entry.dataStart(jarBytes) + entry.compressedSize);
      const text = (entry.method === 8 ? inflateRawSync(stored) : stored).toString("utf8");
      const manifest = Buffer.from(rewriteClassPath(text, jarDir, fromDir), "utf8");
      const data = deflateRawSync(manifest);
      const name = Buffer.from(entry.name, "utf8");
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(0, 6);
      local.writeUInt16LE(8, 8);
      local.writeUInt32LE(0, 10);
      local.writeUInt32LE(crc32(manifest), 14);
      local.writeUInt32LE(data.length, 18);
      local.writeUInt32LE(manifest.length, 22);
      local.writeUInt16LE(name.length, 26);
      local.writeUInt16LE(0, 28);
      parts.push(local, name, data);
      // The central header's flags, method, crc and sizes follow the new entry (no data descriptor).
      header.writeUInt16LE(0, 8);
      header.writeUInt16LE(8, 10);
      header.writeUInt32LE(crc32(manifest), 16);
      header.writeUInt32LE(data.length, 20);
      header.writeUInt32LE(manifest.length, 24);
      header.writeUInt32LE(offset, 42);
      offset += local.length + name.length + data.length;
    } else {
      const raw = jarBytes.subarray(entry.localOffset, endOf.get(entry));
      parts.push(raw);
      header.writeUInt32LE(offset, 42);
      offset += raw.length;
    }
    central.push(header);
  }
  const centralBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, centralBytes, end]);
}

export interface CentralEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  localOffset: number;
  centralStart: number;
  centralEnd: number;
  dataStart(bytes: Buffer): number;
}

/** A zip's entries as its central directory lists them (no ZIP64: the engine's jar needs none). */
export function centralDirectory(bytes: Buffer): CentralEntry[] & { centralOffset: number } {
  let end = bytes.length - 22;
  while (end >= 0 && bytes.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error("not a zip file: no end of central directory");
  const count = bytes.readUInt16LE(end + 10);
  const centralOffset = bytes.readUInt32LE(end + 16);
  const entries: CentralEntry[] = [];
  let at = centralOffset;
  for (let i = 0; i < count; i++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error("not a zip file: bad central directory entry");
    const nameLength = bytes.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const localOffset = bytes.readUInt32LE(at + 42);
    entries.push({
      name: bytes.toString("utf8", at + 46, at + 46 + nameLength),
      method: bytes.readUInt16LE(at + 10),
      crc: bytes.readUInt32LE(at + 16),
      compressedSize: bytes.readUInt32LE(at + 20),
      localOffset,
      centralStart: at,
      centralEnd: next,
      dataStart: (b) => localOffset + 30 + b.readUInt16LE(localOffset + 26) + b.readUInt16LE(localOffset + 28),
    });
    at = next;
  }
  return Object.assign(entries, { centralOffset });
}

/** A manifest's Class-Path with only its jars, moved from `jarDir` to `fromDir`; lines wrapped at 72 bytes. */
export function rewriteClassPath(manifest: string, jarDir: string, fromDir: string): string {
  const lines = manifest.replace(/\r?\n /g, "").split(/\r?\n/);
  const out = lines.map((line) => {
    if (!line.startsWith("Class-Path: ")) return line;
    const jars = line
      .slice("Class-Path: ".length)
      .split(" ")
      .filter((entry) => entry.endsWith(".jar"))
      .map((entry) => relative(fromDir, join(jarDir, entry)));
    return `Class-Path: ${jars.join(" ")}`;
  });
  return out.flatMap(wrap).join("\r\n");
}

function wrap(line: string): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > 70) {
    pieces.push(rest.slice(0, 70));
    rest = ` ${rest.slice(70)}`;
  }
  pieces.push(rest);
  return pieces;
}

/**
 * Begins an archive in `dir`: the patched jar written, the archive's path for `-XX:ArchiveClassesAtExit`. The JVM
 * writes the archive when it exits; `commit` then marks it usable (a half-made one never is).
 */
export function beginJvmArchive(
  emulatorDir: string,
  dir = jvmArchiveDir(emulatorDir),
): JvmArchive & { commit(): void } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const original = join(emulatorDir, "DynamoDBLocal.jar");
  const jar = join(dir, "DynamoDBLocal.jar");
  const archive = join(dir, "DynamoDBLocal.jsa");
  writeFileSync(jar, jarWithJarsOnlyClassPath(readFileSync(original), emulatorDir, dir));
  return {
    jar,
    archive,
    commit: () => {
      if (existsSync(archive)) writeFileSync(join(dir, STAMP), sourceOf(original));
    },
  };
}
