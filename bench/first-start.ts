// First start: `npm start` as a newcomer runs it on a fresh clone after `npm ci`, timed from the spawn of `npm start`
// itself (npm's own start-up included) until /health, polled from outside, answers 200 (the API listens only once the
// seed is complete), and until the seeded records' search index is built. Fresh as on a new clone: no .local/ (an
// empty LOCAL_DATA_DIR) and tsx's compile cache cold for what still runs through tsx (the console's build aside; tsx
// keeps it under os.tmpdir(): the child gets an empty TMPDIR). As the install leaves it, the console is built only if
// its sources changed since (ADR 0041), and the local stack's code is built beforehand (ADR 0044). The
// start's own step timings and its seed's progress lines are kept, the CPU its processes used until ready is read from
// /proc, and its stop is timed after Ctrl-C (SIGINT to its process group, as a terminal sends it).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureLocalBuild, LOCAL_START_ENTRY } from "../infra/local/local-build.mjs";
import { freePort } from "../infra/local/ports.ts";
import { type BenchResult, figure } from "./results.ts";
import { round } from "./stats.ts";

/** The issue's bar: ready in under 10 s on this 2-core machine. */
export const FIRST_START_LIMIT_S = 10;
const TIMEOUT_MS = 600_000;
const REPO_ROOT = fileURLToPath(new URL("../", import.meta.url));

export interface FirstStart {
  /** Spawn of `npm start` to /health answering 200 (seed complete), polled from outside. */
  readySeconds: number;
  /** Spawn to the search index following the stream (seeded records indexed). */
  searchReadySeconds: number;
  /** SIGINT to exit. */
  stopSeconds: number;
  /** The start's own step timings (ms), as its banner prints them. */
  steps: Record<string, number>;
  /** The seed's progress lines, as printed. */
  progress: string[];
  /** CPU seconds used until ready by the start's processes, by command (node, java, npm's sh...). */
  cpuAtReady: Record<string, number>;
  /** One-minute load average before and after: the machine is shared. */
  load: { start: number; end: number };
}

const READY = /started in [\d.]+ s: ([^)]*)\)/;
const HEALTH_POLL_MS = 50;
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

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** Polls `url` until it answers 200; a refused connection means not yet. */
async function healthy(url: string, gone: () => boolean): Promise<void> {
  const deadline = performance.now() + TIMEOUT_MS;
  while (performance.now() < deadline) {
    if (gone()) throw new Error("first start: npm start exited before /health answered");
    const status = await fetch(url).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    await sleep(HEALTH_POLL_MS);
  }
  throw new Error(`first start: ${url} did not answer 200 within ${TIMEOUT_MS / 1000} s`);
}

/** CPU seconds (user + system) of the live processes in process group `group`, summed by command; {} without /proc. */
function cpuOfGroup(group: number): Record<string, number> {
  const ticks = 100; // USER_HZ on Linux
  const byCommand: Record<string, number> = {};
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return byCommand;
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const command = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      // Fields after the command: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== group) continue;
      const seconds = (Number(fields[11]) + Number(fields[12])) / ticks;
      byCommand[command] = round((byCommand[command] ?? 0) + seconds, 2);
    } catch {
      // Ended meanwhile.
    }
  }
  return byCommand;
}

export async function measureFirstStart(log: (line: string) => void): Promise<FirstStart> {
  await ensureLocalBuild(LOCAL_START_ENTRY);
  const dataDir = mkdtempSync(join(tmpdir(), "desk-first-start-"));
  const coldTmp = mkdtempSync(join(tmpdir(), "desk-first-start-tmp-"));
  const [api, dynamodb, ses] = [await freePort(), await freePort(), await freePort()];
  const [loadStart = 0] = loadavg();
  const output: string[] = [];
  const t0 = performance.now();
  // Its own process group, so Ctrl-C reaches npm, node and java as a terminal's would, and its CPU can be read.
  const child = spawn("npm", ["start"], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      LOCAL_DATA_DIR: dataDir,
      TMPDIR: coldTmp,
      API_PORT: String(api),
      DYNAMODB_PORT: String(dynamodb),
      SES_PORT: String(ses),
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const group = child.pid;
  if (group === undefined) throw new Error("first start: npm start did not spawn");
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-group, signal);
    } catch {
      // The group has ended.
    }
  };
  try {
    const seen = watch(child, output);
    const searchReady = seen(SEARCH_READY);
    searchReady.catch(() => undefined);
    await healthy(`http://127.0.0.1:${api}/health`, () => child.exitCode !== null || child.signalCode !== null);
    const readySeconds = (performance.now() - t0) / 1000;
    const cpuAtReady = cpuOfGroup(group);
    log(
      `first start: ready in ${readySeconds.toFixed(1)} s (load ${loadStart.toFixed(1)}; CPU at ready ` +
        `${Object.entries(cpuAtReady)
          .map(([command, seconds]) => `${command} ${seconds.toFixed(1)} s`)
          .join(", ")})`,
    );
    await seen(READY);
    const searchReadySeconds = ((await searchReady) - t0) / 1000;
    log(`first start: search index built ${searchReadySeconds.toFixed(1)} s after the spawn`);
    const text = output.join("");
    const steps = Object.fromEntries(
      (READY.exec(text)?.[1] ?? "").split(", ").flatMap((step) => {
        const match = /^(\S+) (\d+) ms$/.exec(step);
        return match?.[1] && match[2] ? [[match[1], Number(match[2])]] : [];
      }),
    );
    const progress = text.split("\n").filter((line) => / seed: /.test(line));
    const stopping = performance.now();
    signalGroup("SIGINT");
    await exited;
    const stopSeconds = (performance.now() - stopping) / 1000;
    return {
      readySeconds,
      searchReadySeconds,
      stopSeconds,
      steps,
      progress,
      cpuAtReady,
      load: { start: loadStart, end: loadavg()[0] ?? 0 },
    };
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      signalGroup("SIGKILL");
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(coldTmp, { recursive: true, force: true });
  }
}

export function firstStartFigures(run: FirstStart): BenchResult[] {
  return [
    figure("first-start.ready", round(run.readySeconds, 1), "s", {
      text: `< ${FIRST_START_LIMIT_S} s (npm start spawned after the install's build, fresh .local/, /health answering from outside)`,
      met: run.readySeconds < FIRST_START_LIMIT_S,
    }),
    figure("first-start.search-ready", round(run.searchReadySeconds, 1), "s"),
    figure("first-start.stop", round(run.stopSeconds, 1), "s"),
    ...Object.entries(run.steps).map(([step, ms]) => figure(`first-start.step.${step}`, round(ms / 1000, 1), "s")),
    ...Object.entries(run.cpuAtReady).map(([command, seconds]) =>
      // npm names its process "npm start": a figure's name has no spaces.
      figure(`first-start.cpu.${command.replace(/\W+/g, "-")}`, round(seconds, 1), "CPU s"),
    ),
    figure("first-start.load", round(run.load.start, 1), "load average"),
  ];
}
