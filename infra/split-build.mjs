// Builds an api function split into chunks (ADR 0038) through esbuild's JS API, which takes plugins where the command
// line CDK runs does not. CDK's afterBundling hook runs this file with the options as JSON (infra/desk-function.ts) and
// the bench imports `buildSplit` (bench/bundles.ts): one build, so the bench measures what is deployed. Plain .mjs, so
// the hook runs it with node alone.
import { realpathSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

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

/** @type {import("./split-build.d.mts").buildSplit} */
export function buildSplit(options, { keepZodJsonSchema }) {
  const plugins = [...(options.plugins ?? []), ...(keepZodJsonSchema ? [] : [leaveOutZodJsonSchema])];
  return build({ ...options, plugins });
}

// node infra/split-build.mjs '<esbuild options as JSON>' '<SplitBuild as JSON>'
if (process.argv[1] && pathToFileURL(realpathSync(process.argv[1])).href === import.meta.url) {
  const [options, split] = process.argv.slice(2).map((argument) => JSON.parse(argument));
  await buildSplit(options, split);
}
