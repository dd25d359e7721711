// The staff console: the JavaScript its first page loads (gzip, as served compressed by CloudFront), and the time
// until the home page shows its figures on the local stack, signed in, in Debian's Chromium (playwright-core).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { buildConsole, CONSOLE_BASE, ensureConsoleBuilt } from "../infra/local/console.ts";
import { startLocalStack } from "../infra/local/stack.ts";
import { launchChromium } from "../test/support/chromium.ts";

/** The bound on the JavaScript of the first page, gzip-compressed. */
export const CONSOLE_FIRST_PAGE_JS_LIMIT_KB = 150;
const HOME_RUNS = 5;

/** The scripts index.html makes the browser fetch before anything shows: entry modules and their preloads. */
export function firstPageScripts(indexHtml: string): string[] {
  const sources = [
    ...indexHtml.matchAll(/<script[^>]*\bsrc="([^"]+)"/g),
    ...indexHtml.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ];
  return [...new Set(sources.map((match) => match[1] ?? ""))].filter(Boolean);
}

async function measureFirstPageJs(): Promise<number> {
  const outDir = mkdtempSync(join(tmpdir(), "desk-console-bench-"));
  try {
    await buildConsole({ localSignIn: false, outDir });
    const html = readFileSync(join(outDir, "index.html"), "utf8");
    return firstPageScripts(html)
      .map((src) => readFileSync(join(outDir, src.replace(CONSOLE_BASE, ""))))
      .reduce((sum, js) => sum + gzipSync(js, { level: 9 }).length, 0);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Milliseconds from opening the console to "N of 193" on the home page, sign-in click included; one per run. */
async function measureHomeFigures(log: (line: string) => void): Promise<number[]> {
  await ensureConsoleBuilt(log);
  const dataDir = mkdtempSync(join(tmpdir(), "desk-console-bench-stack-"));
  const stack = await startLocalStack({ dataDir, inMemory: true, apiPort: 0, dynamoPort: 0, sesPort: 0 });
  const browser = await launchChromium("full");
  try {
    const times: number[] = [];
    // The first run warms the handlers' and the engine's JIT; it is not counted.
    for (let run = 0; run <= HOME_RUNS; run++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const started = performance.now();
      await page.goto(stack.consoleUrl);
      await page.getByRole("button", { name: "Sign in as members" }).click();
      await page.getByText(/\d+ of 193/).waitFor({ timeout: 60_000 });
      if (run > 0) times.push(performance.now() - started);
      await page.close();
    }
    return times;
  } finally {
    await browser.close();
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export interface ConsoleMeasurement {
  /** The first page's scripts, gzip-compressed at level 9, added up. */
  firstPageJsGzipBytes: number;
  /** One per run, the warm-up left out. */
  homeFiguresMs: number[];
}

export async function measureConsole(log: (line: string) => void): Promise<ConsoleMeasurement> {
  const firstPageJsGzipBytes = await measureFirstPageJs();
  log(`console: first page JavaScript ${(firstPageJsGzipBytes / 1024).toFixed(1)} KB gzip`);
  const homeFiguresMs = await measureHomeFigures(log);
  log(`console: home figures shown in ${homeFiguresMs.map((t) => t.toFixed(0)).join(", ")} ms`);
  return { firstPageJsGzipBytes, homeFiguresMs };
}
