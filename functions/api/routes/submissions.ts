// Routes of reporting: a State's submissions (received documents) and its obligations.
import * as z from "zod";
import { pageQuerySchema, pageRequestOf, pageSchema } from "#shared/http/pagination-query.ts";
import { defineRoute } from "#shared/http/route.ts";
import { iso3Schema } from "#shared/registry/schemas.ts";
import { correctSubmissionKind, voidSubmission } from "#shared/reporting/corrections.ts";
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
import { everyone, staff } from "../access.ts";
import { byCode } from "./states.ts";

const bySubmission = z.strictObject({
  iso3: iso3Schema,
  id: z.string().regex(/^[0-9A-Z]{26}$/, "not a submission id"),
});

export function submissionRoutes(deps: ReportingDependencies) {
  return [
    defineRoute({
      method: "POST",
      path: "/states/{iso3}/submissions",
      operationId: "recordSubmission",
      summary: "Record a document received from a State; updates its obligation and reporting status",
      tag: "Reporting",
      access: staff,
      params: byCode,
      body: newSubmissionSchema,
      responses: [{ status: 201, description: "The recorded submission", schema: submissionSchema, etag: true }],
      async handle({ params, body, audit }) {
        const submission = await recordSubmission(deps)(params.iso3, body, audit);
        return {
          status: 201,
          body: submission.value,
          version: submission.version,
          headers: { location: `/states/${params.iso3}/submissions/${submission.value.id}` },
        };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/states/{iso3}/submissions",
      operationId: "listSubmissions",
      summary: "A State's submissions, in the order they were recorded",
      tag: "Reporting",
      access: everyone,
      params: byCode,
      query: pageQuerySchema,
      responses: [{ status: 200, description: "A page of submissions", schema: pageSchema(submissionSchema) }],
      async handle({ params, query }) {
        const page = await listSubmissions(deps)(params.iso3, pageRequestOf(query));
        return { body: { items: page.items.map((item) => item.value), cursor: page.cursor } };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/states/{iso3}/submissions/{id}",
      operationId: "getSubmission",
      summary: "One submission, with its ETag",
      tag: "Reporting",
      access: everyone,
      params: bySubmission,
      responses: [{ status: 200, description: "The submission", schema: submissionSchema, etag: true }],
      async handle({ params }) {
        const submission = await getSubmission(deps)(params.iso3, params.id);
        return { body: submission.value, version: submission.version };
      },
    }),
    defineRoute({
      method: "PATCH",
      path: "/states/{iso3}/submissions/{id}",
      operationId: "correctSubmission",
      summary: "Correct a submission's date, symbol, language or note (audited; nothing is ever deleted)",
      tag: "Reporting",
      access: staff,
      params: bySubmission,
      body: submissionCorrectionSchema,
      bodyTypes: ["application/json", "application/merge-patch+json"],
      requiresIfMatch: true,
      responses: [{ status: 200, description: "The corrected submission", schema: submissionSchema, etag: true }],
      async handle({ params, body, expectedVersion, audit }) {
        const submission = await correctSubmission(deps)(params.iso3, params.id, expectedVersion, body, audit);
        return { body: submission.value, version: submission.version };
      },
    }),
    defineRoute({
      method: "POST",
      path: "/states/{iso3}/submissions/{id}/void",
      operationId: "voidSubmission",
      summary:
        "Void a submission recorded in error, with the reason: it stops counting, and its obligation and the State's " +
        "reporting status are derived again as if it had never been recorded (audited; the record stays)",
      tag: "Reporting",
      access: staff,
      params: bySubmission,
      body: submissionVoidSchema,
      requiresIfMatch: true,
      responses: [{ status: 200, description: "The voided submission", schema: submissionSchema, etag: true }],
      async handle({ params, body, expectedVersion, audit }) {
        const submission = await voidSubmission(deps)(params.iso3, params.id, expectedVersion, body.reason, audit);
        return { body: submission.value, version: submission.version };
      },
    }),
    defineRoute({
      method: "POST",
      path: "/states/{iso3}/submissions/{id}/kind",
      operationId: "correctSubmissionKind",
      summary:
        "Correct the kind a submission was recorded with, with the reason: both obligations and the State's " +
        "reporting status are derived again (audited)",
      tag: "Reporting",
      access: staff,
      params: bySubmission,
      body: submissionKindCorrectionSchema,
      requiresIfMatch: true,
      responses: [{ status: 200, description: "The corrected submission", schema: submissionSchema, etag: true }],
      async handle({ params, body, expectedVersion, audit }) {
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
    }),
    defineRoute({
      method: "GET",
      path: "/states/{iso3}/obligations",
      operationId: "listObligations",
      summary: "What the State owes or is encouraged to do, with each obligation's status",
      tag: "Reporting",
      access: everyone,
      params: byCode,
      responses: [
        { status: 200, description: "The State's obligations", schema: z.object({ items: z.array(obligationSchema) }) },
      ],
      async handle({ params }) {
        return { body: { items: await obligationsOf(deps)(params.iso3) } };
      },
    }),
  ];
}
