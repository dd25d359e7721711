// The search route: States, organizations, contacts (secretariat only), assistance requests, waves, templates and
// received documents (submissions) by the start of any word of their names, codes, symbols and ids, grouped by kind
// (ADR 0021).

import { declareRoutes, type Route, routesOf } from "#shared/http/route.ts";
import { searchQuerySchema, searchResultSchema } from "#shared/search/schemas.ts";
import { type SearchDependencies, search } from "#shared/search/search.ts";
import type { TableDependencies } from "../api-handler.ts";
import { searchTable } from "./records.tables.ts";

/** The routes' schemas, joined to their data in search.table.ts. */
export const declarations = declareRoutes(searchTable, {
  search: {
    query: searchQuerySchema,
    responses: [{ status: 200, description: "The hits of each kind searched", schema: searchResultSchema }],
  },
});

export function searchRoutes(deps: SearchDependencies): Route[] {
  return routesOf(declarations, {
    async search({ query, actor }) {
      return { body: await search(deps)(query, actor) };
    },
  });
}

/** The route on the records group's tables (functions/api/records.ts). */
export function bindRoutes({ doc, tableNames }: TableDependencies): Route[] {
  return searchRoutes({ doc, tableNames });
}
