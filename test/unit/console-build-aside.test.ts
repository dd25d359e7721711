// `npm start` builds the console in a child process at low priority (ADR 0037): the same build and source stamp as
// `npm run console:build`, and nothing built again while the sources stay the same.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONSOLE_DIST, consoleSourceHash, ensureConsoleBuiltAside } from "../../infra/local/console.ts";

describe("the console built aside", () => {
  it("builds in a child process when the stamp is missing, stamps the sources, then finds the build current", async () => {
    rmSync(join(CONSOLE_DIST, ".source-hash"), { force: true });
    const lines: string[] = [];
    const first = await ensureConsoleBuiltAside((line) => lines.push(line));
    expect(first.built).toBe(true);
    expect(lines).toEqual(["building the console (its sources changed)"]);
    expect(readFileSync(join(CONSOLE_DIST, ".source-hash"), "utf8")).toBe(consoleSourceHash());
    expect(existsSync(join(CONSOLE_DIST, "index.html"))).toBe(true);
    expect(await ensureConsoleBuiltAside()).toEqual({ built: false, ms: 0 });
  }, 120_000);
});
