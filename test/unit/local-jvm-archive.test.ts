import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterEach, describe, expect, it } from "vitest";
import { beginJvmArchive, classPathLaunch, usableJvmArchive } from "../../infra/local/jvm-archive.ts";

const emulator = join(
  dirname(createRequire(import.meta.url).resolve("amplify-dynamodb-simulator/package.json")),
  "emulator",
);
const engineJar = join(emulator, "DynamoDBLocal.jar");

describe("the engine's launch by class path, for a class-data archive", () => {
  it("lists the manifest's jars in its order, then the jar itself, and names its main class", () => {
    const manifest =
      "Manifest-Version: 1.0\r\nMain-Class: a.B\r\nClass-Path: . log4j2.xml lib/one.jar lib/t\r\n wo.jar lib/n.so\r\nX: y\r\n";
    expect(classPathLaunch(manifest, "/n/emulator", "/n/.cache/x/e.jar")).toEqual([
      "-cp",
      ["/n/emulator/lib/one.jar", "/n/emulator/lib/two.jar", "/n/.cache/x/e.jar"].join(delimiter),
      "a.B",
    ]);
  });

  it("refuses a manifest without a main class", () => {
    expect(() => classPathLaunch("Manifest-Version: 1.0\r\nClass-Path: a.jar\r\n", "/e", "/e/x.jar")).toThrow(
      /no Main-Class/,
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

  it("launches the real jar's main class from its jars, then an unchanged copy of it beside the archive", async () => {
    const dir = fakeEmulator();
    const making = await beginJvmArchive(dir);
    const [flag, classPath = "", main] = making.launch;
    const entries = classPath.split(delimiter);
    const copy = entries.at(-1) ?? "";
    expect(flag).toBe("-cp");
    expect(main).toBe("com.amazonaws.services.dynamodbv2.local.main.ServerRunner");
    expect(dirname(copy)).toBe(dirname(making.archive));
    expect(readFileSync(copy).equals(readFileSync(engineJar))).toBe(true);
    // The installed jar's Class-Path, read independently: its jars, in its order, from the emulator's folder.
    const manifest = unzipSync(readFileSync(engineJar), { filter: (f) => f.name === "META-INF/MANIFEST.MF" });
    const named = /^Class-Path: (.*)$/m
      .exec(strFromU8(manifest["META-INF/MANIFEST.MF"] ?? new Uint8Array()).replace(/\r\n /g, ""))?.[1]
      ?.trim()
      .split(" ")
      .filter((entry) => entry.endsWith(".jar"));
    expect(named?.length).toBeGreaterThan(10);
    expect(entries.slice(0, -1)).toEqual(named?.map((entry) => join(dir, entry)));
  });

  it("is used once the JVM wrote it, and not once the installed jar changed", async () => {
    const dir = fakeEmulator();
    const making = await beginJvmArchive(dir);
    expect(usableJvmArchive(dir)).toBeUndefined();
    writeFileSync(making.archive, "written by the JVM at exit");
    making.commit();
    expect(usableJvmArchive(dir)).toEqual({ archive: making.archive, launch: making.launch });
    utimesSync(join(dir, "DynamoDBLocal.jar"), new Date(), new Date(Date.now() + 60_000));
    expect(usableJvmArchive(dir)).toBeUndefined();
  });

  it("is not used when the JVM wrote none (a start that failed)", async () => {
    const dir = fakeEmulator();
    (await beginJvmArchive(dir)).commit();
    expect(usableJvmArchive(dir)).toBeUndefined();
  });
});
