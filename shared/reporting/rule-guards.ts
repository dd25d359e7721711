// Rule 1 (additional information follows the first report) under concurrent writes. The use cases check it on what
// they read; a write that moves one side of the rule (the first-report or the additional-information obligation) and
// not the other also checks the other side's obligation, under a condition that states the rule, in its transaction.
// Each of two such writes then touches both obligation items, so DynamoDB serializes them and the later one's
// condition sees the earlier one's change (ADR 0020, amendment "Rule 1 under concurrent writes").
import type { GuardedWrite } from "../dynamo/transaction.ts";
import { ObligationChanged, obligationKey } from "./obligation-writes.ts";
import type { Obligation, Submission } from "./schemas.ts";

/** What a write needs of the obligation of rule 1 that it does not move. */
export type RuleOneGuard =
  /** The first report is received, on or before `precedes` (the earliest additional information written). */
  | { kind: "first-report"; iso3: string; precedes: string }
  /** No additional information counts, or (with a first report of `follows`) none before it. */
  | { kind: "additional-information"; iso3: string; follows: string | undefined };

type ObligationMove = { before: Obligation; after: Obligation };

/**
 * The guards of one State's write: `written` its submissions as they are written (a voided one included), `moved` its
 * obligations. A write that moves both sides needs none: both obligation updates are guarded on their counts, and
 * (additional information following the first report) a first report can only be moving in from none.
 */
export function ruleOneGuards(
  iso3: string,
  written: readonly Submission[],
  moved: readonly ObligationMove[],
): RuleOneGuard[] {
  const movedOf = (kind: Obligation["kind"]) => moved.find((move) => move.before.kind === kind);
  const firstReport = movedOf("first-report");
  const information = movedOf("additional-information");
  if (firstReport && information) return [];
  const informationDates = written
    .filter((submission) => submission.kind === "additional-information" && !submission.voided)
    .map((submission) => submission.receivedOn)
    .sort();
  const [earliestInformation] = informationDates;
  if (information && earliestInformation) {
    return [{ kind: "first-report", iso3, precedes: earliestInformation }];
  }
  // A first report recorded anew has no additional information to outrun: none counts without one.
  if (firstReport && firstReport.before.status === "fulfilled") {
    const { status, firstReceivedOn } = firstReport.after;
    return [{ kind: "additional-information", iso3, follows: status === "fulfilled" ? firstReceivedOn : undefined }];
  }
  return [];
}

/** The guard as a condition check on the obligation item; failing, the obligation moved since it was read. */
export function ruleOneCheck(tableName: string, guard: RuleOneGuard): GuardedWrite {
  const condition =
    guard.kind === "first-report"
      ? {
          ConditionExpression: "#status = :fulfilled AND firstReceivedOn <= :on",
          ExpressionAttributeNames: { "#status": "status" },
          ExpressionAttributeValues: { ":fulfilled": "fulfilled", ":on": guard.precedes },
        }
      : guard.follows === undefined
        ? { ConditionExpression: "submissions = :none", ExpressionAttributeValues: { ":none": 0 } }
        : {
            ConditionExpression: "submissions = :none OR firstReceivedOn >= :on",
            ExpressionAttributeValues: { ":none": 0, ":on": guard.follows },
          };
  return {
    item: { ConditionCheck: { TableName: tableName, Key: obligationKey(guard.iso3, guard.kind), ...condition } },
    onConditionFailed: () => new ObligationChanged(guard.iso3, guard.kind),
  };
}
