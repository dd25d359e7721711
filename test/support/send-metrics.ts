// The wave-send app's metrics, summed by name in memory, so a test can read what the handler published.
import type { SendMetrics } from "../../functions/wave-send/app.ts";

export function recordedMetrics(): { metrics: Record<string, number>; sink: SendMetrics } {
  const metrics: Record<string, number> = {};
  return {
    metrics,
    sink: {
      addMetric: (name, _unit, value) => {
        metrics[name] = (metrics[name] ?? 0) + value;
      },
      publishStoredMetrics: () => undefined,
    },
  };
}
