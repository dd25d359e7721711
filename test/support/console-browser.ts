// What every e2e test of the staff console needs: a local stack of its own with the console built, Debian's
// Chromium, pages that record their script errors and CSP reports, sign-in per group and axe-core's verdict.
// `consoleBrowser()` registers its own beforeAll/afterAll, so a test file calls it once at the top.
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Browser, Locator, Page, Route } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { CONSOLE_CSP, ensureConsoleBuilt } from "../../infra/local/console.ts";
import { issueToken } from "../../infra/local/jwt.ts";
import { DEFAULT_DATA_DIR } from "../../infra/local/stack.ts";
import { apiCaller } from "./api-call.ts";
import { launchChromium } from "./chromium.ts";
import { type E2eStack, startE2eStack } from "./e2e-stack.ts";

export type ConsoleGroup = "secretariat" | "experts" | "members";

/** Where the console's e2e screenshots are kept, as test artifacts. */
export const CONSOLE_SCREENSHOTS = join(DEFAULT_DATA_DIR, "e2e", "console");

// The screenshots are artifacts for a human reviewer, never asserted on, and cost about 24 s of Chromium's CPU per
// run: they are taken only when asked for, with DESK_SCREENSHOTS=1.
const KEEP_SCREENSHOTS = process.env.DESK_SCREENSHOTS === "1";

/**
 * Keeps a screenshot as `name` in CONSOLE_SCREENSHOTS, when DESK_SCREENSHOTS=1: of the whole page, of what its window
 * shows (`windowOnly`), or of one part of it (a locator).
 */
export async function keepScreenshot(
  shown: Page | Locator,
  name: string,
  { windowOnly = false }: { windowOnly?: boolean } = {},
): Promise<void> {
  if (!KEEP_SCREENSHOTS) return;
  const path = join(CONSOLE_SCREENSHOTS, name);
  await ("goto" in shown ? shown.screenshot({ path, fullPage: !windowOnly }) : shown.screenshot({ path }));
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** The page's globals tests read inside page.evaluate (the root project has no DOM library). */
export interface PageGlobals {
  document: {
    activeElement: { id: string; textContent: string | null } | null;
    documentElement: { scrollWidth: number };
  };
  innerWidth: number;
}

export interface ConsoleBrowser {
  readonly stack: E2eStack;
  readonly browser: Browser;
  /** Every console error, page error and CSP report, per page: a page that works has none. */
  readonly troubles: string[];
  /** The console's first page, checked for its status and CSP; failed requests matching `expected` are not troubles. */
  openConsole(opened?: Opened): Promise<Page>;
  /**
   * A new page signed in as `group`, at the console's page `at` (`#/states/NOR`; Home when not given): signing in where
   * the test goes spares the browser and the stack Home's reads and render.
   */
  signIn(group: ConsoleGroup, opened?: Opened): Promise<Page>;
  /** Opens the console's page at `hash` (`#/states/NOR`) in a page already signed in. */
  go(page: Page, hash: string): Promise<unknown>;
}

/** How a new page opens: its window's width in CSS pixels (1280 when not given) and the console's page (`#/...`). */
export interface Opened {
  width?: number;
  at?: string;
}

// biome-ignore lint/suspicious/noExplicitAny: the API's answers are read loosely in e2e tests; their schemas are tested elsewhere
export type Json = any;

/** The API called directly, as the secretariat: to prepare what the console only reads, and to compare answers. */
export const secretariatApi = (desk: ConsoleBrowser) =>
  apiCaller<Json>(
    () => desk.stack.apiUrl,
    () => issueToken(desk.stack.jwtKeys, { group: "secretariat" }),
  );

/**
 * Starts the stack and Chromium before the file's tests and stops both after. `expectedErrors` names the failed
 * requests a file makes on purpose (a refused submission's 422, a stale edit's 412), which are not troubles. The
 * stack builds no search index unless the file searches (`search: true`): most never do, and each index is a rebuild.
 */
export function consoleBrowser({
  expectedErrors = /status of 422/,
  search = false,
}: {
  expectedErrors?: RegExp;
  search?: boolean;
} = {}): ConsoleBrowser {
  let stack: E2eStack | undefined;
  let started: { stack: E2eStack; browser: Browser } | undefined;
  const troubles: string[] = [];

  beforeAll(async () => {
    mkdirSync(CONSOLE_SCREENSHOTS, { recursive: true });
    await ensureConsoleBuilt();
    const ownStack = await startE2eStack({ search });
    stack = ownStack;
    started = { stack: ownStack, browser: await launchChromium() };
  }, 180_000);

  // The stack is stopped even when Chromium did not start (else its API, scheduler and SES emulator outlive the file).
  afterAll(async () => {
    await started?.browser.close();
    await stack?.stop();
  });

  const running = () => {
    if (!started) throw new Error("The console's stack is not started: call consoleBrowser() at the top of the file");
    return started;
  };

  async function openConsole({ width = 1280, at = "" }: Opened = {}): Promise<Page> {
    const { browser, stack } = running();
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    page.on("console", (message) => {
      if (message.type() === "error" && !expectedErrors.test(message.text()))
        troubles.push(`${page.url()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => troubles.push(`${page.url()}: ${error.message}`));
    const response = await page.goto(`${stack.consoleUrl}${at}`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["content-security-policy"]).toBe(CONSOLE_CSP);
    return page;
  }

  async function signIn(group: ConsoleGroup, opened: Opened = {}): Promise<Page> {
    const page = await openConsole(opened);
    await page.getByRole("button", { name: `Sign in as ${group}` }).click();
    await expect(page.getByText(/Signed in as/).textContent()).resolves.toContain(group);
    return page;
  }

  return {
    get stack() {
      return running().stack;
    },
    get browser() {
      return running().browser;
    },
    troubles,
    openConsole,
    signIn,
    go: (page, hash) => page.goto(`${running().stack.consoleUrl}${hash}`),
  };
}

/**
 * axe-core's serious and critical violations on the page as it stands. axe is evaluated through the DevTools
 * protocol: a script tag would be inline script, which the console's CSP blocks.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run(): Promise<{ violations: { id: string; impact?: string; nodes: unknown[] }[] }> };
      }
    ).axe;
    return (await axe.run()).violations.map(({ id, impact, nodes }) => ({ id, impact, nodes: nodes.length }));
  });
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}, ${violation.nodes} nodes)`);
}

/** How far the page is wider than its window, in CSS pixels: 0 or less reads at that width without scrolling. */
export function overflowOf(page: Page): Promise<number> {
  return page.evaluate(() => {
    const view = globalThis as unknown as PageGlobals;
    return view.document.documentElement.scrollWidth - view.innerWidth;
  });
}

/**
 * The focused element as a screen reader would announce it: its id, its name (aria-label, else its text), its
 * `data-field` and its tag (BODY when the focus has dropped to the page).
 */
export const focusedElement = (page: Page) =>
  page.evaluate(() => {
    const active = (
      globalThis as unknown as {
        document: {
          activeElement: {
            id: string;
            tagName: string;
            textContent: string | null;
            getAttribute(name: string): string | null;
          };
        };
      }
    ).document.activeElement;
    return {
      id: active.id,
      name: (active.getAttribute("aria-label") ?? active.textContent ?? "").trim(),
      field: active.getAttribute("data-field"),
      tag: active.tagName,
    };
  });

/** Waits until no panel of the page still says "Loading…". */
export async function settled(page: Page): Promise<void> {
  await page.getByText("Loading…").first().waitFor({ state: "detached", timeout: 30_000 });
}

/**
 * Holds the page's requests to `url` (those of `method`, or every one) until the returned `release` is called, as on a
 * slow line. `release` lets them through, waits for them, and stops holding.
 */
export async function holdRequests(
  page: Page,
  url: string | ((url: URL) => boolean),
  method?: string,
): Promise<() => Promise<void>> {
  let open = () => {};
  const held = new Promise<void>((resolve) => {
    open = resolve;
  });
  const passing = new Set<Promise<void>>();
  const handler = (route: Route) => {
    const passed = (async () => {
      if (method === undefined || route.request().method() === method) await held;
      await route.continue();
    })();
    passing.add(passed);
    return passed;
  };
  await page.route(url, handler);
  return async () => {
    open();
    await Promise.allSettled(passing);
    await page.unroute(url, handler);
  };
}

/**
 * Counts the API's `method` requests to `path` from now on, as its server logged them once answered. Not in the
 * browser: under the suite's load, neither the page's request events nor its routes saw every request sent.
 */
export function apiRequests(stack: E2eStack, method: string, path: string): () => string[] {
  const from = stack.logged.length;
  return () => stack.logged.slice(from).filter((line) => line.startsWith(`${method} ${path} `));
}

/** Holds the page's readings (GET) of `url`: meanwhile the page shows what its writes answered, not what it read again. */
export const holdReadings = (page: Page, url: string | ((url: URL) => boolean)) => holdRequests(page, url, "GET");
