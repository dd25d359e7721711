// A State's dossier as the console shows it: the State, its obligations, submissions and timeline.
import { allPages, api, dataOf, type Schemas } from "../api/client.ts";

export interface Dossier {
  state: Schemas["State"];
  obligations: Schemas["Obligation"][];
  submissions: Schemas["Submission"][];
}

export async function dossierOf(iso3: string): Promise<Dossier> {
  const path = { iso3 };
  const [state, obligations, submissions] = await Promise.all([
    api.GET("/states/{iso3}", { params: { path } }).then(dataOf),
    api.GET("/states/{iso3}/obligations", { params: { path } }).then(dataOf),
    allPages(async (cursor) =>
      dataOf(
        await api.GET("/states/{iso3}/submissions", {
          params: { path, query: { limit: "100", ...(cursor ? { cursor } : {}) } },
        }),
      ),
    ),
  ]);
  return { state, obligations: obligations.items, submissions };
}

export type TimelinePage = { items: Schemas["TimelineEntry"][]; cursor?: string };

export async function timelinePage(iso3: string, cursor?: string): Promise<TimelinePage> {
  return dataOf(
    await api.GET("/states/{iso3}/timeline", {
      params: { path: { iso3 }, query: { limit: "20", ...(cursor ? { cursor } : {}) } },
    }),
  );
}

export type NewSubmission = Schemas["NewSubmission"];

export async function recordSubmission(iso3: string, body: NewSubmission): Promise<Schemas["Submission"]> {
  return dataOf(await api.POST("/states/{iso3}/submissions", { params: { path: { iso3 } }, body }));
}
