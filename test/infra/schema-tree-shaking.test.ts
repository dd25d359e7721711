// A function's bundle builds only the schemas it uses (ADR 0039): every schema a shared schema module builds at import
// is marked pure, so esbuild leaves out those no code of the function reaches. The API's request bodies (the
// `New...` components of the OpenAPI document) are the clearest case: no single-purpose function parses one.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bundleSource } from "../../bench/bundles.ts";
import { deployedBundle } from "./deployed-bundle.ts";

const singlePurpose = [
  "assistance-report",
  "programme-reminders",
  "search-indexer",
  "ses-events",
  "snapshot",
  "wave-dispatch",
  "wave-send",
  "wave-sweep",
];

/**
 * The modules of shared/ that hold schemas and little else, whose top level is the cost. Not the snapshot's: the
 * figure table (shared/snapshots/figure-declarations.ts) is built at import by design, and only the snapshot function
 * and the reports api, which use all of it, import it. Not the dossier's, which imports the list routes' page query
 * (shared/http/pagination-query.ts), built at import for the api.
 */
function schemaModules(): string[] {
  const modules = ["shared/templates/values.ts", "shared/auth/actor.ts", "shared/audit/audit-entry.ts"];
  for (const domain of readdirSync("shared", { withFileTypes: true })) {
    if (!domain.isDirectory()) continue;
    for (const file of readdirSync(join("shared", domain.name))) {
      if (/schemas?\.ts$/.test(file) && !["snapshots", "dossier"].includes(domain.name)) {
        modules.push(join("shared", domain.name, file));
      }
    }
  }
  return modules.sort();
}

describe("schemas built at import", () => {
  const outDir = mkdtempSync(join(tmpdir(), "desk-tree-shaking-"));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  // esbuild drops a pure call only when its arguments have no side effects either: a schema built by one call whose
  // arguments build other schemas is kept unless it is wrapped in an arrow. Importing the module and nothing from it
  // shows any schema that would stay.
  it.each(schemaModules())("%s builds no schema in a bundle that uses none", async (path) => {
    const built = await bundleSource(path.replace(/\W+/g, "-"), `import "./${path}";`, outDir);
    expect(built.inputs.filter((input) => input.name === "zod")).toEqual([]);
  });

  it.each(singlePurpose)("%s bundles no schema of an API request body", async (name) => {
    const built = await deployedBundle(name, `functions/${name}/handler.ts`);
    const requestBodies = readFileSync(built.file, "utf8").match(/id:\s*"New\w+"/g) ?? [];
    expect(requestBodies).toEqual([]);
  });

  it("keeps the schemas a function does use, with their names", async () => {
    const built = await deployedBundle("snapshot", "functions/snapshot/handler.ts");
    expect(readFileSync(built.file, "utf8")).toMatch(/id:\s*"AssistanceRequest"/);
  });
});

describe("the functions that read assistance without writing it", () => {
  // The letters' audiences and the snapshots' providers read pending requests and offers only; the assistance writes
  // took api-correspondence, then api-reports, to their budget.
  it.each([
    ["api-correspondence", "functions/api-correspondence/handler.ts"],
    ["wave-dispatch", "functions/wave-dispatch/handler.ts"],
    ["api-reports", "functions/api-reports/handler.ts"],
    ["snapshot", "functions/snapshot/handler.ts"],
  ])("%s ships the assistance reads of the audiences, not the assistance repository", async (name, entry) => {
    const built = await deployedBundle(name, entry);
    expect(built.shippedInputs).toContain("shared/assistance/audience-reads.ts");
    expect(built.shippedInputs).not.toContain("shared/assistance/repository.ts");
  });
});
