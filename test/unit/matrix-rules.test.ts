// The matrix's rules without storage: cell validation, edits, the review workflow, coverage counts, diffs, sizes.
import { describe, expect, it } from "vitest";
import type { Actor } from "#shared/auth/actor.ts";
import { itemBytes, MAX_ITEM_BYTES } from "#shared/dynamo/item-size.ts";
import { IllegalTransition } from "#shared/errors.ts";
import { coverageOf } from "#shared/matrix/coverage.ts";
import { diffVersions } from "#shared/matrix/diff.ts";
import { matrixFields } from "#shared/matrix/field-catalogue.ts";
import { versionKey } from "#shared/matrix/repository.ts";
import {
  type Cells,
  type CoverageCounts,
  type MatrixStatus,
  type MatrixVersion,
  matrixEditSchema,
  SOURCE_LIMITS,
} from "#shared/matrix/schemas.ts";
import { applyEdit, assertTransition, MatrixNotEditable, matrixTransitions } from "#shared/matrix/workflow.ts";

const expert: Actor = { kind: "user", id: "exp-1", username: "expert", groups: ["experts"] };
const at = "2026-11-27T10:00:00.000Z";
const report = { document: "S/AC.44/2004/(02)/51" };

function version(number: number, cells: Cells, status: MatrixStatus = "draft"): MatrixVersion {
  return { iso3: "FRA", version: number, status, created: { at, by: expert }, history: [], cells };
}

function issuesOf(body: unknown) {
  const result = matrixEditSchema.safeParse(body);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

describe("cell validation", () => {
  it("accepts X and ? with a source, NA without one, and blank to clear", () => {
    const edit = {
      cells: [
        { fieldId: "op1.npt", value: "X", source: { url: "https://treaties.un.org/npt" } },
        { fieldId: "op1.cwc", value: "?", source: { article: "Art. 3" } },
        { fieldId: "op1.bwc", value: "NA" },
        { fieldId: "op1.ctbt", value: "" },
      ],
    };
    expect(issuesOf(edit)).toEqual([]);
  });

  it("requires a source for X and ?, naming the cell's path", () => {
    const issues = issuesOf({
      cells: [
        { fieldId: "op1.npt", value: "NA" },
        { fieldId: "op1.cwc", value: "X" },
        { fieldId: "op1.bwc", value: "?", source: {} },
      ],
    });
    expect(issues.map((issue) => issue.path)).toEqual(["cells.1.source", "cells.2.source"]);
    expect(issues[0]?.message).toContain("needs a source");
  });

  it("refuses an unknown field id, a source on a blank cell and a value outside X, ?, NA, blank", () => {
    const issues = issuesOf({
      cells: [
        { fieldId: "op1.npt", value: "X", source: report },
        { fieldId: "op2.nuclear.teleport.legal-framework", value: "NA" },
        { fieldId: "op1.cwc", value: "", source: report },
        { fieldId: "op1.bwc", value: "yes" },
      ],
    });
    expect(issues.map((issue) => issue.path)).toEqual(["cells.1.fieldId", "cells.2.source", "cells.3.value"]);
    expect(issues[0]?.message).toContain("unknown field id");
  });

  it("refuses the same field twice in one batch, a non-http URL, an over-long reference and unknown keys", () => {
    expect(
      issuesOf({
        cells: [
          { fieldId: "op1.npt", value: "NA" },
          { fieldId: "op1.npt", value: "X", source: report },
        ],
      }),
    ).toEqual([{ path: "cells.1.fieldId", message: "already set by cells.0" }]);
    const paths = issuesOf({
      cells: [
        { fieldId: "op1.npt", value: "X", source: { url: "javascript:alert(1)" } },
        { fieldId: "op1.cwc", value: "X", source: { document: "d".repeat(SOURCE_LIMITS.document + 1) } },
        { fieldId: "op1.bwc", value: "X", source: { ...report, page: 4 } },
        { fieldId: "op1.ctbt", value: "NA", note: "x" },
      ],
    }).map((issue) => issue.path);
    expect(paths).toEqual(["cells.0.source.url", "cells.1.source.document", "cells.2.source", "cells.3"]);
    expect(issuesOf({ cells: [] }).map((issue) => issue.path)).toEqual(["cells"]);
  });
});

describe("applying an edit", () => {
  it("sets, changes and clears cells, leaving out changes that change nothing", () => {
    const before: Cells = { "op1.npt": { value: "X", source: report }, "op1.cwc": { value: "NA" } };
    const { cells, edits } = applyEdit(before, [
      { fieldId: "op1.npt", value: "X", source: { document: "S/AC.44/2004/(02)/51" } },
      { fieldId: "op1.cwc", value: "" },
      { fieldId: "op1.bwc", value: "?", source: { article: "Art. 1" } },
      { fieldId: "op1.ctbt", value: "" },
    ]);
    expect(cells).toEqual({
      "op1.npt": { value: "X", source: report },
      "op1.bwc": { value: "?", source: { article: "Art. 1" } },
    });
    expect(edits).toEqual([
      { fieldId: "op1.cwc", before: { value: "NA" }, after: undefined },
      { fieldId: "op1.bwc", before: undefined, after: { value: "?", source: { article: "Art. 1" } } },
    ]);
    // The input is not mutated: an approved version copied into a draft stays as it was.
    expect(before).toEqual({ "op1.npt": { value: "X", source: report }, "op1.cwc": { value: "NA" } });
  });

  it("counts a changed source alone as a change", () => {
    const { edits } = applyEdit({ "op1.npt": { value: "X", source: report } }, [
      { fieldId: "op1.npt", value: "X", source: { ...report, article: "Art. 2" } },
    ]);
    expect(edits).toHaveLength(1);
  });
});

describe("review workflow", () => {
  it("allows exactly draft -> shared-with-state -> approved and back from the State to draft", () => {
    const statuses: MatrixStatus[] = ["draft", "shared-with-state", "approved"];
    const legal: string[] = [];
    for (const from of statuses) {
      for (const to of statuses) {
        try {
          assertTransition("Version 1 of the matrix of FRA", from, to);
          legal.push(`${from}->${to}`);
        } catch (error) {
          expect(error).toBeInstanceOf(IllegalTransition);
        }
      }
    }
    expect(legal.sort()).toEqual([
      "draft->shared-with-state",
      "shared-with-state->approved",
      "shared-with-state->draft",
    ]);
    expect(matrixTransitions.approved).toEqual([]);
  });

  it("names the legal moves when refusing one", () => {
    const refuse = () => assertTransition("Version 1 of the matrix of FRA", "draft", "approved");
    expect(refuse).toThrow(
      "Version 1 of the matrix of FRA is a draft: it cannot be approved from there; it can be shared with the State",
    );
    try {
      refuse();
    } catch (error) {
      expect((error as IllegalTransition).allowed).toEqual(["shared-with-state"]);
    }
  });

  it("refuses an edit of a shared version, naming the move back to draft", () => {
    const error = new MatrixNotEditable("Version 2 of the matrix of FRA", "shared-with-state");
    expect(error).toBeInstanceOf(IllegalTransition);
    expect(error.allowed).toEqual(["draft"]);
    expect(error.message).toContain("move it back to draft");
  });
});

describe("coverage", () => {
  const cells: Cells = {
    "op1.npt": { value: "X", source: report },
    "op1.cwc": { value: "?", source: report },
    "op1.hcoc": { value: "NA" },
    "op2.nuclear.manufacture.legal-framework": { value: "X", source: report },
    "op2.chemical.use.enforcement": { value: "X", source: report },
    "op3ab.related-materials.physical-protection.legal-framework": { value: "?", source: report },
    "op3cd.means-of-delivery.export-controls.enforcement": { value: "NA" },
    // A stored id the catalogue does not know is never counted.
    "op9.retired": { value: "X", source: report },
  };
  const coverage = coverageOf(cells);
  const counts = (X: number, question: number, NA: number, fields: number): CoverageCounts => ({
    X,
    "?": question,
    NA,
    blank: fields - X - question - NA,
    fields,
  });

  it("counts X, ?, NA and blank in total and per operative paragraph", () => {
    expect(coverage.total).toEqual(counts(3, 2, 2, 272));
    expect(coverage.byParagraph.map((entry) => [entry.paragraph, entry.counts])).toEqual([
      ["op1", counts(1, 1, 1, 12)],
      ["op2", counts(2, 0, 0, 88)],
      ["op3ab", counts(0, 1, 0, 72)],
      ["op3cd", counts(0, 0, 1, 100)],
    ]);
  });

  it("counts per category, overall and within each paragraph", () => {
    const byCategory = Object.fromEntries(coverage.byCategory.map((entry) => [entry.category, entry.counts]));
    expect(byCategory.nuclear).toEqual(counts(2, 0, 0, 8 + 22 + 18 + 20));
    expect(byCategory.chemical).toEqual(counts(1, 1, 0, 2 + 22 + 18 + 20));
    expect(byCategory["means-of-delivery"]).toEqual(counts(0, 0, 2, 1 + 22 + 20));
    expect(byCategory["related-materials"]).toEqual(counts(0, 1, 0, 18 + 20));
    const op1 = coverage.byParagraph.find((entry) => entry.paragraph === "op1");
    expect(op1?.byCategory.find((entry) => entry.category === "means-of-delivery")?.counts).toEqual(counts(0, 0, 1, 1));
  });

  it("adds up: the categories and the paragraphs each sum to the total", () => {
    const sum = (list: CoverageCounts[]) =>
      list.reduce((acc, next) => ({
        X: acc.X + next.X,
        "?": acc["?"] + next["?"],
        NA: acc.NA + next.NA,
        blank: acc.blank + next.blank,
        fields: acc.fields + next.fields,
      }));
    expect(sum(coverage.byCategory.map((entry) => entry.counts))).toEqual(coverage.total);
    expect(sum(coverage.byParagraph.map((entry) => entry.counts))).toEqual(coverage.total);
    for (const paragraph of coverage.byParagraph) {
      expect(sum(paragraph.byCategory.map((entry) => entry.counts))).toEqual(paragraph.counts);
    }
  });

  it("counts an empty matrix as all blank, and never reports a score, grade, rating or percentage", () => {
    expect(coverageOf({}).total).toEqual(counts(0, 0, 0, 272));
    expect(JSON.stringify(coverage)).not.toMatch(/score|grade|rating|percent|rank/i);
  });
});

describe("diff", () => {
  it("lists cells added, removed and changed with before and after, in catalogue order", () => {
    const from = version(1, {
      "op3cd.nuclear.border-controls.legal-framework": { value: "?", source: report },
      "op1.cwc": { value: "X", source: report },
      "op1.npt": { value: "X", source: report },
      "op1.bwc": { value: "NA" },
    });
    const to = version(2, {
      "op1.npt": { value: "X", source: report },
      "op1.cwc": { value: "X", source: { ...report, article: "Art. 1" } },
      "op3cd.nuclear.border-controls.legal-framework": { value: "X", source: report },
      "op2.nuclear.acquire.enforcement": { value: "NA" },
    });
    expect(diffVersions(from, to)).toEqual({
      iso3: "FRA",
      from: 1,
      to: 2,
      added: [{ fieldId: "op2.nuclear.acquire.enforcement", after: { value: "NA" } }],
      removed: [{ fieldId: "op1.bwc", before: { value: "NA" } }],
      changed: [
        {
          fieldId: "op1.cwc",
          before: { value: "X", source: report },
          after: { value: "X", source: { ...report, article: "Art. 1" } },
        },
        {
          fieldId: "op3cd.nuclear.border-controls.legal-framework",
          before: { value: "?", source: report },
          after: { value: "X", source: report },
        },
      ],
    });
  });

  it("finds nothing between a version and itself", () => {
    const same = version(1, { "op1.npt": { value: "X", source: report } });
    expect(diffVersions(same, same)).toMatchObject({ added: [], removed: [], changed: [] });
  });
});

describe("item size", () => {
  const fullMatrix = (text: (limit: number) => string): MatrixVersion =>
    version(
      1,
      Object.fromEntries(
        matrixFields.map((field) => [
          field.id,
          {
            value: "X",
            source: {
              document: text(SOURCE_LIMITS.document),
              article: text(SOURCE_LIMITS.article),
              url: `https://${"u".repeat(SOURCE_LIMITS.url - 8)}`,
            },
          },
        ]),
      ),
    );
  const bytes = (matrix: MatrixVersion) => itemBytes({ ...versionKey("FRA", 1), entity: "matrix-version", ...matrix });

  it("fits every field with the longest ASCII or Arabic references in one item", () => {
    expect(bytes(fullMatrix((limit) => "a".repeat(limit)))).toBeLessThan(MAX_ITEM_BYTES);
    expect(bytes(fullMatrix((limit) => "ع".repeat(limit)))).toBeLessThan(MAX_ITEM_BYTES);
  });

  it("estimates sizes as DynamoDB counts them: UTF-8 bytes and map overheads", () => {
    expect(itemBytes({ pk: "abc" })).toBe(5);
    expect(itemBytes({ name: "é" })).toBe(6);
    expect(itemBytes({ cells: { a: { value: "X" } } })).toBe(5 + 3 + 1 + 1 + 3 + 1 + 5 + 1);
    expect(itemBytes({ history: [], version: 12, note: undefined, ok: true })).toBe(7 + 3 + 7 + 2 + 2 + 1);
    // Longest references in a three-byte script in every cell reach the budget: such a write may be refused.
    expect(bytes(fullMatrix((limit) => "中".repeat(limit)))).toBeGreaterThan(0.95 * MAX_ITEM_BYTES);
  });
});
