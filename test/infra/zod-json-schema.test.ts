// zod's JSON Schema conversion is left out of the api functions that serve routes (ADR 0050): a plugin of their split
// build (infra/split-build.mjs) resolves zod's JSON Schema modules to a stand-in (infra/lambda-no-json-schema.mjs) that
// throws if ever called. api-docs, the document's function, keeps zod's own.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { bundle } from "../../bench/bundles.ts";
import { type RouteGroupName, routeGroupNames, routeGroups } from "../../functions/api/groups.ts";
import { deskBuildOptions, projectRoot } from "../../infra/desk-function.ts";
import { buildSplit } from "../../infra/split-build.mjs";
import { fromRoot } from "./desk-template.ts";

const run = promisify(execFile);
const standIn = "infra/lambda-no-json-schema.mjs";
const zodModules = ["to-json-schema.js", "json-schema-processors.js", "json-schema-generator.js"].map(
  (file) => `node_modules/zod/v4/core/${file}`,
);
/** Part of the error texts of zod's processors, which minifying keeps: found only where the conversion is bundled. */
const processorsText = "cannot be represented in JSON Schema";
const serving = routeGroupNames.filter((group) => group !== "docs");

const outDir = mkdtempSync(path.join(tmpdir(), "desk-json-schema-"));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** A group's function as deployed: every input of its chunks, and their code. */
async function shipped(group: RouteGroupName) {
  const built = await bundle(`api-${group}`, routeGroups[group].entry, outDir);
  const dir = path.dirname(built.file);
  const code = readdirSync(dir)
    .filter((file) => file.endsWith(".mjs"))
    .map((file) => readFileSync(path.join(dir, file), "utf8"))
    .join("\n");
  return { inputs: built.shippedInputs, code };
}

const holds = (inputs: string[], module: string) => inputs.some((input) => input.endsWith(module));

describe("zod's JSON Schema in the api functions", () => {
  it.each(serving)("api-%s ships the stand-in, not zod's conversion", async (group) => {
    const { inputs, code } = await shipped(group);
    expect(holds(inputs, standIn)).toBe(true);
    expect(holds(inputs, "zod/v4/core/to-json-schema.js")).toBe(false);
    expect(holds(inputs, "zod/v4/core/json-schema-generator.js")).toBe(false);
    expect(code).not.toContain(processorsText);
  });

  it("api-docs keeps zod's conversion", async () => {
    const { inputs, code } = await shipped("docs");
    expect(holds(inputs, standIn)).toBe(false);
    expect(holds(inputs, "zod/v4/core/to-json-schema.js")).toBe(true);
    expect(code).toContain(processorsText);
  });

  // The stand-in would throw at the first conversion: no module a route-serving function ships may ask for one. Only the
  // document's writer (shared/http/openapi.ts) does, at synth and in the local stack.
  it.each(serving)("no module of the desk's that api-%s ships converts a schema to JSON Schema", async (group) => {
    const { inputs } = await shipped(group);
    const ours = inputs.filter((input) => !input.includes("node_modules/") && !input.endsWith(standIn));
    expect(ours.length).toBeGreaterThan(0);
    const converting = ours.filter((input) =>
      /toJSONSchema|JSONSchemaGenerator|\.jsonSchema\b/.test(readFileSync(path.join(projectRoot, input), "utf8")),
    );
    expect(converting).toEqual([]);
  });
});

describe("the stand-in", () => {
  it("exports every name zod's JSON Schema modules export", async () => {
    const names = async (file: string) => Object.keys(await import(pathToFileURL(fromRoot(file)).href)).sort();
    const zods = [...new Set((await Promise.all(zodModules.map(names))).flat())].sort();
    expect(await names(standIn)).toEqual(zods);
  });

  it("keeps the limits zod's schemas report and refuses a conversion with its reason", async () => {
    const probe = `import * as z from "zod";
const name = z.string().min(2).max(40);
const refusals = [() => name.toJSONSchema(), () => z.toJSONSchema(name), () => name["~standard"].jsonSchema.input({ target: "draft-2020-12" })].map((convert) => {
  try { convert(); return "converted"; } catch (error) { return error.message; }
});
console.log(JSON.stringify({ min: name.minLength, max: name.maxLength, valid: name["~standard"].validate("Chad").value, refusals }));`;
    const file = path.join(outDir, "probe.mjs");
    await buildSplit(
      {
        ...deskBuildOptions(),
        stdin: { contents: probe, resolveDir: projectRoot, loader: "js" },
        absWorkingDir: projectRoot,
        outfile: file,
        sourcemap: false,
        logLevel: "warning",
      },
      { keepZodJsonSchema: false },
    );
    const { stdout } = await run(process.execPath, [file]);
    const refusal = "zod's JSON Schema is not in this function's bundle (ADR 0050)";
    expect(JSON.parse(stdout)).toEqual({ min: 2, max: 40, valid: "Chad", refusals: [refusal, refusal, refusal] });
  });
});
