// Corrections that change what a submission counts for: void it (it no longer counts, as if never recorded) or
// correct its kind. Each is audited with its reason, and each derives the obligations and the State's status again.
import type { AuditContext, AuditInput } from "../audit/audit-entry.ts";
import { Invalid } from "../errors.ts";
import { informationStillFollows, orderConflict, refuseOutOfOrder } from "./first-report-order.ts";
import { kindCorrection } from "./kind-correction.ts";
import { retryOnObligationChange } from "./obligation-writes.ts";
import { derivedObligation } from "./obligations.ts";
import type { ReportingStatusChange, SubmissionRewrite } from "./repository.ts";
import type { Submission, SubmissionKind } from "./schemas.ts";
import { allSubmissions, currentSubmission, obligationOf, type ReportingDependencies } from "./submissions.ts";

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
      if (kind === "first-report") refuseOutOfOrder(iso3, informationStillFollows(after, others));
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
      const correction = kindCorrection({
        iso3,
        submission: current.value,
        to: kind,
        obligations: (await deps.reporting.obligations(iso3)) ?? [],
        counted: await allSubmissions(deps, iso3),
      });
      if (correction.refusal) throw orderConflict(iso3, correction.refusal);
      const { leaving, joining, reportingStatus } = correction;
      return deps.reporting.rewriteSubmission({
        current,
        expectedVersion,
        next,
        obligations: [leaving, joining],
        reportingStatus,
        releaseSymbol: false,
        audits: [
          {
            ...audit,
            action: "submission.correct-kind",
            entity: { type: "state", id: iso3 },
            reason,
            before: { ...current.value, obligations: [leaving.before, joining.before] },
            after: { ...next, obligations: [leaving.after, joining.after] },
          },
          ...(reportingStatus ? [statusAudit(audit, iso3, reportingStatus, reason)] : []),
        ],
      });
    });
