// The OpenAPI document, written from the route modules' declarations: no client is built for it.
import { describe, expect, it } from "vitest";
import { openApiDocument } from "#shared/http/openapi.ts";
import { declarationsOf } from "#shared/http/route.ts";
import { routeGroupNames, routeGroups } from "../../functions/api/groups.ts";
import { API_INFO } from "../../functions/api/routes/meta.table.ts";

const declarations = await declarationsOf(routeGroupNames.flatMap((group) => routeGroups[group].modules));
const routes = declarations.map((spec) => ({ spec }));
const document = openApiDocument(declarations, API_INFO);

type Operation = {
  parameters: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[];
  responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
  security: unknown[];
  requestBody?: { content: Record<string, unknown> };
};
const operation = (path: string, method: string) =>
  (document.paths[path] as Record<string, Operation>)[method] as Operation;

describe("OpenAPI document", () => {
  it("documents every declared route under its method", () => {
    for (const { spec } of routes) {
      expect(operation(spec.path, spec.method.toLowerCase())).toBeDefined();
    }
    expect(document.openapi).toBe("3.1.0");
  });

  it("takes query parameters, their allowed values and the response shape from the route's zod schemas", () => {
    const list = operation("/states", "get");
    const region = list.parameters.find((parameter) => parameter.name === "region");
    expect(region).toMatchObject({ in: "query", required: false });
    expect(region?.schema.enum).toEqual(["african", "asia-pacific", "eastern-european", "grulac", "weog"]);
    expect(list.parameters.map((parameter) => parameter.name).sort()).toEqual([
      "cursor",
      "hasActionPlan",
      "languageBasis",
      "limit",
      "region",
      "status",
    ]);
    const state = document.components.schemas.State as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(state.properties)).toEqual(
      expect.arrayContaining(["iso3", "iso2", "name", "region", "language"]),
    );
  });

  it("declares the problems each route can answer", () => {
    const patch = operation("/states/{iso3}", "patch");
    expect(Object.keys(patch.responses)).toEqual(
      expect.arrayContaining(["200", "400", "401", "403", "404", "412", "413", "415", "422", "428"]),
    );
    expect(patch.parameters.find((parameter) => parameter.name === "If-Match")).toMatchObject({ required: true });
    expect(patch.responses["412"]?.content?.["application/problem+json"]?.schema).toEqual({
      $ref: "#/components/schemas/Problem",
    });
    expect(Object.keys(patch.requestBody?.content ?? {})).toEqual(["application/json", "application/merge-patch+json"]);
  });

  it("marks only the API's address, the health and documentation routes and the calendar feed as open", () => {
    const open = routes
      .filter(({ spec }) => operation(spec.path, spec.method.toLowerCase()).security.length === 0)
      .map(({ spec }) => `${spec.method} ${spec.path}`);
    expect(open.sort()).toEqual([
      "GET /",
      "GET /calendar/{feed}",
      "GET /docs",
      "GET /docs/{asset}",
      "GET /health",
      "GET /openapi.json",
    ]);
  });
});
