// DynamoDB access for obligations and submissions: keys, the obligation-status index and the audited
// transaction that records a submission together with its obligation, the State's status and the audit entry.
import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { type AuditContext, type AuditInput, auditPut } from "../audit/audit-entry.ts";
import type { Clock } from "../clock.ts";
import { type Page, type PageRequest, queryPage } from "../dynamo/pagination.ts";
import { type GuardedWrite, writeTransaction } from "../dynamo/transaction.ts";
import { Conflict, NotFound, PreconditionFailed } from "../errors.ts";
import { reportingStatusPartition, stateKey, statePartition } from "../registry/keys.ts";
import type { State } from "../registry/schemas.ts";
import type { TableNames } from "../tables.ts";
import { etagOf, type Versioned } from "../versioning.ts";
import { ObligationChanged, obligationKey, obligationStatusPartition, obligationUpdate } from "./obligation-writes.ts";
import { obligationKinds, obligationRules } from "./obligations.ts";
import {
  type Obligation,
  type ObligationKind,
  type ObligationStatus,
  obligationSchema,
  type Submission,
  submissionSchema,
} from "./schemas.ts";

const submissionKey = (iso3: string, id: string) => ({ pk: statePartition(iso3), sk: `SUBMISSION#${id}` });
/** One guard item per document symbol makes symbols unique across all States (case-insensitive). */
const symbolKey = (symbol: string) => ({ pk: `SYMBOL#${symbol.toUpperCase()}`, sk: "SYMBOL" });

/** A State's obligations as they stand before anything is received: written with the State itself. */
export function initialObligationItems(iso3: string): Record<string, unknown>[] {
  return obligationKinds.map((kind) => {
    const { mandatory, initial } = obligationRules[kind];
    const obligation: Obligation = { iso3, kind, mandatory, status: initial, submissions: 0 };
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

export type ReportingRepository = ReturnType<typeof reportingRepository>;

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

export function reportingRepository(doc: DynamoDBDocumentClient, tableNames: TableNames, clock: Clock) {
  const table = tableNames.desk;

  function updateObligation(before: Obligation, after: Obligation): GuardedWrite {
    return obligationUpdate(table, before, after, (current) =>
      before.kind === "first-report" && current?.status === "fulfilled"
        ? new Conflict(`${before.iso3} has already submitted its first report`, {
            firstReceivedOn: current.firstReceivedOn,
          })
        : new ObligationChanged(before.iso3, before.kind),
    );
  }

  function claimSymbol(symbol: string, submission: Pick<Submission, "iso3" | "id">): GuardedWrite {
    return {
      item: {
        Put: {
          TableName: table,
          Item: { ...symbolKey(symbol), entity: "symbol", symbol, iso3: submission.iso3, submissionId: submission.id },
          // Free when absent, or released by a correction that moved the submission to another symbol.
          ConditionExpression: "attribute_not_exists(pk) OR attribute_not_exists(submissionId)",
        },
      },
      onConditionFailed: (current) =>
        new Conflict(`The document ${symbol} is already recorded`, {
          iso3: current?.iso3,
          submissionId: current?.submissionId,
        }),
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

  return {
    async obligations(iso3: string): Promise<Obligation[]> {
      const result = await doc.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
          ExpressionAttributeValues: { ":pk": statePartition(iso3), ":prefix": "OBLIGATION#" },
        }),
      );
      const byKind = new Map((result.Items ?? []).map((raw) => [raw.kind, obligationSchema.parse(raw)]));
      return obligationKinds.flatMap((kind) => byKind.get(kind) ?? []);
    },

    async getSubmission(iso3: string, id: string): Promise<Versioned<Submission> | undefined> {
      const result = await doc.send(new GetCommand({ TableName: table, Key: submissionKey(iso3, id) }));
      return result.Item ? toSubmission(result.Item) : undefined;
    },

    /** The State's submissions that count: a voided one is left out, as if it had never been recorded. */
    listSubmissions(iso3: string, page: PageRequest): Promise<Page<Versioned<Submission>>> {
      return queryPage(
        doc,
        {
          TableName: table,
          KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
          FilterExpression: "attribute_not_exists(voided)",
          ExpressionAttributeValues: { ":pk": statePartition(iso3), ":prefix": "SUBMISSION#" },
        },
        { ...page, scope: `submissions:${iso3}` },
        toSubmission,
      );
    },

    /** The iso3 codes whose obligation of this kind has this status, through the obligation index. */
    statesWithObligation(kind: ObligationKind, status: ObligationStatus, page: PageRequest): Promise<Page<string>> {
      const partition = obligationStatusPartition(kind, status);
      return queryPage(
        doc,
        {
          TableName: table,
          IndexName: "gsi1",
          KeyConditionExpression: "gsi1pk = :partition",
          ExpressionAttributeValues: { ":partition": partition },
        },
        { ...page, scope: `states:${partition}` },
        (raw) => String(raw.iso3),
      );
    },

    /**
     * Records a submission in one transaction: the submission, its symbol's guard, the obligation, the State's
     * reporting status (for a first report) and the audit entry. Any refusal leaves none of them.
     */
    async recordSubmission(
      state: Versioned<State>,
      submission: Submission,
      obligation: { before: Obligation; after: Obligation },
      audit: AuditContext,
    ): Promise<void> {
      const writes: GuardedWrite[] = [
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
        updateObligation(obligation.before, obligation.after),
      ];
      if (submission.kind === "first-report") {
        writes.push(markReported(state.value.iso3, submission.receivedOn));
        // The State's status changes with it: its own entry, so the timeline shows the change as such.
        writes.push({
          item: auditPut(
            tableNames.audit,
            {
              ...audit,
              action: "state.reporting-status",
              entity: { type: "state", id: submission.iso3 },
              before: { iso3: submission.iso3, reportingStatus: state.value.reportingStatus },
              after: { iso3: submission.iso3, reportingStatus: "reported", firstReportOn: submission.receivedOn },
            },
            clock,
          ),
        });
      }
      writes.push({
        item: auditPut(
          tableNames.audit,
          { ...audit, action: "submission.record", entity: { type: "state", id: submission.iso3 }, after: submission },
          clock,
        ),
      });
      await writeTransaction(doc, writes);
    },

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
            ? new PreconditionFailed(`Submission ${id}`, etagOf(Number(stored.version)))
            : new NotFound("Submission", id),
        ),
      ];
      if (next.symbol.toUpperCase() !== current.value.symbol.toUpperCase()) {
        writes.push(claimSymbol(next.symbol, next), releaseSymbol(current.value.symbol, id));
      }
      if (obligation) writes.push(updateObligation(obligation.before, obligation.after));
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
              ? new Conflict(`Submission ${next.id} is already voided`, { voided: stored.voided })
              : new PreconditionFailed(`Submission ${next.id}`, etagOf(Number(stored.version))),
        ),
        ...change.obligations.map((obligation) => updateObligation(obligation.before, obligation.after)),
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
          Key: symbolKey(symbol),
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
