// Where search-indexer's cold start goes beyond the floor (ADR 0042, "search-indexer"): the function as deployed, paired
// with ADR 0042's probes and with variants of its entry that differ by one thing each, imported in rotated rounds.
// Run: node --import tsx bench/search-indexer-probe.ts [rounds] [outDir]
import { bundle, bundleSource, FLOOR_NAME } from "./bundles.ts";
import { CLIENTS_PROBE_NAME, clientsProbe, schemasProbe, schemasProbeName } from "./lower-bound-probes.ts";
import { formatPaired, pairedImports } from "./paired-import.ts";

const rounds = Number(process.argv[2] ?? 15);
const outDir = process.argv[3] ?? "/tmp/desk-search-indexer-probe";

const locale = `
import { config as zodConfig } from "zod/mini";
import en from "zod/v4/locales/en.js";
zodConfig(en());`;

/** functions/search-indexer/handler.ts with its client built by `client` (an expression over `config`). */
const entry = (client: string, imports: string, withLocale = true) => `${withLocale ? locale : ""}
import { readConfig } from "#shared/config.ts";
import { functionLogger } from "#shared/runtime/function-logger.ts";
${imports}
import { createSearchIndexerHandler } from "./functions/search-indexer/app.ts";
const config = readConfig();
export const handler = createSearchIndexerHandler({ client: ${client}, tableNames: config.tableNames, logger: functionLogger() });`;

const documentClient = `import { deskDocumentClient } from "#shared/runtime/function-runtime.ts";`;
const plainClient = `import { deskDynamoClient } from "#shared/runtime/function-dynamo-client.ts";`;

const variants = [
  {
    name: "search-indexer, the document client (as before)",
    source: entry("deskDocumentClient(config)", documentClient),
  },
  { name: "search-indexer, no en locale", source: entry("deskDynamoClient(config)", plainClient, false) },
];

const targets = [await bundle(FLOOR_NAME, "bench/floor-entry.ts", outDir)];
targets.push(await bundleSource(CLIENTS_PROBE_NAME, clientsProbe, outDir));
targets.push(await bundleSource(schemasProbeName("zod/mini", 1), schemasProbe("zod/mini", 1), outDir));
targets.push(await bundle("search-indexer", "functions/search-indexer/handler.ts", outDir));
for (const { name, source } of variants) targets.push(await bundleSource(name, source, outDir));
for (const t of targets) console.log(`${t.name}: ${(t.bytes / 1024).toFixed(1)} KB`);
const result = await pairedImports(targets, rounds, (round) => {
  if (round % 5 === 0) console.error(`${round}/${rounds} rounds`);
});
console.log(formatPaired(result));
