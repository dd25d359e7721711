// Types of split-build.mjs, for the TypeScript that calls it (infra/desk-function.ts, the bench, the tests).
import type { BuildOptions, BuildResult, Plugin } from "esbuild";

/** How a function split into chunks is built, beyond the options every function shares. */
export interface SplitBuild {
  /** Whether its bundle keeps zod's JSON Schema conversion (ADR 0050): only a function that converts schemas needs it. */
  keepZodJsonSchema: boolean;
}

export declare const leaveOutZodJsonSchema: Plugin;

export declare function buildSplit<Options extends BuildOptions>(
  options: Options,
  split: SplitBuild,
): Promise<BuildResult<Options>>;
