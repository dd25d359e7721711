// `npm start` runs the local stack from one esbuild build of its code, kept while its sources are unchanged (ADR 0044).
// Sources in a temporary folder; the builds under node_modules/.cache, where a build's package imports resolve as the
// stack's do.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ensureLocalBuild } from "../../infra/local/local-build.mjs";
import { REPO_ROOT } from "../../infra/local/prelude.ts";

const run = promisify(execFile);
let sources: string;
let cacheDir: string;
let entry: string;

const write = (name: string, text: string) => writeFileSync(join(sources, name), text);
const load = async (file: string) => (await import(pathToFileURL(file).href)) as Record<string, unknown>;

beforeEach(() => {
  sources = mkdtempSync(join(tmpdir(), "desk-local-build-"));
  const cacheRoot = join(REPO_ROOT, "node_modules", ".cache");
  mkdirSync(cacheRoot, { recursive: true });
  cacheDir = mkdtempSync(join(cacheRoot, "desk-local-build-test-"));
  entry = relative(REPO_ROOT, join(sources, "entry.ts"));
  write("beside.txt", "read beside its module");
  write(
    "entry.ts",
    `import { readFileSync } from "node:fs";
import { z } from "zod";
export const beside: string = readFileSync(new URL("./beside.txt", import.meta.url), "utf8");
export const parsed = z.object({ n: z.number() }).parse({ n: 1 });
export const later = async () => (await import("./later.ts")).value;
export function fails(): never {
  throw new Error("from the source");
}
`,
  );
  write("later.ts", `export const value: string = "first";\n`);
});

afterEach(() => {
  rmSync(sources, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
});

describe("the local stack's build", () => {
  it("runs the sources as they are: files beside a module, packages, modules loaded later", async () => {
    const { file, built } = await ensureLocalBuild(entry, { cacheDir });
    expect(built).toBe(true);
    const module = await load(file);
    expect(module.beside).toBe("read beside its module");
    expect(module.parsed).toEqual({ n: 1 });
    expect(await (module.later as () => Promise<string>)()).toBe("first");
  });

  it("is kept while its sources are unchanged, and made again when one changes", async () => {
    const first = await ensureLocalBuild(entry, { cacheDir });
    const again = await ensureLocalBuild(entry, { cacheDir });
    expect(again).toEqual({ file: first.file, built: false, ms: expect.any(Number) });

    write("later.ts", `export const value: string = "second";\n`);
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(sources, "later.ts"), later, later);
    const changed = await ensureLocalBuild(entry, { cacheDir });
    expect(changed.built).toBe(true);
    expect(changed.file).not.toBe(first.file);
    const module = await load(changed.file);
    expect(await (module.later as () => Promise<string>)()).toBe("second");
  });

  it("is kept after a source saved again unchanged, once built again", async () => {
    const first = await ensureLocalBuild(entry, { cacheDir });
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(sources, "later.ts"), later, later);
    // The same output, so the same folder; the index now holds the file's new time.
    expect(await ensureLocalBuild(entry, { cacheDir })).toEqual({
      file: first.file,
      built: true,
      ms: expect.any(Number),
    });
    expect(await ensureLocalBuild(entry, { cacheDir })).toEqual({
      file: first.file,
      built: false,
      ms: expect.any(Number),
    });
  });

  it("gives two starts building at once one whole build", async () => {
    const [a, b] = await Promise.all([ensureLocalBuild(entry, { cacheDir }), ensureLocalBuild(entry, { cacheDir })]);
    expect(a.file).toBe(b.file);
    expect((await load(a.file)).beside).toBe("read beside its module");
    // No folder written aside is left behind.
    expect(readdirSync(cacheDir).filter((name) => name.startsWith("."))).toEqual([]);
  });

  it("names the source file and line of an error, through its source map, as npm start runs it", async () => {
    const { file } = await ensureLocalBuild(entry, { cacheDir });
    // In a process of its own: vitest writes its own stack traces.
    const script = `process.setSourceMapsEnabled(true);
const { fails } = await import(${JSON.stringify(pathToFileURL(file).href)});
try { fails(); } catch (error) { console.log(error.stack); }`;
    const { stdout } = await run(process.execPath, ["--input-type=module", "--eval", script]);
    expect(stdout).toContain("from the source");
    expect(stdout).toMatch(new RegExp(`${join(sources, "entry.ts").replaceAll(".", "\\.")}:7:\\d+`));
  });

  it("refuses sources that do not compile, naming the file, and keeps the last build", async () => {
    const kept = await ensureLocalBuild(entry, { cacheDir });
    write("later.ts", "export const value: string = ;\n");
    await expect(ensureLocalBuild(entry, { cacheDir })).rejects.toThrow(/later\.ts/);
    expect((await load(kept.file)).beside).toBe("read beside its module");
  });
});
