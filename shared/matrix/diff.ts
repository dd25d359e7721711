// What changed between two versions of a State's matrix: cells added, removed and changed, with before/after.
import { fieldOrder } from "./field-catalogue.ts";
import type { MatrixDiff, MatrixVersion } from "./schemas.ts";
import { sameCell } from "./workflow.ts";

/** In catalogue order, so a reader goes through the diff as through the matrix. */
export function diffVersions(from: MatrixVersion, to: MatrixVersion): MatrixDiff {
  const diff: MatrixDiff = { iso3: to.iso3, from: from.version, to: to.version, added: [], removed: [], changed: [] };
  const fieldIds = [...new Set([...Object.keys(from.cells), ...Object.keys(to.cells)])].sort(
    (a, b) => fieldOrder(a) - fieldOrder(b) || a.localeCompare(b),
  );
  for (const fieldId of fieldIds) {
    const before = from.cells[fieldId];
    const after = to.cells[fieldId];
    if (before === undefined && after !== undefined) diff.added.push({ fieldId, after });
    else if (before !== undefined && after === undefined) diff.removed.push({ fieldId, before });
    else if (before !== undefined && after !== undefined && !sameCell(before, after))
      diff.changed.push({ fieldId, before, after });
  }
  return diff;
}
