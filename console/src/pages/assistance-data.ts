// Assistance requests as the console reads and moves them: by status, one with its ETag, and a move with If-Match.
import { allPages, api, dataOf, ProblemError, type Schemas } from "../api/client.ts";
import { enumValues } from "../api/enums.ts";
import { type Versioned, versionedOf } from "../api/versioned.ts";

export type AssistanceRequest = Schemas["AssistanceRequest"];
export type RequestStatus = AssistanceRequest["status"];
export type Transition = Schemas["AssistanceRequestTransition"];

/** The lifecycle's statuses in order (the API's enum); which moves are legal is the API's to say (409 `allowed`). */
export const REQUEST_STATUSES: readonly RequestStatus[] = enumValues["AssistanceRequest.status"];

export function isRequestStatus(value: string | null): value is RequestStatus {
  return REQUEST_STATUSES.some((status) => status === value);
}

export function requestsIn(status: RequestStatus): Promise<AssistanceRequest[]> {
  return allPages(async (cursor) =>
    dataOf(
      await api.GET("/assistance/requests", {
        params: { query: { status, limit: "100", ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
}

export type { Versioned };

export async function requestWithEtag(id: string): Promise<Versioned<AssistanceRequest>> {
  const result = await api.GET("/assistance/requests/{id}", { params: { path: { id } } });
  return versionedOf(dataOf(result), result.response);
}

export async function moveRequest(id: string, etag: string, body: Transition): Promise<Versioned<AssistanceRequest>> {
  const result = await api.POST("/assistance/requests/{id}/transitions", {
    params: { path: { id }, header: { "If-Match": etag } },
    body,
  });
  return versionedOf(dataOf(result), result.response);
}

export { ProblemError };
