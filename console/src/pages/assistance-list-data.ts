// The requests the Assistance list shows, read as the filter asks: one State's all at once (a State has few), else each
// pending status's, or the one status's. The page keeps those the filter shows (assistance-list-filter.ts).
import { allPages, api, dataOf } from "../api/client.ts";
import type { AssistanceRequest, RequestStatus } from "./assistance-data.ts";
import { type ListFilter, PENDING } from "./assistance-list-filter.ts";

function requestsOf(query: { status?: RequestStatus; iso3?: string }): Promise<AssistanceRequest[]> {
  return allPages(async (cursor) =>
    dataOf(
      await api.GET("/assistance/requests", {
        params: { query: { ...query, limit: "100", ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
}

export async function requestsFor(filter: ListFilter): Promise<AssistanceRequest[]> {
  if (filter.iso3)
    return requestsOf({ iso3: filter.iso3, ...(filter.status === "pending" ? {} : { status: filter.status }) });
  const statuses = filter.status === "pending" ? PENDING : [filter.status];
  return (await Promise.all(statuses.map((status) => requestsOf({ status })))).flat();
}
