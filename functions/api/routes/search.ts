// The search route: States, organizations, contacts (secretariat only), assistance requests, waves and templates by
// the start of any word of their names, codes and ids, grouped by kind (ADR 0021).
import { defineRoute, type Route } from "#shared/http/route.ts";
import { searchQuerySchema, searchResultSchema } from "#shared/search/schemas.ts";
import { type SearchDependencies, search } from "#shared/search/search.ts";
import { everyone } from "../access.ts";

export function searchRoutes(deps: SearchDependencies): Route[] {
  return [
    defineRoute({
      method: "GET",
      path: "/search",
      operationId: "search",
      summary:
        "Find records by the start of any word (case, accents and Arabic letter forms ignored); grouped by kind. " +
        "Contacts are found by the secretariat only; the index follows each write within seconds",
      tag: "Search",
      access: everyone,
      query: searchQuerySchema,
      responses: [{ status: 200, description: "The hits of each kind searched", schema: searchResultSchema }],
      async handle({ query, actor }) {
        return { body: await search(deps)(query, actor) };
      },
    }),
  ];
}
