// How each api route group's function is built (ADR 0038, ADR 0050): read by infra/http-api.ts, which deploys them, and
// by the bench (bench/bundles.ts), which measures them, so the two cannot differ.
import type { RouteGroupName } from "../functions/api/groups.ts";
import type { FunctionBuild } from "./function-build.mjs";

/**
 * In chunks, each route module a file of its own (ADR 0038). zod's JSON Schema conversion is left out of every api
 * function but the docs one (ADR 0050): the routes never convert a schema; the document is written at synth, and the
 * docs function keeps the conversion as the document's own.
 */
export const apiFunctionBuild = (group: RouteGroupName): FunctionBuild => ({
  chunks: true,
  keepZodJsonSchema: group === "docs",
});
