// An api function's package is split into chunks (ADR 0038): CDK's bundle is built again with esbuild's splitting (and,
// but in api-docs, without zod's JSON Schema: ADR 0050), so each route module is a file of its own, read on its first
// request. The package must hold what the bench measures, and a route module must still load from its chunk and answer.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { afterAll, describe, expect, it } from "vitest";
import { bundle } from "../../bench/bundles.ts";
import { coldEnvironment } from "../../bench/cold-start.ts";
import { routeGroupNames, routeGroups } from "../../functions/api/groups.ts";
import { dossierSummaries } from "../../functions/api/routes/dossier.table.ts";
import { apiSplitBuild } from "../../infra/api-split-build.ts";
import { DeskFunction } from "../../infra/desk-function.ts";
import { apiEvent, lambdaContext } from "../support/api-event.ts";
import { logicalId, newApp, resource } from "./desk-template.ts";

const run = promisify(execFile);
const outDir = mkdtempSync(path.join(tmpdir(), "desk-split-"));

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

describe("a split DeskFunction's package", () => {
  const app = newApp({ bundle: true });
  const stack = new Stack(app, "Split");
  // Built as infra/http-api.ts builds them: both without zod's JSON Schema.
  const packaged = (group: "dossier" | "correspondence") =>
    new DeskFunction(stack, group, {
      entry: routeGroups[group].entry,
      description: "bundled for the test",
      environment: {},
      splitting: apiSplitBuild(group),
    });
  const functions = { dossier: packaged("dossier"), correspondence: packaged("correspondence") };
  const template = Template.fromStack(stack);
  const assemblyDir = app.synth().directory;
  const assetDirOf = (group: keyof typeof functions) => {
    const fn = functions[group].function;
    const code = resource(template, logicalId(stack, fn)).Properties.Code as { S3Key: string };
    return path.join(assemblyDir, `asset.${code.S3Key.replace(/\.zip$/, "")}`);
  };

  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it.each(Object.keys(functions) as (keyof typeof functions)[])(
    "holds the chunks the bench builds for api-%s, byte for byte, beside index.mjs",
    async (group) => {
      const assetDir = assetDirOf(group);
      const benchDir = path.dirname((await bundle(`api-${group}`, routeGroups[group].entry, outDir)).file);
      expect(codeFiles(assetDir)).toEqual(codeFiles(benchDir));
      for (const file of codeFiles(assetDir)) {
        expect(readFileSync(path.join(assetDir, file), "utf8"), file).toBe(
          readFileSync(path.join(benchDir, file), "utf8"),
        );
      }
    },
    180_000,
  );

  it("writes the route module as a chunk of its own and leaves the summaries out", async () => {
    const measured = await bundle("api-dossier", routeGroups.dossier.entry, outDir);
    const assetDir = assetDirOf("dossier");
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
      assetDirOf("dossier"),
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
    const answer = await answerOf(assetDirOf("correspondence"), event);
    expect(answer.statusCode).toBe(422);
    expect(answer.headers["content-type"]).toBe("application/problem+json");
    expect(JSON.parse(answer.body)).toMatchObject({
      status: 422,
      errors: expect.arrayContaining([expect.objectContaining({ path: "body.templateId" })]),
    });
  }, 60_000);
});

describe("an api function's cold start", () => {
  const tableDir = mkdtempSync(path.join(tmpdir(), "desk-split-tables-"));
  afterAll(() => rmSync(tableDir, { recursive: true, force: true }));

  it.each(routeGroupNames)(
    "reads the %s group's route tables from one chunk, not one chunk per route module (ADR 0040)",
    async (group) => {
      const { loadedFiles } = await bundle(`api-${group}`, routeGroups[group].entry, tableDir);
      const holdingTables = loadedFiles.filter(({ inputs }) => inputs.some((input) => input.endsWith(".table.ts")));
      expect(holdingTables.map(({ file }) => path.basename(file))).toHaveLength(1);
    },
    60_000,
  );
});
