// Narrows each import of the `@aws-sdk/core/protocols` barrel to the files that define what the importer names. In a
// bundle split into chunks (ADR 0038), esbuild places a module by the entry points that reach it through imports, used
// or not: the DynamoDB client's import of its JSON protocol reaches the whole barrel, so the query, XML and REST
// protocols that api-correspondence's SES and Scheduler clients use (loaded on the first mail or schedule) landed in a
// chunk its cold start reads. Narrowed, they go with those clients. A one-file bundle drops unused exports anyway; it
// builds the same. Plain JavaScript: infra/function-build.mjs runs with node alone.
import { readFileSync } from "node:fs";
import { dirname } from "node:path";

const barrel = "@aws-sdk/core/protocols";
const namespace = "narrow-protocols";

/** `{ A, B as C }` -> ["A", "B"]: the names the clause takes from the module. */
const namesOf = (clause) =>
  clause
    .split(",")
    .map((part) => part.trim().split(/\s+as\s+/)[0])
    .filter(Boolean);

/** Each name the barrel exports, with the specifier of the module it re-exports it from. */
function barrelExports(indexFile) {
  const from = new Map();
  for (const [, clause, specifier] of readFileSync(indexFile, "utf8").matchAll(
    /export\s*\{([^}]*)\}\s*from\s*"([^"]+)"/g,
  )) {
    for (const name of namesOf(clause)) from.set(name, specifier);
  }
  return from;
}

/**
 * The names `importer` takes from the barrel, or undefined when it takes them in any other form (a namespace, a
 * re-export, a dynamic import): then the barrel is left whole.
 */
function importedNames(importer) {
  const text = readFileSync(importer, "utf8");
  const quoted = `"${barrel}"`;
  const named = [...text.matchAll(/import\s*\{([^}]*)\}\s*from\s*"([^"]+)"/g)].filter(([, , from]) => from === barrel);
  const mentions = text.split(quoted).length - 1;
  if (named.length === 0 || named.length !== mentions) return undefined;
  return named.flatMap(([, clause]) => namesOf(clause));
}

/** @type {import("esbuild").Plugin} */
export const narrowProtocolImports = {
  name: namespace,
  setup(build) {
    build.onResolve(
      { filter: /^@aws-sdk\/core\/protocols$/ },
      async ({ importer, kind, resolveDir, namespace: from, pluginData }) => {
        // The barrel's own resolution (below) and anything not read from a file keep the barrel whole.
        if (from !== "file" || pluginData?.whole) return undefined;
        const names = importedNames(importer);
        if (!names) return undefined;
        const index = await build.resolve(barrel, { kind, resolveDir, pluginData: { whole: true } });
        if (index.errors.length > 0) return undefined;
        const exports = barrelExports(index.path);
        if (!names.every((name) => exports.has(name))) return undefined;
        return {
          path: `${importer}?${names.join(",")}`,
          namespace,
          pluginData: { names, exports, dir: dirname(index.path) },
        };
      },
    );
    build.onLoad({ filter: /.*/, namespace }, ({ pluginData: { names, exports, dir } }) => ({
      contents: names.map((name) => `export { ${name} } from ${JSON.stringify(exports.get(name))};`).join("\n"),
      resolveDir: dir,
      loader: "js",
    }));
  },
};
