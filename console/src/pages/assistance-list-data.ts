// The requests the Assistance list shows, read as the filter asks: one State's all at once (a State has few), else each
// pending status's, or the one status's. The page keeps those the filter shows (assistance-list-filter.ts).
import { pendingRequestStatuses } from "../../../shared/assistance/transitions.ts";
import { allPages, api, dataOf } from "../api/client.ts";
import type { AssistanceRequest, RequestStatus } from "./assistance-data.ts";
import type { ListFilter } from "./assistance-list-filter.ts";

function requestsOf(query: { status?: RequestStatus; iso3?: string }): Promise<AssistanceRequest[]> {
  return allPages(async (cursor) =>
    dataOf(
      await api.GET("/assistance/requests", {
        params: { query: { ...query, limit: "100", ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
}

/** Every pending request of every State: each pending status's list (the API lists by one status). */
export async function pendingRequests(): Promise<AssistanceRequest[]> {
  return (await Promise.all(pendingRequestStatuses.map((status) => requestsOf({ status })))).flat();
}

export function requestsFor(filter: ListFilter): Promise<AssistanceRequest[]> {
  if (filter.iso3)
    return requestsOf({ iso3: filter.iso3, ...(filter.status === "pending" ? {} : { status: filter.status }) });
  return filter.status === "pending" ? pendingRequests() : requestsOf({ status: filter.status });
}
