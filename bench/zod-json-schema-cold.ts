// What leaving zod's JSON Schema out does to a single-purpose function's cold start (ADR 0050): each of the eight on zod
// classic, and ADR 0042's probe of the clients with zod classic and one schema, bundled as deployed (the stand-in) and
// as before (zod's conversion kept), imported paired with the floor in rotated rounds (`pairedImports`: CPU time).
// Run: node --import tsx bench/zod-json-schema-cold.ts [rounds] [outDir] [function...]
import { singlePurposeBuild } from "../infra/desk-function.ts";
import { bundle, bundleSource, deployedBuild, FLOOR_NAME } from "./bundles.ts";
import { schemasProbe, schemasProbeName } from "./lower-bound-probes.ts";
import { formatPaired, pairedImports } from "./paired-import.ts";

const [roundsArgument, outDirArgument, ...chosen] = process.argv.slice(2);
const rounds = Number(roundsArgument ?? 15);
const outDir = outDirArgument ?? "/tmp/desk-zod-json-schema-cold";
const functions = chosen.length
  ? chosen
  : [
      "snapshot",
      "wave-dispatch",
      "wave-sweep",
      "wave-send",
      "ses-events",
      "seed",
      "assistance-report",
      "programme-reminders",
    ];

const withConversion = `, with zod's JSON Schema`;
const targets = [await bundle(FLOOR_NAME, "bench/floor-entry.ts", outDir)];
const probe = { name: schemasProbeName("zod", 1), source: schemasProbe("zod", 1) };
const keptProbeBuild = { ...singlePurposeBuild, keepZodJsonSchema: true };
targets.push(await bundleSource(`${probe.name}${withConversion}`, probe.source, outDir, keptProbeBuild));
targets.push(await bundleSource(probe.name, probe.source, outDir));
for (const name of functions) {
  const entry = `functions/${name}/handler.ts`;
  const kept = { ...deployedBuild(entry), keepZodJsonSchema: true };
  targets.push(await bundle(`${name}${withConversion}`, entry, outDir, undefined, kept));
  targets.push(await bundle(name, entry, outDir));
}
for (const t of targets) console.log(`${t.name}: ${(t.bytes / 1024).toFixed(1)} KB`);
const result = await pairedImports(targets, rounds, (round) => {
  if (round % 5 === 0) console.error(`${round}/${rounds} rounds`);
});
console.log(formatPaired(result));
