// Every function's package is CDK's bundle built again (infra/function-build.mjs): an api function's with esbuild's
// splitting (ADR 0038), so each route module is a file of its own, read on its first request; a single-purpose one's as
// one file; each but api-docs without zod's JSON Schema (ADR 0050). The package must hold what the bench measures, and a
// route module must still load from its chunk and answer.
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { coldEnvironment } from "../../bench/cold-start.ts";
import { routeGroupNames, routeGroups } from "../../functions/api/groups.ts";
import { dossierSummaries } from "../../functions/api/routes/dossier.table.ts";
import { apiFunctionBuild } from "../../infra/api-function-build.ts";
import { DeskFunction } from "../../infra/desk-function.ts";
import { apiEvent, lambdaContext } from "../support/api-event.ts";
import { deployedBundle } from "./deployed-bundle.ts";
import { logicalId, newApp, resource } from "./desk-template.ts";

const run = promisify(execFile);

/** Imports the packaged bundle in a plain Node process and hands it one event; prints the answer. */
const invoke = `
const { handler } = await import(process.argv[1]);
const answer = await handler(JSON.parse(process.argv[2]), JSON.parse(process.argv[3]));
process.stdout.write(JSON.stringify(answer));
`;

const codeFiles = (dir: string) =>
  readdirSync(dir)
    .filter((file) => file.endsWith(".mjs"))
    .sort();

/** The packaged handler, imported in a plain Node process, answers `event`. */
async function answerOf(assetDir: string, event: unknown) {
  const { stdout } = await run(
    process.execPath,
    [
      "--input-type=module",
      "--eval",
      invoke,
      pathToFileURL(path.join(assetDir, "index.mjs")).href,
      JSON.stringify(event),
      JSON.stringify(lambdaContext),
    ],
    { env: { ...coldEnvironment, POWERTOOLS_LOG_LEVEL: "SILENT" }, timeout: 60_000 },
  );
  return JSON.parse(stdout) as { statusCode: number; headers: Record<string, string>; body: string };
}

describe("a DeskFunction's package", () => {
  const app = newApp({ bundle: true });
  const stack = new Stack(app, "Split");
  // Built as infra/http-api.ts builds them: both without zod's JSON Schema.
  const packaged = (group: "dossier" | "correspondence") =>
    new DeskFunction(stack, group, {
      entry: routeGroups[group].entry,
      description: "bundled for the test",
      environment: {},
      build: apiFunctionBuild(group),
    });
  const entries = {
    "api-dossier": routeGroups.dossier.entry,
    "api-correspondence": routeGroups.correspondence.entry,
    "ses-events": "functions/ses-events/handler.ts",
  };
  const functions = {
    "api-dossier": packaged("dossier"),
    "api-correspondence": packaged("correspondence"),
    // As infra/wave-pipeline.ts builds it, by DeskFunction's default: one file without zod's JSON Schema. Its handler runs
    // with zod parsing in test/infra/zod-json-schema.test.ts, from the bench's build this package equals.
    "ses-events": new DeskFunction(stack, "ses-events", {
      entry: entries["ses-events"],
      description: "bundled for the test",
      environment: {},
    }),
  };
  const template = Template.fromStack(stack);
  const assemblyDir = app.synth().directory;
  const assetDirOf = (name: keyof typeof functions) => {
    const fn = functions[name].function;
    const code = resource(template, logicalId(stack, fn)).Properties.Code as { S3Key: string };
    return path.join(assemblyDir, `asset.${code.S3Key.replace(/\.zip$/, "")}`);
  };

  it.each(Object.keys(functions) as (keyof typeof functions)[])(
    "holds the files the bench builds for %s, byte for byte, index.mjs and any chunks beside it",
    async (name) => {
      const assetDir = assetDirOf(name);
      const benchDir = path.dirname((await deployedBundle(name, entries[name])).file);
      expect(codeFiles(assetDir)).toEqual(codeFiles(benchDir));
      expect(codeFiles(assetDir)).toContain("index.mjs");
      for (const file of codeFiles(assetDir)) {
        expect(readFileSync(path.join(assetDir, file), "utf8"), file).toBe(
          readFileSync(path.join(benchDir, file), "utf8"),
        );
      }
    },
    180_000,
  );

  it("writes the route module as a chunk of its own and leaves the summaries out", async () => {
    const measured = await deployedBundle("api-dossier", routeGroups.dossier.entry);
    const assetDir = assetDirOf("api-dossier");
    // The route module is a chunk of its own, loaded with import(); the entry reads it only on a first request.
    const dossierChunk = codeFiles(assetDir).find((file) => file.startsWith("dossier-"));
    expect(dossierChunk).toBeDefined();
    expect(readFileSync(path.join(assetDir, "index.mjs"), "utf8")).toContain(`import("./${dossierChunk}")`);
    expect(measured.loadedBytes).toBeLessThan(measured.bytes);
    // The OpenAPI document's summaries stay with its writer: no file of the package holds one.
    for (const file of codeFiles(assetDir)) {
      const text = readFileSync(path.join(assetDir, file), "utf8");
      for (const summary of Object.values(dossierSummaries)) expect(text, file).not.toContain(summary);
    }
  }, 180_000);

  it("loads a route module from its chunk on the first request and answers from it", async () => {
    // A malformed ISO code is refused by the route's own schema, in the lazily loaded chunk, before any table is read.
    const answer = await answerOf(
      assetDirOf("api-dossier"),
      apiEvent({ path: "/states/xx1/timeline", group: "secretariat" }),
    );
    expect(answer.statusCode).toBe(400);
    expect(answer.headers["content-type"]).toBe("application/problem+json");
    expect(JSON.parse(answer.body)).toMatchObject({
      status: 400,
      errors: [expect.objectContaining({ path: "params.iso3" })],
    });
  }, 60_000);

  it("answers from api-correspondence's package, whose zod has no JSON Schema", async () => {
    // A wave without its template is refused by the body's schema in the waves chunk (422), before any table is read.
    const event = apiEvent({
      method: "POST",
      path: "/waves",
      group: "secretariat",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({}),
    });
    const answer = await answerOf(assetDirOf("api-correspondence"), event);
    expect(answer.statusCode).toBe(422);
    expect(answer.headers["content-type"]).toBe("application/problem+json");
    expect(JSON.parse(answer.body)).toMatchObject({
      status: 422,
      errors: expect.arrayContaining([expect.objectContaining({ path: "body.templateId" })]),
    });
  }, 60_000);
});

describe("an api function's cold start", () => {
  it.each(routeGroupNames)(
    "reads the %s group's route tables from one chunk, not one chunk per route module (ADR 0040)",
    async (group) => {
      const { loadedFiles } = await deployedBundle(`api-${group}`, routeGroups[group].entry);
      const holdingTables = loadedFiles.filter(({ inputs }) => inputs.some((input) => input.endsWith(".table.ts")));
      expect(holdingTables.map(({ file }) => path.basename(file))).toHaveLength(1);
    },
    60_000,
  );
});
