// A function's bundle builds only the schemas it uses (ADR 0039): every schema a shared schema module builds at import
// is marked pure, so esbuild leaves out those no code of the function reaches. The API's request bodies (the
// `New...` components of the OpenAPI document) are the clearest case: no single-purpose function parses one.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bundle } from "../../bench/bundles.ts";

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

/** The modules of shared/ that hold schemas and little else, whose top level is the cost. */
function schemaModules(): string[] {
  const modules = ["shared/templates/values.ts", "shared/snapshots/figure-declarations.ts"];
  for (const domain of readdirSync("shared", { withFileTypes: true })) {
    if (!domain.isDirectory()) continue;
    for (const file of readdirSync(join("shared", domain.name))) {
      if (/schemas?\.ts$/.test(file)) modules.push(join("shared", domain.name, file));
    }
  }
  return modules.sort();
}

describe("schemas built at import", () => {
  const outDir = mkdtempSync(join(tmpdir(), "desk-tree-shaking-"));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it.each(schemaModules())("%s marks every schema it builds at import pure", (path) => {
    const unmarked = readFileSync(path, "utf8")
      .split("\n")
      .filter((line) => /^(export )?const \w+(: [^=]+)? = z\b/.test(line) && !line.includes("/* @__PURE__ */"));
    expect(unmarked).toEqual([]);
  });

  it.each(singlePurpose)("%s bundles no schema of an API request body", async (name) => {
    const built = await bundle(name, `functions/${name}/handler.ts`, outDir);
    const requestBodies = readFileSync(built.file, "utf8").match(/id:\s*"New\w+"/g) ?? [];
    expect(requestBodies).toEqual([]);
  });

  it("keeps the schemas a function does use, with their names", async () => {
    const built = await bundle("snapshot", "functions/snapshot/handler.ts", outDir);
    expect(readFileSync(built.file, "utf8")).toMatch(/id:\s*"AssistanceRequest"/);
  });
});
