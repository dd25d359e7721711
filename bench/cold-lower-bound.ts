// The lower bound of a single-purpose function's cold start (ADR 0042): the floor, then the floor with what every
// such function must build (a Powertools logger and the DynamoDB document client), then that with N object schemas
// built at import in zod/mini and in zod classic, imported paired in the same rounds.
// Run: node --import tsx bench/cold-lower-bound.ts [rounds] [outDir]
import { bundle, bundleSource, FLOOR_NAME } from "./bundles.ts";
import { CLIENTS_PROBE_NAME, clientsProbe, schemasProbe, schemasProbeName } from "./lower-bound-probes.ts";
import { formatPaired, pairedImports } from "./paired-import.ts";

const rounds = Number(process.argv[2] ?? 15);
const outDir = process.argv[3] ?? "/tmp/desk-cold-lower-bound";

/** (a) plus what the desk's handlers really build: the same, through shared/runtime, with the X-Ray tracer. */
const deskRuntime = `
import { deskDocumentClient, functionLogger } from "#shared/runtime/function-runtime.ts";
import { tracer } from "#shared/observability/tracer.ts";
export const logger = functionLogger();
export const documentClient = deskDocumentClient({ region: process.env.AWS_REGION, dynamoEndpoint: process.env.DYNAMODB_ENDPOINT });
export const handler = tracer().handler(async () => undefined);
`;

const targets = [await bundle(FLOOR_NAME, "bench/floor-entry.ts", outDir)];
targets.push(await bundleSource(CLIENTS_PROBE_NAME, clientsProbe, outDir));
targets.push(await bundleSource("(a') desk runtime: + tracer", deskRuntime, outDir));
for (const flavour of ["zod/mini", "zod"] as const) {
  for (const count of [1, 50, 150, 300]) {
    targets.push(await bundleSource(schemasProbeName(flavour, count), schemasProbe(flavour, count), outDir));
  }
}
for (const t of targets) console.log(`${t.name}: ${(t.bytes / 1024).toFixed(1)} KB`);
const result = await pairedImports(targets, rounds, (round) => {
  if (round % 5 === 0) console.error(`${round}/${rounds} rounds`);
});
console.log(formatPaired(result));
