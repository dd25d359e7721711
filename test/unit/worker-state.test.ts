import { describe, expect, it } from "vitest";
import { leftBehind, type WorkerState } from "../support/worker-state.ts";

const send = () => undefined;
const state = (changes: Partial<WorkerState> = {}): WorkerState => ({
  env: { TZ: "UTC", HOME: "/root" },
  fakeTimers: false,
  sends: { DynamoDBClient: send, SESClient: send },
  listeners: { exit: 1, SIGINT: 0 },
  ...changes,
});

describe("what a test file leaves behind for the next in its worker", () => {
  it("is nothing when every reading is the same", () => {
    expect(leftBehind(state(), state())).toEqual([]);
  });

  it("names each variable set, changed or removed", () => {
    const after = state({ env: { TZ: "Europe/Geneva", TABLE: "desk-test" } });
    expect(leftBehind(state(), after)).toEqual([
      "process.env.HOME removed",
      "process.env.TABLE set",
      "process.env.TZ set",
    ]);
  });

  it("names fake timers left on, and not fake timers the worker already had", () => {
    expect(leftBehind(state(), state({ fakeTimers: true }))).toEqual(["fake timers on"]);
    expect(leftBehind(state({ fakeTimers: true }), state({ fakeTimers: true }))).toEqual([]);
  });

  it("names a client class whose send was replaced", () => {
    const after = state({ sends: { DynamoDBClient: send, SESClient: () => "mocked" } });
    expect(leftBehind(state(), after)).toEqual([
      "SESClient.prototype.send replaced (a mockClient(SESClient) not restored)",
    ]);
  });

  it("names process listeners added, and not listeners removed", () => {
    expect(leftBehind(state(), state({ listeners: { exit: 3, SIGINT: 0 } }))).toEqual([
      '2 more process "exit" listener(s)',
    ]);
    expect(leftBehind(state(), state({ listeners: { exit: 0, SIGINT: 0 } }))).toEqual([]);
  });
});
