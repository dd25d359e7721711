// Types of local-build.mjs, for the TypeScript that calls it (the install, the bench, the tests).
export declare const LOCAL_START_ENTRY: string;
export declare const LOCAL_BUILD_DIR: string;

export interface LocalBuild {
  /** The built entry, to import. */
  file: string;
  /** False when the kept build was still current. */
  built: boolean;
  /** How long it took to find or make. */
  ms: number;
}

export declare function ensureLocalBuild(entryPath: string, options?: { cacheDir?: string }): Promise<LocalBuild>;
