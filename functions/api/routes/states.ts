// Routes of the registry of States.
import * as z from "zod";
import { pageQueryShape, pageRequestOf, pageSchema } from "#shared/http/pagination-query.ts";
import { defineRoute } from "#shared/http/route.ts";
import {
  iso3Schema,
  regionSchema,
  reportingStatusSchema,
  stateChangesSchema,
  stateSchema,
} from "#shared/registry/schemas.ts";
import { changeState, getState, type LanguageFollowers, listStates } from "#shared/registry/states.ts";
import { type ReportingDependencies, statesByActionPlan } from "#shared/reporting/submissions.ts";
import { everyone, secretariatOnly } from "../access.ts";

export const byCode = z.strictObject({ iso3: iso3Schema });

const listQuery = z
  .strictObject({
    region: regionSchema.optional(),
    status: reportingStatusSchema.optional().describe("non-reporting until the first national report is received"),
    hasActionPlan: z
      .enum(["true", "false"])
      .transform((value) => value === "true")
      .optional()
      .describe("States that have (or have not) submitted a voluntary national implementation action plan"),
    ...pageQueryShape,
  })
  .refine((query) => query.hasActionPlan === undefined || (!query.region && !query.status), {
    message: "hasActionPlan cannot be combined with region or status",
    path: ["hasActionPlan"],
  });

export function stateRoutes(deps: ReportingDependencies & { contacts?: LanguageFollowers | undefined }) {
  const { registry } = deps;
  return [
    defineRoute({
      method: "GET",
      path: "/states",
      operationId: "listStates",
      summary: "List the 193 Member States: by UN regional group, reporting status, or action plan",
      tag: "States",
      access: everyone,
      query: listQuery,
      responses: [{ status: 200, description: "A page of States in ISO code order", schema: pageSchema(stateSchema) }],
      async handle({ query }) {
        const page = pageRequestOf(query);
        const found =
          query.hasActionPlan === undefined
            ? await listStates(registry)({ region: query.region, status: query.status, ...page })
            : await statesByActionPlan(deps)(query.hasActionPlan, page);
        return { body: { items: found.items.map((state) => state.value), cursor: found.cursor } };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/states/{iso3}",
      operationId: "getState",
      summary: "One Member State by its ISO 3166-1 alpha-3 code",
      tag: "States",
      access: everyone,
      params: byCode,
      responses: [{ status: 200, description: "The State", schema: stateSchema, etag: true }],
      async handle({ params }) {
        const state = await getState(registry)(params.iso3);
        return { body: state.value, version: state.version };
      },
    }),
    defineRoute({
      method: "PATCH",
      path: "/states/{iso3}",
      operationId: "changeState",
      summary:
        "Correct a State's correspondence language (the language basis becomes confirmed); its contacts without a " +
        "language of their own change with it, in the same transaction",
      tag: "States",
      access: secretariatOnly,
      params: byCode,
      body: stateChangesSchema,
      bodyTypes: ["application/json", "application/merge-patch+json"],
      requiresIfMatch: true,
      responses: [{ status: 200, description: "The State as changed", schema: stateSchema, etag: true }],
      async handle({ params, body, expectedVersion, audit }) {
        const state = await changeState(registry, deps.contacts)(params.iso3, expectedVersion, body, audit);
        return { body: state.value, version: state.version };
      },
    }),
  ];
}
