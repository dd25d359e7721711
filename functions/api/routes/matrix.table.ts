// The matrix routes as data: method, path, who may call them (functions/api/access.ts); their schemas and handlers are
// in matrix.ts, loaded on the first request for one of them.
import { type RouteSummaries, routeTable } from "#shared/http/route.ts";
import { everyone, staff } from "../access.ts";

// A batch may set every field once, each with long references in any script; the use case bounds the stored size.
const MAX_EDIT_BODY_BYTES = 512 * 1024;

export const matrixTable = routeTable({
  listMatrixFields: {
    method: "GET",
    path: "/matrix/fields",
    tag: "Matrix",
    access: everyone,
  },
  getMatrix: {
    method: "GET",
    path: "/states/{iso3}/matrix",
    tag: "Matrix",
    access: everyone,
  },
  editMatrix: {
    method: "PATCH",
    path: "/states/{iso3}/matrix",
    tag: "Matrix",
    access: staff,
    maxBodyBytes: MAX_EDIT_BODY_BYTES,
    requiresIfMatch: true,
  },
  transitionMatrix: {
    method: "POST",
    path: "/states/{iso3}/matrix/transitions",
    tag: "Matrix",
    access: staff,
    requiresIfMatch: true,
  },
  listMatrixVersions: {
    method: "GET",
    path: "/states/{iso3}/matrix/versions",
    tag: "Matrix",
    access: everyone,
  },
  getMatrixVersion: {
    method: "GET",
    path: "/states/{iso3}/matrix/versions/{version}",
    tag: "Matrix",
    access: everyone,
  },
  diffMatrixVersions: {
    method: "GET",
    path: "/states/{iso3}/matrix/diff",
    tag: "Matrix",
    access: everyone,
  },
});

/** Each route's summary in the OpenAPI document: read by the document's writer only (functions/api/summaries.ts), so
 * no Lambda bundle carries it (ADR 0038). */
export const matrixSummaries = {
  listMatrixFields: "The matrix field catalogue: every field, with its stable id, by operative paragraph",
  getMatrix: "A State's matrix: its latest approved version, its working version, and their coverage counts",
  editMatrix:
    "Set or clear cells of the working draft, all or nothing; starts a new draft after an approval; a batch that " +
    "changes nothing writes nothing",
  transitionMatrix: "Move the working version: share it with the State, take it back to draft, or record its approval",
  listMatrixVersions: "The versions of a State's matrix, oldest first, with their status, dates and actors (no cells)",
  getMatrixVersion: "One version of a State's matrix, with its cells and coverage counts",
  diffMatrixVersions: "Cells added, removed and changed between two versions of a State's matrix",
} satisfies RouteSummaries<typeof matrixTable>;
