// What each single-purpose function's cold start would be if its schemas cost nothing (issue 18 point 6, ADR 0042):
// each function bundled as deployed, and again with every zod import resolved to bench/zod-free-probe.ts's proxy, so
// its top level runs without building a schema. The zod-free import is a lower bound for any schema library, zod/mini
// included. Both are imported paired with the floor and ADR 0042's probes in rotated rounds (CPU time of the import).
// Run: node --import tsx bench/zod-free-bound.ts [rounds] [outDir]
import { execFile } from "node:child_process";
import { dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import type { Plugin } from "esbuild";
import { type Bundle, bundle, bundleSource, FLOOR_NAME, type OptionChange } from "./bundles.ts";
import { coldEnvironment } from "./cold-start.ts";
import { CLIENTS_PROBE_NAME, clientsProbe, schemasProbe, schemasProbeName } from "./lower-bound-probes.ts";
import { formatPaired, type PairedResult, pairedImports } from "./paired-import.ts";

const rounds = Number(process.argv[2] ?? 15);
const outDir = process.argv[3] ?? "/tmp/desk-zod-free-bound";

const FUNCTIONS = [
  "snapshot",
  "wave-dispatch",
  "wave-sweep",
  "ses-events",
  "seed",
  "assistance-report",
  "wave-send",
  "programme-reminders",
];

const probeFile = fileURLToPath(new URL("./zod-free-probe.ts", import.meta.url));

/**
 * `zod` and every subpath (`zod/mini`, `zod/v4/core`...) become a module exporting the proxy under each name the real
 * one exports, so no import of the desk's finds a name missing.
 */
const zodFree: Plugin = {
  name: "zod-free",
  setup(build) {
    build.onResolve({ filter: /^zod(\/.*)?$/ }, ({ path }) => ({ path, namespace: "zod-free" }));
    build.onLoad({ filter: /.*/, namespace: "zod-free" }, async ({ path }) => {
      const names = Object.keys(await import(path));
      const exported = names.map((name) => `nothing as ${name}`).join(", ");
      return {
        contents: `import { nothing } from ${JSON.stringify(probeFile)};\nexport { ${exported} };`,
        loader: "js",
        resolveDir: dirname(probeFile),
      };
    });
  },
};

const withoutZod: OptionChange = (options) => ({ ...options, plugins: [...(options.plugins ?? []), zodFree] });

const zodFreeName = (name: string) => `${name}, zod-free`;

/** The import really finished: a fresh process (the bench's environment) imports the bundle and finds its handler. */
async function handlerType(file: string): Promise<string> {
  const script = "const m = await import(process.argv[1]); process.stdout.write(typeof m.handler);";
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--input-type=module", "--eval", script, pathToFileURL(file).href],
    { env: coldEnvironment, timeout: 60_000 },
  );
  return stdout;
}

const targets: Bundle[] = [await bundle(FLOOR_NAME, "bench/floor-entry.ts", outDir)];
targets.push(await bundleSource(CLIENTS_PROBE_NAME, clientsProbe, outDir));
for (const count of [1, 50]) {
  targets.push(await bundleSource(schemasProbeName("zod/mini", count), schemasProbe("zod/mini", count), outDir));
}
targets.push(await bundleSource(schemasProbeName("zod", 1), schemasProbe("zod", 1), outDir));
for (const name of FUNCTIONS) {
  const entry = `functions/${name}/handler.ts`;
  targets.push(await bundle(name, entry, outDir));
  const free = await bundle(zodFreeName(name), entry, outDir, withoutZod);
  const handler = await handlerType(free.file);
  if (handler !== "function") throw new Error(`${free.name}: the import gave a handler of type ${handler}`);
  targets.push(free);
}
for (const t of targets) console.log(`${t.name}: ${(t.bytes / 1024).toFixed(1)} KB`);

const run = await pairedImports(targets, rounds, (round) => {
  if (round % 5 === 0) console.error(`${round}/${rounds} rounds`);
});
console.log(formatPaired(run));

const result = (name: string): PairedResult => {
  const found = run.results.find((r) => r.name === name);
  if (!found) throw new Error(`No result for ${name}`);
  return found;
};
const floorCpu = result(FLOOR_NAME).cpuMs;
const cpuX = (name: string) => result(name).cpuMs / floorCpu;
const kb = (name: string) => ((targets.find((t) => t.name === name)?.bytes ?? Number.NaN) / 1024).toFixed(1);

// Derived, not measured: zod/mini's load and first schema (its probe less the clients probe), then each further
// instance at the per-instance CPU time of the 50-schema mini probe, both from this run.
const miniOne = result(schemasProbeName("zod/mini", 1));
const miniFifty = result(schemasProbeName("zod/mini", 50));
const miniPerInstanceMs = (miniFifty.cpuMs - miniOne.cpuMs) / (miniFifty.zodInstances - miniOne.zodInstances);
const miniLoadX = cpuX(miniOne.name) - cpuX(CLIENTS_PROBE_NAME);
console.log(
  `\nzod/mini, derived: load + first schema ${miniLoadX.toFixed(2)}x, ${(miniPerInstanceMs * 1000).toFixed(1)} us CPU per further instance`,
);
console.log(
  "function | KB real | KB zod-free | zod instances | CPU x floor real | zod-free | difference (x, ms) | zod/mini derived",
);
for (const name of FUNCTIONS) {
  const real = result(name);
  const free = result(zodFreeName(name));
  const differenceX = cpuX(name) - cpuX(free.name);
  const miniX =
    cpuX(free.name) +
    miniLoadX +
    (Math.max(0, real.zodInstances - miniOne.zodInstances) * miniPerInstanceMs) / floorCpu;
  console.log(
    [
      name,
      kb(name),
      kb(free.name),
      real.zodInstances,
      `${cpuX(name).toFixed(2)}x`,
      `${cpuX(free.name).toFixed(2)}x`,
      `${differenceX.toFixed(2)}x, ${(real.cpuMs - free.cpuMs).toFixed(1)} ms`,
      `${miniX.toFixed(2)}x`,
    ].join(" | "),
  );
}
