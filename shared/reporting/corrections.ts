// Corrections that change what a submission counts for: void it (it no longer counts, as if never recorded) or
// correct its kind. Each is audited with its reason, and each derives the obligations and the State's status again.
import type { AuditContext, AuditInput } from "../audit/audit-entry.ts";
import { Conflict, Invalid, NotFound, PreconditionFailed } from "../errors.ts";
import type { Versioned } from "../versioning.ts";
import { earliest, latest, retryOnObligationChange } from "./obligation-writes.ts";
import { obligationRules } from "./obligations.ts";
import type { ReportingStatusChange, SubmissionRewrite } from "./repository.ts";
import type { Obligation, Submission, SubmissionKind } from "./schemas.ts";
import {
  allSubmissions,
  checkFollowsFirstReport,
  checkInformationStillFollows,
  obligationIn,
  obligationOf,
  type ReportingDependencies,
} from "./submissions.ts";

/**
 * The obligation once `change` submissions come (+1) or go (-1) among `counted` (the submissions of its kind that
 * count afterwards). The count is the obligation's own (assistance feedback counts too), so it moves by one; the
 * dates come from what counts, and stay as they were where only feedback (not a submission) dates them.
 */
export function derivedObligation(before: Obligation, counted: Submission[], change: 1 | -1): Obligation {
  const submissions = Math.max(0, before.submissions + change);
  const dates = counted.map((submission) => submission.receivedOn);
  const { firstReceivedOn, lastReceivedOn, ...rest } = before;
  if (submissions === 0) return { ...rest, status: obligationRules[before.kind].initial, submissions };
  if (dates.length === 0) return { ...before, submissions };
  return { ...rest, status: "fulfilled", submissions, firstReceivedOn: earliest(dates), lastReceivedOn: latest(dates) };
}

async function currentSubmission(
  deps: ReportingDependencies,
  iso3: string,
  id: string,
  expectedVersion: number,
): Promise<Versioned<Submission>> {
  const current = await deps.reporting.getSubmission(iso3, id);
  if (!current) throw new NotFound("Submission", `${iso3}/${id}`);
  if (current.version !== expectedVersion)
    throw new PreconditionFailed(`Submission ${id}`, current.version, expectedVersion);
  if (current.value.voided) {
    throw new Conflict(`Submission ${id} is voided; a voided submission cannot be changed`, {
      voided: current.value.voided,
    });
  }
  return current;
}

/** The State's reporting status moves only with a first report: it goes when one stops counting, comes with one. */
function statusAudit(audit: AuditContext, iso3: string, change: ReportingStatusChange, reason: string): AuditInput {
  const before = change === "reported" ? "non-reporting" : "reported";
  return {
    ...audit,
    action: "state.reporting-status",
    entity: { type: "state", id: iso3 },
    reason,
    before: { iso3, reportingStatus: before },
    after: { iso3, reportingStatus: change },
  };
}

export const voidSubmission =
  (deps: ReportingDependencies) =>
  (iso3: string, id: string, expectedVersion: number, reason: string, audit: AuditContext) =>
    retryOnObligationChange(async () => {
      const current = await currentSubmission(deps, iso3, id, expectedVersion);
      const now = deps.clock.now().toISOString();
      const next: Submission = { ...current.value, updatedAt: now, voided: { at: now, by: audit.actor.id, reason } };
      const { kind } = current.value;
      const before = await obligationOf(deps, iso3, kind);
      const others = (await allSubmissions(deps, iso3)).filter((other) => other.id !== id);
      const after = derivedObligation(
        before,
        others.filter((other) => other.kind === kind),
        -1,
      );
      if (kind === "first-report") checkInformationStillFollows(after, others);
      const reportingStatus: ReportingStatusChange | undefined = kind === "first-report" ? "non-reporting" : undefined;
      const rewrite: SubmissionRewrite = {
        current,
        expectedVersion,
        next,
        obligations: [{ before, after }],
        reportingStatus,
        releaseSymbol: true,
        audits: [
          {
            ...audit,
            action: "submission.void",
            entity: { type: "state", id: iso3 },
            reason,
            before: { ...current.value, obligation: before },
            after: { ...next, obligation: after },
          },
          ...(reportingStatus ? [statusAudit(audit, iso3, reportingStatus, reason)] : []),
        ],
      };
      return deps.reporting.rewriteSubmission(rewrite);
    });

export const correctSubmissionKind =
  (deps: ReportingDependencies) =>
  (iso3: string, id: string, expectedVersion: number, kind: SubmissionKind, reason: string, audit: AuditContext) =>
    retryOnObligationChange(async () => {
      const current = await currentSubmission(deps, iso3, id, expectedVersion);
      const from = current.value.kind;
      if (kind === from) {
        throw new Invalid("The submission already has this kind", [
          { path: "body.kind", message: `is already ${from}` },
        ]);
      }
      const next: Submission = { ...current.value, kind, updatedAt: deps.clock.now().toISOString() };
      const obligations = await deps.reporting.obligations(iso3);
      const leaving = obligationIn(obligations, iso3, from);
      const joining = obligationIn(obligations, iso3, kind);
      if (kind === "first-report" && joining.status === "fulfilled") {
        throw new Conflict(`${iso3} has already submitted its first report`, {
          firstReceivedOn: joining.firstReceivedOn,
        });
      }
      const others = (await allSubmissions(deps, iso3)).filter((other) => other.id !== id);
      const afterLeaving = derivedObligation(
        leaving,
        others.filter((other) => other.kind === from),
        -1,
      );
      const afterJoining = derivedObligation(joining, [...others.filter((other) => other.kind === kind), next], 1);
      checkFollowsFirstReport(
        next,
        from === "first-report" ? afterLeaving : obligationIn(obligations, iso3, "first-report"),
      );
      if (from === "first-report") checkInformationStillFollows(afterLeaving, others);
      const reportingStatus: ReportingStatusChange | undefined =
        from === "first-report" ? "non-reporting" : kind === "first-report" ? "reported" : undefined;
      return deps.reporting.rewriteSubmission({
        current,
        expectedVersion,
        next,
        obligations: [
          { before: leaving, after: afterLeaving },
          { before: joining, after: afterJoining },
        ],
        reportingStatus,
        releaseSymbol: false,
        audits: [
          {
            ...audit,
            action: "submission.correct-kind",
            entity: { type: "state", id: iso3 },
            reason,
            before: { ...current.value, obligations: [leaving, joining] },
            after: { ...next, obligations: [afterLeaving, afterJoining] },
          },
          ...(reportingStatus ? [statusAudit(audit, iso3, reportingStatus, reason)] : []),
        ],
      });
    });
