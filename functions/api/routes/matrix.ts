// Routes of the 1540 Matrix: the field catalogue, a State's matrix, edits of its draft, review moves, versions, diffs.

import * as z from "zod";
import { pageQuerySchema, pageRequestOf, pageSchema } from "#shared/http/pagination-query.ts";
import { declareRoutes, type Route, routesOf } from "#shared/http/route.ts";
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
import { matrixRepository } from "#shared/matrix/repository.ts";
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
import { registryRepository } from "#shared/registry/repository.ts";
import { iso3Schema } from "#shared/registry/schemas.ts";
import type { TableDependencies } from "../api-handler.ts";
import { matrixTable } from "./records.tables.ts";

const versionNumber = z
  .string()
  .regex(/^\d{1,4}$/, "must be a version number")
  .transform(Number)
  .pipe(z.number().int().min(1).max(MAX_MATRIX_VERSION))
  .describe("A version number of the State's matrix, from 1");

const byCode = z.strictObject({ iso3: iso3Schema });

/** The routes' schemas, joined to their data in matrix.table.ts. */
export const declarations = declareRoutes(matrixTable, {
  listMatrixFields: {
    responses: [{ status: 200, description: "The catalogue", schema: matrixFieldCatalogueSchema }],
  },
  getMatrix: {
    params: byCode,
    responses: [
      {
        status: 200,
        description: 'The matrix; ETag "0" while the State has none',
        schema: matrixViewSchema,
        etag: true,
      },
    ],
  },
  editMatrix: {
    params: byCode,
    body: matrixEditSchema,
    responses: [{ status: 200, description: "The matrix as changed", schema: matrixViewSchema, etag: true }],
  },
  transitionMatrix: {
    params: byCode,
    body: matrixTransitionSchema,
    responses: [{ status: 200, description: "The matrix after the move", schema: matrixViewSchema, etag: true }],
  },
  listMatrixVersions: {
    params: byCode,
    query: pageQuerySchema,
    responses: [{ status: 200, description: "A page of versions", schema: pageSchema(matrixVersionSummarySchema) }],
  },
  getMatrixVersion: {
    params: z.strictObject({ iso3: iso3Schema, version: versionNumber }),
    responses: [{ status: 200, description: "The version", schema: matrixVersionDetailSchema }],
  },
  diffMatrixVersions: {
    params: byCode,
    query: z.strictObject({ from: versionNumber, to: versionNumber }),
    responses: [{ status: 200, description: "The differences, in catalogue order", schema: matrixDiffSchema }],
  },
});

/** `deps.registry` answers 404 for a code that names no Member State. */
export function matrixRoutes(deps: MatrixDependencies): Route[] {
  return routesOf(declarations, {
    listMatrixFields: async () => ({ body: fieldCatalogue }),
    async getMatrix({ params }) {
      const { view, revision } = await getMatrix(deps)(params.iso3);
      return { body: view, version: revision };
    },
    async editMatrix({ params, body, expectedVersion, audit }) {
      const { view, revision } = await editMatrix(deps)(params.iso3, expectedVersion, body, audit);
      return { body: view, version: revision };
    },
    async transitionMatrix({ params, body, expectedVersion, audit }) {
      const { view, revision } = await transitionMatrix(deps)(params.iso3, expectedVersion, body, audit);
      return { body: view, version: revision };
    },
    async listMatrixVersions({ params, query }) {
      const page = await listMatrixVersions(deps)(params.iso3, pageRequestOf(query));
      return { body: { items: page.items, cursor: page.cursor } };
    },
    async getMatrixVersion({ params }) {
      const version = await getMatrixVersion(deps)(params.iso3, params.version);
      return { body: { ...version, coverage: coverageOf(version.cells) } };
    },
    async diffMatrixVersions({ params, query }) {
      return { body: await diffMatrixVersions(deps)(params.iso3, query.from, query.to) };
    },
  });
}

/** The routes on the records group's tables (functions/api/records.ts). */
export function bindRoutes({ doc, tableNames, clock }: TableDependencies): Route[] {
  return matrixRoutes({
    matrix: matrixRepository(doc, tableNames, clock),
    registry: registryRepository(doc, tableNames, clock),
    clock,
  });
}
