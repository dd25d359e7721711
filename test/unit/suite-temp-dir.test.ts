import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ownerOf, removeAbandoned } from "../support/suite-temp-dir.ts";

const parent = mkdtempSync(join(tmpdir(), "suite-temp-dir-"));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe("the suite's temporary folder", () => {
  it("reads the run's pid from the folder's name, and nothing from another name", () => {
    expect(ownerOf("desk-1540-test-4242-Ab12Cd")).toBe(4242);
    expect(ownerOf("cdk.outAb12Cd")).toBeUndefined();
    expect(ownerOf("desk-1540-test-x-Ab12Cd")).toBeUndefined();
  });

  it("removes the folders of runs that have ended, and keeps a running one's and any other", () => {
    const ended = spawnSync(process.execPath, ["-e", ""]).pid;
    const endedDir = join(parent, `desk-1540-test-${ended}-Ab12Cd`);
    const runningDir = join(parent, `desk-1540-test-${process.ppid}-Ef34Gh`);
    const otherDir = join(parent, "cdk.outAb12Cd");
    for (const dir of [endedDir, runningDir, otherDir]) mkdirSync(join(dir, "inside"), { recursive: true });

    removeAbandoned(parent);

    expect(existsSync(endedDir)).toBe(false);
    expect(existsSync(runningDir)).toBe(true);
    expect(existsSync(otherDir)).toBe(true);
  });
});
