// cdk-nag 3.0.2 checks DynamoDB only on `AWS::DynamoDB::Table` (CfnTable): its DDB3 (point-in-time recovery) and
// backup-plan rules never see a TableV2, which synthesizes `AWS::DynamoDB::GlobalTable`. This pack carries the same
// checks to global tables, for every replica, so the desk's tables are checked like any other.
import { type CfnResource, Stack } from "aws-cdk-lib";
import * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import { NagMessageLevel, NagPack, NagRuleCompliance, NagRules } from "cdk-nag";

type Replica = dynamodb.CfnGlobalTable.ReplicaSpecificationProperty;

function replicasOf(node: dynamodb.CfnGlobalTable): Replica[] {
  const replicas: unknown = Stack.of(node).resolve(node.replicas);
  return Array.isArray(replicas) ? (replicas as Replica[]) : [];
}

/** Every replica has point-in-time recovery on. */
const globalTablePitr = Object.defineProperty(
  (node: CfnResource): NagRuleCompliance => {
    if (!(node instanceof dynamodb.CfnGlobalTable)) return NagRuleCompliance.NOT_APPLICABLE;
    const replicas = replicasOf(node);
    const enabled = replicas.every((replica) => {
      const pitr = Stack.of(node).resolve(replica.pointInTimeRecoverySpecification) as
        | dynamodb.CfnGlobalTable.PointInTimeRecoverySpecificationProperty
        | undefined;
      return NagRules.resolveIfPrimitive(node, pitr?.pointInTimeRecoveryEnabled) === true;
    });
    return replicas.length > 0 && enabled ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  },
  "name",
  { value: "GlobalTablePITREnabled" },
);

/** Every replica refuses deletion. */
const globalTableDeletionProtection = Object.defineProperty(
  (node: CfnResource): NagRuleCompliance => {
    if (!(node instanceof dynamodb.CfnGlobalTable)) return NagRuleCompliance.NOT_APPLICABLE;
    const replicas = replicasOf(node);
    const protectedReplicas = replicas.every(
      (replica) => NagRules.resolveIfPrimitive(node, replica.deletionProtectionEnabled) === true,
    );
    return replicas.length > 0 && protectedReplicas ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  },
  "name",
  { value: "GlobalTableDeletionProtection" },
);

/** The DynamoDB checks cdk-nag 3.0.2 lacks for `AWS::DynamoDB::GlobalTable`; their ids are `Desk-<suffix>`. */
export class GlobalTableChecks extends NagPack {
  readonly name = "Desk";

  constructor(...args: ConstructorParameters<typeof NagPack>) {
    super(...args);
    this.packName = "Desk";
  }

  protected checkResource(node: CfnResource): void {
    this.applyRule({
      ruleSuffixOverride: "DDB3",
      info: "A replica of the DynamoDB global table (TableV2) does not have point-in-time recovery enabled.",
      explanation:
        "AwsSolutions-DDB3 for AWS::DynamoDB::GlobalTable, which cdk-nag 3.0.2 does not check: point-in-time " +
        "recovery restores a table to any second of the last 35 days.",
      level: NagMessageLevel.ERROR,
      rule: globalTablePitr,
      node,
    });
    this.applyRule({
      ruleSuffixOverride: "DDB-DeletionProtection",
      info: "A replica of the DynamoDB global table (TableV2) can be deleted.",
      explanation: "Deletion protection keeps a stack change or a console click from dropping the data.",
      level: NagMessageLevel.ERROR,
      rule: globalTableDeletionProtection,
      node,
    });
  }
}
