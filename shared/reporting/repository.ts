// DynamoDB access for obligations and submissions: keys, the obligation-status index and the audited
// transaction that records a submission together with its obligation, the State's status and the audit entry.
import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { type AuditContext, type AuditInput, auditPut } from "../audit/audit-entry.ts";
import type { Clock } from "../clock.ts";
import { eachLimited } from "../concurrency.ts";
import { batchGetItems } from "../dynamo/batch-get.ts";
import { type Page, type PageRequest, queryPage } from "../dynamo/pagination.ts";
import { type GuardedWrite, writeTransaction } from "../dynamo/transaction.ts";
import { NotFound, PreconditionFailed } from "../errors.ts";
import { reportingStatusPartition, stateKey, statePartition } from "../registry/keys.ts";
import type { State } from "../registry/schemas.ts";
import type { TableNames } from "../tables.ts";
import type { Versioned } from "../versioning.ts";
import {
  ObligationChanged,
  obligationKey,
  obligationListingScope,
  obligationMoved,
  obligationStatusPartition,
  obligationUpdate,
} from "./obligation-writes.ts";
import { obligationKinds, obligationRules } from "./obligations.ts";
import { ruleOneCheck, ruleOneGuards } from "./rule-guards.ts";
import {
  type Obligation,
  type ObligationKind,
  type ObligationStatus,
  obligationSchema,
  type Submission,
  submissionSchema,
} from "./schemas.ts";
import { SubmissionVoided } from "./submission-voided.ts";
import { symbolGuardKey, symbolHeld } from "./symbol-guard.ts";

const submissionKey = (iso3: string, id: string) => ({ pk: statePartition(iso3), sk: `SUBMISSION#${id}` });
/** A Query's key condition for every submission item of a State, voided ones included. */
const submissionsOf = (iso3: string) => ({
  KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
  ExpressionAttributeValues: { ":pk": statePartition(iso3), ":prefix": "SUBMISSION#" },
});

/** A State's obligations as they stand before anything is received: written with the State itself. */
export function initialObligationItems(iso3: string): Record<string, unknown>[] {
  return obligationKinds.map((kind) => {
    const { mandatory, initial } = obligationRules[kind];
    const obligation: Obligation = { iso3, kind, mandatory, status: initial, submissions: 0, revision: 0 };
    return {
      ...obligationKey(iso3, kind),
      gsi1pk: obligationStatusPartition(kind, initial),
      gsi1sk: iso3,
      entity: "obligation",
      ...obligation,
    };
  });
}

function submissionItem(submission: Submission, version: number) {
  return { ...submissionKey(submission.iso3, submission.id), entity: "submission", version, ...submission };
}

const toSubmission = (raw: Record<string, unknown>): Versioned<Submission> => ({
  value: submissionSchema.parse(raw),
  version: Number(raw.version),
});

/** A State's submissions recorded together, in order, with its obligations from what they were to what they become. */
export interface StateSubmissions {
  state: Versioned<State>;
  submissions: Submission[];
  /** One per kind the submissions count for: `before` as read (its count is the condition), `after` with them all. */
  obligations: { before: Obligation; after: Obligation }[];
}

/**
 * How many submissions one `recordSubmissions` call takes: each needs at most six writes (its item, its symbol's guard,
 * its audit entry, its obligation, and for a first report the State and the State's entry, for additional information
 * the check of the first report), and one transaction holds 100.
 */
export const MAX_SUBMISSIONS_PER_RECORDING = 16;
const QUERIES_AT_ONCE = 8;

/**
 * Obligations and submissions, as use cases need them (ADR 0026): the DynamoDB adapter below and the in-memory one of
 * the unit tests (test/support/in-memory/reporting.ts) both pass test/contracts/reporting.contract.ts. Every write is
 * audited in the same step; a refused write leaves nothing of itself.
 */
export interface ReportingRepository {
  /** The State's obligations in the order of `obligationKinds`; none for a State the desk does not hold. */
  obligations(iso3: string): Promise<Obligation[]>;
  /**
   * The obligations of many States read at once (for the seed, which would otherwise read them State by State):
   * each code held, with its obligations as `obligations` gives them; codes without obligations are left out.
   */
  obligationsByState(codes: readonly string[]): Promise<Map<string, Obligation[]>>;
  /**
   * The codes among these whose State holds any submission, voided ones and ones of any kind included: for the
   * demonstration seed, which adds a State's set only to a State that never had one.
   */
  statesHoldingSubmissions(codes: readonly string[]): Promise<Set<string>>;
  getSubmission(iso3: string, id: string): Promise<Versioned<Submission> | undefined>;
  /** The State's submissions that count (a voided one is left out), in id order, a page at a time. */
  listSubmissions(iso3: string, page: PageRequest): Promise<Page<Versioned<Submission>>>;
  /**
   * The iso3 codes whose obligation of this kind has this status, in iso3 order, a page at a time. `within` names what
   * the caller narrows each page by, if anything: its cursors are then good for that narrowing only.
   */
  statesWithObligation(
    kind: ObligationKind,
    status: ObligationStatus,
    page: PageRequest & { within?: string | undefined },
  ): Promise<Page<string>>;
  /**
   * Records a submission at version 1 with its symbol's guard, its obligation moved from `before` to `after`, and
   * for a first report the State made `reported` (one version up): audited `submission.record`, and
   * `state.reporting-status` for a first report. Refused: `DocumentRecorded` (409) for a symbol already held,
   * `Conflict` for a second first report, `ObligationChanged` when the obligation is no longer `before`, `NotFound`
   * for an unknown State.
   */
  recordSubmission(
    state: Versioned<State>,
    submission: Submission,
    obligation: { before: Obligation; after: Obligation },
    audit: AuditContext,
  ): Promise<void>;
  /**
   * Records several States' submissions in one step, each as `recordSubmission` would, at most
   * MAX_SUBMISSIONS_PER_RECORDING in all; any refusal (the same errors) leaves none of them.
   */
  recordSubmissions(records: readonly StateSubmissions[], audit: AuditContext): Promise<void>;
  /**
   * Applies a correction if the submission is still at `expectedVersion` (else `PreconditionFailed` naming the
   * current ETag, `NotFound` if gone): a new symbol moves its guard (`DocumentRecorded` if held), a new date moves the
   * obligation (`ObligationChanged` if it moved meanwhile) and, for a first report, the State's date. Audited
   * `submission.correct`.
   */
  correctSubmission(
    current: Versioned<Submission>,
    expectedVersion: number,
    next: Submission,
    obligation: { before: Obligation; after: Obligation } | undefined,
    audit: AuditContext,
  ): Promise<Versioned<Submission>>;
  /**
   * A void or a change of kind at `expectedVersion` (`PreconditionFailed`, `NotFound`, or `Conflict` if already
   * voided): the symbol released, each obligation derived again, the State's reporting status moved, `audits` written.
   */
  rewriteSubmission(change: SubmissionRewrite): Promise<Versioned<Submission>>;
}

export type ReportingStatusChange = "reported" | "non-reporting";

export interface SubmissionRewrite {
  current: Versioned<Submission>;
  expectedVersion: number;
  next: Submission;
  obligations: { before: Obligation; after: Obligation }[];
  /** Where a first report comes (reported) or goes (non-reporting). */
  reportingStatus?: ReportingStatusChange | undefined;
  releaseSymbol: boolean;
  audits: AuditInput[];
}

export function reportingRepository(
  doc: DynamoDBDocumentClient,
  tableNames: TableNames,
  clock: Clock,
): ReportingRepository {
  const table = tableNames.desk;

  function updateObligation(before: Obligation, after: Obligation): GuardedWrite {
    return obligationUpdate(table, before, after, (current) => obligationMoved(before, current));
  }

  /** Rule 1 kept under concurrent writes: the other side's obligation checked where a write moves only one. */
  function ruleOneChecks(
    iso3: string,
    written: readonly Submission[],
    moved: readonly { before: Obligation; after: Obligation }[],
  ): GuardedWrite[] {
    return ruleOneGuards(iso3, written, moved).map((guard) => ruleOneCheck(table, guard));
  }

  /**
   * The symbol's guard taken by the submission: free when no submission holds it (absent, or released by a correction
   * that moved its submission to another symbol), and no assistance request of another State's is under it. Updated,
   * not put: a request of the same State's stays on it.
   */
  function claimSymbol(symbol: string, submission: Pick<Submission, "iso3" | "id">): GuardedWrite {
    return {
      item: {
        Update: {
          TableName: table,
          Key: symbolGuardKey(symbol),
          UpdateExpression:
            "SET entity = :entity, symbol = :symbol, iso3 = :iso3, submissionId = :id REMOVE releasedAt",
          ConditionExpression:
            "attribute_not_exists(submissionId) AND (attribute_not_exists(requestIso3) OR requestIso3 = :iso3)",
          ExpressionAttributeValues: {
            ":entity": "symbol",
            ":symbol": symbol,
            ":iso3": submission.iso3,
            ":id": submission.id,
          },
        },
      },
      onConditionFailed: (current) => symbolHeld(symbol, current, "document"),
    };
  }

  /**
   * A write to the State that its first report moves: `set` (and `remove`) with its values, and always its updatedAt
   * and version, so the State's ETag changes with it.
   */
  function stateWrite(
    iso3: string,
    change: { set: string; remove?: string; values: Record<string, unknown>; condition?: string },
    onConditionFailed?: GuardedWrite["onConditionFailed"],
  ): GuardedWrite {
    return {
      item: {
        Update: {
          TableName: table,
          Key: stateKey(iso3),
          UpdateExpression:
            `SET ${change.set}, updatedAt = :now, version = version + :one` +
            (change.remove ? ` REMOVE ${change.remove}` : ""),
          ConditionExpression: change.condition,
          ExpressionAttributeValues: { ...change.values, ":now": clock.now().toISOString(), ":one": 1 },
        },
      },
      ...(onConditionFailed ? { onConditionFailed } : {}),
    };
  }

  /** The State becomes `reported` with its first report. */
  function markReported(iso3: string, receivedOn: string): GuardedWrite {
    return stateWrite(
      iso3,
      {
        set: "reportingStatus = :reported, gsi3pk = :partition, firstReportOn = :on",
        values: { ":reported": "reported", ":partition": reportingStatusPartition("reported"), ":on": receivedOn },
        condition: "attribute_exists(pk)",
      },
      () => new NotFound("State", iso3),
    );
  }

  /**
   * One transaction: per State each submission, its symbol's guard and its audit entry, each obligation once (from
   * what it was to what all the State's submissions make it), and for a first report the State's status and its entry.
   */
  async function recordSubmissions(records: readonly StateSubmissions[], audit: AuditContext): Promise<void> {
    const count = records.reduce((total, record) => total + record.submissions.length, 0);
    if (count > MAX_SUBMISSIONS_PER_RECORDING) {
      throw new Error(`recordSubmissions takes at most ${MAX_SUBMISSIONS_PER_RECORDING} submissions, got ${count}`);
    }
    const writes: GuardedWrite[] = [];
    for (const { state, submissions, obligations } of records) {
      const iso3 = state.value.iso3;
      for (const submission of submissions) {
        writes.push(
          {
            item: {
              Put: {
                TableName: table,
                Item: submissionItem(submission, 1),
                ConditionExpression: "attribute_not_exists(pk)",
              },
            },
          },
          claimSymbol(submission.symbol, submission),
          {
            item: auditPut(
              tableNames.audit,
              { ...audit, action: "submission.record", entity: { type: "state", id: iso3 }, after: submission },
              clock,
            ),
          },
        );
      }
      for (const obligation of obligations) writes.push(updateObligation(obligation.before, obligation.after));
      writes.push(...ruleOneChecks(iso3, submissions, obligations));
      const firstReport = submissions.find((submission) => submission.kind === "first-report");
      if (firstReport) {
        writes.push(markReported(iso3, firstReport.receivedOn));
        // The State's status changes with it: its own entry, so the timeline shows the change as such.
        writes.push({
          item: auditPut(
            tableNames.audit,
            {
              ...audit,
              action: "state.reporting-status",
              entity: { type: "state", id: iso3 },
              before: { iso3, reportingStatus: state.value.reportingStatus },
              after: { iso3, reportingStatus: "reported", firstReportOn: firstReport.receivedOn },
            },
            clock,
          ),
        });
      }
    }
    await writeTransaction(doc, writes);
  }

  return {
    // The reads an obligation's next value is derived from are strongly consistent: a stale list of submissions read
    // after a fresh obligation would pass the revision's condition and write dates derived from the past.
    async obligations(iso3: string): Promise<Obligation[]> {
      const result = await doc.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
          ExpressionAttributeValues: { ":pk": statePartition(iso3), ":prefix": "OBLIGATION#" },
          ConsistentRead: true,
        }),
      );
      const byKind = new Map((result.Items ?? []).map((raw) => [raw.kind, obligationSchema.parse(raw)]));
      return obligationKinds.flatMap((kind) => byKind.get(kind) ?? []);
    },

    async statesHoldingSubmissions(codes: readonly string[]): Promise<Set<string>> {
      const holding = new Set<string>();
      // One key read per State, a few at a time: a State's first submission item answers for it.
      await eachLimited(codes, QUERIES_AT_ONCE, async (iso3) => {
        const result = await doc.send(
          new QueryCommand({
            TableName: table,
            ...submissionsOf(iso3),
            ProjectionExpression: "pk",
            Limit: 1,
            ConsistentRead: true,
          }),
        );
        if ((result.Items ?? []).length > 0) holding.add(iso3);
      });
      return holding;
    },

    async getSubmission(iso3: string, id: string): Promise<Versioned<Submission> | undefined> {
      const result = await doc.send(
        new GetCommand({ TableName: table, Key: submissionKey(iso3, id), ConsistentRead: true }),
      );
      return result.Item ? toSubmission(result.Item) : undefined;
    },

    /** The State's submissions that count: a voided one is left out, as if it had never been recorded. */
    listSubmissions(iso3: string, page: PageRequest): Promise<Page<Versioned<Submission>>> {
      return queryPage(
        doc,
        {
          TableName: table,
          ...submissionsOf(iso3),
          FilterExpression: "attribute_not_exists(voided)",
          ConsistentRead: true,
        },
        { ...page, scope: `submissions:${iso3}` },
        toSubmission,
      );
    },

    /** The iso3 codes whose obligation of this kind has this status, through the obligation index. */
    statesWithObligation(kind, status, { within, ...page }) {
      const partition = obligationStatusPartition(kind, status);
      return queryPage(
        doc,
        {
          TableName: table,
          IndexName: "gsi1",
          KeyConditionExpression: "gsi1pk = :partition",
          ExpressionAttributeValues: { ":partition": partition },
        },
        { ...page, scope: obligationListingScope(partition, within) },
        (raw) => String(raw.iso3),
      );
    },

    async obligationsByState(codes: readonly string[]): Promise<Map<string, Obligation[]>> {
      const found = new Map<string, Map<string, Obligation>>();
      const keys = codes.flatMap((iso3) => obligationKinds.map((kind) => obligationKey(iso3, kind)));
      for (const raw of await batchGetItems(doc, table, keys)) {
        const obligation = obligationSchema.parse(raw);
        const ofState = found.get(obligation.iso3) ?? new Map<string, Obligation>();
        found.set(obligation.iso3, ofState.set(obligation.kind, obligation));
      }
      return new Map(
        codes.flatMap((iso3) => {
          const ofState = found.get(iso3);
          return ofState ? [[iso3, obligationKinds.flatMap((kind) => ofState.get(kind) ?? [])] as const] : [];
        }),
      );
    },

    recordSubmission(state, submission, obligation, audit) {
      return recordSubmissions([{ state, submissions: [submission], obligations: [obligation] }], audit);
    },

    recordSubmissions,

    /**
     * Applies a correction if the submission is still at `expectedVersion`. A new symbol moves its guard;
     * a new date moves the obligation's dates (computed by the caller) and, for a first report, the State's.
     */
    async correctSubmission(
      current: Versioned<Submission>,
      expectedVersion: number,
      next: Submission,
      obligation: { before: Obligation; after: Obligation } | undefined,
      audit: AuditContext,
    ): Promise<Versioned<Submission>> {
      const { iso3, id } = next;
      const version = expectedVersion + 1;
      const writes: GuardedWrite[] = [
        submissionAt(next, expectedVersion, "version = :expected", (stored) =>
          stored
            ? new PreconditionFailed(`Submission ${id}`, Number(stored.version), expectedVersion)
            : new NotFound("Submission", id),
        ),
      ];
      if (next.symbol.toUpperCase() !== current.value.symbol.toUpperCase()) {
        writes.push(claimSymbol(next.symbol, next), releaseSymbol(current.value.symbol, id));
      }
      if (obligation) writes.push(updateObligation(obligation.before, obligation.after));
      writes.push(...ruleOneChecks(iso3, [next], obligation ? [obligation] : []));
      if (next.kind === "first-report" && next.receivedOn !== current.value.receivedOn) {
        writes.push(redateFirstReport(iso3, next.receivedOn));
      }
      writes.push({
        item: auditPut(
          tableNames.audit,
          {
            ...audit,
            action: "submission.correct",
            entity: { type: "state", id: iso3 },
            before: current.value,
            after: next,
          },
          clock,
        ),
      });
      await writeTransaction(doc, writes);
      return { value: next, version };
    },

    /**
     * A correction that changes what the submission counts for (a void, a change of kind), in one transaction: the
     * submission at `expectedVersion`, its symbol's guard released (on a void), each obligation derived again, the
     * State's reporting status where a first report comes or goes, and the audit entries.
     */
    async rewriteSubmission(change: SubmissionRewrite): Promise<Versioned<Submission>> {
      const { current, expectedVersion, next } = change;
      const version = expectedVersion + 1;
      const writes: GuardedWrite[] = [
        submissionAt(next, expectedVersion, "version = :expected AND attribute_not_exists(voided)", (stored) =>
          !stored
            ? new NotFound("Submission", next.id)
            : stored.voided
              ? new SubmissionVoided(next.symbol, submissionSchema.shape.voided.safeParse(stored.voided).data)
              : new PreconditionFailed(`Submission ${next.id}`, Number(stored.version), expectedVersion),
        ),
        ...change.obligations.map((obligation) => updateObligation(obligation.before, obligation.after)),
        ...ruleOneChecks(next.iso3, [next], change.obligations),
      ];
      if (change.releaseSymbol) writes.push(releaseSymbol(current.value.symbol, next.id));
      const iso3 = next.iso3;
      if (change.reportingStatus === "reported") {
        writes.push(markReported(iso3, next.receivedOn));
      } else if (change.reportingStatus === "non-reporting") {
        writes.push(markNonReporting(iso3));
      }
      for (const entry of change.audits) writes.push({ item: auditPut(tableNames.audit, entry, clock) });
      await writeTransaction(doc, writes);
      return { value: next, version };
    },
  };

  /** The corrected submission, one version up, written only if `condition` (on `:expected`) holds of it. */
  function submissionAt(
    next: Submission,
    expectedVersion: number,
    condition: string,
    onConditionFailed: GuardedWrite["onConditionFailed"],
  ): GuardedWrite {
    return {
      item: {
        Put: {
          TableName: table,
          Item: submissionItem(next, expectedVersion + 1),
          ConditionExpression: condition,
          ExpressionAttributeValues: { ":expected": expectedVersion },
        },
      },
      onConditionFailed,
    };
  }

  /** The symbol's guard released by the submission that held it: not deleted (no DeleteItem), the symbol free again. */
  function releaseSymbol(symbol: string, submissionId: string): GuardedWrite {
    return {
      item: {
        Update: {
          TableName: table,
          Key: symbolGuardKey(symbol),
          UpdateExpression: "REMOVE submissionId, iso3 SET releasedAt = :now",
          ConditionExpression: "submissionId = :id",
          ExpressionAttributeValues: { ":id": submissionId, ":now": clock.now().toISOString() },
        },
      },
    };
  }

  /** A first report voided or reclassified: the State is non-reporting again. */
  function markNonReporting(iso3: string): GuardedWrite {
    return stateWrite(
      iso3,
      {
        set: "reportingStatus = :status, gsi3pk = :partition",
        remove: "firstReportOn",
        values: {
          ":status": "non-reporting",
          ":partition": reportingStatusPartition("non-reporting"),
          ":reported": "reported",
        },
        condition: "reportingStatus = :reported",
      },
      (current) => (current ? new ObligationChanged(iso3, "first-report") : new NotFound("State", iso3)),
    );
  }

  function redateFirstReport(iso3: string, receivedOn: string): GuardedWrite {
    return stateWrite(iso3, { set: "firstReportOn = :on", values: { ":on": receivedOn } });
  }
}
