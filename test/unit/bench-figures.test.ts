// The benchmark judges a target on the measure, not on the figure rounded for display: BENCHMARKS.md's tables judge
// the measure, and the two once disagreed (1.3004x shown as 1.3x, "met" in results.json, "no" in the table).
import { describe, expect, it } from "vitest";
import { CONSOLE_FIRST_PAGE_JS_LIMIT_KB } from "../../bench/console.ts";
import { coldStartFigures, consoleFigures } from "../../bench/figures.ts";

const cold = (name: string, medianMs: number) => ({
  name,
  importMs: [medianMs],
  rssBytes: [0],
  medianMs,
  medianRssMiB: 0,
});

describe("the benchmark's judgement", () => {
  it("finds a cold start a hair over 1.3x the floor over it, though it shows as 1.3x", () => {
    const figures = coldStartFigures(
      [cold("floor", 31.3), cold("over", 40.7), cold("under", 40.6)],
      ["over", "under"],
      "floor",
    );
    const ratio = (name: string) => figures.find((figure) => figure.name === `cold_start.${name}.ratio_to_floor`);
    expect(ratio("over")).toMatchObject({ value: 1.3, met: false });
    expect(ratio("under")).toMatchObject({ value: 1.3, met: true });
  });

  it("finds a console page a hair over its size limit over it, though it shows at the limit", () => {
    const [size] = consoleFigures({
      firstPageJsGzipBytes: CONSOLE_FIRST_PAGE_JS_LIMIT_KB * 1024 + 40,
      homeFiguresMs: [1],
    });
    expect(size).toMatchObject({ value: CONSOLE_FIRST_PAGE_JS_LIMIT_KB, met: false });
  });
});
