// The submissions routes as data: method, path, who may call them (functions/api/access.ts); their schemas and handlers are
// in submissions.ts, loaded on the first request for one of them.
import { routeTable } from "#shared/http/route.ts";
import { everyone, staff } from "../access.ts";

export const submissionTable = routeTable({
  recordSubmission: {
    method: "POST",
    path: "/states/{iso3}/submissions",
    summary: "Record a document received from a State; updates its obligation and reporting status",
    tag: "Reporting",
    access: staff,
  },
  listSubmissions: {
    method: "GET",
    path: "/states/{iso3}/submissions",
    summary: "A State's submissions, in the order they were recorded",
    tag: "Reporting",
    access: everyone,
  },
  getSubmission: {
    method: "GET",
    path: "/states/{iso3}/submissions/{id}",
    summary: "One submission, with its ETag",
    tag: "Reporting",
    access: everyone,
  },
  correctSubmission: {
    method: "PATCH",
    path: "/states/{iso3}/submissions/{id}",
    summary: "Correct a submission's date, symbol, language or note (audited; nothing is ever deleted)",
    tag: "Reporting",
    access: staff,
    bodyTypes: ["application/json", "application/merge-patch+json"],
    requiresIfMatch: true,
  },
  voidSubmission: {
    method: "POST",
    path: "/states/{iso3}/submissions/{id}/void",
    summary:
      "Void a submission recorded in error, with the reason: it stops counting, and its obligation and the State's " +
      "reporting status are derived again as if it had never been recorded (audited; the record stays)",
    tag: "Reporting",
    access: staff,
    requiresIfMatch: true,
  },
  correctSubmissionKind: {
    method: "POST",
    path: "/states/{iso3}/submissions/{id}/kind",
    summary:
      "Correct the kind a submission was recorded with, with the reason: both obligations and the State's " +
      "reporting status are derived again (audited)",
    tag: "Reporting",
    access: staff,
    requiresIfMatch: true,
  },
  listObligations: {
    method: "GET",
    path: "/states/{iso3}/obligations",
    summary: "What the State owes or is encouraged to do, with each obligation's status",
    tag: "Reporting",
    access: everyone,
  },
});
