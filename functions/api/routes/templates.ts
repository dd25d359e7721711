// Routes of letter templates: save and change them (validated), read them, preview a letter.
import * as z from "zod";
import { pageQuerySchema, pageRequestOf, pageSchema } from "#shared/http/pagination-query.ts";
import { defineRoute } from "#shared/http/route.ts";
import { iso3Schema, unLanguageSchema } from "#shared/registry/schemas.ts";
import {
  newTemplateSchema,
  renderedLetterSchema,
  templateChangesSchema,
  templateSchema,
} from "#shared/templates/schemas.ts";
import {
  changeTemplate,
  createTemplate,
  getTemplate,
  listTemplates,
  previewTemplate,
  type TemplateDependencies,
} from "#shared/templates/templates.ts";
import { letterValueSchema } from "#shared/templates/values.ts";
import { type TemplateVariable, templateVariables } from "#shared/templates/variables.ts";
import { everyone, secretariatOnly } from "../access.ts";

const byId = z.strictObject({ id: z.string().min(1).max(80) });
const variableSchema = z.enum(Object.keys(templateVariables) as [TemplateVariable, ...TemplateVariable[]]);
const TEMPLATE_BODY_BYTES = 1024 * 1024;

const previewSchema = z
  .strictObject({
    language: unLanguageSchema.describe("The recipient's preferred language"),
    iso3: iso3Schema.optional().describe("Fill the State's variables from the registry"),
    addressedTo: z
      .enum(["point-of-contact", "permanent-mission"])
      .optional()
      .describe(
        "permanent-mission: the salutation a State's Permanent Mission gets when no point of contact is reachable",
      ),
    values: z
      .partialRecord(variableSchema, letterValueSchema)
      .optional()
      .describe(
        "Sample values: text (or one per language), dates yyyy-mm-dd, times HH:mm, lists as arrays, e.g. " +
          '{"contact.name": "A. Officer", "deadline": "2027-06-08", "contacts.onRecord": []}',
      ),
  })
  .meta({ id: "PreviewRequest" });

export function templateRoutes(deps: TemplateDependencies) {
  return [
    defineRoute({
      method: "GET",
      path: "/templates/variables",
      operationId: "listTemplateVariables",
      summary:
        "The variables a template may use: text as {{name}}, others as {{name|date}}, {{name|time}}, {{name|list}}",
      tag: "Correspondence",
      access: everyone,
      responses: [
        {
          status: 200,
          description: "Each variable's type (text, date, time or list) and meaning",
          schema: z.record(
            z.string(),
            z.object({ type: z.enum(["text", "date", "time", "list"]), description: z.string() }),
          ),
        },
      ],
      handle: async () => ({ body: templateVariables }),
    }),
    defineRoute({
      method: "POST",
      path: "/templates",
      operationId: "createTemplate",
      summary:
        "Save a template: every variable known and of the right type, every UN language present or a fallback declared",
      tag: "Correspondence",
      access: secretariatOnly,
      body: newTemplateSchema,
      maxBodyBytes: TEMPLATE_BODY_BYTES,
      responses: [{ status: 201, description: "The saved template", schema: templateSchema, etag: true }],
      async handle({ body, audit }) {
        const template = await createTemplate(deps)(body, audit);
        return {
          status: 201,
          body: template.value,
          version: template.version,
          headers: { location: `/templates/${template.value.id}` },
        };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/templates",
      operationId: "listTemplates",
      summary: "The templates, by id",
      tag: "Correspondence",
      access: everyone,
      query: pageQuerySchema,
      responses: [{ status: 200, description: "A page of templates", schema: pageSchema(templateSchema) }],
      async handle({ query }) {
        const page = await listTemplates(deps)(pageRequestOf(query));
        return { body: { items: page.items.map((item) => item.value), cursor: page.cursor } };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/templates/{id}",
      operationId: "getTemplate",
      summary: "One template, with its ETag",
      tag: "Correspondence",
      access: everyone,
      params: byId,
      responses: [{ status: 200, description: "The template", schema: templateSchema, etag: true }],
      async handle({ params }) {
        const template = await getTemplate(deps)(params.id);
        return { body: template.value, version: template.version };
      },
    }),
    defineRoute({
      method: "PATCH",
      path: "/templates/{id}",
      operationId: "changeTemplate",
      summary: "Change a template (validated again as a whole) with If-Match",
      tag: "Correspondence",
      access: secretariatOnly,
      params: byId,
      body: templateChangesSchema,
      bodyTypes: ["application/json", "application/merge-patch+json"],
      maxBodyBytes: TEMPLATE_BODY_BYTES,
      requiresIfMatch: true,
      responses: [{ status: 200, description: "The changed template", schema: templateSchema, etag: true }],
      async handle({ params, body, expectedVersion, audit }) {
        const template = await changeTemplate(deps)(params.id, expectedVersion, body, audit);
        return { body: template.value, version: template.version };
      },
    }),
    defineRoute({
      method: "POST",
      path: "/templates/{id}/preview",
      operationId: "previewTemplate",
      summary: "Render the letter a recipient would get, in their language (or the fallback), values HTML-escaped",
      tag: "Correspondence",
      access: everyone,
      params: byId,
      body: previewSchema,
      responses: [{ status: 200, description: "The rendered letter", schema: renderedLetterSchema }],
      async handle({ params, body }) {
        return { body: await previewTemplate(deps)(params.id, body) };
      },
    }),
  ];
}
