// The seed's bounded concurrency (shared/concurrency.ts): never more than the limit in flight, each item once, and no
// new task after a failure, as a loop one at a time would stop.
import { describe, expect, it } from "vitest";
import { eachLimited } from "#shared/concurrency.ts";

const tick = () => new Promise<void>((done) => setTimeout(done, 1));

describe("eachLimited", () => {
  it("runs every item once with at most the limit in flight, starting them in order", async () => {
    const started: number[] = [];
    let inFlight = 0;
    let most = 0;
    await eachLimited(
      Array.from({ length: 17 }, (_, index) => index),
      4,
      async (item) => {
        started.push(item);
        inFlight++;
        most = Math.max(most, inFlight);
        await tick();
        inFlight--;
      },
    );
    expect(started).toEqual(Array.from({ length: 17 }, (_, index) => index));
    expect(most).toBe(4);
  });

  it("starts nothing after a task fails, and throws that failure", async () => {
    const started: number[] = [];
    const run = eachLimited([0, 1, 2, 3, 4, 5, 6, 7], 2, async (item) => {
      started.push(item);
      await tick();
      if (item === 1) throw new Error("refused 1");
    });
    await expect(run).rejects.toThrow("refused 1");
    await tick();
    await tick();
    expect(started).toEqual([0, 1, 2]);
  });

  it("does nothing for no items", async () => {
    await expect(eachLimited([], 4, async () => undefined)).resolves.toBeUndefined();
  });
});
