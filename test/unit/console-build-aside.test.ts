// `npm start` builds the console in a child process at low priority (ADR 0037): the same build and source stamp as
// `npm run console:build`, and nothing built again while the sources stay the same.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { consoleSourceHash, ensureConsoleBuiltAside } from "../../infra/local/console.ts";

// Its own folder: console/dist is what the e2e files, running beside this one, serve.
const distDir = mkdtempSync(join(tmpdir(), "desk-console-aside-"));
afterAll(() => rmSync(distDir, { recursive: true, force: true }));

describe("the console built aside", () => {
  it("builds in a child process when the stamp is missing, stamps the sources, then finds the build current", async () => {
    const lines: string[] = [];
    const first = await ensureConsoleBuiltAside((line) => lines.push(line), distDir);
    expect(first.built).toBe(true);
    expect(lines).toEqual(["building the console (its sources changed)"]);
    expect(readFileSync(join(distDir, ".source-hash"), "utf8")).toBe(consoleSourceHash());
    expect(existsSync(join(distDir, "index.html"))).toBe(true);
    expect(await ensureConsoleBuiltAside(undefined, distDir)).toEqual({ built: false, ms: 0 });
  }, 120_000);
});
