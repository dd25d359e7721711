// Types of function-build.mjs, for the TypeScript that calls it (infra/desk-function.ts, the bench, the tests).
import type { BuildOptions, BuildResult, Plugin } from "esbuild";

/** How a function's bundle is built, beyond the options every function shares (`deskBuildOptions()`). */
export interface FunctionBuild {
  /**
   * Split into chunks beside `index.mjs` (ADR 0038): each module the entry loads with `import()` is a file read on its
   * first use. Otherwise one file.
   */
  chunks: boolean;
  /** Whether its bundle keeps zod's JSON Schema conversion (ADR 0050): only a function that converts schemas needs it. */
  keepZodJsonSchema: boolean;
}

export declare const leaveOutZodJsonSchema: Plugin;

/** Builds into `options.outdir`, the entry as `index.mjs`. */
export declare function buildFunction<Options extends BuildOptions & { outdir: string }>(
  options: Options,
  functionBuild: FunctionBuild,
): Promise<BuildResult<Options>>;
