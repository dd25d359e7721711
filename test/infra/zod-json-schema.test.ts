// zod's JSON Schema conversion is left out of every function but api-docs (ADR 0050): a plugin of the build every
// function goes through (infra/function-build.mjs) resolves zod's JSON Schema modules to a stand-in
// (infra/lambda-no-json-schema.mjs) that throws if ever called. api-docs, the document's function, keeps zod's own.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { deployedBuild, discoverEntries } from "../../bench/bundles.ts";
import { coldEnvironment } from "../../bench/cold-start.ts";
import { routeGroupNames, routeGroups } from "../../functions/api/groups.ts";
import { deskBuildOptions, projectRoot, singlePurposeBuild } from "../../infra/desk-function.ts";
import { buildFunction } from "../../infra/function-build.mjs";
import { deployedBundle } from "./deployed-bundle.ts";
import { fromRoot } from "./desk-template.ts";

const run = promisify(execFile);
const standIn = "infra/lambda-no-json-schema.mjs";
const zodModules = ["to-json-schema.js", "json-schema-processors.js", "json-schema-generator.js"].map(
  (file) => `node_modules/zod/v4/core/${file}`,
);
/** Part of the error texts of zod's processors, which minifying keeps: found only where the conversion is bundled. */
const processorsText = "cannot be represented in JSON Schema";
const serving = routeGroupNames.filter((group) => group !== "docs");
/** Every function that is not an api group's: built one file, as DeskFunction builds by default. */
const singlePurpose = discoverEntries().filter(({ entry }) => !deployedBuild(entry).chunks);

const outDir = mkdtempSync(path.join(tmpdir(), "desk-json-schema-"));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** A function as deployed: every input of its files, and their code. */
async function shipped(name: string, entry: string) {
  const built = await deployedBundle(name, entry);
  const dir = path.dirname(built.file);
  const code = readdirSync(dir)
    .filter((file) => file.endsWith(".mjs"))
    .map((file) => readFileSync(path.join(dir, file), "utf8"))
    .join("\n");
  return { inputs: built.shippedInputs, code, file: built.file };
}

const shippedApi = (group: (typeof routeGroupNames)[number]) => shipped(`api-${group}`, routeGroups[group].entry);

const holds = (inputs: string[], module: string) => inputs.some((input) => input.endsWith(module));

describe("zod's JSON Schema in the api functions", () => {
  it.each(serving)("api-%s ships the stand-in, not zod's conversion", async (group) => {
    const { inputs, code } = await shippedApi(group);
    expect(holds(inputs, standIn)).toBe(true);
    expect(holds(inputs, "zod/v4/core/to-json-schema.js")).toBe(false);
    expect(holds(inputs, "zod/v4/core/json-schema-generator.js")).toBe(false);
    expect(code).not.toContain(processorsText);
  });

  it("api-docs keeps zod's conversion", async () => {
    const { inputs, code } = await shippedApi("docs");
    expect(holds(inputs, standIn)).toBe(false);
    expect(holds(inputs, "zod/v4/core/to-json-schema.js")).toBe(true);
    expect(code).toContain(processorsText);
  });

  // The stand-in would throw at the first conversion: no module a route-serving function ships may ask for one. Only the
  // document's writer (shared/http/openapi.ts) does, at synth and in the local stack.
  it.each(serving)("no module of the desk's that api-%s ships converts a schema to JSON Schema", async (group) => {
    expect(convertingModules((await shippedApi(group)).inputs)).toEqual([]);
  });
});

describe("zod's JSON Schema in the single-purpose functions", () => {
  it("covers the eight on zod classic, search-indexer and token-claims", () => {
    expect(singlePurpose.map(({ name }) => name)).toEqual([
      "assistance-report",
      "programme-reminders",
      "search-indexer",
      "seed",
      "ses-events",
      "snapshot",
      "token-claims",
      "wave-dispatch",
      "wave-send",
      "wave-sweep",
    ]);
  });

  // search-indexer is on zod/mini, which does not reach the conversion, and token-claims ships no zod at all: neither
  // has anything for the stand-in to replace.
  it.each(singlePurpose)(
    "$name ships the stand-in wherever it ships zod classic, and none of the conversion",
    async ({ name, entry }) => {
      const { inputs, code } = await shipped(name, entry);
      expect(holds(inputs, standIn)).toBe(holds(inputs, "zod/v4/classic/schemas.js"));
      expect(holds(inputs, standIn)).toBe(!["search-indexer", "token-claims"].includes(name));
      expect(holds(inputs, "zod/v4/core/to-json-schema.js")).toBe(false);
      expect(holds(inputs, "zod/v4/core/json-schema-generator.js")).toBe(false);
      expect(code).not.toContain(processorsText);
    },
  );

  it.each(singlePurpose)(
    "no module of the desk's that $name ships converts a schema to JSON Schema",
    async ({ name, entry }) => {
      expect(convertingModules((await shipped(name, entry)).inputs)).toEqual([]);
    },
  );

  it("ses-events' bundle, its package byte for byte (split-bundle.test.ts), refuses an unreadable event with zod's issues", async () => {
    const { file } = await shipped("ses-events", "functions/ses-events/handler.ts");
    const invoke = `const { handler } = await import(process.argv[1]);
const answer = await handler({ "detail-type": "Email Delivered", detail: {} }, {});
process.stdout.write("answer " + JSON.stringify(answer) + "\\n");`;
    const { stdout, stderr } = await run(
      process.execPath,
      ["--input-type=module", "--eval", invoke, pathToFileURL(file).href],
      { env: { ...coldEnvironment, POWERTOOLS_LOG_LEVEL: "WARN" }, timeout: 60_000 },
    );
    expect(stdout.trim().split("\n").at(-1)).toBe(`answer ${JSON.stringify({ outcome: "not-understood" })}`);
    // The warning (on stderr, as Powertools writes a warning) lists zod's issues, path and code: the schema parsed the
    // event in the bundle.
    const warning = JSON.parse(stderr.split("\n").find((line) => line.includes("SES event not understood")) ?? "{}");
    expect(warning.issues).toEqual(expect.arrayContaining(["id: invalid_type", "source: invalid_value"]));
  });
});

/** The desk's own modules among `inputs` whose text asks for a conversion (the stand-in and zod left aside). */
function convertingModules(inputs: string[]): string[] {
  const ours = inputs.filter((input) => !input.includes("node_modules/") && !input.endsWith(standIn));
  expect(ours.length).toBeGreaterThan(0);
  return ours.filter((input) =>
    /toJSONSchema|JSONSchemaGenerator|\.jsonSchema\b/.test(readFileSync(path.join(projectRoot, input), "utf8")),
  );
}

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
    const probeDir = path.join(outDir, "probe");
    await buildFunction(
      {
        ...deskBuildOptions(),
        stdin: { contents: probe, resolveDir: projectRoot, loader: "js" },
        absWorkingDir: projectRoot,
        outdir: probeDir,
        sourcemap: false,
        logLevel: "warning",
      },
      singlePurposeBuild,
    );
    const file = path.join(probeDir, "index.mjs");
    const { stdout } = await run(process.execPath, [file]);
    const refusal = "zod's JSON Schema is not in this function's bundle (ADR 0050)";
    expect(JSON.parse(stdout)).toEqual({ min: 2, max: 40, valid: "Chad", refusals: [refusal, refusal, refusal] });
  });
});
