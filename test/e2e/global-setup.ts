// Builds the staff console once for the layer, before any file starts: the console's e2e files run side by side
// (vitest.config.ts), and each one's own check (test/support/console-browser.ts) then finds the build current
// instead of two of them writing console/dist at the same time.
import { ensureConsoleBuilt } from "../../infra/local/console.ts";

export default async function setup() {
  await ensureConsoleBuilt();
}
