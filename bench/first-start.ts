// First start: `npm start` as a newcomer runs it on a fresh clone (no .local/: here an empty temporary folder, through
// LOCAL_DATA_DIR), timed from the spawn of `node --import tsx infra/local/start.ts` until the API answers /health with
// the seed complete (the banner is printed only then), and until the seeded records' search index is built. The
// start's own step timings and its seed's progress lines are kept, and its stop is timed after Ctrl-C (SIGINT).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BenchResult, figure } from "./results.ts";
import { round } from "./stats.ts";

/** The bar: ready in under 10 s on this 2-core machine. */
export const FIRST_START_LIMIT_S = 10;
const TIMEOUT_MS = 600_000;
const REPO_ROOT = fileURLToPath(new URL("../", import.meta.url));

export interface FirstStart {
  /** Spawn to /health answering 200 with the seed complete. */
  readySeconds: number;
  /** Spawn to the search index following the stream (seeded records indexed). */
  searchReadySeconds: number;
  /** SIGINT to exit. */
  stopSeconds: number;
  /** The start's own step timings (ms), as its banner prints them. */
  steps: Record<string, number>;
  /** The seed's progress lines, as printed. */
  progress: string[];
  /** One-minute load average before and after: the machine is shared. */
  load: { start: number; end: number };
}

const READY = /started in [\d.]+ s: ([^)]*)\)/;
const API = /^\s+API\s+(http:\/\/\S+)/m;
const SEARCH_READY = /search: the index follows/;

/** Resolves with the time `pattern` first appears in the child's output (stdout and stderr), relative to `t0`. */
function watch(child: ChildProcess, output: string[]) {
  const waiters: { pattern: RegExp; done: (ms: number) => void }[] = [];
  const onData = (chunk: Buffer) => {
    output.push(chunk.toString("utf8"));
    const text = output.join("");
    for (const waiter of [...waiters]) {
      if (waiter.pattern.test(text)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.done(performance.now());
      }
    }
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  return (pattern: RegExp) =>
    new Promise<number>((done, fail) => {
      if (pattern.test(output.join(""))) return done(performance.now());
      const timer = setTimeout(
        () => fail(new Error(`first start: no ${pattern} within ${TIMEOUT_MS / 1000} s`)),
        TIMEOUT_MS,
      );
      const onExit = (code: number | null) =>
        fail(new Error(`first start exited (code ${code}) before ${pattern}:\n${output.join("").slice(-2000)}`));
      child.once("exit", onExit);
      waiters.push({
        pattern,
        done: (at) => {
          clearTimeout(timer);
          child.off("exit", onExit);
          done(at);
        },
      });
    });
}

export async function measureFirstStart(log: (line: string) => void): Promise<FirstStart> {
  const dataDir = mkdtempSync(join(tmpdir(), "desk-first-start-"));
  const [loadStart = 0] = loadavg();
  const output: string[] = [];
  const t0 = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "infra/local/start.ts"], {
    cwd: REPO_ROOT,
    env: { ...process.env, LOCAL_DATA_DIR: dataDir, API_PORT: "0", DYNAMODB_PORT: "0", SES_PORT: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  try {
    const seen = watch(child, output);
    const searchReady = seen(SEARCH_READY);
    searchReady.catch(() => undefined);
    await seen(READY);
    const text = output.join("");
    const apiUrl = API.exec(text)?.[1];
    if (!apiUrl) throw new Error(`first start: no API address in its banner:\n${text.slice(-2000)}`);
    const health = await fetch(`${apiUrl}/health`);
    if (health.status !== 200) throw new Error(`first start: /health answered ${health.status}`);
    const readySeconds = (performance.now() - t0) / 1000;
    log(`first start: ready in ${readySeconds.toFixed(1)} s (load ${loadStart.toFixed(1)})`);
    const searchReadySeconds = ((await searchReady) - t0) / 1000;
    log(`first start: search index built ${searchReadySeconds.toFixed(1)} s after the spawn`);
    const steps = Object.fromEntries(
      (READY.exec(text)?.[1] ?? "").split(", ").flatMap((step) => {
        const match = /^(\S+) (\d+) ms$/.exec(step);
        return match?.[1] && match[2] ? [[match[1], Number(match[2])]] : [];
      }),
    );
    const progress = text.split("\n").filter((line) => / seed: /.test(line));
    const stopping = performance.now();
    child.kill("SIGINT");
    await exited;
    const stopSeconds = (performance.now() - stopping) / 1000;
    return {
      readySeconds,
      searchReadySeconds,
      stopSeconds,
      steps,
      progress,
      load: { start: loadStart, end: loadavg()[0] ?? 0 },
    };
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGKILL");
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function firstStartFigures(run: FirstStart): BenchResult[] {
  return [
    figure("first-start.ready", round(run.readySeconds, 1), "s", {
      text: `< ${FIRST_START_LIMIT_S} s (fresh .local/, /health answering, seed complete)`,
      met: run.readySeconds < FIRST_START_LIMIT_S,
    }),
    figure("first-start.search-ready", round(run.searchReadySeconds, 1), "s"),
    figure("first-start.stop", round(run.stopSeconds, 1), "s"),
    ...Object.entries(run.steps).map(([step, ms]) => figure(`first-start.step.${step}`, round(ms / 1000, 1), "s")),
    figure("first-start.load", round(run.load.start, 1), "load average"),
  ];
}
