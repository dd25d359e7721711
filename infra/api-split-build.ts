// How each api route group's function is built in chunks (ADR 0038): read by infra/http-api.ts, which deploys them, and
// by the bench (bench/bundles.ts), which measures them, so the two cannot differ.
import type { RouteGroupName } from "../functions/api/groups.ts";
import type { SplitBuild } from "./split-build.mjs";

/**
 * zod's JSON Schema conversion is left out of every api function but the docs one (ADR 0050): the routes never convert
 * a schema; the document is written at synth, and the docs function keeps the conversion as the document's own.
 */
export const apiSplitBuild = (group: RouteGroupName): SplitBuild => ({ keepZodJsonSchema: group === "docs" });
