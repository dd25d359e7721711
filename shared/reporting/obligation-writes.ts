// Writing an obligation after a change of its submissions, for every module that records one (reporting,
// assistance feedback): its revision is its version, so a write made in between fails the condition. The count cannot
// be: a void lowers it, so a record and a void in between, or two date corrections that leave it as it was, would pass.
import type { GuardedWrite } from "../dynamo/transaction.ts";
import { Conflict, type DomainError } from "../errors.ts";
import { statePartition } from "../registry/keys.ts";
import { orderConflict } from "./first-report-order.ts";
import type { Obligation, ObligationKind, ObligationStatus } from "./schemas.ts";

export const obligationKey = (iso3: string, kind: ObligationKind) => ({
  pk: statePartition(iso3),
  sk: `OBLIGATION#${kind}`,
});

export const obligationStatusPartition = (kind: ObligationKind, status: ObligationStatus) =>
  `OBLIGATION#${kind}#${status}`;

/** The scope a page of States by obligation binds its cursor to: the index partition and the caller's narrowing. */
export const obligationListingScope = (partition: string, within: string | undefined) =>
  within ? `states:${partition}:${within}` : `states:${partition}`;

/** Another submission of the same kind was recorded between our read and our write: read again and retry. */
export class ObligationChanged extends Conflict {
  constructor(iso3: string, kind: ObligationKind) {
    super(`The ${kind} obligation of ${iso3} changed while this request was written; send it again`);
  }
}

/** The revision a write of the obligation gives it. */
export const nextRevision = (before: Pick<Obligation, "revision">) => (before.revision ?? 0) + 1;

/** Whether `current` is still the obligation `before` was read as (the adapters' one condition). */
export const unchangedSince = (before: Obligation, current: Obligation | undefined) =>
  current !== undefined &&
  (before.revision === undefined
    ? current.revision === undefined && current.submissions === before.submissions
    : current.revision === before.revision);

/**
 * Why a write of the obligation read as `before` failed its condition, `current` being what is stored: a first report
 * recorded while another was (the State has reported: `Conflict`), else a move to read again (`ObligationChanged`).
 */
export function obligationMoved(before: Obligation, current: Record<string, unknown> | undefined): DomainError {
  const recordingFirstReport = before.kind === "first-report" && before.status !== "fulfilled";
  return recordingFirstReport && current?.status === "fulfilled"
    ? orderConflict(before.iso3, {
        kind: "first-report-held",
        firstReceivedOn: typeof current.firstReceivedOn === "string" ? current.firstReceivedOn : undefined,
      })
    : new ObligationChanged(before.iso3, before.kind);
}

/** `onConditionFailed` may name a more precise failure (a second first report); by default the obligation moved. */
export function obligationUpdate(
  tableName: string,
  before: Obligation,
  after: Obligation,
  onConditionFailed: GuardedWrite["onConditionFailed"] = () => new ObligationChanged(before.iso3, before.kind),
): GuardedWrite {
  // A void can leave an obligation with nothing received: its dates go rather than being written empty.
  const dated = after.firstReceivedOn !== undefined && after.lastReceivedOn !== undefined;
  return {
    item: {
      Update: {
        TableName: tableName,
        Key: obligationKey(before.iso3, before.kind),
        UpdateExpression:
          "SET #status = :status, gsi1pk = :partition, submissions = :count, revision = :revision" +
          (dated ? ", firstReceivedOn = :first, lastReceivedOn = :last" : " REMOVE firstReceivedOn, lastReceivedOn"),
        // An obligation stored before revisions were kept is still held to its count until this write gives it one.
        ConditionExpression:
          before.revision === undefined ? "attribute_not_exists(revision) AND submissions = :seen" : "revision = :seen",
        ExpressionAttributeNames: { "#status": "status" },
        ExpressionAttributeValues: {
          ":status": after.status,
          ":partition": obligationStatusPartition(after.kind, after.status),
          ":count": after.submissions,
          ":revision": nextRevision(before),
          ...(dated ? { ":first": after.firstReceivedOn, ":last": after.lastReceivedOn } : {}),
          ":seen": before.revision ?? before.submissions,
        },
      },
    },
    onConditionFailed,
  };
}

/** Retries an attempt that lost the race on an obligation, a few times, reading it again each time. */
export async function retryOnObligationChange<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ObligationChanged) || tries >= 3) throw error;
    }
  }
}
