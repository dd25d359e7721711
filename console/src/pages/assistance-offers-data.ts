// Providers and their offers as the console reads and records them, and the pending-assistance reports.
import { allPages, api, dataOf, type Schemas } from "../api/client.ts";
import { AREA_WORDS } from "./assistance-words.ts";

export type Provider = Schemas["AssistanceProvider"];
export type ProviderSummary = Schemas["AssistanceProviderSummary"];
export type AssistanceOffer = Schemas["AssistanceOffer"];
export type NewOffer = Schemas["NewAssistanceOffer"];
export type AssistanceArea = AssistanceOffer["areas"][number];
export type ReportSummary = Schemas["AssistanceReportSummary"];

/** The areas in the API's order (the words' table lists each once, in that order), for choosing an offer's areas. */
export const ASSISTANCE_AREAS = Object.keys(AREA_WORDS) as AssistanceArea[];

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
