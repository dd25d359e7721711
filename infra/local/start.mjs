// `npm start`: runs infra/local/start.ts from one esbuild build of the local stack's code, kept while its sources are
// unchanged (local-build.mjs, ADR 0044), instead of file by file through tsx. Stack traces still name the sources.
import { pathToFileURL } from "node:url";
import { ensureLocalBuild, LOCAL_START_ENTRY } from "./local-build.mjs";

process.setSourceMapsEnabled(true);
let built;
try {
  built = await ensureLocalBuild(LOCAL_START_ENTRY);
} catch (error) {
  console.error(`The local stack's code did not build: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
if (built.built) {
  const seconds = (built.ms / 1000).toFixed(1);
  console.log(
    `${new Date().toISOString().slice(11, 19)} built the local stack's code (${seconds} s): a source changed`,
  );
}
await import(pathToFileURL(built.file).href);
