// Coverage of a matrix version: how many cells are X, ?, NA or blank, by paragraph and category. Counts only.
//
// The Committee states that a matrix "is not a tool for measuring compliance", so nothing here divides,
// weighs or ranks: no percentage, score, grade or rating is computed or exported (docs/adr/0003-matrix.md).
import { categoryTitles, matrixFields, paragraphs } from "./field-catalogue.ts";
import type { Category, Cells, Coverage, CoverageCounts, MatrixField } from "./schemas.ts";

const categories = Object.keys(categoryTitles) as Category[];

function emptyCounts(): CoverageCounts {
  return { X: 0, "?": 0, NA: 0, blank: 0, fields: 0 };
}

function countInto(counts: CoverageCounts, field: MatrixField, cells: Cells): void {
  counts.fields += 1;
  const value = cells[field.id]?.value;
  if (value === undefined) counts.blank += 1;
  else counts[value] += 1;
}

function countFields(fields: readonly MatrixField[], cells: Cells): CoverageCounts {
  const counts = emptyCounts();
  for (const field of fields) countInto(counts, field, cells);
  return counts;
}

/** Only catalogue fields are counted, so every group's counts add up to its number of fields. */
export function coverageOf(cells: Cells): Coverage {
  return {
    total: countFields(matrixFields, cells),
    byParagraph: paragraphs.map((paragraph) => {
      const inParagraph = matrixFields.filter((field) => field.paragraph === paragraph.id);
      return {
        paragraph: paragraph.id,
        counts: countFields(inParagraph, cells),
        byCategory: paragraph.categories.map((category) => ({
          category,
          counts: countFields(
            inParagraph.filter((field) => field.category === category),
            cells,
          ),
        })),
      };
    }),
    byCategory: categories.map((category) => ({
      category,
      counts: countFields(
        matrixFields.filter((field) => field.category === category),
        cells,
      ),
    })),
  };
}
