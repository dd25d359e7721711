// Obligations and submissions in memory, for unit tests of the reporting use cases: the same contract as the DynamoDB
// adapter (test/contracts/reporting.contract.ts). It works on the in-memory registry: a State's obligations are the
// companion items the registry was seeded with, and a first report moves the registry's State in the same step.
// Every check of a write is made before any of its changes, so a refused write leaves nothing, as a transaction does.
import type { AuditContext, AuditInput } from "#shared/audit/audit-entry.ts";
import type { Clock } from "#shared/clock.ts";
import { NotFound, PreconditionFailed } from "#shared/errors.ts";
import type { State } from "#shared/registry/schemas.ts";
import {
  nextRevision,
  ObligationChanged,
  obligationListingScope,
  obligationMoved,
  obligationStatusPartition,
  unchangedSince,
} from "#shared/reporting/obligation-writes.ts";
import { obligationKinds } from "#shared/reporting/obligations.ts";
import {
  MAX_SUBMISSIONS_PER_RECORDING,
  type ReportingRepository,
  type StateSubmissions,
} from "#shared/reporting/repository.ts";
import { type RuleOneGuard, ruleOneGuards } from "#shared/reporting/rule-guards.ts";
import { type Obligation, obligationSchema, type Submission } from "#shared/reporting/schemas.ts";
import { SubmissionVoided } from "#shared/reporting/submission-voided.ts";
import { symbolHeld } from "#shared/reporting/symbol-guard.ts";
import type { Versioned } from "#shared/versioning.ts";
import type { InMemoryAudit } from "./audit.ts";
import { pageOf, sortedBy } from "./paging.ts";
import type { InMemoryRegistry } from "./registry.ts";
import { type InMemorySymbolGuards, inMemorySymbolGuards } from "./symbol-guards.ts";

export interface InMemoryReporting extends ReportingRepository {
  readonly audit: InMemoryAudit;
}

type ObligationMove = { before: Obligation; after: Obligation };

/** Whether the obligation as it stands allows what the guard asks of it (ISO dates compare as text). */
function ruleOneHolds(guard: RuleOneGuard, obligation: Obligation | undefined): boolean {
  if (guard.kind === "first-report") {
    return obligation?.status === "fulfilled" && (obligation.firstReceivedOn ?? "") <= guard.precedes;
  }
  if (obligation?.submissions === 0) return true;
  return guard.follows !== undefined && (obligation?.firstReceivedOn ?? "") >= guard.follows;
}

/** The changes of one write, gathered while its checks run and applied only when all of them passed. */
type Change = () => void;

export function inMemoryReporting(
  clock: Clock,
  registry: InMemoryRegistry,
  audit: InMemoryAudit = registry.audit,
  symbols: InMemorySymbolGuards = inMemorySymbolGuards(),
): InMemoryReporting {
  const obligationsOf = new Map<string, Map<string, Obligation>>();
  const submissions = new Map<string, Versioned<Submission>>();
  const copy = <T>(value: T): T => structuredClone(value);
  const submissionKey = (iso3: string, id: string) => `${iso3}#${id}`;

  /** A State's obligations: first the ones the registry was seeded with, then as this store moved them. */
  function stateObligations(iso3: string): Map<string, Obligation> | undefined {
    const known = obligationsOf.get(iso3);
    if (known) return known;
    const seeded = registry.companionItems
      .filter((item) => item.entity === "obligation" && item.iso3 === iso3)
      .map((item) => obligationSchema.parse(item));
    if (seeded.length === 0) return undefined;
    const byKind = new Map(seeded.map((obligation) => [obligation.kind, obligation]));
    obligationsOf.set(iso3, byKind);
    return byKind;
  }

  const inKindOrder = (byKind: Map<string, Obligation>) =>
    obligationKinds.flatMap((kind) => {
      const found = byKind.get(kind);
      return found ? [copy(found)] : [];
    });

  /** As the adapter's obligation update: the revision (else the count) is its condition; status, count, dates, revision move. */
  function moveObligation(before: Obligation, after: Obligation): Change {
    const current = stateObligations(before.iso3)?.get(before.kind);
    if (!current || !unchangedSince(before, current)) throw obligationMoved(before, current);
    return () => {
      const { firstReceivedOn: _first, lastReceivedOn: _last, ...rest } = current;
      const dated = after.firstReceivedOn !== undefined && after.lastReceivedOn !== undefined;
      stateObligations(before.iso3)?.set(before.kind, {
        ...rest,
        status: after.status,
        submissions: after.submissions,
        revision: nextRevision(before),
        ...(dated ? { firstReceivedOn: after.firstReceivedOn, lastReceivedOn: after.lastReceivedOn } : {}),
      });
    };
  }

  /** As the adapter's condition checks of rule 1: the obligation a write does not move still allows it. */
  function checkRuleOne(iso3: string, written: readonly Submission[], moved: readonly ObligationMove[]): void {
    for (const guard of ruleOneGuards(iso3, written, moved)) {
      if (!ruleOneHolds(guard, stateObligations(iso3)?.get(guard.kind))) throw new ObligationChanged(iso3, guard.kind);
    }
  }

  function claimSymbol(symbol: string, submission: Pick<Submission, "iso3" | "id">): Change {
    const key = symbol.toUpperCase();
    const guard = symbols.get(key);
    if (
      guard?.submissionId !== undefined ||
      (guard?.requestIso3 !== undefined && guard.requestIso3 !== submission.iso3)
    ) {
      throw symbolHeld(symbol, { ...guard }, "document");
    }
    return () => symbols.set(key, { ...guard, iso3: submission.iso3, submissionId: submission.id });
  }

  function releaseSymbol(symbol: string, submissionId: string): Change {
    const key = symbol.toUpperCase();
    const guard = symbols.get(key);
    if (guard?.submissionId !== submissionId) throw new Error(`The guard of ${symbol} is not held by it`);
    const { iso3: _iso3, submissionId: _id, ...request } = guard;
    return () => symbols.set(key, request);
  }

  /** The State one version up, stamped now, with `change`; `condition` says whether (and why not) it may move. */
  function moveState(iso3: string, change: (state: State) => State, condition?: (state: State) => Error | undefined) {
    const stored = registry.states.get(iso3);
    if (!stored) throw new NotFound("State", iso3);
    const refused = condition?.(stored.value);
    if (refused) throw refused;
    return () => {
      const next = { ...change(stored.value), updatedAt: clock.now().toISOString() };
      registry.states.set(iso3, { value: copy(next), version: stored.version + 1 });
    };
  }

  const markReported = (iso3: string, receivedOn: string) =>
    moveState(iso3, (state) => ({ ...state, reportingStatus: "reported", firstReportOn: receivedOn }));

  const markNonReporting = (iso3: string) =>
    moveState(
      iso3,
      ({ firstReportOn: _, ...state }) => ({ ...state, reportingStatus: "non-reporting" }),
      (state) => (state.reportingStatus === "reported" ? undefined : new ObligationChanged(iso3, "first-report")),
    );

  function putSubmission(submission: Submission, version: number): Change {
    return () => submissions.set(submissionKey(submission.iso3, submission.id), { value: copy(submission), version });
  }

  function apply(changes: Change[], audits: AuditInput[]): void {
    for (const change of changes) change();
    for (const entry of audits) audit.record(entry);
  }

  async function recordSubmissions(records: readonly StateSubmissions[], context: AuditContext): Promise<void> {
    const count = records.reduce((total, record) => total + record.submissions.length, 0);
    if (count > MAX_SUBMISSIONS_PER_RECORDING) {
      throw new Error(`recordSubmissions takes at most ${MAX_SUBMISSIONS_PER_RECORDING} submissions, got ${count}`);
    }
    const changes: Change[] = [];
    const audits: AuditInput[] = [];
    for (const { state, submissions: recorded, obligations } of records) {
      const iso3 = state.value.iso3;
      for (const submission of recorded) {
        if (submissions.has(submissionKey(submission.iso3, submission.id))) {
          throw new Error(`Submission ${submission.id} exists already`);
        }
        changes.push(putSubmission(submission, 1), claimSymbol(submission.symbol, submission));
        audits.push({
          ...context,
          action: "submission.record",
          entity: { type: "state", id: iso3 },
          after: submission,
        });
      }
      for (const { before, after } of obligations) changes.push(moveObligation(before, after));
      checkRuleOne(iso3, recorded, obligations);
      const firstReport = recorded.find((submission) => submission.kind === "first-report");
      if (firstReport) {
        changes.push(markReported(iso3, firstReport.receivedOn));
        audits.push({
          ...context,
          action: "state.reporting-status",
          entity: { type: "state", id: iso3 },
          before: { iso3, reportingStatus: state.value.reportingStatus },
          after: { iso3, reportingStatus: "reported", firstReportOn: firstReport.receivedOn },
        });
      }
    }
    apply(changes, audits);
  }

  /** The stored submission at `expectedVersion`, or the error the adapter's condition gives. */
  function storedAt(next: Submission, expectedVersion: number, refuseVoided: boolean): void {
    const stored = submissions.get(submissionKey(next.iso3, next.id));
    if (!stored) throw new NotFound("Submission", next.id);
    if (refuseVoided && stored.value.voided) {
      throw new SubmissionVoided(next.symbol, stored.value.voided);
    }
    if (stored.version !== expectedVersion)
      throw new PreconditionFailed(`Submission ${next.id}`, stored.version, expectedVersion);
  }

  return {
    audit,

    obligations: async (iso3) => {
      const byKind = stateObligations(iso3);
      return byKind ? inKindOrder(byKind) : [];
    },

    obligationsByState: async (codes) =>
      new Map(
        codes.flatMap((iso3) => {
          const byKind = stateObligations(iso3);
          return byKind ? [[iso3, inKindOrder(byKind)] as const] : [];
        }),
      ),

    statesHoldingSubmissions: async (codes) =>
      new Set(codes.filter((iso3) => [...submissions.values()].some(({ value }) => value.iso3 === iso3))),

    getSubmission: async (iso3, id) => {
      const found = submissions.get(submissionKey(iso3, id));
      return found && copy(found);
    },

    listSubmissions: async (iso3, page) =>
      pageOf(
        sortedBy(
          [...submissions.values()].filter(({ value }) => value.iso3 === iso3 && !value.voided),
          ({ value }) => value.id,
        ),
        ({ value }) => value.id,
        { ...page, scope: `submissions:${iso3}` },
      ),

    statesWithObligation: async (kind, status, { within, ...page }) => {
      const codes = [...registry.states.keys()].filter((iso3) => {
        const obligation = stateObligations(iso3)?.get(kind);
        return obligation?.status === status;
      });
      return pageOf(
        sortedBy(codes, (iso3) => iso3),
        (iso3) => iso3,
        { ...page, scope: obligationListingScope(obligationStatusPartition(kind, status), within) },
      );
    },

    recordSubmission: (state, submission, obligation, context) =>
      recordSubmissions([{ state, submissions: [submission], obligations: [obligation] }], context),

    recordSubmissions,

    correctSubmission: async (current, expectedVersion, next, obligation, context) => {
      storedAt(next, expectedVersion, false);
      const changes: Change[] = [putSubmission(next, expectedVersion + 1)];
      if (next.symbol.toUpperCase() !== current.value.symbol.toUpperCase()) {
        changes.push(claimSymbol(next.symbol, next), releaseSymbol(current.value.symbol, next.id));
      }
      if (obligation) changes.push(moveObligation(obligation.before, obligation.after));
      checkRuleOne(next.iso3, [next], obligation ? [obligation] : []);
      if (next.kind === "first-report" && next.receivedOn !== current.value.receivedOn) {
        changes.push(moveState(next.iso3, (state) => ({ ...state, firstReportOn: next.receivedOn })));
      }
      apply(changes, [
        {
          ...context,
          action: "submission.correct",
          entity: { type: "state", id: next.iso3 },
          before: current.value,
          after: next,
        },
      ]);
      return { value: copy(next), version: expectedVersion + 1 };
    },

    rewriteSubmission: async (change) => {
      const { current, expectedVersion, next } = change;
      storedAt(next, expectedVersion, true);
      const changes: Change[] = [
        putSubmission(next, expectedVersion + 1),
        ...change.obligations.map(({ before, after }) => moveObligation(before, after)),
      ];
      checkRuleOne(next.iso3, [next], change.obligations);
      if (change.releaseSymbol) changes.push(releaseSymbol(current.value.symbol, next.id));
      if (change.reportingStatus === "reported") changes.push(markReported(next.iso3, next.receivedOn));
      else if (change.reportingStatus === "non-reporting") changes.push(markNonReporting(next.iso3));
      apply(changes, change.audits);
      return { value: copy(next), version: expectedVersion + 1 };
    },
  };
}
