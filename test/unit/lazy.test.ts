// lazy(): built on the first call and kept; a build that throws keeps nothing, so the next call builds again.
import { describe, expect, it } from "vitest";
import { lazy } from "#shared/lazy.ts";

describe("lazy", () => {
  it("builds nothing until first called, then builds once and gives every call the same value", () => {
    let builds = 0;
    const value = lazy(() => {
      builds += 1;
      return { built: builds };
    });
    expect(builds).toBe(0);
    const first = value();
    expect(value()).toBe(first);
    expect(value()).toBe(first);
    expect(first).toEqual({ built: 1 });
    expect(builds).toBe(1);
  });

  it("keeps a value that is undefined rather than building it again", () => {
    let builds = 0;
    const nothing = lazy(() => {
      builds += 1;
      return undefined;
    });
    expect(nothing()).toBeUndefined();
    expect(nothing()).toBeUndefined();
    expect(builds).toBe(1);
  });

  it("hands a failed build's error to its caller and builds again on the next call", () => {
    let builds = 0;
    const value = lazy(() => {
      builds += 1;
      if (builds < 3) throw new Error(`build ${builds} failed`);
      return "built";
    });
    expect(() => value()).toThrow("build 1 failed");
    expect(() => value()).toThrow("build 2 failed");
    expect(value()).toBe("built");
    expect(value()).toBe("built");
    expect(builds).toBe(3);
  });
});
