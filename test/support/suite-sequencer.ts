// The order in which `vitest run` hands test files to its workers. Every layer shares one pool (vitest.config.ts), so
// the end-to-end files that wait on the wall clock for a wave's send minute start first, and the other e2e files
// (each a local stack and Chromium, a minute or two of wall time) are spread through the first half of the CPU-bound
// files: their waiting then passes while the other layers run beside them, and no e2e file is left to run alone at
// the end (ADR 0036).
import { relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** The files whose long test waits for a wave's one-time schedule to fire (a whole minute at least 5 s ahead). */
export const WAITING_FILES = [
  "test/e2e/console-letters.test.ts",
  "test/e2e/dossier.test.ts",
  "test/e2e/first-report-wave.test.ts",
  "test/e2e/npm-start.test.ts",
  "test/e2e/wave-schedule.test.ts",
];

export interface Queued {
  project: string;
  /** The file's path from the repository's root. */
  path: string;
}

/**
 * The suite's order from the base order, for `workers` workers. The waiting files go first, but no more of them than
 * leaves one worker for the rest: when every worker held one, the machine sat idle while they all waited (about 35 s
 * of a run, measured). The other waiting files and the remaining e2e files follow, one after every few of the other
 * files, through the first half of them.
 */
export function suiteOrder<T extends Queued>(base: readonly T[], workers: number): T[] {
  const waiting = WAITING_FILES.flatMap((path) => base.filter((file) => file.path === path));
  const first = waiting.slice(0, Math.max(1, workers - 1));
  const rest = base.filter((file) => !WAITING_FILES.includes(file.path));
  const e2e = [...waiting.slice(first.length), ...rest.filter((file) => file.project === "e2e")];
  const others = rest.filter((file) => file.project !== "e2e");
  const step = Math.max(1, Math.floor(others.length / 2 / Math.max(1, e2e.length)));
  const merged: T[] = [];
  let placed = 0;
  others.forEach((file, index) => {
    merged.push(file);
    const next = e2e[placed];
    if ((index + 1) % step === 0 && next) {
      merged.push(next);
      placed += 1;
    }
  });
  return [...first, ...merged, ...e2e.slice(placed)];
}

export class SuiteSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const base = (await super.sort(files)).map((spec) => ({
      spec,
      project: spec.project.name,
      path: relative(this.ctx.config.root, spec.moduleId),
    }));
    return suiteOrder(base, this.ctx.config.maxWorkers).map(({ spec }) => spec);
  }
}
