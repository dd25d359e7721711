// The programmes of work, one file per programme year, validated once on first use (not at every cold start); the
// unit tests validate every file. A new programme year is a new <year>.json here and one line below (a unit test
// fails if a file is left out).
import { type ProgrammeCatalogue, programmeCatalogueOnFirstUse } from "../../shared/programme/catalogue.ts";
import programme2023 from "./2023.json" with { type: "json" };
import programme2024 from "./2024.json" with { type: "json" };

export const programmeFiles: Readonly<Record<string, unknown>> = {
  "2023.json": programme2023,
  "2024.json": programme2024,
};

export const programmesOfWork: ProgrammeCatalogue = programmeCatalogueOnFirstUse(programmeFiles);
