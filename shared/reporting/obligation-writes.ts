// Writing an obligation after a change of its submissions, for every module that records one (reporting,
// assistance feedback): the count is the obligation's version, so a write made in between fails the condition.
import type { GuardedWrite } from "../dynamo/transaction.ts";
import { Conflict } from "../errors.ts";
import { statePartition } from "../registry/keys.ts";
import type { Obligation, ObligationKind, ObligationStatus } from "./schemas.ts";

export const obligationKey = (iso3: string, kind: ObligationKind) => ({
  pk: statePartition(iso3),
  sk: `OBLIGATION#${kind}`,
});

export const obligationStatusPartition = (kind: ObligationKind, status: ObligationStatus) =>
  `OBLIGATION#${kind}#${status}`;

/** Another submission of the same kind was recorded between our read and our write: read again and retry. */
export class ObligationChanged extends Conflict {
  constructor(iso3: string, kind: ObligationKind) {
    super(`The ${kind} obligation of ${iso3} changed while this request was written; send it again`);
  }
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
          "SET #status = :status, gsi1pk = :partition, submissions = :count" +
          (dated ? ", firstReceivedOn = :first, lastReceivedOn = :last" : " REMOVE firstReceivedOn, lastReceivedOn"),
        ConditionExpression: "submissions = :seen",
        ExpressionAttributeNames: { "#status": "status" },
        ExpressionAttributeValues: {
          ":status": after.status,
          ":partition": obligationStatusPartition(after.kind, after.status),
          ":count": after.submissions,
          ...(dated ? { ":first": after.firstReceivedOn, ":last": after.lastReceivedOn } : {}),
          ":seen": before.submissions,
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

// ISO dates sort as text.
export const earliest = (dates: string[]) => [...dates].sort()[0];
export const latest = (dates: string[]) => [...dates].sort().at(-1);
