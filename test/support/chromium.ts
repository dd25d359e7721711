// Debian's Chromium through playwright-core (which never downloads a browser), headless, with the flags that keep it
// off this closed network: without them it opens background connections that are refused, many at a time.
import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";
import { findOnPath } from "../../infra/local/find-on-path.ts";

const DEBIAN_CHROMIUM = "/usr/bin/chromium";

function chromiumPath(): string {
  const found = existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : findOnPath("chromium");
  if (!found) throw new Error("No Chromium: apt-get install -y chromium (as .ci/run does)");
  return found;
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: chromiumPath(),
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
