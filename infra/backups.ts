// AWS Backup over the desk's tables: a daily recovery point kept 35 days in the desk's own vault, encrypted with its
// own key, beside each table's point-in-time recovery (the last 35 days to the second).
import { CfnOutput, Duration, RemovalPolicy, Stack } from "aws-cdk-lib";
import * as backup from "aws-cdk-lib/aws-backup";
import type * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import * as events from "aws-cdk-lib/aws-events";
import * as kms from "aws-cdk-lib/aws-kms";
import { Construct } from "constructs";
import { type NameRule, stageScopedName } from "./physical-names.ts";

/** How long a daily recovery point is kept. */
export const BACKUP_RETENTION = Duration.days(35);

const VAULT_NAME: NameRule = { what: "An AWS Backup vault name", maxLength: 50, characters: "a-zA-Z0-9_-" };
const PLAN_NAME: NameRule = { what: "An AWS Backup plan name", maxLength: 50, characters: "a-zA-Z0-9_.-" };

export class TableBackups extends Construct {
  readonly vault: backup.BackupVault;
  readonly plan: backup.BackupPlan;
  readonly key: kms.Key;

  constructor(scope: Construct, id: string, tables: dynamodb.ITableV2[]) {
    super(scope, id);
    this.key = new kms.Key(this, "VaultKey", {
      description: "Encrypts the 1540 desk's backup vault",
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.vault = new backup.BackupVault(this, "Vault", {
      // Unique in the account and region: the stage's name, not the construct path every stage shares (ADR 0046).
      backupVaultName: stageScopedName(this, "Backups", VAULT_NAME),
      encryptionKey: this.key,
      // Recovery points outlive the stack; a vault that still holds some cannot be deleted anyway.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.plan = new backup.BackupPlan(this, "Plan", {
      // Not "Plan" in every stage: AWS Backup refuses a second plan like one it has (ADR 0046).
      backupPlanName: stageScopedName(this, "Daily", PLAN_NAME),
      backupVault: this.vault,
      backupPlanRules: [
        new backup.BackupPlanRule({
          ruleName: "Daily",
          // 03:00 UTC: after the day's work in New York and Geneva.
          scheduleExpression: events.Schedule.cron({ minute: "0", hour: "3" }),
          startWindow: Duration.hours(1),
          completionWindow: Duration.hours(8),
          deleteAfter: BACKUP_RETENTION,
        }),
      ],
    });
    this.plan.addSelection("Tables", {
      resources: tables.map((table) => backup.BackupResource.fromArn(table.tableArn)),
      // The same role restores a recovery point (docs/operations.md, "Restoring a table").
      allowRestores: true,
    });
    new CfnOutput(Stack.of(this), "BackupVaultName", {
      value: this.vault.backupVaultName,
      description: "The vault of the daily recovery points (docs/operations.md, Restoring a table)",
    });
  }
}
