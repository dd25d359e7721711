// Routes of letter templates: save and change them (validated), read them, preview a letter.

import * as z from "zod";
import { contactDependencies } from "#shared/contacts/dependencies.ts";
import { pageQuerySchema, pageRequestOf, pageSchema } from "#shared/http/pagination-query.ts";
import { declareRoutes, type Route, routesOf } from "#shared/http/route.ts";
import { iso3Schema, unLanguageSchema } from "#shared/registry/schemas.ts";
import { templateRepository } from "#shared/templates/repository.ts";
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
import { waveRepository } from "#shared/waves/repository.ts";
import type { CorrespondenceDependencies } from "../correspondence.ts";
import { templateTable } from "./correspondence.tables.ts";

const byId = z.strictObject({ id: z.string().min(1).max(80) });
const variableSchema = z.enum(Object.keys(templateVariables) as [TemplateVariable, ...TemplateVariable[]]);
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

/** The routes' schemas, joined to their data in templates.table.ts. */
export const declarations = declareRoutes(templateTable, {
  listTemplateVariables: {
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
  },
  createTemplate: {
    body: newTemplateSchema,
    responses: [{ status: 201, description: "The saved template", schema: templateSchema, etag: true }],
  },
  listTemplates: {
    query: pageQuerySchema,
    responses: [{ status: 200, description: "A page of templates", schema: pageSchema(templateSchema) }],
  },
  getTemplate: {
    params: byId,
    responses: [{ status: 200, description: "The template", schema: templateSchema, etag: true }],
  },
  changeTemplate: {
    params: byId,
    body: templateChangesSchema,
    responses: [{ status: 200, description: "The changed template", schema: templateSchema, etag: true }],
  },
  previewTemplate: {
    params: byId,
    body: previewSchema,
    responses: [{ status: 200, description: "The rendered letter", schema: renderedLetterSchema }],
  },
});

export function templateRoutes(deps: TemplateDependencies) {
  return routesOf(declarations, {
    listTemplateVariables: async () => ({ body: templateVariables }),
    async createTemplate({ body, audit }) {
      const template = await createTemplate(deps)(body, audit);
      return {
        status: 201,
        body: template.value,
        version: template.version,
        headers: { location: `/templates/${template.value.id}` },
      };
    },
    async listTemplates({ query }) {
      const page = await listTemplates(deps)(pageRequestOf(query));
      return { body: { items: page.items.map((item) => item.value), cursor: page.cursor } };
    },
    async getTemplate({ params }) {
      const template = await getTemplate(deps)(params.id);
      return { body: template.value, version: template.version };
    },
    async changeTemplate({ params, body, expectedVersion, audit }) {
      const template = await changeTemplate(deps)(params.id, expectedVersion, body, audit);
      return { body: template.value, version: template.version };
    },
    async previewTemplate({ params, body }) {
      return { body: await previewTemplate(deps)(params.id, body) };
    },
  });
}

/** The routes on the correspondence group's tables (functions/api/correspondence.ts). */
export function bindRoutes({ doc, tableNames, clock }: CorrespondenceDependencies): Route[] {
  return templateRoutes({
    templates: templateRepository(doc, tableNames, clock),
    registry: contactDependencies(doc, tableNames, clock).registry,
    waves: waveRepository(doc, tableNames, clock),
    clock,
  });
}
