// Every State's and organization's name by owner key (STATE:<iso3>, ORG:<id>): the ledger and assistance name owners
// by key or code only, and pages name them as people do.
import { allPages, api, dataOf } from "./client.ts";

const PAGE = "100";

/** Every organization, page by page. */
export function allOrganizations() {
  return allPages(async (cursor) =>
    dataOf(await api.GET("/organizations", { params: { query: { limit: PAGE, ...(cursor ? { cursor } : {}) } } })),
  );
}

export async function ownerNames(): Promise<Map<string, string>> {
  const [states, organizations] = await Promise.all([
    allPages(async (cursor) =>
      dataOf(await api.GET("/states", { params: { query: { limit: PAGE, ...(cursor ? { cursor } : {}) } } })),
    ),
    allOrganizations(),
  ]);
  return new Map([
    ...states.map((state) => [`STATE:${state.iso3}`, state.name] as const),
    ...organizations.map((organization) => [`ORG:${organization.id}`, organization.name] as const),
  ]);
}
