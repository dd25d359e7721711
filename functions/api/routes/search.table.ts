// The search routes as data: method, path, who may call them (functions/api/access.ts); their schemas and handlers are
// in search.ts, loaded on the first request for one of them.
import { type RouteSummaries, routeTable } from "#shared/http/route.ts";
import { everyone } from "../access.ts";

export const searchTable = routeTable({
  search: {
    method: "GET",
    path: "/search",
    tag: "Search",
    access: everyone,
  },
});

/** Each route's summary in the OpenAPI document: read by the document's writer only (functions/api/summaries.ts), so
 * no Lambda bundle carries it (ADR 0038). */
export const searchSummaries = {
  search:
    "Find records by the start of any word (case, accents and Arabic letter forms ignored); grouped by kind. " +
    "Contacts are found by the secretariat only; the index follows each write within seconds",
} satisfies RouteSummaries<typeof searchTable>;
