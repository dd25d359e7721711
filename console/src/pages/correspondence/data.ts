// Templates and waves as the correspondence pages read and change them, on the documented routes only: one read
// with its ETag, each change with If-Match, and the API's refusals as ProblemError for the form that sent them.
import { allPages, api, dataOf, type Schemas } from "../../api/client.ts";
import { type Versioned, versionedOf } from "../../api/versioned.ts";
import type { NamedState } from "./state-entry.ts";
import type { Wave, WaveWithCounts } from "./wave-facts.ts";

export type Template = Schemas["Template"];
export type TemplateVariant = Schemas["TemplateVariant"];
export type TemplateChanges = Schemas["TemplateChanges"];
export type PreviewRequest = Schemas["PreviewRequest"];
export type Language = PreviewRequest["language"];
export type RenderedLetter = Schemas["RenderedLetter"];
export type NewWave = Schemas["NewWave"];
export type AudiencePreview = Schemas["AudiencePreview"];
export type WaveMessage = Schemas["WaveMessage"];
export type Unreached = Schemas["UnreachedOwner"];
export type WaveTestRequest = Schemas["WaveTestRequest"];
export type WaveTestSent = Schemas["WaveTestSent"];
export type ResentLetter = Schemas["ResentWaveMessage"];
export type Redispatch = Schemas["WaveRedispatch"];
export type ProgrammeView = Schemas["ProgrammeView"];

export type { Versioned };

const PAGE = "100";

export function listTemplates(): Promise<Template[]> {
  return allPages(async (cursor) =>
    dataOf(await api.GET("/templates", { params: { query: { limit: PAGE, ...(cursor ? { cursor } : {}) } } })),
  );
}

/** The 193 Member States, each by code and name, for a field that takes a State either way. */
export async function listStateNames(): Promise<NamedState[]> {
  const states = await allPages(async (cursor) =>
    dataOf(await api.GET("/states", { params: { query: { limit: PAGE, ...(cursor ? { cursor } : {}) } } })),
  );
  return states.map(({ iso3, name }) => ({ iso3, name }));
}

export async function templateWithEtag(id: string): Promise<Versioned<Template>> {
  const result = await api.GET("/templates/{id}", { params: { path: { id } } });
  return versionedOf(dataOf(result), result.response);
}

export async function changeTemplate(id: string, etag: string, changes: TemplateChanges): Promise<Versioned<Template>> {
  const result = await api.PATCH("/templates/{id}", {
    params: { path: { id }, header: { "If-Match": etag } },
    body: changes,
  });
  return versionedOf(dataOf(result), result.response);
}

export async function previewLetter(id: string, request: PreviewRequest): Promise<RenderedLetter> {
  return dataOf(await api.POST("/templates/{id}/preview", { params: { path: { id } }, body: request }));
}

export function listWaves(): Promise<Wave[]> {
  return allPages(async (cursor) =>
    dataOf(await api.GET("/waves", { params: { query: { limit: PAGE, ...(cursor ? { cursor } : {}) } } })),
  );
}

export async function waveWithEtag(id: string): Promise<Versioned<WaveWithCounts>> {
  const result = await api.GET("/waves/{id}", { params: { path: { id } } });
  return versionedOf(dataOf(result), result.response);
}

export async function createWave(body: NewWave): Promise<Wave> {
  return dataOf(await api.POST("/waves", { body }));
}

export async function audienceOf(id: string): Promise<AudiencePreview> {
  return dataOf(await api.GET("/waves/{id}/audience", { params: { path: { id } } }));
}

/**
 * The programme years named that the desk serves (GET /programme/years: those stored, the current one and the next,
 * rolled forward), each as GET /programme serves it: each scheduled letter with its schedule and its waves.
 */
export async function programmeViews(years: readonly number[]): Promise<ProgrammeView[]> {
  const { currentYear, years: listed } = dataOf(await api.GET("/programme/years", {}));
  const served = new Set([...listed.map(({ year }) => year), currentYear, currentYear + 1]);
  return Promise.all(
    years
      .filter((year) => served.has(year))
      .map(async (year) =>
        dataOf(await api.GET("/programme", { params: { query: { year: String(year), next: "1" } } })),
      ),
  );
}

export async function sendTestCopy(id: string, body: WaveTestRequest): Promise<WaveTestSent> {
  return dataOf(await api.POST("/waves/{id}/test", { params: { path: { id } }, body }));
}

/** The wave as scheduled, with its new ETag. */
export async function scheduleWave(id: string, etag: string): Promise<Versioned<Wave>> {
  const result = await api.POST("/waves/{id}/schedule", { params: { path: { id }, header: { "If-Match": etag } } });
  return versionedOf(dataOf(result), result.response);
}

/** The wave as cancelled, with its new ETag. */
export async function cancelWave(id: string, etag: string): Promise<Versioned<Wave>> {
  const result = await api.POST("/waves/{id}/cancel", { params: { path: { id }, header: { "If-Match": etag } } });
  return versionedOf(dataOf(result), result.response);
}

/** Queues again a letter left unknown by a crash; the API refuses (409) while SES may still settle it. */
export async function resendLetter(id: string, recipient: string): Promise<ResentLetter> {
  return dataOf(await api.POST("/waves/{id}/messages/{recipient}/resend", { params: { path: { id, recipient } } }));
}

/** Has the wave's schedule made again to fire dispatch within three minutes, as the sweep would. */
export async function redispatchWave(id: string): Promise<Redispatch> {
  return dataOf(await api.POST("/waves/{id}/redispatch", { params: { path: { id } } }));
}

export function messagesOf(id: string): Promise<WaveMessage[]> {
  return allPages(async (cursor) =>
    dataOf(
      await api.GET("/waves/{id}/messages", {
        params: { path: { id }, query: { limit: PAGE, ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
}

export function unreachedOf(id: string): Promise<Unreached[]> {
  return allPages(async (cursor) =>
    dataOf(
      await api.GET("/waves/{id}/unreached", {
        params: { path: { id }, query: { limit: PAGE, ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
}
