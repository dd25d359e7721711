// The targets the figures are judged against (the numbers), in one place for the run and the report.

export const BUNDLE_LIMIT_KB = 500;
/** Cold start: median(handler import) / median(floor import), measured side by side. */
export const COLD_START_RATIO_LIMIT = 1.3;
/** Single-item reads over HTTP against the local stack: a request's latency, judged at JUDGED_CONNECTIONS. */
export const READ_P50_LIMIT_MS = 8;
export const READ_P99_LIMIT_MS = 25;
/** One request at a time, as a Lambda instance serves them; more connections on two shared cores measure queueing. */
export const JUDGED_CONNECTIONS = 1;
/** Wave throughput: letters per second while the wave goes out, over the account's MaxSendRate. */
export const WAVE_RATE_RATIO_LIMIT = 0.95;
/** Snapshot scaling: time(10x the demo data) / time(1x). */
export const SNAPSHOT_SCALING_LIMIT = 11;
/** The bound on the whole `npm run bench`. */
export const BENCH_DURATION_LIMIT_S = 600;
