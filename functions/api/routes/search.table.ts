// The search routes as data: method, path, who may call them (functions/api/access.ts); their schemas and handlers are
// in search.ts, loaded on the first request for one of them.
import { routeTable } from "#shared/http/route.ts";
import { everyone } from "../access.ts";

export const searchTable = routeTable({
  search: {
    method: "GET",
    path: "/search",
    summary:
      "Find records by the start of any word (case, accents and Arabic letter forms ignored); grouped by kind. " +
      "Contacts are found by the secretariat only; the index follows each write within seconds",
    tag: "Search",
    access: everyone,
  },
});
