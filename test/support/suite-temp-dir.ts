// One temporary folder per `vitest run`, removed when it ends. Set as TMPDIR in vitest's own process before any worker
// starts, it is what os.tmpdir() gives every worker and everything they spawn: an infra file's CDK App without an
// outdir writes its cloud assembly there (every bundled function, about 40 MB an app), and so do the files that make
// a folder of their own and, failing, never reach their cleanup. Before this, a run left a hundred of those in /tmp.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const PREFIX = "desk-1540-test-";

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but is someone else's.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The run's pid from a folder's name, `desk-1540-test-<pid>-XXXXXX`; undefined for any other name. */
export function ownerOf(name: string): number | undefined {
  const match = new RegExp(`^${PREFIX}(\\d+)-`).exec(name);
  return match ? Number(match[1]) : undefined;
}

/** Removes what earlier runs left when they were killed before their exit: each folder whose run has ended. */
export function removeAbandoned(parent: string): void {
  for (const name of readdirSync(parent)) {
    const owner = ownerOf(name);
    if (owner !== undefined && owner !== process.pid && !isRunning(owner)) {
      rmSync(join(parent, name), { recursive: true, force: true });
    }
  }
}

/** Makes this run's folder, points TMPDIR at it and removes it when the process exits; returns its path. */
export function useSuiteTempDir(): string {
  const parent = tmpdir();
  removeAbandoned(parent);
  const dir = mkdtempSync(join(parent, `${PREFIX}${process.pid}-`));
  process.env.TMPDIR = dir;
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
