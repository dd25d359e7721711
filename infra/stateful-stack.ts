// The stateful stack: the DynamoDB tables and their backups, kept apart so that no code redeploy can drop data.
import { CfnOutput, RemovalPolicy, Stack, type StackProps } from "aws-cdk-lib";
import * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import type { Construct } from "constructs";
import { type TableDefinition, tables } from "../shared/tables.ts";
import { TableBackups } from "./backups.ts";

export class StatefulStack extends Stack {
  readonly deskTable: dynamodb.TableV2;
  readonly auditTable: dynamodb.TableV2;
  readonly backups: TableBackups;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.deskTable = buildTable(this, tables.desk);
    this.auditTable = buildTable(this, tables.audit);
    this.backups = new TableBackups(this, "Backups", [this.deskTable, this.auditTable]);
  }
}

function buildTable(scope: Construct, definition: TableDefinition): dynamodb.TableV2 {
  const key = (name: string): dynamodb.Attribute => ({ name, type: dynamodb.AttributeType.STRING });
  const table = new dynamodb.TableV2(scope, definition.id, {
    partitionKey: key(definition.partitionKey),
    sortKey: key(definition.sortKey),
    globalSecondaryIndexes: definition.indexes.map((index) => ({
      indexName: index.indexName,
      partitionKey: key(index.partitionKey),
      sortKey: key(index.sortKey),
      projectionType: dynamodb.ProjectionType.ALL,
    })),
    dynamoStream: definition.stream ? dynamodb.StreamViewType[definition.stream] : undefined,
    billing: dynamodb.Billing.onDemand(),
    encryption: dynamodb.TableEncryptionV2.awsManagedKey(),
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  new CfnOutput(scope, `${definition.id}TableName`, { value: table.tableName });
  return table;
}
