// The one place where domain and transport errors become HTTP answers: RFC 9457 problem details,
// application/problem+json.
import * as z from "zod";
import {
  Conflict,
  conflictReasons,
  DomainError,
  type DomainErrorKind,
  type FieldIssue,
  IllegalTransition,
} from "../errors.ts";
import { MethodNotAllowed, TransportError, type TransportErrorKind } from "./transport-errors.ts";

export const problemSchema = z
  .object({
    type: z.string().describe("A URI reference naming the kind of problem"),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .describe("One entry per field at fault, with its path, e.g. body.language"),
    allowed: z.array(z.string()).optional().describe("The methods, or the lifecycle moves, that are allowed"),
    reason: z
      .enum(conflictReasons)
      .optional()
      .describe(
        "Which conflict a 409 is, for programs: submission-voided (the submission was voided; read it again); " +
          "contact-deactivated (the contact was deactivated; read it again)",
      ),
    correlationId: z.string().optional(),
  })
  .meta({ id: "Problem" });
export type Problem = z.infer<typeof problemSchema>;

/** Every kind an error can name; the mapping below must cover each one, or `tsc` fails. */
export type ProblemKind = DomainErrorKind | TransportErrorKind;

const byKind: Record<ProblemKind, { status: number; title: string }> = {
  malformed: { status: 400, title: "Malformed request" },
  unauthenticated: { status: 401, title: "Authentication required" },
  forbidden: { status: 403, title: "Forbidden" },
  "not-found": { status: 404, title: "Not found" },
  "method-not-allowed": { status: 405, title: "Method not allowed" },
  conflict: { status: 409, title: "Conflict" },
  "precondition-failed": { status: 412, title: "Precondition failed" },
  "payload-too-large": { status: 413, title: "Payload too large" },
  "unsupported-media-type": { status: 415, title: "Unsupported media type" },
  invalid: { status: 422, title: "Unprocessable content" },
  "precondition-required": { status: 428, title: "Precondition required" },
};

export const problemStatuses = [...new Set(Object.values(byKind).map((entry) => entry.status))];

export interface ProblemResponse {
  status: number;
  problem: Problem;
  headers: Record<string, string>;
}

type KnownError = DomainError | TransportError;

/** The kind is checked at run time too: a class compiled without these types must still fall to the 500 below. */
const isKnown = (error: unknown): error is KnownError =>
  (error instanceof DomainError || error instanceof TransportError) && Object.hasOwn(byKind, error.kind);

function fieldIssues(error: KnownError): FieldIssue[] | undefined {
  const issues = "issues" in error ? (error.issues as FieldIssue[]) : undefined;
  return issues?.length ? issues : undefined;
}

/** Domain and transport errors keep their message; anything else is a 500 whose detail reveals nothing of the cause. */
export function toProblem(error: unknown, instance: string, correlationId: string): ProblemResponse {
  if (!isKnown(error)) {
    return {
      status: 500,
      problem: {
        type: "/problems/internal",
        title: "Internal error",
        status: 500,
        detail: "The request failed on our side; quote the correlation id when you report it",
        instance,
        correlationId,
      },
      headers: {},
    };
  }
  const { status, title } = byKind[error.kind];
  const headers: Record<string, string> = {};
  const problem: Problem = {
    type: `/problems/${error.kind}`,
    title,
    status,
    detail: error.message,
    instance,
    correlationId,
    errors: fieldIssues(error),
  };
  if (error instanceof MethodNotAllowed) headers.allow = error.allowed.join(", ");
  if (error instanceof MethodNotAllowed || error instanceof IllegalTransition) problem.allowed = [...error.allowed];
  if (error instanceof Conflict && error.reason) problem.reason = error.reason;
  if (status === 401) headers["www-authenticate"] = 'Bearer realm="desk-1540"';
  if ("currentEtag" in error && typeof error.currentEtag === "string") headers.etag = error.currentEtag;
  return { status, problem, headers };
}
