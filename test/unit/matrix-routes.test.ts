// The matrix routes before any storage is touched: access, If-Match, body validation, and the OpenAPI shapes.
import { Logger } from "@aws-lambda-powertools/logger";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "#shared/clock.ts";
import { openApiDocument } from "#shared/http/openapi.ts";
import { createRouter } from "#shared/http/router.ts";
import * as coverageModule from "#shared/matrix/coverage.ts";
import * as catalogueModule from "#shared/matrix/field-catalogue.ts";
import * as useCases from "#shared/matrix/matrix.ts";
import { matrixRepository } from "#shared/matrix/repository.ts";
import * as schemas from "#shared/matrix/schemas.ts";
import { registryRepository } from "#shared/registry/repository.ts";
import { matrixRoutes } from "../../functions/api/routes/matrix.ts";
import { apiEvent, type EventOptions } from "../support/api-event.ts";

const tableNames = { desk: "desk-test", audit: "audit-test" };
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: "us-east-1" }));
const dynamo = mockClient(DynamoDBDocumentClient);
afterAll(() => dynamo.restore());
const clock = fixedClock("2026-11-27T10:00:00Z");
const routes = matrixRoutes({
  matrix: matrixRepository(doc, tableNames, clock),
  registry: registryRepository(doc, tableNames, clock),
  clock,
});
const router = createRouter(routes, new Logger({ logLevel: "SILENT" }));

async function call(options: EventOptions) {
  const result = await router.dispatch(apiEvent(options), "corr-unit");
  return { status: result.statusCode, headers: result.headers ?? {}, body: JSON.parse(result.body ?? "null") };
}

const json = { "content-type": "application/json", "if-match": '"0"' };
const anEdit = JSON.stringify({ cells: [{ fieldId: "op1.npt", value: "NA" }] });

beforeEach(() => dynamo.reset());

describe("matrix routes", () => {
  it("lists the field catalogue to every group", async () => {
    const response = await call({ path: "/matrix/fields", group: "members" });
    expect(response.status).toBe(200);
    expect(response.body.fields).toBe(272);
    expect(response.body.paragraphs).toHaveLength(4);
    expect(dynamo.calls()).toHaveLength(0);
  });

  it("refuses a matrix edit or a move by a members token with 403 and touches nothing", async () => {
    const edit = await call({
      method: "PATCH",
      path: "/states/FRA/matrix",
      group: "members",
      headers: json,
      body: anEdit,
    });
    expect(edit).toMatchObject({ status: 403, body: { type: "/problems/forbidden" } });
    const move = await call({
      method: "POST",
      path: "/states/FRA/matrix/transitions",
      group: "members",
      headers: json,
      body: '{"to":"shared-with-state"}',
    });
    expect(move.status).toBe(403);
    expect(dynamo.calls()).toHaveLength(0);
  });

  it("requires If-Match on edits and moves (428)", async () => {
    const headers = { "content-type": "application/json" };
    const edit = await call({ method: "PATCH", path: "/states/FRA/matrix", group: "experts", headers, body: anEdit });
    expect(edit.status).toBe(428);
    const move = await call({
      method: "POST",
      path: "/states/FRA/matrix/transitions",
      group: "secretariat",
      headers,
      body: '{"to":"draft"}',
    });
    expect(move.status).toBe(428);
    expect(dynamo.calls()).toHaveLength(0);
  });

  it("refuses an unknown field id with 422 naming its path in the body", async () => {
    const body = JSON.stringify({
      cells: [
        { fieldId: "op1.npt", value: "NA" },
        { fieldId: "op1.warp-drive", value: "X", source: { document: "S/2004/1" } },
      ],
    });
    const response = await call({ method: "PATCH", path: "/states/FRA/matrix", group: "experts", headers: json, body });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { path: "body.cells.1.fieldId", message: expect.stringContaining("unknown") },
    ]);
    expect(dynamo.calls()).toHaveLength(0);
  });

  it("refuses a bad version number or diff query with 400", async () => {
    expect((await call({ path: "/states/FRA/matrix/versions/0", group: "members" })).status).toBe(400);
    expect((await call({ path: "/states/FRA/matrix/versions/abc", group: "members" })).status).toBe(400);
    const diff = await call({ path: "/states/FRA/matrix/diff", query: "from=1", group: "members" });
    expect(diff).toMatchObject({ status: 400, body: { errors: [{ path: "query.to" }] } });
    expect(dynamo.calls()).toHaveLength(0);
  });

  it("documents its shapes as named components", () => {
    const document = openApiDocument(
      routes.map(({ spec }) => spec),
      { title: "t", version: "0", description: "d" },
    );
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(["Matrix", "MatrixCell", "MatrixVersion", "MatrixEdit", "MatrixCoverage", "MatrixDiff"]),
    );
    const paths = Object.keys(document.paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        "/matrix/fields",
        "/states/{iso3}/matrix",
        "/states/{iso3}/matrix/transitions",
        "/states/{iso3}/matrix/versions",
        "/states/{iso3}/matrix/versions/{version}",
        "/states/{iso3}/matrix/diff",
      ]),
    );
  });

  it("names no route, field or export a score, grade, rating or rank: the matrix is not a compliance measure", () => {
    const forbidden = /\b(score|grade|rating|rank)/i;
    const document = openApiDocument(
      routes.map(({ spec }) => spec),
      { title: "t", version: "0", description: "d" },
    );
    expect(JSON.stringify(document)).not.toMatch(forbidden);
    const exported = [coverageModule, catalogueModule, useCases, schemas].flatMap((module) => Object.keys(module));
    expect(exported.length).toBeGreaterThan(20);
    expect(exported.filter((name) => /score|grade|rating|rank/i.test(name))).toEqual([]);
  });
});
