// The shape of bench/results.json: one figure per entry, with its target when it has one.

export interface BenchResult {
  name: string;
  /** null: not measured (the code to measure does not exist yet). */
  value: number | null;
  unit: string;
  /** A human-readable bound such as "<= 500 KB"; null when the figure has no target. */
  target: string | null;
  /** null when there is no target or no value. */
  met: boolean | null;
}

export function figure(
  name: string,
  value: number,
  unit: string,
  target?: { text: string; met: boolean },
): BenchResult {
  return { name, value, unit, target: target?.text ?? null, met: target?.met ?? null };
}
