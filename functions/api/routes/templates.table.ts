// The templates routes as data: method, path, who may call them (functions/api/access.ts); their schemas and handlers are
// in templates.ts, loaded on the first request for one of them.
import { type RouteSummaries, routeTable } from "#shared/http/route.ts";
import { everyone, secretariatOnly } from "../access.ts";

const TEMPLATE_BODY_BYTES = 1024 * 1024;

export const templateTable = routeTable({
  listTemplateVariables: {
    method: "GET",
    path: "/templates/variables",
    tag: "Correspondence",
    access: everyone,
  },
  createTemplate: {
    method: "POST",
    path: "/templates",
    tag: "Correspondence",
    access: secretariatOnly,
    maxBodyBytes: TEMPLATE_BODY_BYTES,
  },
  listTemplates: {
    method: "GET",
    path: "/templates",
    tag: "Correspondence",
    access: everyone,
  },
  getTemplate: {
    method: "GET",
    path: "/templates/{id}",
    tag: "Correspondence",
    access: everyone,
  },
  changeTemplate: {
    method: "PATCH",
    path: "/templates/{id}",
    tag: "Correspondence",
    access: secretariatOnly,
    bodyTypes: ["application/json", "application/merge-patch+json"],
    maxBodyBytes: TEMPLATE_BODY_BYTES,
    requiresIfMatch: true,
  },
  previewTemplate: {
    method: "POST",
    path: "/templates/{id}/preview",
    tag: "Correspondence",
    access: everyone,
  },
});

/** Each route's summary in the OpenAPI document: read by the document's writer only (functions/api/summaries.ts), so
 * no Lambda bundle carries it (ADR 0038). */
export const templateSummaries = {
  listTemplateVariables:
    "The variables a template may use: text as {{name}}, others as {{name|date}}, {{name|time}}, {{name|list}}",
  createTemplate:
    "Save a template: every variable known and of the right type, every UN language present or a fallback declared",
  listTemplates: "The templates, by id",
  getTemplate: "One template, with its ETag",
  changeTemplate:
    "Change a template (validated again as a whole) with If-Match; a change to its letters is 409 while a wave of " +
    "it is scheduled or dispatching; a change that changes nothing writes nothing",
  previewTemplate: "Render the letter a recipient would get, in their language (or the fallback), values HTML-escaped",
} satisfies RouteSummaries<typeof templateTable>;
