// The order in which `vitest run` hands test files to its workers. Every layer shares one pool (vitest.config.ts), so
// the end-to-end files that wait on the wall clock for a wave's send minute start first: their minutes of waiting then
// pass while the CPU-bound layers run beside them, instead of after them.
import { relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** The files whose long test waits for a wave's one-time schedule to fire (a whole minute at least 5 s ahead). */
export const WAITING_FILES = [
  "test/e2e/console-letters.test.ts",
  "test/e2e/dossier.test.ts",
  "test/e2e/first-report-wave.test.ts",
  "test/e2e/wave-schedule.test.ts",
];

export class SuiteSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const index = WAITING_FILES.indexOf(relative(this.ctx.config.root, spec.moduleId));
      return index === -1 ? WAITING_FILES.length : index;
    };
    // A stable sort: every other file keeps the base order (the layers by name, then the longest or largest first).
    return sorted
      .map((spec, position) => ({ spec, position }))
      .sort((a, b) => rank(a.spec) - rank(b.spec) || a.position - b.position)
      .map(({ spec }) => spec);
  }
}
