// Correcting a submission's kind through its route (POST /states/{iso3}/submissions/{id}/kind), against the version
// read: both obligations and the State's reporting status are derived again by the API.
import { api, dataOf, type Schemas } from "../../api/client.ts";
import type { Versioned } from "../../api/versioned.ts";
import type { Submission } from "./data.ts";

export async function correctSubmissionKind(
  current: Versioned<Submission>,
  body: Schemas["SubmissionKindCorrection"],
): Promise<Submission> {
  const { iso3, id } = current.value;
  return dataOf(
    await api.POST("/states/{iso3}/submissions/{id}/kind", {
      params: { path: { iso3, id }, header: { "If-Match": current.etag } },
      body,
    }),
  );
}
