// `npm run fire -- ses-events` failing (audit 34, word 10): the line says the event may be half applied and that the
// same command again is safe and completes it (which bounce-reconcile.test.ts checks of the use case); other targets'
// failures read as before.
import { describe, expect, it } from "vitest";
import { fireFailure } from "../../infra/local/fire-failure.ts";
import { targetFailure } from "../../infra/local/scheduler.ts";

describe("a failure of npm run fire", () => {
  it("says of ses-events that the event may be half applied, and that the same command again completes it", () => {
    const killed = new Error("connect ECONNREFUSED 127.0.0.1:8740");
    const [first, ...note] = fireFailure("ses-events", "ses-events", killed)
      .split("\n")
      .filter((line) => !/^\s+at /.test(line));
    expect(first).toBe("ses-events failed: Error: connect ECONNREFUSED 127.0.0.1:8740");
    expect(note.join("\n")).toBe(
      "The event may be half applied: the letter's status, its contact's e-mail status and the wave's halt are " +
        "written one after the other, and this run may have stopped between them (a letter bounced whose contact is " +
        "still ok). Running the same command again is safe, once the stack answers (npm start): an event applied " +
        "again writes nothing twice, and completes what this run left undone.",
    );
  });

  it("reads as the scheduler's line for a target that writes in one step", () => {
    const error = new Error("boom");
    expect(fireFailure("wave-sweep", "wave-sweep", error)).toBe(targetFailure("wave-sweep", error));
  });
});
