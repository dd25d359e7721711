// An api function's package is split into chunks (ADR 0038): CDK's bundle is built again with esbuild's splitting, so
// each route module is a file of its own, read on its first request. The package must hold what the bench measures,
// and a route module must still load from its chunk and answer.
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
import { DeskFunction } from "../../infra/desk-function.ts";
import { apiEvent, lambdaContext } from "../support/api-event.ts";
import { logicalId, newApp, resource } from "./desk-template.ts";

const run = promisify(execFile);
const entry = "functions/api-dossier/handler.ts";
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

describe("a split DeskFunction's package", () => {
  const app = newApp({ bundle: true });
  const stack = new Stack(app, "Split");
  const fn = new DeskFunction(stack, "Dossier", {
    entry,
    description: "bundled for the test",
    environment: {},
    splitting: true,
  });
  const code = resource(Template.fromStack(stack), logicalId(stack, fn.function)).Properties.Code as { S3Key: string };
  const assetDir = path.join(app.synth().directory, `asset.${code.S3Key.replace(/\.zip$/, "")}`);

  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it("holds the chunks the bench builds, byte for byte, beside index.mjs", async () => {
    const measured = await bundle("api-dossier", entry, outDir);
    const benchDir = path.dirname(measured.file);
    expect(codeFiles(assetDir)).toEqual(codeFiles(benchDir));
    for (const file of codeFiles(assetDir)) {
      expect(readFileSync(path.join(assetDir, file), "utf8"), file).toBe(
        readFileSync(path.join(benchDir, file), "utf8"),
      );
    }
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
    const event = apiEvent({ path: "/states/xx1/timeline", group: "secretariat" });
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
    const answer = JSON.parse(stdout) as { statusCode: number; headers: Record<string, string>; body: string };
    expect(answer.statusCode).toBe(400);
    expect(answer.headers["content-type"]).toBe("application/problem+json");
    expect(JSON.parse(answer.body)).toMatchObject({
      status: 400,
      errors: [expect.objectContaining({ path: "params.iso3" })],
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
