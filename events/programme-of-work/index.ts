// The programmes of work the desk is seeded with, one file per programme year, validated once on first use (not at
// every cold start); the unit tests validate every file. Once seeded, the years live in DynamoDB and the secretariat
// manages them through the API (PUT /programme/{year}); a new file here only seeds a fresh desk.
// The files are read beside this module, not bundled: 38 KB the seed bundle need not carry (ADR 0014, ADR 0024); the
// seed function ships them beside its bundle (infra/stateless-stack.ts).

import { readFileSync } from "node:fs";
import { lazy } from "../../shared/lazy.ts";
import {
  type ProgrammeCatalogue,
  parseProgrammeFile,
  programmeCatalogueOnFirstUse,
} from "../../shared/programme/catalogue.ts";
import type { ProgrammeFile } from "../../shared/programme/schemas.ts";

/** Beside this module in the source tree, beside the bundle in the seed function's package. */
export const PROGRAMME_FILES = ["2023.json", "2024.json"] as const;

/** Each file read on its first use, so importing this module reads nothing (a cold start, or a bundle run alone). */
export const programmeFiles: Readonly<Record<string, unknown>> = Object.defineProperties(
  {},
  Object.fromEntries(
    PROGRAMME_FILES.map((file) => [
      file,
      {
        enumerable: true,
        get: lazy(() => JSON.parse(readFileSync(new URL(`./${file}`, import.meta.url), "utf8"))),
      },
    ]),
  ),
);

export const programmesOfWork: ProgrammeCatalogue = programmeCatalogueOnFirstUse(programmeFiles);

/** The seed files as validated programme files, in year order. */
export const seedProgrammeFiles = lazy((): ProgrammeFile[] =>
  Object.entries(programmeFiles)
    .map(([name, raw]) => parseProgrammeFile(name, raw))
    .sort((a, b) => a.year - b.year),
);
