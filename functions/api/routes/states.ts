// Routes of the registry of States.

import * as z from "zod";
import { contactDependencies } from "#shared/contacts/dependencies.ts";
import { pageQueryShape, pageRequestOf, pageSchema } from "#shared/http/pagination-query.ts";
import { declareRoutes, type Route, routesOf } from "#shared/http/route.ts";
import { registryRepository } from "#shared/registry/repository.ts";
import {
  iso3Schema,
  languageBasisSchema,
  regionSchema,
  reportingStatusSchema,
  stateChangesSchema,
  stateSchema,
} from "#shared/registry/schemas.ts";
import { changeState, getState, type LanguageFollowers, listStates } from "#shared/registry/states.ts";
import { reportingRepository } from "#shared/reporting/repository.ts";
import { type ReportingDependencies, statesByActionPlan } from "#shared/reporting/submissions.ts";
import type { TableDependencies } from "../api-handler.ts";
import { stateTable } from "./records.tables.ts";

export const byCode = z.strictObject({ iso3: iso3Schema });

const listQuery = z.strictObject({
  region: regionSchema.optional(),
  status: reportingStatusSchema.optional().describe("non-reporting until the first national report is received"),
  languageBasis: languageBasisSchema
    .optional()
    .describe("what the State's language of letters rests on: `inferred` lists the best guesses still to confirm"),
  hasActionPlan: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional()
    .describe(
      "States that have (or have not) submitted a voluntary national implementation action plan; combinable with " +
        "the other filters, which narrow each page read from the action plan index (it may hold fewer than `limit`)",
    ),
  ...pageQueryShape,
});

/** The routes' schemas, joined to their data in states.table.ts. */
export const declarations = declareRoutes(stateTable, {
  listStates: {
    query: listQuery,
    responses: [{ status: 200, description: "A page of States in ISO code order", schema: pageSchema(stateSchema) }],
  },
  getState: {
    params: byCode,
    responses: [{ status: 200, description: "The State", schema: stateSchema, etag: true }],
  },
  changeState: {
    params: byCode,
    body: stateChangesSchema,
    responses: [{ status: 200, description: "The State as changed", schema: stateSchema, etag: true }],
  },
});

export function stateRoutes(deps: ReportingDependencies & { contacts?: LanguageFollowers | undefined }) {
  const { registry } = deps;
  return routesOf(declarations, {
    async listStates({ query }) {
      const page = pageRequestOf(query);
      const listing = { region: query.region, status: query.status, languageBasis: query.languageBasis };
      const found =
        query.hasActionPlan === undefined
          ? await listStates(registry)({ ...listing, ...page })
          : await statesByActionPlan(deps)(query.hasActionPlan, listing, page);
      return { body: { items: found.items.map((state) => state.value), cursor: found.cursor } };
    },
    async getState({ params }) {
      const state = await getState(registry)(params.iso3);
      return { body: state.value, version: state.version };
    },
    async changeState({ params, body, expectedVersion, audit }) {
      const state = await changeState(registry, deps.contacts)(params.iso3, expectedVersion, body, audit);
      return { body: state.value, version: state.version };
    },
  });
}

/** The routes on the records group's tables (functions/api/records.ts). */
export function bindRoutes({ doc, tableNames, clock }: TableDependencies): Route[] {
  return stateRoutes({
    registry: registryRepository(doc, tableNames, clock),
    reporting: reportingRepository(doc, tableNames, clock),
    clock,
    contacts: contactDependencies(doc, tableNames, clock).contacts,
  });
}
