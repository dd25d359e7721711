// The submissions routes as data: method, path, who may call them (functions/api/access.ts); their schemas and handlers are
// in submissions.ts, loaded on the first request for one of them.
import { type RouteSummaries, routeTable } from "#shared/http/route.ts";
import { everyone, staff } from "../access.ts";

export const submissionTable = routeTable({
  recordSubmission: {
    method: "POST",
    path: "/states/{iso3}/submissions",
    tag: "Reporting",
    access: staff,
  },
  listSubmissions: {
    method: "GET",
    path: "/states/{iso3}/submissions",
    tag: "Reporting",
    access: everyone,
  },
  getSubmission: {
    method: "GET",
    path: "/states/{iso3}/submissions/{id}",
    tag: "Reporting",
    access: everyone,
  },
  correctSubmission: {
    method: "PATCH",
    path: "/states/{iso3}/submissions/{id}",
    tag: "Reporting",
    access: staff,
    bodyTypes: ["application/json", "application/merge-patch+json"],
    requiresIfMatch: true,
  },
  voidSubmission: {
    method: "POST",
    path: "/states/{iso3}/submissions/{id}/void",
    tag: "Reporting",
    access: staff,
    requiresIfMatch: true,
  },
  correctSubmissionKind: {
    method: "POST",
    path: "/states/{iso3}/submissions/{id}/kind",
    tag: "Reporting",
    access: staff,
    requiresIfMatch: true,
  },
  listObligations: {
    method: "GET",
    path: "/states/{iso3}/obligations",
    tag: "Reporting",
    access: everyone,
  },
});

/** Each route's summary in the OpenAPI document: read by the document's writer only (functions/api/summaries.ts), so
 * no Lambda bundle carries it (ADR 0038). */
export const submissionSummaries = {
  recordSubmission: "Record a document received from a State; updates its obligation and reporting status",
  listSubmissions: "A State's submissions, in the order they were recorded",
  getSubmission: "One submission, with its ETag",
  correctSubmission:
    "Correct a submission's date, symbol, language or note (audited; nothing is ever deleted; one that changes " +
    "nothing writes nothing)",
  voidSubmission:
    "Void a submission recorded in error, with the reason: it stops counting, and its obligation and the State's " +
    "reporting status are derived again as if it had never been recorded (audited; the record stays)",
  correctSubmissionKind:
    "Correct the kind a submission was recorded with, with the reason: both obligations and the State's " +
    "reporting status are derived again (audited)",
  listObligations: "What the State owes or is encouraged to do, with each obligation's status",
} satisfies RouteSummaries<typeof submissionTable>;
