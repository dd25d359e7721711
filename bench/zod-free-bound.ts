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
import {
  CLIENTS_PROBE_NAME,
  clientsProbe,
  schemasProbe,
  schemasProbeName,
  type ZodFlavour,
} from "./lower-bound-probes.ts";
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

/** The second SDK client some of the eight build (SES to send, SQS to queue), on top of the clients probe. */
const secondClients = [
  { name: "SESClient", from: "@aws-sdk/client-ses" },
  { name: "SQSClient", from: "@aws-sdk/client-sqs" },
].map(({ name, from }) => ({
  name: `${CLIENTS_PROBE_NAME} + ${name}`,
  source: `${clientsProbe}
import { ${name} } from "${from}";
export const second = new ${name}({ region: process.env.AWS_REGION, maxAttempts: 5 });`,
}));

/** KB of the desk's own files (shared/, functions/) in a bundle: what is left when zod and the SDK are set apart. */
const ownKb = (bundled: Bundle) =>
  bundled.inputs.filter((input) => /^(shared|functions)\//.test(input.name)).reduce((sum, i) => sum + i.bytes, 0) /
  1024;

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
const FLAVOURS: readonly ZodFlavour[] = ["zod/mini", "zod"];
for (const flavour of FLAVOURS) {
  for (const count of [1, 50]) {
    targets.push(await bundleSource(schemasProbeName(flavour, count), schemasProbe(flavour, count), outDir));
  }
}
for (const { name, source } of secondClients) targets.push(await bundleSource(name, source, outDir));
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
const bundled = (name: string): Bundle => {
  const found = targets.find((t) => t.name === name);
  if (!found) throw new Error(`No bundle for ${name}`);
  return found;
};
const kb = (name: string) => (bundled(name).bytes / 1024).toFixed(1);

/**
 * Derived, not measured: a flavour's load and first schema (its one-schema probe less the clients probe), then each
 * further instance at the per-instance CPU time of its 50-schema probe, both from this run. Derived for classic too,
 * as a check of the derivation against the real bundle.
 */
const derivation = (flavour: ZodFlavour) => {
  const one = result(schemasProbeName(flavour, 1));
  const fifty = result(schemasProbeName(flavour, 50));
  const perInstanceMs = (fifty.cpuMs - one.cpuMs) / (fifty.zodInstances - one.zodInstances);
  const loadX = cpuX(one.name) - cpuX(CLIENTS_PROBE_NAME);
  console.log(
    `${flavour}, derived: load + first schema ${loadX.toFixed(2)}x, ${(perInstanceMs * 1000).toFixed(1)} us CPU per further instance`,
  );
  return (zodFreeX: number, instances: number) =>
    zodFreeX + loadX + (Math.max(0, instances - one.zodInstances) * perInstanceMs) / floorCpu;
};
console.log();
const miniX = derivation("zod/mini");
const classicX = derivation("zod");
console.log(
  "function | KB real | KB zod-free | KB own code | zod instances | CPU x floor real | zod-free | difference (x, ms) | derived: classic (check) | zod/mini",
);
for (const name of FUNCTIONS) {
  const real = result(name);
  const free = result(zodFreeName(name));
  const differenceX = cpuX(name) - cpuX(free.name);
  console.log(
    [
      name,
      kb(name),
      kb(free.name),
      ownKb(bundled(name)).toFixed(1),
      real.zodInstances,
      `${cpuX(name).toFixed(2)}x`,
      `${cpuX(free.name).toFixed(2)}x`,
      `${differenceX.toFixed(2)}x, ${(real.cpuMs - free.cpuMs).toFixed(1)} ms`,
      `${classicX(cpuX(free.name), real.zodInstances).toFixed(2)}x`,
      `${miniX(cpuX(free.name), real.zodInstances).toFixed(2)}x`,
    ].join(" | "),
  );
}
