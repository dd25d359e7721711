import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { crc32, inflateRawSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import {
  beginJvmArchive,
  centralDirectory,
  jarWithJarsOnlyClassPath,
  rewriteClassPath,
  usableJvmArchive,
} from "../../infra/local/jvm-archive.ts";

const emulator = join(
  dirname(createRequire(import.meta.url).resolve("amplify-dynamodb-simulator/package.json")),
  "emulator",
);
const engineJar = join(emulator, "DynamoDBLocal.jar");

function contentOf(bytes: Buffer, name: string): Buffer {
  const entry = centralDirectory(bytes).find((e) => e.name === name);
  if (!entry) throw new Error(`no ${name}`);
  const start = entry.dataStart(bytes);
  const stored = bytes.subarray(start, start + entry.compressedSize);
  return entry.method === 8 ? inflateRawSync(stored) : Buffer.from(stored);
}

describe("the engine's jar for a class-data archive", () => {
  it("keeps only the jars of the manifest's Class-Path, relative to the copy's folder, wrapped at 72 bytes", () => {
    const manifest =
      "Manifest-Version: 1.0\r\nMain-Class: a.B\r\nClass-Path: . log4j2.xml lib/one.jar lib/t\r\n wo.jar\r\nX: y\r\n";
    const out = rewriteClassPath(manifest, "/n/emulator", "/n/.cache/x");
    const unwrapped = out.replace(/\r\n /g, "");
    expect(unwrapped).toContain("Class-Path: ../../emulator/lib/one.jar ../../emulator/lib/two.jar\r\n");
    expect(unwrapped).toContain("Main-Class: a.B\r\n");
    expect(unwrapped).toContain("X: y");
    for (const line of out.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(72);
  });

  it("rewrites the real jar's manifest and leaves every other entry intact", () => {
    const original = readFileSync(engineJar);
    const patched = jarWithJarsOnlyClassPath(original, emulator, join(emulator, "..", ".cache"));
    const before = centralDirectory(original);
    const after = centralDirectory(patched);
    expect(after.map((e) => e.name)).toEqual(before.map((e) => e.name));
    // Every entry but the manifest keeps its compressed bytes and checksum; the manifest's new text matches its own.
    // (Compared compressed: inflating all of the 9.7 MB jar took 4 s alone, and over 5 s beside the suite.)
    const stored = (jar: Buffer, entry: (typeof before)[number]) =>
      jar.subarray(entry.dataStart(jar), entry.dataStart(jar) + entry.compressedSize);
    const changed = after.filter((entry, i) => {
      const was = before[i];
      return !was || entry.crc !== was.crc || !stored(patched, entry).equals(stored(original, was));
    });
    expect(changed.map((entry) => entry.name)).toEqual(["META-INF/MANIFEST.MF"]);
    const manifestEntry = after.find((entry) => entry.name === "META-INF/MANIFEST.MF");
    expect(crc32(contentOf(patched, "META-INF/MANIFEST.MF"))).toBe(manifestEntry?.crc);
    const manifest = contentOf(patched, "META-INF/MANIFEST.MF").toString("utf8").replace(/\r\n /g, "");
    const classPath = /^Class-Path: (.*)$/m.exec(manifest)?.[1]?.trim().split(" ") ?? [];
    expect(classPath.length).toBeGreaterThan(10);
    expect(
      classPath.every((entry) => entry.startsWith("../emulator/DynamoDBLocal_lib/") && entry.endsWith(".jar")),
    ).toBe(true);
    expect(contentOf(patched, "META-INF/MANIFEST.MF").toString("utf8")).toContain(
      "Main-Class: com.amazonaws.services.dynamodbv2.local.main.ServerRunner",
    );
  });
});

describe("usableJvmArchive", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const fakeEmulator = () => {
    const root = mkdtempSync(join(tmpdir(), "jvm-archive-"));
    dirs.push(root);
    const dir = join(root, "amplify-dynamodb-simulator", "emulator");
    mkdirSync(dir, { recursive: true });
    copyFileSync(engineJar, join(dir, "DynamoDBLocal.jar"));
    return dir;
  };

  it("is used once the JVM wrote it, and not once the installed jar changed", () => {
    const dir = fakeEmulator();
    const making = beginJvmArchive(dir);
    expect(usableJvmArchive(dir)).toBeUndefined();
    writeFileSync(making.archive, "written by the JVM at exit");
    making.commit();
    expect(usableJvmArchive(dir)).toEqual({ jar: making.jar, archive: making.archive });
    utimesSync(join(dir, "DynamoDBLocal.jar"), new Date(), new Date(Date.now() + 60_000));
    expect(usableJvmArchive(dir)).toBeUndefined();
  });

  it("is not used when the JVM wrote none (a start that failed)", () => {
    const dir = fakeEmulator();
    beginJvmArchive(dir).commit();
    expect(usableJvmArchive(dir)).toBeUndefined();
  });
});
