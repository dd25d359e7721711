// AWS Backup over the desk's tables: a daily recovery point kept 35 days in the desk's own vault, encrypted with its
// own key, beside each table's point-in-time recovery (the last 35 days to the second).
import { Duration, RemovalPolicy } from "aws-cdk-lib";
import * as backup from "aws-cdk-lib/aws-backup";
import type * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import * as events from "aws-cdk-lib/aws-events";
import * as kms from "aws-cdk-lib/aws-kms";
import { Construct } from "constructs";

/** How long a daily recovery point is kept. */
export const BACKUP_RETENTION = Duration.days(35);

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
      encryptionKey: this.key,
      // Recovery points outlive the stack; a vault that still holds some cannot be deleted anyway.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.plan = new backup.BackupPlan(this, "Plan", {
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
  }
}
