// Each function bundled as it is deployed, once per worker: five infra files read the same bundles (their inputs,
// their code, their chunks), and bundling every function again in each of them was most of the layer's esbuild time.
// The files share a worker's module graph (vitest.config.ts), so they share this cache; the folder is in the run's
// temporary folder, removed when the run ends. A bundle is read, never changed, by the tests.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Bundle, bundle } from "../../bench/bundles.ts";

const outDir = mkdtempSync(join(tmpdir(), "desk-deployed-bundles-"));
const built = new Map<string, Promise<Bundle>>();

/** The function `name` (its folder under functions/, or api-<group>) bundled from `entry` exactly as deployed. */
export function deployedBundle(name: string, entry: string): Promise<Bundle> {
  const key = `${name}\n${entry}`;
  let bundled = built.get(key);
  if (!bundled) {
    bundled = bundle(name, entry, outDir);
    // A failed build is not kept: the next test to ask builds it again and reports its own error.
    bundled.catch(() => built.delete(key));
    built.set(key, bundled);
  }
  return bundled;
}
