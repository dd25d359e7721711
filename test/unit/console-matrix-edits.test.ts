// How the console's matrix editor turns its rows into the API's batch and reads a refusal back to the row it names,
// in Node, against the API's own catalogue and schema: only changed rows are sent, in catalogue order; a source
// typed on a blank cell is dropped; the schema's issue for a row lands on that row's control.
import { describe, expect, it } from "vitest";
import {
  type CellDraft,
  cellChangesOf,
  draftOf,
  movesFrom,
  rowProblem,
  sourceWords,
} from "../../console/src/pages/state/matrix-edits.ts";
import { fieldCatalogue } from "../../shared/matrix/field-catalogue.ts";
import { matrixEditSchema } from "../../shared/matrix/schemas.ts";
import { matrixTransitions } from "../../shared/matrix/workflow.ts";
import { fieldIssuesOf } from "../../shared/zod-issues.ts";

const fields = fieldCatalogue.paragraphs.flatMap((paragraph) => paragraph.fields);
const [first, second, third] = fields;
if (!first || !second || !third) throw new Error("the catalogue has fewer than three fields");

const blank: CellDraft = { value: "", document: "", article: "", url: "" };
const cells = {
  [first.id]: { value: "X" as const, source: { document: "S/AC.44/2004/(02)/5", article: "Art. 3" } },
  [second.id]: { value: "NA" as const },
};

/** The 422 the route gives for this batch (shared/http/route.ts: the schema's issues under "body"). */
function refusalOf(batch: unknown) {
  const parsed = matrixEditSchema.safeParse(batch);
  if (parsed.success) throw new Error("the batch was accepted");
  return { type: "about:blank", title: "Invalid request", status: 422, errors: fieldIssuesOf(parsed.error, "body") };
}

describe("the matrix editor's batch", () => {
  it("sends nothing for rows left as read, or typed back to what they were", () => {
    const drafts = new Map([
      [first.id, { ...draftOf(cells[first.id]), document: " S/AC.44/2004/(02)/5 " }],
      [second.id, draftOf(cells[second.id])],
    ]);
    expect(cellChangesOf(fields, drafts, cells)).toEqual([]);
  });

  it("sends each changed row once, in catalogue order, with the source parts typed and trimmed", () => {
    const drafts = new Map<string, CellDraft>([
      [third.id, { value: "?", document: "", article: "", url: " https://example.org/law " }],
      [first.id, { ...blank, value: "" }],
    ]);
    const batch = cellChangesOf(fields, drafts, cells);
    expect(batch).toEqual([
      { fieldId: first.id, value: "" },
      { fieldId: third.id, value: "?", source: { url: "https://example.org/law" } },
    ]);
    expect(matrixEditSchema.safeParse({ cells: batch }).success).toBe(true);
  });

  it("clears a cell whole: a source left typed on a blank row is not sent", () => {
    const drafts = new Map([[first.id, { ...draftOf(cells[first.id]), value: "" as const }]]);
    expect(cellChangesOf(fields, drafts, cells)).toEqual([{ fieldId: first.id, value: "" }]);
  });
});

describe("a refused batch, read back to its rows", () => {
  it("shows the API's words for a cell without a source at that row's document field, and nowhere else", () => {
    const drafts = new Map<string, CellDraft>([
      [first.id, { ...draftOf(cells[first.id]), article: "Art. 4" }],
      [third.id, { ...blank, value: "X" }],
    ]);
    const sent = cellChangesOf(fields, drafts, cells);
    const problem = refusalOf({ cells: sent });
    expect(rowProblem(problem, sent, third.id, "document")).toBe(
      "a cell marked X needs a source: document, article or url",
    );
    expect(rowProblem(problem, sent, third.id, "value")).toBeUndefined();
    expect(rowProblem(problem, sent, first.id, "document")).toBeUndefined();
  });

  it("shows a bad URL at the URL field of its row", () => {
    const drafts = new Map<string, CellDraft>([[second.id, { ...blank, value: "?", url: "ftp://example.org" }]]);
    const sent = cellChangesOf(fields, drafts, cells);
    const problem = refusalOf({ cells: sent });
    expect(rowProblem(problem, sent, second.id, "url")).toBe("must be an http or https URL");
    expect(rowProblem(problem, sent, second.id, "document")).toBeUndefined();
  });

  it("reads the use case's own paths too (an unknown field, named from the batch)", () => {
    const sent = cellChangesOf(fields, new Map([[first.id, { ...blank, value: "NA" as const }]]), {});
    const problem = {
      type: "about:blank",
      title: "Unknown matrix field",
      status: 422,
      errors: [{ path: "cells.0.fieldId", message: "unknown field id" }],
    };
    expect(rowProblem(problem, sent, first.id, "value")).toBe("unknown field id");
  });
});

describe("the matrix's review moves", () => {
  it("offers exactly the workflow's legal moves from each status", () => {
    for (const [from, legal] of Object.entries(matrixTransitions)) {
      const offered = movesFrom(from as keyof typeof matrixTransitions).map(([to]) => to);
      expect([...offered].sort()).toEqual([...legal].sort());
    }
  });
});

it("reads a cell's source in one line", () => {
  expect(sourceWords(cells[first.id])).toBe("S/AC.44/2004/(02)/5; Art. 3");
  expect(sourceWords(undefined)).toBe("");
});
