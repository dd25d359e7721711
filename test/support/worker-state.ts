// What one test file could leave behind for the next in a worker that runs them without isolation (ADR 0045), and
// how two readings of it differ. Read by test/support/shared-worker-guard.ts.

export interface WorkerState {
  env: Record<string, string | undefined>;
  fakeTimers: boolean;
  /** Each mockable SDK client class's `send`, as its prototype resolves it. */
  sends: Record<string, unknown>;
  /** How many listeners the process has for each event. */
  listeners: Record<string, number>;
}

/** What changed from `before` to `after`, one phrase each; empty when nothing did. */
export function leftBehind(before: WorkerState, after: WorkerState): string[] {
  const envNames = [...new Set([...Object.keys(before.env), ...Object.keys(after.env)])].sort();
  return [
    ...envNames
      .filter((name) => before.env[name] !== after.env[name])
      .map((name) => `process.env.${name} ${after.env[name] === undefined ? "removed" : "set"}`),
    ...(after.fakeTimers && !before.fakeTimers ? ["fake timers on"] : []),
    ...Object.keys(before.sends)
      .filter((name) => before.sends[name] !== after.sends[name])
      .map((name) => `${name}.prototype.send replaced (a mockClient(${name}) not restored)`),
    ...Object.keys(before.listeners)
      .filter((event) => (after.listeners[event] ?? 0) > (before.listeners[event] ?? 0))
      .map(
        (event) =>
          `${(after.listeners[event] ?? 0) - (before.listeners[event] ?? 0)} more process "${event}" listener(s)`,
      ),
  ];
}
