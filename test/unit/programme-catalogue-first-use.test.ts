// The bundled programme files are validated when the programme is first read, not at import: once, with the same
// answers as the eager catalogue, and a bad file refused by every read with the eager catalogue's error.
import { describe, expect, it } from "vitest";
import { NotFound } from "#shared/errors.ts";
import { ProgrammeFileError, programmeCatalogue, programmeCatalogueOnFirstUse } from "#shared/programme/catalogue.ts";
import { programmeFiles } from "../../events/programme-of-work/index.ts";

/** The files, counting how often the catalogue reads them (each read of every file is one validation). */
function countingReads(files: Readonly<Record<string, unknown>>) {
  const counter = { reads: 0 };
  const counted: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(files)) {
    Object.defineProperty(counted, name, {
      enumerable: true,
      get() {
        counter.reads += 1;
        return raw;
      },
    });
  }
  return { counted, counter };
}

describe("programmeCatalogueOnFirstUse", () => {
  it("reads no file when built, then validates each once and answers as the eager catalogue does", () => {
    const { counted, counter } = countingReads(programmeFiles);
    const catalogue = programmeCatalogueOnFirstUse(counted);
    expect(counter.reads).toBe(0);

    const eager = programmeCatalogue(programmeFiles);
    expect(catalogue.years).toEqual(eager.years);
    expect(catalogue.all()).toEqual(eager.all());
    expect(catalogue.get(2023)).toEqual(eager.get(2023));
    expect(catalogue.current("2024-03-01")).toEqual(eager.current("2024-03-01"));
    expect(() => catalogue.get(2019)).toThrow(NotFound);
    expect(counter.reads).toBe(Object.keys(programmeFiles).length);
  });

  it("refuses a bad file only when first read, and on every read after, with the eager catalogue's message", () => {
    const bad = { "2023.json": { year: 2023 } };
    const catalogue = programmeCatalogueOnFirstUse(bad);
    const eagerMessage = (() => {
      try {
        programmeCatalogue(bad);
      } catch (error) {
        if (error instanceof ProgrammeFileError) return error.message;
      }
      throw new Error("expected the eager catalogue to refuse the file");
    })();

    expect(() => catalogue.years).toThrow(ProgrammeFileError);
    expect(() => catalogue.current("2023-06-01")).toThrow(eagerMessage);
    expect(() => catalogue.all()).toThrow(eagerMessage);
  });
});
