// The states routes as data: method, path, who may call them (functions/api/access.ts); their schemas and handlers are
// in states.ts, loaded on the first request for one of them.
import { type RouteSummaries, routeTable } from "#shared/http/route.ts";
import { everyone, secretariatOnly } from "../access.ts";

export const stateTable = routeTable({
  listStates: {
    method: "GET",
    path: "/states",
    tag: "States",
    access: everyone,
  },
  getState: {
    method: "GET",
    path: "/states/{iso3}",
    tag: "States",
    access: everyone,
  },
  changeState: {
    method: "PATCH",
    path: "/states/{iso3}",
    tag: "States",
    access: secretariatOnly,
    bodyTypes: ["application/json", "application/merge-patch+json"],
    requiresIfMatch: true,
  },
});

/** Each route's summary in the OpenAPI document: read by the document's writer only (functions/api/summaries.ts), so
 * no Lambda bundle carries it (ADR 0038). */
export const stateSummaries = {
  listStates: "List the 193 Member States: by UN regional group, reporting status, language basis, or action plan",
  getState: "One Member State by its ISO 3166-1 alpha-3 code",
  changeState:
    "Correct a State's correspondence language (the language basis becomes confirmed); its contacts without a " +
    "language of their own change with it, in the same transaction; the language it has, already confirmed, " +
    "writes nothing",
} satisfies RouteSummaries<typeof stateTable>;
