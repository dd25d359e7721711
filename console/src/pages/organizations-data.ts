// The organizations as the console reads and writes them (GET, POST /organizations; GET, PATCH /organizations/{id};
// POST /organizations/{id}/retire; GET /organizations/{id}/letters and /timeline).
import { api, dataOf, type Schemas } from "../api/client.ts";
import { pageQuery } from "../api/page-query.ts";
import { type Versioned, versionedOf } from "../api/versioned.ts";

export type Organization = Schemas["Organization"];

export async function organizationWithEtag(id: string): Promise<Versioned<Organization>> {
  const result = await api.GET("/organizations/{id}", { params: { path: { id } } });
  return versionedOf(dataOf(result), result.response);
}

export async function addOrganization(body: Schemas["NewOrganization"]): Promise<Organization> {
  return dataOf(await api.POST("/organizations", { body }));
}

export async function correctOrganization(
  current: Versioned<Organization>,
  body: Schemas["OrganizationChanges"],
): Promise<Versioned<Organization>> {
  const result = await api.PATCH("/organizations/{id}", {
    params: { path: { id: current.value.id }, header: { "If-Match": current.etag } },
    body,
  });
  return versionedOf(dataOf(result), result.response);
}

/** Retires the organization at the version shown; the answer is the organization retired, with its ETag. */
export async function retireOrganization(
  current: Versioned<Organization>,
  reason: string,
): Promise<Versioned<Organization>> {
  const result = await api.POST("/organizations/{id}/retire", {
    params: { path: { id: current.value.id }, header: { "If-Match": current.etag } },
    body: { reason },
  });
  return versionedOf(dataOf(result), result.response);
}

/** A page of the letters written to the organization, newest first. */
export async function organizationLettersPage(id: string, cursor?: string) {
  return dataOf(
    await api.GET("/organizations/{id}/letters", { params: { path: { id }, query: pageQuery(cursor, "20") } }),
  );
}

/** A page of everything about the organization, newest first. */
export async function organizationTimelinePage(id: string, cursor?: string) {
  return dataOf(
    await api.GET("/organizations/{id}/timeline", { params: { path: { id }, query: pageQuery(cursor, "20") } }),
  );
}
