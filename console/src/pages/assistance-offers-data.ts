// Providers and their offers as the console reads, records and corrects them, and the pending-assistance reports.
import { allPages, api, dataOf, type Schemas } from "../api/client.ts";
import { type Versioned, versionedOf } from "../api/versioned.ts";
import type { OfferChanges } from "./assistance-offer-changes.ts";

export { ASSISTANCE_AREAS } from "./assistance-offer-changes.ts";

export type Provider = Schemas["AssistanceProvider"];
export type ProviderSummary = Schemas["AssistanceProviderSummary"];
export type AssistanceOffer = Schemas["AssistanceOffer"];
export type NewOffer = Schemas["NewAssistanceOffer"];
export type AssistanceArea = AssistanceOffer["areas"][number];
export type ReportSummary = Schemas["AssistanceReportSummary"];

/** `state:FRA` or `organization:iaea`: how the API's offers query names a provider. */
export const providerKey = (provider: Provider): string =>
  provider.kind === "state" ? `state:${provider.iso3}` : `organization:${provider.id}`;

export async function providers(): Promise<ProviderSummary[]> {
  return dataOf(await api.GET("/assistance/providers", {})).items;
}

export function offers(provider: string | undefined): Promise<AssistanceOffer[]> {
  return allPages(async (cursor) =>
    dataOf(
      await api.GET("/assistance/offers", {
        params: { query: { limit: "100", ...(provider ? { provider } : {}), ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
}

export async function createOffer(body: NewOffer): Promise<AssistanceOffer> {
  return dataOf(await api.POST("/assistance/offers", { body }));
}

/** One offer as it stands, with its ETag, for a correction to be written against. */
export async function offerWithEtag(id: string): Promise<Versioned<AssistanceOffer>> {
  const result = await api.GET("/assistance/offers/{id}", { params: { path: { id } } });
  return versionedOf(dataOf(result), result.response);
}

/** Corrects the offer as read (refused as stale, 412, when it changed since): only the fields in `changes`. */
export async function correctOffer(
  current: Versioned<AssistanceOffer>,
  changes: OfferChanges,
): Promise<Versioned<AssistanceOffer>> {
  const result = await api.PATCH("/assistance/offers/{id}", {
    params: { path: { id: current.value.id }, header: { "If-Match": current.etag } },
    body: changes,
  });
  return versionedOf(dataOf(result), result.response);
}

export function reports(): Promise<ReportSummary[]> {
  return allPages(async (cursor) =>
    dataOf(
      await api.GET("/assistance/reports", { params: { query: { limit: "100", ...(cursor ? { cursor } : {}) } } }),
    ),
  );
}

export async function report(id: string) {
  return dataOf(await api.GET("/assistance/reports/{id}", { params: { path: { id }, query: {} } }));
}

export async function reportCsv(id: string): Promise<Blob> {
  return dataOf(
    await api.GET("/assistance/reports/{id}", { params: { path: { id }, query: { format: "csv" } }, parseAs: "blob" }),
  );
}
