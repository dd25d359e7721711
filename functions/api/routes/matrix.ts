// Routes of the 1540 Matrix: the field catalogue, a State's matrix, edits of its draft, review moves, versions, diffs.
import * as z from "zod";
import { pageQuerySchema, pageRequestOf, pageSchema } from "#shared/http/pagination-query.ts";
import { defineRoute, type Route } from "#shared/http/route.ts";
import { coverageOf } from "#shared/matrix/coverage.ts";
import { fieldCatalogue } from "#shared/matrix/field-catalogue.ts";
import {
  diffMatrixVersions,
  editMatrix,
  getMatrix,
  getMatrixVersion,
  listMatrixVersions,
  type MatrixDependencies,
  transitionMatrix,
} from "#shared/matrix/matrix.ts";
import {
  MAX_MATRIX_VERSION,
  matrixDiffSchema,
  matrixEditSchema,
  matrixFieldCatalogueSchema,
  matrixTransitionSchema,
  matrixVersionDetailSchema,
  matrixVersionSummarySchema,
  matrixViewSchema,
} from "#shared/matrix/schemas.ts";
import { iso3Schema } from "#shared/registry/schemas.ts";
import { everyone, staff } from "../access.ts";

// A batch may set every field once, each with long references in any script; the use case bounds the stored size.
const MAX_EDIT_BODY_BYTES = 512 * 1024;

const versionNumber = z
  .string()
  .regex(/^\d{1,4}$/, "must be a version number")
  .transform(Number)
  .pipe(z.number().int().min(1).max(MAX_MATRIX_VERSION))
  .describe("A version number of the State's matrix, from 1");

const byCode = z.strictObject({ iso3: iso3Schema });

/** `deps.registry` answers 404 for a code that names no Member State. */
export function matrixRoutes(deps: MatrixDependencies): Route[] {
  return [
    defineRoute({
      method: "GET",
      path: "/matrix/fields",
      operationId: "listMatrixFields",
      summary: "The matrix field catalogue: every field, with its stable id, by operative paragraph",
      tag: "Matrix",
      access: everyone,
      responses: [{ status: 200, description: "The catalogue", schema: matrixFieldCatalogueSchema }],
      handle: async () => ({ body: fieldCatalogue }),
    }),
    defineRoute({
      method: "GET",
      path: "/states/{iso3}/matrix",
      operationId: "getMatrix",
      summary: "A State's matrix: its latest approved version, its working version, and their coverage counts",
      tag: "Matrix",
      access: everyone,
      params: byCode,
      responses: [
        {
          status: 200,
          description: 'The matrix; ETag "0" while the State has none',
          schema: matrixViewSchema,
          etag: true,
        },
      ],
      async handle({ params }) {
        const { view, revision } = await getMatrix(deps)(params.iso3);
        return { body: view, version: revision };
      },
    }),
    defineRoute({
      method: "PATCH",
      path: "/states/{iso3}/matrix",
      operationId: "editMatrix",
      summary: "Set or clear cells of the working draft, all or nothing; starts a new draft after an approval",
      tag: "Matrix",
      access: staff,
      params: byCode,
      body: matrixEditSchema,
      maxBodyBytes: MAX_EDIT_BODY_BYTES,
      requiresIfMatch: true,
      responses: [{ status: 200, description: "The matrix as changed", schema: matrixViewSchema, etag: true }],
      async handle({ params, body, expectedVersion, audit }) {
        const { view, revision } = await editMatrix(deps)(params.iso3, expectedVersion, body, audit);
        return { body: view, version: revision };
      },
    }),
    defineRoute({
      method: "POST",
      path: "/states/{iso3}/matrix/transitions",
      operationId: "transitionMatrix",
      summary: "Move the working version: share it with the State, take it back to draft, or record its approval",
      tag: "Matrix",
      access: staff,
      params: byCode,
      body: matrixTransitionSchema,
      requiresIfMatch: true,
      responses: [{ status: 200, description: "The matrix after the move", schema: matrixViewSchema, etag: true }],
      async handle({ params, body, expectedVersion, audit }) {
        const { view, revision } = await transitionMatrix(deps)(params.iso3, expectedVersion, body.to, audit);
        return { body: view, version: revision };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/states/{iso3}/matrix/versions",
      operationId: "listMatrixVersions",
      summary: "The versions of a State's matrix, oldest first, with their status, dates and actors (no cells)",
      tag: "Matrix",
      access: everyone,
      params: byCode,
      query: pageQuerySchema,
      responses: [{ status: 200, description: "A page of versions", schema: pageSchema(matrixVersionSummarySchema) }],
      async handle({ params, query }) {
        const page = await listMatrixVersions(deps)(params.iso3, pageRequestOf(query));
        return { body: { items: page.items, cursor: page.cursor } };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/states/{iso3}/matrix/versions/{version}",
      operationId: "getMatrixVersion",
      summary: "One version of a State's matrix, with its cells and coverage counts",
      tag: "Matrix",
      access: everyone,
      params: z.strictObject({ iso3: iso3Schema, version: versionNumber }),
      responses: [{ status: 200, description: "The version", schema: matrixVersionDetailSchema }],
      async handle({ params }) {
        const version = await getMatrixVersion(deps)(params.iso3, params.version);
        return { body: { ...version, coverage: coverageOf(version.cells) } };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/states/{iso3}/matrix/diff",
      operationId: "diffMatrixVersions",
      summary: "Cells added, removed and changed between two versions of a State's matrix",
      tag: "Matrix",
      access: everyone,
      params: byCode,
      query: z.strictObject({ from: versionNumber, to: versionNumber }),
      responses: [{ status: 200, description: "The differences, in catalogue order", schema: matrixDiffSchema }],
      async handle({ params, query }) {
        return { body: await diffMatrixVersions(deps)(params.iso3, query.from, query.to) };
      },
    }),
  ];
}
