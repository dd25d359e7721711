import { describe, expect, it } from "vitest";
import { suiteOrder, WAITING_FILES } from "../support/suite-sequencer.ts";

const file = (project: string, name: string) => ({ project, path: `test/${project}/${name}.test.ts` });

describe("the suite's order of files", () => {
  const e2e = ["console-assist", "console-letters", "console", "dossier", "local-stack"].map((name) =>
    file("e2e", name),
  );
  const others = Array.from({ length: 12 }, (_, index) => file(index < 4 ? "infra" : "unit", `f${index}`));
  const order = suiteOrder([...e2e, ...others], 3).map(({ path }) => path);

  it("starts the files that wait for a wave's minute first, in their listed order, leaving one worker to the rest", () => {
    expect(WAITING_FILES.slice(0, 2)).toEqual(["test/e2e/console-letters.test.ts", "test/e2e/dossier.test.ts"]);
    expect(order.slice(0, 3)).toEqual([
      "test/e2e/console-letters.test.ts",
      "test/e2e/dossier.test.ts",
      "test/infra/f0.test.ts",
    ]);
    const alone = suiteOrder([...e2e, file("e2e", "npm-start"), ...others], 3).map(({ path }) => path);
    expect(alone.slice(0, 3)).toEqual([
      "test/e2e/console-letters.test.ts",
      "test/e2e/dossier.test.ts",
      "test/infra/f0.test.ts",
    ]);
    expect(alone.indexOf("test/e2e/npm-start.test.ts")).toBeGreaterThan(2);
    expect(suiteOrder([...e2e, ...others], 1).map(({ path }) => path)[1]).toBe("test/infra/f0.test.ts");
  });

  it("spreads the other e2e files through the first half of the rest, keeping every file once and the base order", () => {
    expect([...order].sort()).toEqual([...e2e, ...others].map(({ path }) => path).sort());
    // Twelve other files and three e2e files: one e2e file after every second file, all within the first six.
    expect(order.slice(2)).toEqual([
      "test/infra/f0.test.ts",
      "test/infra/f1.test.ts",
      "test/e2e/console-assist.test.ts",
      "test/infra/f2.test.ts",
      "test/infra/f3.test.ts",
      "test/e2e/console.test.ts",
      "test/unit/f4.test.ts",
      "test/unit/f5.test.ts",
      "test/e2e/local-stack.test.ts",
      ...others.slice(6).map(({ path }) => path),
    ]);
  });

  it("keeps a suite of e2e files alone in their base order after the waiting ones", () => {
    expect(suiteOrder(e2e, 3).map(({ path }) => path)).toEqual([
      "test/e2e/console-letters.test.ts",
      "test/e2e/dossier.test.ts",
      "test/e2e/console-assist.test.ts",
      "test/e2e/console.test.ts",
      "test/e2e/local-stack.test.ts",
    ]);
  });
});
