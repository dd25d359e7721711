// `npm test`: the type checks and the linter run beside vitest, not before it. They took half a minute of a suite
// that must stay well under ten (ADR 0036), while vitest leaves part of the two cores idle as it starts its engines
// and waits on pages. A check that fails stops the run at once, as it did when it came first: its output is printed,
// vitest is stopped, and the exit code is 1 (the other check still finishes: its verdict is worth having). Arguments
// go to vitest (`npm test -- test/unit/x.test.ts`).
import { spawn } from "node:child_process";

const CHECKS = ["typecheck", "lint"];

/** A package script run quietly, its output kept for when it fails. */
function check(script) {
  const started = Date.now();
  const child = spawn("npm", ["run", "--silent", script], { stdio: ["ignore", "pipe", "pipe"] });
  const output = [];
  child.stdout.on("data", (chunk) => output.push(chunk));
  child.stderr.on("data", (chunk) => output.push(chunk));
  return new Promise((resolve) => {
    child.on("close", (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      resolve({ script, passed: code === 0, seconds, output: Buffer.concat(output).toString() });
    });
  });
}

// Its own process group, so that stopping it stops its workers, engines and browsers with it.
const vitest = spawn("npx", ["vitest", "run", ...process.argv.slice(2)], { stdio: "inherit", detached: true });
let vitestRunning = true;
const vitestDone = new Promise((resolve) =>
  vitest.on("close", (code, signal) => {
    vitestRunning = false;
    resolve(code ?? (signal ? 1 : 0));
  }),
);
const stopVitest = (signal = "SIGTERM") => {
  try {
    process.kill(-vitest.pid, signal);
  } catch {
    // Already gone.
  }
};
// Interrupted (Ctrl-C): the checks, in this process's group, get the signal too; none of them is then said to fail.
let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    interrupted = true;
    stopVitest(signal);
  });
}

let failed = false;
await Promise.all(
  CHECKS.map(async (script) => {
    const result = await check(script);
    if (result.passed) {
      console.log(`\n${script} passed (${result.seconds} s)\n`);
      return;
    }
    if (interrupted) return;
    failed = true;
    const stopped = vitestRunning ? "; vitest stopped" : "";
    stopVitest();
    console.error(`\n${script} failed (${result.seconds} s)${stopped}:\n\n${result.output}`);
  }),
);
const vitestCode = await vitestDone;
process.exitCode = interrupted ? 130 : failed ? 1 : vitestCode;
