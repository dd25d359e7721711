// The matrix section: counts of cells in the approved matrices by paragraph and by category. Counts, never a score.
import type { CoverageCounts } from "../../matrix/schemas.ts";
import type { Snapshot } from "../schemas.ts";
import { formatFigure } from "./format.ts";
import { categoryLabels, paragraphLabels } from "./labels.ts";
import { type Column, htmlParagraph, htmlSection, htmlTable } from "./markup.ts";

const columns = (first: string): Column[] => [
  { label: first },
  { label: "Measure found (X)", numeric: true },
  { label: "Reference incomplete (?)", numeric: true },
  { label: "Not applicable (NA)", numeric: true },
  { label: "Blank", numeric: true },
  { label: "Fields", numeric: true },
];

const cells = (label: string, counts: CoverageCounts) => [
  label,
  counts.X,
  counts["?"],
  counts.NA,
  counts.blank,
  counts.fields,
];

export function matrixSection(snapshot: Snapshot): string {
  const { matrix } = snapshot;
  const { coverage } = matrix;
  return htmlSection(
    "matrix",
    "Matrix coverage",
    htmlParagraph(
      `${formatFigure(matrix.states)} States had an approved matrix at the end of the quarter. The tables add up their ` +
        "cells. The matrix is not a tool for measuring compliance: these are counts of entries, not a compliance score.",
    ) +
      htmlTable("Cells by operative paragraph", columns("Paragraph"), [
        ...coverage.byParagraph.map((row) => cells(paragraphLabels[row.paragraph], row.counts)),
        cells("All paragraphs", coverage.total),
      ]) +
      htmlTable(
        "Cells by category",
        columns("Category"),
        coverage.byCategory.map((row) => cells(categoryLabels[row.category], row.counts)),
      ),
  );
}
