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

/** `{ A, B as C }` -> [["A", "A"], ["B", "C"]]: each name taken from a module, with the name it goes by. */
const pairsOf = (clause) =>
  clause
    .split(",")
    .map((part) => part.trim().split(/\s+as\s+/))
    .filter(([name]) => Boolean(name))
    .map(([name, as]) => [name, as ?? name]);

/** Each name the barrel exports, with the module it re-exports it from and its name there. */
function barrelExports(indexFile) {
  const from = new Map();
  for (const [, clause, specifier] of readFileSync(indexFile, "utf8").matchAll(
    /export\s*\{([^}]*)\}\s*from\s*"([^"]+)"/g,
  )) {
    for (const [local, exported] of pairsOf(clause)) from.set(exported, { specifier, local });
  }
  return from;
}

/**
 * The names `importer` takes from the barrel, or undefined when it takes them in any other form too (a namespace, a
 * re-export, a dynamic import, a require): then the barrel is left whole.
 */
function importedNames(importer) {
  let text;
  try {
    text = readFileSync(importer, "utf8");
  } catch {
    // Not a file on disk (an entry given as text): nothing to read, so nothing narrowed.
    return undefined;
  }
  const named = [...text.matchAll(/import\s*\{([^}]*)\}\s*from\s*"([^"]+)"/g)].filter(([, , from]) => from === barrel);
  // Every mention, in any quotes: one not in a named import keeps the barrel whole for all.
  const mentions = text.match(/["'`]@aws-sdk\/core\/protocols["'`]/g)?.length ?? 0;
  if (named.length === 0 || named.length !== mentions) return undefined;
  return named.flatMap(([, clause]) => pairsOf(clause).map(([name]) => name));
}

/** @type {import("esbuild").Plugin} */
export const narrowProtocolImports = {
  name: namespace,
  setup(build) {
    build.onResolve(
      { filter: /^@aws-sdk\/core\/protocols$/ },
      async ({ importer, kind, resolveDir, namespace: from, pluginData }) => {
        // The barrel's own resolution (below), anything but a static import, and anything not read from a file keep
        // the barrel whole.
        if (from !== "file" || kind !== "import-statement" || pluginData?.whole) return undefined;
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
      contents: names
        .map((name) => {
          const { specifier, local } = exports.get(name);
          return `export { ${local === name ? name : `${local} as ${name}`} } from ${JSON.stringify(specifier)};`;
        })
        .join("\n"),
      resolveDir: dir,
      loader: "js",
    }));
  },
};
