// Builds a function's bundle through esbuild's JS API, which takes plugins where esbuild's command line does not: one
// file, or split into chunks (ADR 0038), with or without zod's JSON Schema (ADR 0050). Every function's package is this
// file run by `cdk synth` with the options as JSON (infra/desk-function.ts), and the bench imports `buildFunction`
// (bench/bundles.ts): one build, so the bench measures what is deployed. Plain .mjs, so it runs with node alone.
import { realpathSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { narrowProtocolImports } from "./lambda-narrow-protocols.mjs";

const jsonSchemaStandIn = fileURLToPath(new URL("./lambda-no-json-schema.mjs", import.meta.url));

/** zod's JSON Schema modules, as zod's own modules name them (relative paths, so an `alias` cannot reach them). */
const zodJsonSchemaModules = /(^|\/)(to-json-schema|json-schema-processors|json-schema-generator)\.js$/;
const insideZod = /[\\/]node_modules[\\/]zod[\\/]/;

/**
 * Resolves zod's imports of its JSON Schema modules to infra/lambda-no-json-schema.mjs (ADR 0050). The stand-in's own
 * import of zod's `aggregateChecks` comes from outside zod, so it resolves as usual.
 * @type {import("esbuild").Plugin}
 */
export const leaveOutZodJsonSchema = {
  name: "leave-out-zod-json-schema",
  setup(build) {
    build.onResolve({ filter: zodJsonSchemaModules }, ({ importer }) =>
      insideZod.test(importer) ? { path: jsonSchemaStandIn } : undefined,
    );
  },
};

/** The entry is `index.mjs` in the `outdir`, as CDK names it, whatever the entry file's name. */
const oneFile = { entryNames: "index", outExtension: { ".js": ".mjs" } };

/**
 * Each module the entry loads with `import()` becomes a chunk beside `index.mjs`, flat, so `import.meta.url` names the
 * same folder in every chunk, where the bundled files are.
 */
const inChunks = { ...oneFile, splitting: true, chunkNames: "[name]-[hash]" };

/** @type {import("./function-build.d.mts").buildFunction} */
export function buildFunction(options, { chunks, keepZodJsonSchema }) {
  const plugins = [
    ...(options.plugins ?? []),
    ...(chunks ? [narrowProtocolImports] : []),
    ...(keepZodJsonSchema ? [] : [leaveOutZodJsonSchema]),
  ];
  return build({ ...options, ...(chunks ? inChunks : oneFile), plugins });
}

// node infra/function-build.mjs '<esbuild options as JSON>' '<FunctionBuild as JSON>'
if (process.argv[1] && pathToFileURL(realpathSync(process.argv[1])).href === import.meta.url) {
  const [options, functionBuild] = process.argv.slice(2).map((argument) => JSON.parse(argument));
  await buildFunction(options, functionBuild);
}
