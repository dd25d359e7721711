// Debian's Chromium through playwright-core (which never downloads a browser), headless, with the flags that keep it
// off this closed network: without them it opens background connections that are refused, many at a time.
import { existsSync } from "node:fs";
import { basename } from "node:path";
import type { Browser } from "playwright-core";
import { findOnPath } from "../../infra/local/find-on-path.ts";

/**
 * `shell`: Debian's chromium-headless-shell, the tests' browser: the same engine without the full browser's windowing
 * and compositing, at about two fifths of its CPU on the console's pages (ADR 0065). `full`: Debian's chromium, what
 * a person's browser does, for the bench's page times. A machine without the shell runs the tests in the full one.
 */
export type ChromiumKind = "shell" | "full";

const INSTALLED: Record<ChromiumKind, string> = {
  shell: "/usr/bin/chromium-headless-shell",
  full: "/usr/bin/chromium",
};

function installed(kind: ChromiumKind): string | undefined {
  const path = INSTALLED[kind];
  return existsSync(path) ? path : findOnPath(basename(path));
}

function chromiumPath(kind: ChromiumKind): string {
  const found = installed(kind) ?? (kind === "shell" ? installed("full") : undefined);
  if (!found) throw new Error("No Chromium: apt-get install -y chromium-headless-shell chromium (as .ci/run does)");
  return found;
}

export async function launchChromium(kind: ChromiumKind = "shell"): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: chromiumPath(kind),
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
