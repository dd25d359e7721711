// The 1540 Matrix's shapes: fields of the catalogue, cells, versions, edits, coverage counts and diffs.
// Schemas built at import are marked pure: a bundle leaves out, and never builds, those it does not use (ADR 0039).
import * as z from "zod";
import { actorSchema } from "../auth/actor.ts";
import { matrixFieldIds } from "./field-catalogue.ts";

export const categorySchema = /* @__PURE__ */ z
  .enum(["nuclear", "chemical", "biological", "means-of-delivery", "related-materials"])
  .describe("Weapon category of a field: nuclear, chemical, biological, means of delivery, related materials");
export type Category = z.infer<typeof categorySchema>;

export const paragraphSchema = /* @__PURE__ */ z
  .enum(["op1", "op2", "op3ab", "op3cd"])
  .describe("Operative paragraph of resolution 1540: OP1, OP2, OP3(a)(b), OP3(c)(d)");
export type Paragraph = z.infer<typeof paragraphSchema>;

export const aspectSchema = /* @__PURE__ */ z
  .enum(["legal-framework", "enforcement"])
  .describe("Whether the field records the national legal framework or its enforcement");
export type Aspect = z.infer<typeof aspectSchema>;

export const matrixFieldSchema = /* @__PURE__ */ z
  .object({
    id: z.string().describe("Stable id, stored in cells for ever, e.g. op2.nuclear.manufacture.legal-framework"),
    paragraph: paragraphSchema,
    category: categorySchema,
    row: z.string().describe("The row's key within its paragraph, e.g. manufacture or npt"),
    label: z.string(),
    aspect: aspectSchema.optional().describe("OP2 and OP3 rows only; OP1 rows record treaty status"),
    note: z.string().optional(),
  })
  .meta({ id: "MatrixField" });
export type MatrixField = z.infer<typeof matrixFieldSchema>;

export const matrixFieldCatalogueSchema = /* @__PURE__ */ z
  .object({
    fields: z.number().int().describe("How many fields a matrix has"),
    paragraphs: z.array(
      z.object({
        id: paragraphSchema,
        title: z.string(),
        description: z.string(),
        categories: z.array(categorySchema),
        fields: z.array(matrixFieldSchema),
      }),
    ),
  })
  .meta({ id: "MatrixFieldCatalogue" });
export type MatrixFieldCatalogue = z.infer<typeof matrixFieldCatalogueSchema>;

/** X: a measure was found; ?: the reference is incomplete or not directly relevant; NA: not applicable. */
export const cellValueSchema = /* @__PURE__ */ z
  .enum(["X", "?", "NA"])
  .describe("X: measure found; ?: reference incomplete; NA: not applicable. A blank cell is absent");
export type CellValue = z.infer<typeof cellValueSchema>;

// Bounds keep a whole matrix of ASCII references inside one DynamoDB item (see docs/adr/0003-matrix.md).
export const SOURCE_LIMITS = { document: 200, article: 100, url: 300 } as const;

export const sourceReferenceSchema = /* @__PURE__ */ z
  .strictObject({
    document: z
      .string()
      .trim()
      .min(1)
      .max(SOURCE_LIMITS.document)
      .optional()
      .describe("The document, e.g. a national report's symbol and page"),
    article: z.string().trim().min(1).max(SOURCE_LIMITS.article).optional().describe("Article or section of the law"),
    url: z
      .url({ protocol: /^https?$/, error: "must be an http or https URL" })
      .max(SOURCE_LIMITS.url)
      .optional()
      .describe("Where the text can be read"),
  })
  .meta({ id: "SourceReference" });
export type SourceReference = z.infer<typeof sourceReferenceSchema>;

/** A cell as stored: blank cells are not stored at all. */
export const matrixCellSchema = /* @__PURE__ */ z
  .object({ value: cellValueSchema, source: sourceReferenceSchema.optional() })
  .meta({ id: "MatrixCell" });
export type MatrixCell = z.infer<typeof matrixCellSchema>;

export type Cells = Record<string, MatrixCell>;

const hasReference = (source: SourceReference | undefined) =>
  source !== undefined && Object.values(source).some((part) => part !== undefined);

/** One cell of an edit. `""` clears the cell (makes it blank). */
export const cellChangeSchema = /* @__PURE__ */ z
  .strictObject({
    fieldId: z
      .enum(matrixFieldIds, { error: "unknown field id; GET /matrix/fields lists them" })
      .describe("A field id from GET /matrix/fields"),
    value: z.enum(["X", "?", "NA", ""]).describe('X, ?, NA, or "" to clear the cell'),
    source: sourceReferenceSchema.optional(),
  })
  .superRefine((change, ctx) => {
    if ((change.value === "X" || change.value === "?") && !hasReference(change.source)) {
      ctx.addIssue({
        code: "custom",
        path: ["source"],
        message: `a cell marked ${change.value} needs a source: document, article or url`,
      });
    }
    if (change.value === "" && change.source !== undefined) {
      ctx.addIssue({ code: "custom", path: ["source"], message: "a blank cell has no source" });
    }
  })
  .meta({ id: "MatrixCellChange" });
export type CellChange = z.infer<typeof cellChangeSchema>;

export const matrixEditSchema = /* @__PURE__ */ z
  .strictObject({ cells: z.array(cellChangeSchema).min(1).max(matrixFieldIds.length) })
  .superRefine((edit, ctx) => {
    // Two changes of one field in a batch would make the result depend on their order: refuse it.
    const firstAt = new Map<string, number>();
    edit.cells.forEach((change, index) => {
      const first = firstAt.get(change.fieldId);
      if (first === undefined) firstAt.set(change.fieldId, index);
      else
        ctx.addIssue({ code: "custom", path: ["cells", index, "fieldId"], message: `already set by cells.${first}` });
    });
  })
  .meta({ id: "MatrixEdit" });
export type MatrixEdit = z.infer<typeof matrixEditSchema>;

/** Version numbers are zero-padded to four digits in the sort key, so that keys sort as numbers do. */
export const MAX_MATRIX_VERSION = 9999;

export const matrixStatusSchema = /* @__PURE__ */ z
  .enum(["draft", "shared-with-state", "approved"])
  .describe("draft -> shared-with-state -> approved; shared-with-state may go back to draft");
export type MatrixStatus = z.infer<typeof matrixStatusSchema>;

/** The day a status move happened, as staff date it; moves recorded before they were dated have none. */
const moveDaySchema = /* @__PURE__ */ z.iso
  .date()
  .optional()
  .describe("The day it happened (for an approval, the Date of Committee Approval); absent: the New York day of at");

export const stampSchema = /* @__PURE__ */ z
  .object({ at: z.iso.datetime().describe("When it was recorded"), by: actorSchema, on: moveDaySchema })
  .meta({ id: "MatrixStamp" });
export type Stamp = z.infer<typeof stampSchema>;

export const matrixMoveSchema = /* @__PURE__ */ (() =>
  z.object({
    from: matrixStatusSchema,
    to: matrixStatusSchema,
    at: z.iso.datetime(),
    by: actorSchema,
    on: moveDaySchema,
  }))();
export type MatrixMove = z.infer<typeof matrixMoveSchema>;

const versionFields = /* @__PURE__ */ (() => ({
  iso3: z.string().regex(/^[A-Z]{3}$/),
  version: z.number().int().min(1).max(MAX_MATRIX_VERSION),
  status: matrixStatusSchema,
  basedOn: z.number().int().min(1).optional().describe("The approved version this draft was copied from"),
  created: stampSchema,
  lastEdited: stampSchema.optional(),
  shared: stampSchema.optional().describe("When it was last shared with the State, and by whom"),
  approved: stampSchema.optional().describe("When the Committee approved it, and who recorded it"),
  history: z.array(matrixMoveSchema).describe("Every status move of this version, oldest first"),
}))();

export const matrixVersionSchema = /* @__PURE__ */ z
  .object({
    ...versionFields,
    cells: z.record(z.string(), matrixCellSchema).describe("By field id; a blank cell is absent"),
  })
  .meta({ id: "MatrixVersion" });
export type MatrixVersion = z.infer<typeof matrixVersionSchema>;

export const matrixVersionSummarySchema = /* @__PURE__ */ z.object(versionFields).meta({ id: "MatrixVersionSummary" });
export type MatrixVersionSummary = z.infer<typeof matrixVersionSummarySchema>;

export const coverageCountsSchema = /* @__PURE__ */ z
  .object({
    X: z.number().int(),
    "?": z.number().int(),
    NA: z.number().int(),
    blank: z.number().int(),
    fields: z.number().int().describe("Fields in the group: X + ? + NA + blank"),
  })
  .meta({ id: "MatrixCoverageCounts" });
export type CoverageCounts = z.infer<typeof coverageCountsSchema>;

export const coverageSchema = /* @__PURE__ */ z
  .object({
    total: coverageCountsSchema,
    byParagraph: z.array(
      z.object({
        paragraph: paragraphSchema,
        counts: coverageCountsSchema,
        byCategory: z.array(z.object({ category: categorySchema, counts: coverageCountsSchema })),
      }),
    ),
    byCategory: z.array(z.object({ category: categorySchema, counts: coverageCountsSchema })),
  })
  .meta({
    id: "MatrixCoverage",
    description: "Counts of cells by value. The matrix is not a tool for measuring compliance: counts only",
  });
export type Coverage = z.infer<typeof coverageSchema>;

export const matrixViewSchema = /* @__PURE__ */ z
  .object({
    iso3: z.string(),
    approved: matrixVersionSchema.nullable().describe("The latest approved version"),
    draft: matrixVersionSchema.nullable().describe("The working version (draft or shared-with-state), if any"),
    coverage: z.object({ approved: coverageSchema.nullable(), draft: coverageSchema.nullable() }),
  })
  .meta({ id: "Matrix" });
export type MatrixView = z.infer<typeof matrixViewSchema>;

export const matrixVersionDetailSchema = /* @__PURE__ */ matrixVersionSchema
  .extend({ coverage: coverageSchema })
  .meta({ id: "MatrixVersionDetail" });

export const matrixTransitionSchema = /* @__PURE__ */ z
  .strictObject({
    to: matrixStatusSchema,
    on: z.iso
      .date()
      .optional()
      .describe(
        "The day the move happened (for approved: the Date of Committee Approval); today in New York when omitted. " +
          "Not in the future, nor before the matrix's previous move",
      ),
  })
  .meta({ id: "MatrixTransition", description: "Move the working version to this status" });
export type MatrixTransition = z.infer<typeof matrixTransitionSchema>;

export const matrixDiffSchema = /* @__PURE__ */ z
  .object({
    iso3: z.string(),
    from: z.number().int(),
    to: z.number().int(),
    added: z.array(z.object({ fieldId: z.string(), after: matrixCellSchema })),
    removed: z.array(z.object({ fieldId: z.string(), before: matrixCellSchema })),
    changed: z.array(z.object({ fieldId: z.string(), before: matrixCellSchema, after: matrixCellSchema })),
  })
  .meta({ id: "MatrixDiff", description: "Cells that differ between two versions; blank cells count as absent" });
export type MatrixDiff = z.infer<typeof matrixDiffSchema>;
