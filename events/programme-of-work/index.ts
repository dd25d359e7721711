// The programmes of work the desk is seeded with, one file per programme year, validated once on first use (not at
// every cold start); the unit tests validate every file. Once seeded, the years live in DynamoDB and the secretariat
// manages them through the API (PUT /programme/{year}); a new file here only seeds a fresh desk.

import { lazy } from "../../shared/lazy.ts";
import {
  type ProgrammeCatalogue,
  parseProgrammeFile,
  programmeCatalogueOnFirstUse,
} from "../../shared/programme/catalogue.ts";
import type { ProgrammeFile } from "../../shared/programme/schemas.ts";
import programme2023 from "./2023.json" with { type: "json" };
import programme2024 from "./2024.json" with { type: "json" };

export const programmeFiles: Readonly<Record<string, unknown>> = {
  "2023.json": programme2023,
  "2024.json": programme2024,
};

export const programmesOfWork: ProgrammeCatalogue = programmeCatalogueOnFirstUse(programmeFiles);

/** The seed files as validated programme files, in year order. */
export const seedProgrammeFiles = lazy((): ProgrammeFile[] =>
  Object.entries(programmeFiles)
    .map(([name, raw]) => parseProgrammeFile(name, raw))
    .sort((a, b) => a.year - b.year),
);
