// Routes of reporting: a State's submissions (received documents) and its obligations.

import * as z from "zod";
import { pageQuerySchema, pageRequestOf, pageSchema } from "#shared/http/pagination-query.ts";
import { declareRoutes, type Route, routesOf } from "#shared/http/route.ts";
import { registryRepository } from "#shared/registry/repository.ts";
import { iso3Schema } from "#shared/registry/schemas.ts";
import { correctSubmissionKind, voidSubmission } from "#shared/reporting/corrections.ts";
import { reportingRepository } from "#shared/reporting/repository.ts";
import {
  newSubmissionSchema,
  obligationSchema,
  submissionCorrectionSchema,
  submissionKindCorrectionSchema,
  submissionSchema,
  submissionVoidSchema,
} from "#shared/reporting/schemas.ts";
import {
  correctSubmission,
  getSubmission,
  listSubmissions,
  obligationsOf,
  type ReportingDependencies,
  recordSubmission,
} from "#shared/reporting/submissions.ts";
import type { TableDependencies } from "../api-handler.ts";
import { submissionTable } from "./records.tables.ts";
import { byCode } from "./states.ts";

const bySubmission = z.strictObject({
  iso3: iso3Schema,
  id: z.string().regex(/^[0-9A-Z]{26}$/, "not a submission id"),
});

/** The routes' schemas, joined to their data in submissions.table.ts. */
export const declarations = declareRoutes(submissionTable, {
  recordSubmission: {
    params: byCode,
    body: newSubmissionSchema,
    responses: [{ status: 201, description: "The recorded submission", schema: submissionSchema, etag: true }],
  },
  listSubmissions: {
    params: byCode,
    query: pageQuerySchema,
    responses: [{ status: 200, description: "A page of submissions", schema: pageSchema(submissionSchema) }],
  },
  getSubmission: {
    params: bySubmission,
    responses: [{ status: 200, description: "The submission", schema: submissionSchema, etag: true }],
  },
  correctSubmission: {
    params: bySubmission,
    body: submissionCorrectionSchema,
    responses: [{ status: 200, description: "The corrected submission", schema: submissionSchema, etag: true }],
  },
  voidSubmission: {
    params: bySubmission,
    body: submissionVoidSchema,
    responses: [{ status: 200, description: "The voided submission", schema: submissionSchema, etag: true }],
  },
  correctSubmissionKind: {
    params: bySubmission,
    body: submissionKindCorrectionSchema,
    responses: [{ status: 200, description: "The corrected submission", schema: submissionSchema, etag: true }],
  },
  listObligations: {
    params: byCode,
    responses: [
      { status: 200, description: "The State's obligations", schema: z.object({ items: z.array(obligationSchema) }) },
    ],
  },
});

export function submissionRoutes(deps: ReportingDependencies) {
  return routesOf(declarations, {
    async recordSubmission({ params, body, audit }) {
      const submission = await recordSubmission(deps)(params.iso3, body, audit);
      return {
        status: 201,
        body: submission.value,
        version: submission.version,
        headers: { location: `/states/${params.iso3}/submissions/${submission.value.id}` },
      };
    },
    async listSubmissions({ params, query }) {
      const page = await listSubmissions(deps)(params.iso3, pageRequestOf(query));
      return { body: { items: page.items.map((item) => item.value), cursor: page.cursor } };
    },
    async getSubmission({ params }) {
      const submission = await getSubmission(deps)(params.iso3, params.id);
      return { body: submission.value, version: submission.version };
    },
    async correctSubmission({ params, body, expectedVersion, audit }) {
      const submission = await correctSubmission(deps)(params.iso3, params.id, expectedVersion, body, audit);
      return { body: submission.value, version: submission.version };
    },
    async voidSubmission({ params, body, expectedVersion, audit }) {
      const submission = await voidSubmission(deps)(params.iso3, params.id, expectedVersion, body.reason, audit);
      return { body: submission.value, version: submission.version };
    },
    async correctSubmissionKind({ params, body, expectedVersion, audit }) {
      const submission = await correctSubmissionKind(deps)(
        params.iso3,
        params.id,
        expectedVersion,
        body.kind,
        body.reason,
        audit,
      );
      return { body: submission.value, version: submission.version };
    },
    async listObligations({ params }) {
      return { body: { items: await obligationsOf(deps)(params.iso3) } };
    },
  });
}

/** The routes on the records group's tables (functions/api/records.ts). */
export function bindRoutes({ doc, tableNames, clock }: TableDependencies): Route[] {
  return submissionRoutes({
    registry: registryRepository(doc, tableNames, clock),
    reporting: reportingRepository(doc, tableNames, clock),
    clock,
  });
}
